package docx

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// The instrument's numbering in Word terms.
//
// Sections and everything whose number prints its parent's ("4.1") share
// one list, the outline: Word counts its levels together, so "%1.%2"
// prints the section's number and a level restarts after any higher one.
// Every other list of siblings ("i." ... under 1.2, "a." ... under 3.1) is
// a list instance of its own (w:num with a w:startOverride), on an
// abstract list whose levels follow the schemes from the top down to it,
// so that item lists restart under each paragraph and an alpha list under
// a roman default keeps its letters.
//
// Negotiation inserts ("(ii) (bis)") keep their label as text and have no
// numPr: Word does not count them, so the unit after the insert still gets
// "iii.". Unnumbered paragraphs have no numPr either.
//
// The plan is checked by counting as Word does: a list whose printed
// numbers would differ from the labels chancery gave (a scheme Word cannot
// print, a parent that is an insert) falls back to labels as text.

// outlineKey names the outline's abstract list.
const outlineKey = "outline"

// abstractList is one w:abstractNum.
type abstractList struct {
	ID     int
	Levels [maxLevels]listLevel
}

// formats lists the number format of each level, for rendering.
func (a *abstractList) formats() *[maxLevels]string {
	var f [maxLevels]string
	for i, l := range a.Levels {
		f[i] = l.Format
	}
	return &f
}

// listInstance is one w:num.
type listInstance struct {
	ID       int
	Abstract *abstractList
	Restart  int // level restarted at 1 by a w:startOverride; -1 for none
}

// numbering is the plan: the lists and where every Word-numbered unit is.
type numbering struct {
	Abstracts []*abstractList
	Lists     []*listInstance
	at        map[*model.Unit]*placement
}

// placement is a unit's place in a list.
type placement struct {
	list  *listInstance
	level int
}

// siblings is a list of sibling units as the model has them.
type siblings struct {
	depth int
	chain []*model.Scheme // the schemes of levels 0 to depth
	units []*model.Unit
}

// ref returns the numPr of a unit Word numbers, or nil.
func (n *numbering) ref(u *model.Unit) *numRef {
	p := n.at[u]
	if p == nil {
		return nil
	}
	return &numRef{NumID: p.list.ID, Level: p.level}
}

// level returns the list level a Word-numbered unit is on.
func (n *numbering) level(u *model.Unit) (listLevel, bool) {
	p := n.at[u]
	if p == nil {
		return listLevel{}, false
	}
	return p.list.Abstract.Levels[p.level], true
}

// printed is the number Word prints before a Word-numbered unit: its
// label without the trailer.
func printed(u *model.Unit, lvl listLevel) string {
	return strings.TrimSuffix(u.Label, lvl.Trailer)
}

// planNumbering lays the document's units out on Word lists.
func planNumbering(doc *model.Document) *numbering {
	groups := collectSiblings(doc)
	literal := map[*siblings]bool{}
	for {
		n, owner := layOut(doc, groups, literal)
		bad := n.check(doc, owner)
		if len(bad) == 0 {
			return n
		}
		for _, g := range bad {
			literal[g] = true
		}
	}
}

// collectSiblings lists the sibling lists in document order.
func collectSiblings(doc *model.Document) []*siblings {
	var out []*siblings
	var walk func(units []*model.Unit, depth int, up []*model.Scheme)
	walk = func(units []*model.Unit, depth int, up []*model.Scheme) {
		if len(units) == 0 || units[0].Scheme == nil {
			return
		}
		chain := append(append([]*model.Scheme(nil), up...), units[0].Scheme)
		if depth >= maxLevels {
			return // deeper than Word lists go: labels stay text
		}
		out = append(out, &siblings{depth: depth, chain: chain, units: units})
		for _, u := range units {
			walk(u.Children, depth+1, chain)
		}
	}
	walk(doc.Sections, 0, nil)
	return out
}

