package docx_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

// wordLists is numbering.xml as Word reads it.
type wordLists struct {
	abstractOf map[string]string         // numId -> abstractNumId
	restarts   map[string]map[int]bool   // numId -> levels restarted by startOverride
	levels     map[string]map[int]*node  // abstractNumId -> ilvl -> w:lvl
	nums       []string                  // numIds in order
	formats    map[string]map[int]string // abstractNumId -> ilvl -> numFmt
	texts      map[string]map[int]string // abstractNumId -> ilvl -> lvlText
	suffixes   map[string]map[int]string // abstractNumId -> ilvl -> suff
}

func readLists(t *testing.T, numbering *node) *wordLists {
	t.Helper()
	w := &wordLists{abstractOf: map[string]string{}, restarts: map[string]map[int]bool{},
		levels: map[string]map[int]*node{}, formats: map[string]map[int]string{},
		texts: map[string]map[int]string{}, suffixes: map[string]map[int]string{}}
	for _, a := range numbering.all("abstractNum") {
		id := a.attr("abstractNumId")
		w.levels[id], w.formats[id], w.texts[id], w.suffixes[id] = map[int]*node{}, map[int]string{}, map[int]string{}, map[int]string{}
		for _, l := range a.all("lvl") {
			k, _ := strconv.Atoi(l.attr("ilvl"))
			w.levels[id][k] = l
			w.formats[id][k] = l.val("numFmt")
			w.texts[id][k] = l.val("lvlText")
			w.suffixes[id][k] = l.val("suff")
		}
		if len(w.levels[id]) != 9 {
			t.Errorf("abstractNum %s has %d levels, want 9", id, len(w.levels[id]))
		}
	}
	for _, n := range numbering.all("num") {
		id := n.attr("numId")
		w.nums = append(w.nums, id)
		w.abstractOf[id] = n.val("abstractNumId")
		if w.levels[w.abstractOf[id]] == nil {
			t.Errorf("num %s uses undefined abstractNum %s", id, w.abstractOf[id])
		}
		w.restarts[id] = map[int]bool{}
		for _, o := range n.all("lvlOverride") {
			if o.child("startOverride").attr("val") == "1" {
				k, _ := strconv.Atoi(o.attr("ilvl"))
				w.restarts[id][k] = true
			}
		}
	}
	return w
}

// numbered is a paragraph with its numbering.
type numbered struct {
	style, text string
	numID       string // "" without numPr
	ilvl        int
}

// paragraphs lists the body's paragraphs with their numbering as Word
// applies it: the paragraph's own numPr or else its style's (following
// basedOn); numId 0 takes a paragraph out of its style's list.
func paragraphs(doc, styles *node) []numbered {
	styleNum := map[string]*node{}
	basedOn := map[string]string{}
	for _, s := range styles.all("style") {
		id := s.attr("styleId")
		basedOn[id] = s.val("basedOn")
		if ppr := s.child("pPr"); ppr != nil {
			styleNum[id] = ppr.child("numPr")
		}
	}
	var out []numbered
	for _, p := range doc.all("p") {
		n := numbered{text: p.shown()}
		if ppr := p.child("pPr"); ppr != nil {
			n.style = ppr.val("pStyle")
			np := ppr.child("numPr")
			for s := n.style; np == nil && s != ""; s = basedOn[s] {
				np = styleNum[s]
			}
			if np != nil && np.val("numId") != "0" {
				n.numID = np.val("numId")
				n.ilvl, _ = strconv.Atoi(np.val("ilvl"))
			}
		}
		out = append(out, n)
	}
	return out
}

// count prints every numbered paragraph's number as Word counts: per
// list instance, a level restarting after any higher level.
func (w *wordLists) count(ps []numbered) []string {
	counters := map[string]*[9]int{}
	var out []string
	for _, p := range ps {
		if p.numID == "" {
			continue
		}
		c := counters[p.numID]
		if c == nil {
			c = &[9]int{}
			counters[p.numID] = c
		}
		c[p.ilvl]++
		for j := p.ilvl + 1; j < 9; j++ {
			c[j] = 0
		}
		abs := w.abstractOf[p.numID]
		text := w.texts[abs][p.ilvl]
		for j := 8; j >= 0; j-- {
			text = strings.ReplaceAll(text, "%"+strconv.Itoa(j+1), format(w.formats[abs][j], max(c[j], 1)))
		}
		out = append(out, text)
	}
	return out
}

func format(f string, n int) string {
	switch f {
	case "lowerRoman":
		return number.Roman(n)
	case "upperRoman":
		return strings.ToUpper(number.Roman(n))
	case "lowerLetter":
		return number.Alpha(n)
	case "upperLetter":
		return strings.ToUpper(number.Alpha(n))
	}
	return strconv.Itoa(n)
}

