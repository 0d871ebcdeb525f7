package pdf

import (
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// document lays out the instrument's blocks: the title block (the DRAFT
// line first in a draft), parties, recitals, transition, units, closing
// clause and signature table. A marked original's marking is printed at
// the head of every page, not in the body.
func (r *renderer) document() []block {
	r.labelCols = r.labelColumns()
	var out []block
	var title [][]styled
	titled := 0 // blocks of the title, before the preamble
	flushTitle := func() {
		if len(title) > 0 {
			out = append(out, r.titleBlock(title))
			title = nil
			titled = len(out)
		}
	}
	for _, b := range r.in.Blocks {
		switch b := b.(type) {
		case *lower.Marking:
			if b.Draft {
				title = append(title, []styled{{s: b.Text, st: bold}})
			}
			continue
		case *lower.TitleLine:
			title = append(title, flatten(lower.Runs(b.Text), bold))
			continue
		}
		flushTitle()
		switch b := b.(type) {
		case *lower.Fields:
			out = append(out, r.fields(b)...)
		case *lower.Party:
			var parts []styled
			if b.Intro != nil {
				parts = append(flatten(b.Intro.Runs, regular), styled{s: " ", st: regular})
			}
			parts = append(parts, flatten(lower.Runs(b.Text), regular)...)
			out = append(out, r.textBlock(justify, parts))
		case *lower.Joiner:
			out = append(out, r.textBlock(center, flatten(lower.Runs(b.Text), regular)))
		case *lower.PartiesOutro:
			out = append(out, r.textBlock(justify, flatten(lower.Runs(b.Text), regular)))
		case *lower.Recital:
			var parts []styled
			first, second := b.Parts()
			for _, p := range []*model.Localized{first, second} {
				if p == nil {
					continue
				}
				if len(parts) > 0 {
					parts = append(parts, styled{s: " ", st: regular})
				}
				parts = append(parts, flatten(lower.Runs(p), regular)...)
			}
			out = append(out, r.textBlock(justify, parts))
		case *lower.Transition:
			out = append(out, r.textBlock(justify, flatten(lower.Runs(b.Text), regular)))
		case *lower.Unit:
			out = append(out, r.unit(b))
		case *lower.Closing:
			// The closing clause stays with the signature table after it.
			closing := r.textBlock(justify, flatten(lower.Runs(b.Text), regular))
			closing.keepWithNext = true
			out = append(out, closing)
		case *lower.Signatures:
			if sig, ok := r.signatureBlock(b); ok {
				r.outline(&sig, "signatures")
				out = append(out, sig)
			}
		}
	}
	flushTitle()
	r.layoutFootnotes(out)
	if titled < len(out) {
		r.outline(&out[titled], "preamble")
	}
	return out
}

// titleBlock is the bold centred title, one paragraph per line.
func (r *renderer) titleBlock(lines [][]styled) block {
	b := block{after: r.g.blockGap, keepTogether: true}
	for i, parts := range lines {
		boxes := lineBoxes(r.set(r.words(parts...), r.g.textWidth, center), r.g.marginLeft, r.g.leading, r.g.bodySize)
		if i < len(lines)-1 && len(boxes) > 0 {
			boxes[len(boxes)-1].h += r.g.titleGap
		}
		b.boxes = append(b.boxes, boxes...)
	}
	return b
}

// textBlock is a full-width paragraph.
func (r *renderer) textBlock(al align, parts []styled) block {
	lines := r.set(r.words(parts...), r.g.textWidth, al)
	return block{boxes: lineBoxes(lines, r.g.marginLeft, r.g.leading, r.g.bodySize), after: r.g.paraGap}
}

// outline makes b an entry of the outline, named by a word of the
// language data: the preamble (what precedes the sections, from the
// parties on) and the signature page frame the sections' entries.
func (r *renderer) outline(b *block, word string) {
	if len(b.boxes) > 0 && b.boxes[0].mark == "" {
		b.boxes[0].mark = r.word(word)
	}
}