// layOut places every list not marked literal and returns the plan and
// the list each placed unit came from.
func layOut(doc *model.Document, groups []*siblings, literal map[*siblings]bool) (*numbering, map[*model.Unit]*siblings) {
	n := &numbering{at: map[*model.Unit]*placement{}}
	owner := map[*model.Unit]*siblings{}
	abstracts := map[string]*abstractList{}
	abstract := func(key string, chain []*model.Scheme) *abstractList {
		if a := abstracts[key]; a != nil {
			return a
		}
		a := &abstractList{ID: len(n.Abstracts)}
		full := fullChain(doc, chain)
		for k := range a.Levels {
			a.Levels[k] = buildLevel(full, k)
		}
		abstracts[key] = a
		n.Abstracts = append(n.Abstracts, a)
		return a
	}
	var outline *listInstance
	outlineChain := fullChain(doc, nil)
	for _, g := range groups {
		if literal[g] {
			continue
		}
		k := g.depth
		lvl := buildLevel(fullChain(doc, g.chain), k)
		if !lvl.OK {
			continue
		}
		var list *listInstance
		switch {
		case k == 0 || lvl.needsContext(k):
			if !sameSchemes(g.chain, outlineChain[:k+1]) || (k > 0 && !n.inList(parentOf(g), outline)) {
				continue
			}
			if outline == nil {
				outline = &listInstance{ID: len(n.Lists) + 1, Abstract: abstract(outlineKey, outlineChain), Restart: -1}
				n.Lists = append(n.Lists, outline)
			}
			list = outline
		default:
			list = &listInstance{ID: len(n.Lists) + 1, Abstract: abstract(chainKey(g.chain), g.chain), Restart: k}
			n.Lists = append(n.Lists, list)
		}
		for _, u := range g.units {
			if wordNumbered(u) {
				n.at[u] = &placement{list: list, level: k}
				owner[u] = g
			}
		}
	}
	return n, owner
}

// wordNumbered says whether Word may number a unit: a numbered unit that
// is not a draft insert (those keep their "(ii) (bis)" label as text).
func wordNumbered(u *model.Unit) bool {
	return u.Numbered && u.Label != "" && u.Suffix == ""
}

func parentOf(g *siblings) *model.Unit { return g.units[0].Parent }

func (n *numbering) inList(u *model.Unit, list *listInstance) bool {
	p := n.at[u]
	return u != nil && list != nil && p != nil && p.list == list
}

// fullChain extends chain to every Word level with the document's default
// schemes, which Word uses when an officer demotes a paragraph.
func fullChain(doc *model.Document, chain []*model.Scheme) []*model.Scheme {
	full := make([]*model.Scheme, maxLevels)
	for k := range full {
		if k < len(chain) {
			full[k] = chain[k]
			continue
		}
		s := doc.Numbering.Schemes[doc.Numbering.SchemeAt(k)]
		if s == nil {
			s = &model.Scheme{Name: "default", Label: "{n}."}
		}
		full[k] = s
	}
	return full
}

func sameSchemes(a, b []*model.Scheme) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func chainKey(chain []*model.Scheme) string {
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = s.Name
	}
	return strings.Join(names, "/")
}

// check counts every list as Word does and returns the sibling lists
// where Word would print something other than the unit's label.
func (n *numbering) check(doc *model.Document, owner map[*model.Unit]*siblings) []*siblings {
	counters := map[*listInstance]*[maxLevels]int{}
	var bad []*siblings
	seen := map[*siblings]bool{}
	doc.Walk(func(u *model.Unit) {
		p := n.at[u]
		if p == nil {
			return
		}
		c := counters[p.list]
		if c == nil {
			c = &[maxLevels]int{}
			counters[p.list] = c
		}
		c[p.level]++
		for j := p.level + 1; j < maxLevels; j++ {
			c[j] = 0
		}
		lvl := p.list.Abstract.Levels[p.level]
		if lvl.render(p.list.Abstract.formats(), c) != printed(u, lvl) || !strings.HasSuffix(u.Label, lvl.Trailer) {
			if g := owner[u]; !seen[g] {
				seen[g] = true
				bad = append(bad, g)
			}
		}
	})
	return bad
}
