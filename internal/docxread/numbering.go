package docxread

import (
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/number"
)

// styleDef is what a style contributes: its parent, bold and italic, and
// for a paragraph style the list it numbers.
type styleDef struct {
	basedOn       string
	bold, italic  *bool
	numID, ilvl   string
	hasNum, hasLv bool
}

type styles struct {
	para, char map[string]*styleDef
}

func readStyles(root *node) *styles {
	st := &styles{para: map[string]*styleDef{}, char: map[string]*styleDef{}}
	for _, s := range root.children {
		if s.local != "style" {
			continue
		}
		d := &styleDef{}
		d.basedOn, _ = s.val("basedOn")
		if rpr := s.child("rPr"); rpr != nil {
			if v, ok := rpr.on("b"); ok {
				d.bold = &v
			}
			if v, ok := rpr.on("i"); ok {
				d.italic = &v
			}
		}
		if ppr := s.child("pPr"); ppr != nil {
			if np := ppr.child("numPr"); np != nil {
				d.numID, d.hasNum = np.val("numId")
				d.ilvl, d.hasLv = np.val("ilvl")
			}
		}
		switch s.attr("type") {
		case "paragraph":
			st.para[s.attr("styleId")] = d
		case "character":
			st.char[s.attr("styleId")] = d
		}
	}
	return st
}

// charFormat is the bold and italic a character style gives, following
// basedOn (at most a few levels, against cycles).
func (st *styles) charFormat(id string) (bold, italic bool) {
	var b, i *bool
	for hops := 0; id != "" && hops < 16; hops++ {
		d := st.char[id]
		if d == nil {
			break
		}
		if b == nil {
			b = d.bold
		}
		if i == nil {
			i = d.italic
		}
		id = d.basedOn
	}
	return b != nil && *b, i != nil && *i
}

// paraNum is the list a paragraph style numbers with, following basedOn.
func (st *styles) paraNum(id string) (numID string, ilvl int, ok bool) {
	lvl := ""
	for hops := 0; id != "" && hops < 16; hops++ {
		d := st.para[id]
		if d == nil {
			break
		}
		if lvl == "" && d.hasLv {
			lvl = d.ilvl
		}
		if d.hasNum {
			n, _ := strconv.Atoi(lvl)
			return d.numID, n, true
		}
		id = d.basedOn
	}
	return "", 0, false
}

// level is one level of a list definition.
type level struct {
	start   int
	format  string // numFmt
	text    string // lvlText, "%1.%2"
	restart int    // lvlRestart: -1 default (restart after any higher level), 0 never
	legal   bool   // isLgl: every number decimal
}

type numInstance struct {
	abstract  string
	overrides map[int]int    // level -> startOverride
	levels    map[int]*level // lvlOverride with a whole lvl
}

type numbering struct {
	abstracts map[string]map[int]*level
	nums      map[string]*numInstance
}

func readLevel(l *node) *level {
	lv := &level{start: 1, format: "decimal", restart: -1}
	if v, ok := l.val("start"); ok {
		lv.start, _ = strconv.Atoi(v)
	}
	if v, ok := l.val("numFmt"); ok {
		lv.format = v
	}
	if v, ok := l.val("lvlText"); ok {
		lv.text = v
	}
	if v, ok := l.val("lvlRestart"); ok {
		lv.restart, _ = strconv.Atoi(v)
	}
	if v, ok := l.on("isLgl"); ok {
		lv.legal = v
	}
	return lv
}

