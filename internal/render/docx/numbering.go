package docx

import (
	"github.com/chancery-dev/chancery/internal/lower"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// The instrument's numbering in Word terms.
//
// Every list of siblings numbered by the document's default schemes
// (sections, their paragraphs, the items under a paragraph) is on one
// list, the outline: Word counts its levels together, so "%1.%2" prints
// the section's number and a level restarts after any higher one. Each
// outline level is linked to the paragraph style of its depth (Heading 1,
// Paragraph, Item Level 1 ...: w:pStyle in the w:lvl, w:numPr in the
// style), so that applying the style numbers a paragraph and Enter after a
// numbered paragraph continues the list; paragraphs numbered by their
// style carry no numPr of their own. Every other list of siblings (an
// alpha list under a roman default, items under an unnumbered paragraph)
// is a list instance of its own (w:num with a w:startOverride), on an
// abstract list whose levels follow the schemes from the top down to it,
// and its paragraphs carry their numPr.
//
// Negotiation inserts ("(ii) (bis)") keep their label as text and are
// taken out of the list (numId 0): Word does not count them, so the unit
// after the insert still gets "iii.". Unnumbered paragraphs of a numbered
// style are taken out alike.
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
	// Outline is the list the depth styles are linked to (nil when no
	// unit is on it).
	Outline *listInstance
	// Cols are the label columns the levels indent by.
	Cols labelColumns
	// Bullets are the bullets of the document's bullet lists by list
	// level, and BulletNum the list instance they are on (0: no bullets).
	// BulletStep is how far each list level indents, in twips (0 for
	// bulletIndent; see bulletStepOf).
	Bullets    []string
	BulletNum  int
	BulletStep int
	at         map[*model.Unit]*placement
	// lang is the language whose labels the lists print.
	lang string
}

// addBullets gives the bullet items of in a list of their own, after the
// lists of the numbering.
func (n *numbering) addBullets(in *lower.Instrument) {
	for _, b := range in.Blocks {
		if u, ok := b.(*lower.Unit); ok && u.Bullet {
			n.Bullets = in.Source.Numbering.Bullets
			if len(n.Bullets) == 0 {
				n.Bullets = model.DefaultBullets()
			}
			n.BulletNum = 1
			for _, l := range n.Lists {
				n.BulletNum = max(n.BulletNum, l.ID+1)
			}
			return
		}
	}
}

// bulletAbstractID is the id of the bullet lists' abstract list.
func (n *numbering) bulletAbstractID() int {
	id := 0
	for _, a := range n.Abstracts {
		id = max(id, a.ID+1)
	}
	return id
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
// label in the plan's language without the trailer.
func (n *numbering) printed(u *model.Unit, lvl listLevel) string {
	return strings.TrimSuffix(u.LabelIn(n.lang), lvl.Trailer)
}

// planNumbering lays the document's units out on Word lists, numbered as
// the edition in language lang prints them.
func planNumbering(doc *model.Document, lang string) *numbering {
	groups := collectSiblings(doc)
	fb := map[*siblings]fallback{}
	for {
		n, owner := layOut(doc, groups, fb, lang)
		bad := n.check(doc, owner)
		if len(bad) == 0 {
			n.Cols = measureColumns(doc, lang, nil)
			return n
		}
		for _, g := range bad {
			fb[g] = max(fb[g], n.tierOf(g)) + 1
		}
	}
}

// fallback is how a list of siblings is numbered when the outline cannot
// number it as chancery does.
type fallback int

const (
	onOutline fallback = iota // the outline, when its schemes are the defaults
	ownList                   // a list instance of its own
	asText                    // labels as text
)

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

// layOut places every list not numbered as text and returns the plan and
// the list each placed unit came from.
func layOut(doc *model.Document, groups []*siblings, fb map[*siblings]fallback, lang string) (*numbering, map[*model.Unit]*siblings) {
	n := &numbering{at: map[*model.Unit]*placement{}, lang: lang}
	owner := map[*model.Unit]*siblings{}
	abstracts := map[string]*abstractList{}
	abstract := func(key string, chain []*model.Scheme) *abstractList {
		if a := abstracts[key]; a != nil {
			return a
		}
		a := &abstractList{ID: len(n.Abstracts)}
		full := fullChain(doc, chain)
		for k := range a.Levels {
			a.Levels[k] = buildLevel(full, k, lang)
		}
		abstracts[key] = a
		n.Abstracts = append(n.Abstracts, a)
		return a
	}
	outlineChain := fullChain(doc, nil)
	for _, g := range groups {
		k := g.depth
		lvl := buildLevel(fullChain(doc, g.chain), k, lang)
		if !lvl.OK {
			continue
		}
		var list *listInstance
		tier := fb[g]
		if !sameSchemes(g.chain, outlineChain[:k+1]) || (k > 0 && !n.inList(parentOf(g), n.Outline)) {
			tier = max(tier, ownList) // not the outline's to number
		}
		switch {
		case tier >= asText:
			continue
		case tier == onOutline:
			if n.Outline == nil {
				n.Outline = &listInstance{ID: len(n.Lists) + 1, Abstract: abstract(outlineKey, outlineChain), Restart: -1}
				n.Lists = append(n.Lists, n.Outline)
			}
			list = n.Outline
		case k == 0 || lvl.needsContext(k):
			continue // prints numbers of levels above it, which only the outline has
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

// tierOf is how the plan numbers a list of siblings.
func (n *numbering) tierOf(g *siblings) fallback {
	for _, u := range g.units {
		if p := n.at[u]; p != nil {
			if p.list == n.Outline {
				return onOutline
			}
			return ownList
		}
	}
	return asText
}

// links is how the depth styles are linked to the plan's outline.
func (n *numbering) links() styleLinks {
	return styleLinks{Num: n.link, Cols: n.Cols}
}

// styleNum is the numPr a paragraph in a depth style must carry: nil when
// the style's own link numbers it, numId 0 when it is not numbered by Word
// though its style is, its place otherwise.
func (n *numbering) styleNum(u *model.Unit, depth int) *numRef {
	p := n.ref(u)
	link := n.link(depth)
	switch {
	case p == nil && link == nil:
		return nil
	case p == nil:
		return &numRef{NumID: 0, Level: 0}
	case link != nil && *p == *link:
		return nil
	}
	return p
}

// link is the numPr of the style of units at depth: the outline's level
// of that depth, or nil without an outline.
func (n *numbering) link(depth int) *numRef {
	if n.Outline == nil || depth < 0 || depth >= maxLevels {
		return nil
	}
	return &numRef{NumID: n.Outline.ID, Level: depth}
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
		if lvl.render(p.list.Abstract.formats(), c) != n.printed(u, lvl) || !strings.HasSuffix(u.LabelIn(n.lang), lvl.Trailer) {
			if g := owner[u]; !seen[g] {
				seen[g] = true
				bad = append(bad, g)
			}
		}
	})
	return bad
}
