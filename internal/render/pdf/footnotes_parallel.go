package pdf

import "github.com/chancery-dev/chancery/internal/lower"

// Footnotes and labelled fields in a parallel edition. Each column counts
// its own language's footnotes, in the style's marks, through the
// document (the rows are laid out column by column, so a count per page
// is not kept); the notes of every column stand at the end of the
// edition, under a short rule, each column's under its text. A column is
// too narrow for the label column of fields: each label stands in bold
// on its own line, the value's lines under it.

// parallelNotes is the last row of a parallel edition: each column's
// footnotes, in the note size, marked as in its text. ok is false when no
// edition has a footnote. colX gives the left edge of column i.
func (r *renderer) parallelNotes(par *lower.Parallel, colX func(int) float64, colW float64) (row parRow, ok bool) {
	row = parRow{cells: make([][]box, len(par.Editions))}
	for i, in := range par.Editions {
		if len(in.Footnotes) == 0 {
			continue
		}
		ok = true
		x0 := colX(i)
		cell := []box{{h: ruleGap + ruleAfter, ops: []op{{rule: true, x: x0, y: ruleGap, x2: x0 + min(ruleLength, colW), y2: ruleGap}}}}
		for _, f := range in.Footnotes {
			parts := append([]styled{{s: r.notes.Mark(f.N), st: regular | super}, {s: " ", st: regular}}, flatten(f.Note.Runs, regular)...)
			b := wordBuilder{m: r.m, size: footnoteSize}
			b.add(parts...)
			cell = append(cell, lineBoxes(r.set(b.done(), colW, left), x0, footnoteLeading, footnoteSize)...)
		}
		row.cells[i] = cell
	}
	return row, ok
}

// parallelFields lays out labelled fields in a column at x0: each label in
// bold, the lines of its value under it, indented by the column of a
// unit's label.
func (r *renderer) parallelFields(f *lower.Fields, x0, width float64) []box {
	indent := r.labelCols[min(1, len(r.labelCols)-1)]
	var boxes []box
	for _, row := range f.Rows {
		boxes = append(boxes, lineBoxes(r.set(r.words(flatten(lower.Runs(row.Label), bold)...), width, left), x0, r.g.leading, r.g.bodySize)...)
		for _, l := range row.Lines {
			boxes = append(boxes, lineBoxes(r.set(r.words(flatten(lower.Runs(l), regular)...), width-indent, left), x0+indent, r.g.leading, r.g.bodySize)...)
		}
	}
	return boxes
}
