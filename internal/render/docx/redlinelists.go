package docx

import (
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/redline/marked"
	house "github.com/chancery-dev/chancery/internal/style"
)

// Redlines on the document's numbering.
//
// A redline holds the paragraphs of both versions: a unit added whole has
// its paragraph mark inserted, one removed whole deleted. Its sections,
// paragraphs and items are numbered by the same outline list and the same
// linked styles as the document (numbering.go), so that Word and
// LibreOffice count them: accepting every change drops the removed
// paragraphs and the rest renumber to the new version's numbers, rejecting
// every one drops the added ones and they renumber to the old. Nothing
// about a renumbered unit needs marking.
//
// The plan is checked by counting both versions as Word does: a paragraph
// the outline would number otherwise than its label in either version (a
// negotiation insert, a letter list under a roman default) keeps its label
// as text, out of the list (numId 0); the label of such a paragraph that
// was renumbered shows as the old label deleted and the new inserted.

// planRedline returns the outline of a redline and which of its
// paragraphs the outline numbers; nil when the redline has no numbering
// or the outline numbers none of them. Its label columns are measured in
// st (style.Builtin when nil).
func planRedline(d *marked.Doc, st *house.Style) (*numbering, []bool) {
	if d.Numbering == nil {
		return nil, nil
	}
	chain := numberingChain(d.Numbering)
	a := &abstractList{ID: 0}
	for k := range a.Levels {
		a.Levels[k] = buildLevel(chain, k, d.Lang)
	}
	listed := make([]bool, len(d.Paras))
	for i, p := range d.Paras {
		k := p.Depth
		listed[i] = !p.Title && k >= 0 && k < maxLevels && a.Levels[k].OK &&
			(p.Mark == marked.Deleted || p.Label != "") && (p.Mark == marked.Inserted || p.OldLabel != "")
	}
	for again := true; again; {
		again = countsOff(d, a, listed, false) || countsOff(d, a, listed, true)
	}
	some := false
	for _, l := range listed {
		some = some || l
	}
	if !some {
		return nil, nil
	}
	outline := &listInstance{ID: 1, Abstract: a, Restart: -1}
	var labels []depthLabel
	for _, p := range d.Paras {
		labels = append(labels, depthLabel{p.Depth, p.Label}, depthLabel{p.Depth, p.OldLabel})
	}
	n := &numbering{Abstracts: []*abstractList{a}, Lists: []*listInstance{outline}, Outline: outline, lang: d.Lang,
		Cols: columnsFor(labels, st)}
	return n, listed
}

// countsOff counts the listed paragraphs of one version (the old one when
// old is true) as Word does and takes the first whose number is not its
// label out of the list, reporting whether it did.
func countsOff(d *marked.Doc, a *abstractList, listed []bool, old bool) bool {
	var c [maxLevels]int
	for i, p := range d.Paras {
		if !listed[i] || (old && p.Mark == marked.Inserted) || (!old && p.Mark == marked.Deleted) {
			continue
		}
		k := p.Depth
		c[k]++
		for j := k + 1; j < maxLevels; j++ {
			c[j] = 0
		}
		label := p.Label
		if old {
			label = p.OldLabel
		}
		lvl := a.Levels[k]
		if lvl.render(a.formats(), &c)+lvl.Trailer != label {
			listed[i] = false
			return true
		}
	}
	return false
}

// numberingChain is the scheme of every Word level under a numbering.
func numberingChain(n *model.Numbering) []*model.Scheme {
	return fullChain(&model.Document{Numbering: *n}, nil)
}
