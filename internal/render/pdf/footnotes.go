package pdf

import (
	"strconv"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// Footnotes sit at the foot of the page whose line cites them, under a
// short rule, in a smaller size; a note too long for the rest of its page
// continues at the foot of the next.
const (
	footnoteSize    = 10.0
	footnoteLeading = 11.5 * pt
	ruleGap         = 6 * pt // above the footnote rule
	ruleLength      = 40.0   // of the footnote rule
	ruleAfter       = 3 * pt // below the rule, before the first note
	// minNoteLines of a note must fit on the page that cites it; the rest
	// may continue on the next page.
	minNoteLines = 2
)

// footnote is a footnote cited on a line, with its lines laid out.
type footnote struct {
	note  *model.Footnote
	lines []box
}

// height is the height of the note's lines.
func (f *footnote) height() float64 {
	h := 0.0
	for _, l := range f.lines {
		h += l.h
	}
	return h
}

// footnoteMark is the printed mark of a footnote of the instrument: its
// number through the document.
func (r *renderer) footnoteMark(f *model.Footnote) string {
	if r.in == nil {
		return "*"
	}
	return strconv.Itoa(r.in.FootnoteNumber(f))
}

// layoutFootnotes sets the text of every footnote cited in blocks, in the
// note size across the text width, its mark raised before it.
func (r *renderer) layoutFootnotes(blocks []block) {
	for i := range blocks {
		for j := range blocks[i].boxes {
			for _, fn := range blocks[i].boxes[j].notes {
				parts := append([]styled{{s: r.footnoteMark(fn.note), st: regular | super}, {s: " ", st: regular}}, flatten(fn.note.Runs, regular)...)
				b := wordBuilder{m: r.m, size: footnoteSize}
				b.add(parts...)
				fn.lines = lineBoxes(r.set(b.done(), r.g.textWidth, justify), r.g.marginLeft, footnoteLeading, footnoteSize)
			}
		}
	}
}

// fields lays out labelled fields: the label in bold in a column as wide
// as the widest label, each line of the value a paragraph hanging beside
// it. A field is kept together when it is short, and the block of fields
// is followed by the usual paragraph space.
func (r *renderer) fields(f *lower.Fields) []block {
	col := 0.0
	for _, row := range f.Rows {
		col = max(col, r.m.width(lower.Plain(row.Label), bold, r.g.bodySize))
	}
	col += r.g.labelGutter
	var out []block
	for _, row := range f.Rows {
		var b block
		for _, line := range row.Lines {
			b.boxes = append(b.boxes, lineBoxes(r.set(r.words(flatten(lower.Runs(line), regular)...), r.g.textWidth-col, left), r.g.marginLeft+col, r.g.leading, r.g.bodySize)...)
		}
		if len(b.boxes) == 0 {
			b.boxes = append(b.boxes, box{h: r.g.leading})
		}
		label := flatten(lower.Runs(row.Label), bold)
		lw := r.words(label...)
		labelLines := lineBoxes(r.set(lw, col, left), r.g.marginLeft, r.g.leading, r.g.bodySize)
		for i, l := range labelLines {
			if i < len(b.boxes) {
				b.boxes[i].ops = append(l.ops, b.boxes[i].ops...)
				b.boxes[i].notes = append(l.notes, b.boxes[i].notes...)
			}
		}
		b.after = r.g.paraGap / 2
		out = append(out, b)
	}
	if n := len(out); n > 0 {
		out[n-1].after = r.g.paraGap
	}
	return out
}
