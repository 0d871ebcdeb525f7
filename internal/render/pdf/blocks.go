package pdf

import (
	"github.com/chancery-dev/chancery/internal/model"
)

// document lays out the instrument in the reading order of the text
// writer: title block, parties, recitals, transition, sections, closing
// clause and signature table.
func (r *renderer) document() []block {
	doc := r.doc
	r.labelCols = r.labelColumns()
	var out []block
	out = append(out, r.titleBlock())
	for i, p := range doc.Parties {
		if i > 0 && doc.PartiesJoiner != nil {
			out = append(out, r.textBlock(center, flatten(r.runs(doc.PartiesJoiner, "parties_joiner"), regular)))
		}
		var parts []styled
		if i == 0 && doc.PartiesIntro != nil {
			parts = append(flatten(r.runs(doc.PartiesIntro, "parties_intro"), regular), styled{" ", regular})
		}
		parts = append(parts, flatten(r.runs(p.Description, "party "+p.ID), regular)...)
		out = append(out, r.textBlock(justify, parts))
	}
	if doc.PartiesOutro != nil {
		out = append(out, r.textBlock(justify, flatten(r.runs(doc.PartiesOutro, "parties_outro"), regular)))
	}
	for _, rc := range doc.Recitals {
		var parts []styled
		if rc.Lead != nil {
			parts = append(flatten(r.runs(rc.Lead, "recital "+rc.ID), regular), styled{" ", regular})
		}
		parts = append(parts, flatten(r.runs(rc.Text, "recital "+rc.ID), regular)...)
		out = append(out, r.textBlock(justify, parts))
	}
	if doc.Transition != nil {
		out = append(out, r.textBlock(justify, flatten(r.runs(doc.Transition, "transition"), regular)))
	}
	if len(out) > 1 {
		r.outline(&out[1], "preamble")
	}
	for _, s := range doc.Sections {
		out = r.unit(out, s)
	}
	if doc.Closing != nil {
		closing := r.textBlock(justify, flatten(r.runs(doc.Closing, "closing"), regular))
		closing.keepWithNext = true
		out = append(out, closing)
	}
	if sig, ok := r.signatureBlock(); ok {
		r.outline(&sig, "signatures")
		out = append(out, sig)
	}
	return out
}

// outline makes b an entry of the outline, named by a word of the
// language data: the preamble (what precedes the sections, from the
// parties on) and the signature page frame the sections' entries.
func (r *renderer) outline(b *block, word string) {
	if len(b.boxes) > 0 {
		b.boxes[0].mark = r.word(word)
	}
}

// titleBlock is the bold centred title, the DRAFT line first in a draft.
func (r *renderer) titleBlock() block {
	var lines [][]styled
	if r.doc.Status != model.StatusFinal {
		lines = append(lines, []styled{{r.word("draft"), bold}})
	}
	for _, t := range r.doc.Title {
		lines = append(lines, flatten(r.runs(t, "title line"), bold))
	}
	b := block{after: blockGap, keepTogether: true}
	for i, parts := range lines {
		boxes := lineBoxes(setParagraph(r.words(parts...), textWidth, center), marginLeft, leading, bodySize)
		if i < len(lines)-1 && len(boxes) > 0 {
			boxes[len(boxes)-1].h += titleGap
		}
		b.boxes = append(b.boxes, boxes...)
	}
	return b
}

// textBlock is a full-width paragraph.
func (r *renderer) textBlock(al align, parts []styled) block {
	lines := setParagraph(r.words(parts...), textWidth, al)
	return block{boxes: lineBoxes(lines, marginLeft, leading, bodySize), after: paraGap}
}