func readNumbering(root *node) *numbering {
	num := &numbering{abstracts: map[string]map[int]*level{}, nums: map[string]*numInstance{}}
	for _, c := range root.children {
		switch c.local {
		case "abstractNum":
			levels := map[int]*level{}
			for _, l := range c.children {
				if l.local == "lvl" {
					i, err := strconv.Atoi(l.attr("ilvl"))
					if err == nil && i >= 0 && i < 9 {
						levels[i] = readLevel(l)
					}
				}
			}
			num.abstracts[c.attr("abstractNumId")] = levels
		case "num":
			inst := &numInstance{overrides: map[int]int{}, levels: map[int]*level{}}
			inst.abstract, _ = c.val("abstractNumId")
			for _, o := range c.children {
				if o.local != "lvlOverride" {
					continue
				}
				i, err := strconv.Atoi(o.attr("ilvl"))
				if err != nil || i < 0 || i >= 9 {
					continue
				}
				if v, ok := o.val("startOverride"); ok {
					inst.overrides[i], _ = strconv.Atoi(v)
				}
				if l := o.child("lvl"); l != nil {
					inst.levels[i] = readLevel(l)
				}
			}
			num.nums[c.attr("numId")] = inst
		}
	}
	return num
}

func (num *numbering) level(numID string, ilvl int) *level {
	inst := num.nums[numID]
	if inst == nil {
		return nil
	}
	if l := inst.levels[ilvl]; l != nil {
		return l
	}
	return num.abstracts[inst.abstract][ilvl]
}

// label computes the number Word shows before every numbered paragraph.
// Counters run per abstract list, as in Word: lists sharing a definition
// continue each other unless an instance restarts a level (startOverride).
func label(doc *Document, st *styles, num *numbering, part, numPart string) error {
	type counters struct {
		n   [9]int
		set [9]bool
	}
	lists := map[string]*counters{}
	started := map[string]bool{}
	for _, p := range doc.Paragraphs {
		numID, ilvl := p.NumID, p.Level
		if numID == "-" || numID == "" {
			if sid, slvl, ok := st.paraNum(p.Style); ok {
				if numID == "" {
					ilvl = slvl
				}
				numID = sid
			} else if numID == "-" {
				numID = ""
			}
		}
		p.NumID, p.Level = numID, ilvl
		if numID == "" || numID == "0" {
			p.NumID = ""
			continue
		}
		if num == nil {
			if numPart == "" {
				numPart = "word/numbering.xml"
			}
			return errorf(part, "paragraph %d is numbered (list %s) but the package has no numbering part (%s); save the document again from Word or LibreOffice", p.Index, numID, numPart)
		}
		if ilvl < 0 || ilvl > 8 {
			ilvl = 0
		}
		inst := num.nums[numID]
		if inst == nil {
			p.NumID = ""
			continue // Word shows no number for an unknown list
		}
		if p.Mark == Deleted && strings.TrimSpace(p.Text()) == "" {
			continue // a paragraph deleted as a whole is not counted
		}
		key := inst.abstract
		c := lists[key]
		if c == nil {
			c = &counters{}
			lists[key] = c
		}
		if !started[numID] {
			started[numID] = true
			for lvl, start := range inst.overrides {
				c.n[lvl], c.set[lvl] = start-1, true
				for d := lvl + 1; d < 9; d++ {
					c.set[d] = false
				}
			}
		}
		lv := num.level(numID, ilvl)
		if lv == nil {
			continue
		}
		p.Bullet = lv.format == "bullet"
		if !c.set[ilvl] {
			c.n[ilvl], c.set[ilvl] = lv.start-1, true
		}
		c.n[ilvl]++
		for d := ilvl + 1; d < 9; d++ {
			if l := num.level(numID, d); l == nil || l.restart != 0 {
				c.set[d] = false
			}
		}
		p.Label = expand(lv, ilvl, func(d int) (int, *level) {
			l := num.level(numID, d)
			n := c.n[d]
			if !c.set[d] && l != nil {
				n = l.start
			}
			return n, l
		})
	}
	return nil
}

// expand fills a lvlText such as "%1.%2" with the counters of the levels.
func expand(lv *level, ilvl int, at func(int) (int, *level)) string {
	if lv.format == "none" {
		return ""
	}
	if lv.format == "bullet" {
		return lv.text
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			d := int(t[i+1] - '1')
			n, l := at(d)
			format := "decimal"
			if l != nil {
				format = l.format
			}
			if lv.legal && d < ilvl {
				format = "decimal"
			}
			b.WriteString(number.NumFmt(format, n))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}
