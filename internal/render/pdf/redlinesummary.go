package pdf

import "github.com/chancery-dev/chancery/internal/redline/marked"

// Summary table layout: the gap between columns, the rule under the
// header row and the room it takes.
const (
	cellGutter = 3.0
	headerRoom = 1.5
)

// summaryBlocks lays out the summary of changes: the heading as a section
// heading, its lines as paragraphs, and the table, the header row in bold
// over a rule. The table is one block, kept on one page with the heading
// when it fits on a page; a longer one is split between rows' lines with
// the widow and orphan control of any paragraph.
func (r *renderer) summaryBlocks(s marked.Summary, cols []float64) []markedBlock {
	var out []markedBlock
	if s.Heading != "" {
		p := marked.Para{Depth: 0, Spans: []marked.Span{{Text: s.Heading}}}
		b := r.markedPara(&p, cols)
		r.headingBlock(&b, s.Heading)
		out = append(out, b)
	}
	for _, line := range s.Lines {
		p := marked.Para{Depth: -1, Spans: []marked.Span{{Text: line}}}
		b := r.markedPara(&p, cols)
		b.after = r.g.paraGap
		b.keepWithNext = len(s.Table) > 0
		out = append(out, b)
	}
	if len(s.Table) == 0 {
		return out
	}
	g := r.g
	widths := summaryWidths(s.Table, g.textWidth)
	var table markedBlock
	for i, row := range s.Table {
		st := regular
		if i == 0 {
			st = bold
		}
		boxes := r.tableRow(row, widths, st)
		if i == 0 && len(boxes) > 0 {
			last := &boxes[len(boxes)-1]
			y := last.h + headerRoom/2
			last.ops = append(last.ops, op{rule: true, x: g.marginLeft, y: y, x2: g.marginLeft + g.textWidth, y2: y})
			last.h += headerRoom
		}
		table.boxes = append(table.boxes, boxes...)
	}
	table.after = g.paraGap
	table.keepTogether = table.height() <= g.textBottom-g.marginTop
	return append(out, table)
}

// tableRow sets the cells of a row flush left in their columns, broken
// by the style's line breaking, and returns its lines.
func (r *renderer) tableRow(row []string, widths []float64, st style) []box {
	var boxes []box
	x := r.g.marginLeft
	for c, w := range widths {
		if c < len(row) {
			lines := r.set(r.words(styled{s: row[c], st: st}), w-cellGutter, left)
			for k, ln := range lineBoxes(lines, x, r.g.leading, r.g.bodySize) {
				if k == len(boxes) {
					boxes = append(boxes, box{h: r.g.leading})
				}
				boxes[k].ops = append(boxes[k].ops, ln.ops...)
			}
		}
		x += w
	}
	return boxes
}

// summaryWidths shares textWidth among the columns of rows in proportion
// to their longest cell (at least minChars characters), as the DOCX
// writer does.
func summaryWidths(rows [][]string, textWidth float64) []float64 {
	shares := marked.ColumnShares(rows, 8)
	widths := make([]float64, len(shares))
	for c, share := range shares {
		widths[c] = textWidth * share
	}
	return widths
}