func TestWordNumbersEveryUnitAsChanceryDoes(t *testing.T) {
	for _, final := range []bool{false, true} {
		t.Run(fmt.Sprintf("final=%v", final), func(t *testing.T) {
			a := assembleMoU(t, final)
			_, parts := unzip(t, render(t, a))
			doc := parseXML(t, parts["word/document.xml"])
			w := readLists(t, parseXML(t, parts["word/numbering.xml"]))
			ps := paragraphs(doc, parseXML(t, parts["word/styles.xml"]))
			printed := w.count(ps)
			// Word's number plus the paragraph's own leading text (the
			// section's ":") gives chancery's label.
			var got, want []string
			i := 0
			for _, p := range ps {
				if p.numID == "" {
					continue
				}
				lead, _, _ := strings.Cut(p.text, "\t")
				if p.style != "Heading1" {
					lead = ""
				}
				got = append(got, printed[i]+lead)
				i++
			}
			a.doc.Walk(func(u *model.Unit) {
				if u.Numbered && u.Suffix == "" {
					want = append(want, u.Label)
				}
			})
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("Word prints\n%s\nchancery labels\n%s", strings.Join(got, " "), strings.Join(want, " "))
			}
		})
	}
}

func TestNumberingLevelsFollowTheSchemes(t *testing.T) {
	doc, styles, numbering, _ := mouParts(t, false)
	w := readLists(t, numbering)
	ps := paragraphs(doc, styles)

	outline := ""
	for _, p := range ps {
		if p.style == "Heading1" {
			outline = p.numID
			break
		}
	}
	abs := w.abstractOf[outline]
	type lvl struct{ format, text, suff string }
	wantOutline := []lvl{
		{"decimal", "%1", "nothing"}, // "4" + ":" in the text, so REF \n gives "4"
		{"decimal", "%1.%2", "tab"},
		{"lowerRoman", "%3.", "tab"},
		{"lowerLetter", "%4.", "tab"},
	}
	for k, want := range wantOutline {
		got := lvl{w.formats[abs][k], w.texts[abs][k], w.suffixes[abs][k]}
		if got != want {
			t.Errorf("outline level %d = %+v, want %+v", k, got, want)
		}
	}

	// Each outline level is linked to its depth's style.
	for k, style := range []string{"Heading1", "Paragraph", "ItemLevel1", "ItemLevel2"} {
		if got := w.levels[abs][k].val("pStyle"); got != style {
			t.Errorf("outline level %d is linked to style %q, want %s", k, got, style)
		}
	}

	// Sections, paragraphs and the roman item lists (the default scheme)
	// are on the outline, numbered by their styles; the letter item lists
	// each on an instance of their own that restarts them.
	items := map[string][]string{} // list -> texts
	var order []string
	lastParagraph := ""
	for _, p := range doc.all("p") {
		if ppr := p.child("pPr"); ppr != nil && ppr.child("numPr") != nil && ppr.child("numPr").val("numId") == outline {
			t.Errorf("paragraph %q names the outline its style numbers it on", short(p.shown()))
		}
	}
	for _, p := range ps {
		switch p.style {
		case "Heading1", "Paragraph":
			wantLvl := map[string]int{"Heading1": 0, "Paragraph": 1}[p.style]
			if p.numID != outline || p.ilvl != wantLvl {
				t.Errorf("%s %q on list %s level %d", p.style, short(p.text), p.numID, p.ilvl)
			}
			if p.style == "Heading1" && !strings.HasPrefix(p.text, ":\t") {
				t.Errorf("section heading %q does not start with its trailer", short(p.text))
			}
		}
		if p.style == "Paragraph" {
			lastParagraph = p.text
		}
		switch p.style {
		case "ParagraphUnnumbered":
			if p.numID != "" {
				t.Errorf("unnumbered paragraph %q has numPr", short(p.text))
			}
		case "ItemLevel1":
			if p.numID == "" {
				if !strings.HasPrefix(p.text, "(ii) (bis)\t") {
					t.Errorf("item %q has no numbering", short(p.text))
				}
				continue
			}
			if p.ilvl != 2 {
				t.Errorf("item %q on list %s level %d", short(p.text), p.numID, p.ilvl)
			}
			// An item list on the outline is told from the next by the
			// paragraph before it.
			key := p.numID
			if key == outline {
				key = outline + "@" + lastParagraph
			}
			if items[key] == nil {
				order = append(order, key)
			}
			items[key] = append(items[key], short(p.text))
		}
	}
	if len(order) != 4 {
		t.Fatalf("%d item lists, want 4 (1.2, 2.1, 3.1, 9.2)", len(order))
	}
	wantFormats := []string{"lowerRoman", "lowerRoman", "lowerLetter", "lowerLetter"}
	wantLens := []int{4, 5, 2, 3} // 2.1 has six items, one of them the insert
	wantOnOutline := []bool{true, true, false, false}
	for i, key := range order {
		id, _, _ := strings.Cut(key, "@")
		a := w.abstractOf[id]
		if w.formats[a][2] != wantFormats[i] || w.texts[a][2] != "%3." {
			t.Errorf("item list %d: level 2 is %s %q", i, w.formats[a][2], w.texts[a][2])
		}
		if (id == outline) != wantOnOutline[i] {
			t.Errorf("item list %d on the outline: %v, want %v", i, id == outline, wantOnOutline[i])
		}
		if id != outline && !w.restarts[id][2] {
			t.Errorf("item list %d does not restart level 2", i)
		}
		if len(items[key]) != wantLens[i] {
			t.Errorf("item list %d has %d numbered items, want %d", i, len(items[key]), wantLens[i])
		}
	}
	// The insert sits between ii. and iii. of 2.1's list.
	for i, p := range ps {
		if strings.HasPrefix(p.text, "(ii) (bis)") {
			if ps[i-1].numID != outline || ps[i+1].numID != outline || ps[i].numID != "" {
				t.Errorf("insert not between items of 2.1's list")
			}
		}
	}
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
