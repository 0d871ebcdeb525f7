package pdf

import (
	"maps"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
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

// footnoteMark is the printed mark of a footnote of the instrument, in the
// style's marks: counted through the document, or on its page once the
// pages are known.
func (r *renderer) footnoteMark(f *model.Footnote) string {
	if r.in == nil {
		return "*"
	}
	if m, ok := r.pageMarks[f]; ok {
		return m
	}
	return r.notes.Mark(r.in.FootnoteNumber(f))
}

// maxMarkPasses bounds the layouts markPerPage makes: a mark of another
// width may rebreak a line and move a note to another page, whose count
// changes the mark again; in practice the second layout is final.
const maxMarkPasses = 4

// markPerPage gives the footnotes of pages their marks counted afresh on
// each page and lays the document out again with them, until the marks
// the layout was made with are those of the pages the notes fall on. The
// body's mark and the note's are set from the same mark, so they agree.
func (r *renderer) markPerPage(pages []page) []page {
	for range maxMarkPasses {
		want := pageFootnoteMarks(pages, r.notes)
		used := map[*model.Footnote]string{}
		for f := range want {
			used[f] = r.footnoteMark(f)
		}
		if maps.Equal(want, used) {
			break
		}
		r.pageMarks = want
		blocks := r.document()
		if r.err != nil {
			return nil
		}
		pages = paginate(blocks, r.g)
	}
	return pages
}

// pageFootnoteMarks counts the footnotes cited on each page from 1, in
// the order their lines stand, and returns their marks in style notes.
func pageFootnoteMarks(pages []page, notes house.Footnotes) map[*model.Footnote]string {
	marks := map[*model.Footnote]string{}
	for _, pg := range pages {
		n := 0
		for _, pl := range pg {
			for _, fn := range pl.b.notes {
				n++
				marks[fn.note] = notes.Mark(n)
			}
		}
	}
	return marks
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
