package docx

import (
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// revisionElem is the element of a revision mark: w:del or w:ins.
func revisionElem(m marked.Mark) string {
	if m == marked.Deleted {
		return "w:del"
	}
	return "w:ins"
}

// revision opens the revision mark of m (w:del or w:ins) with a new id,
// the author and the date; empty writes it as an empty element (the mark
// of a paragraph mark, in w:pPr/w:rPr).
func (rw *redlineWriter) revision(m marked.Mark, empty bool) {
	rw.revID++
	kv := []string{"w:id", strconv.Itoa(rw.revID), "w:author", rw.author, "w:date", rw.date}
	if empty {
		rw.x.empty(revisionElem(m), kv...)
		return
	}
	rw.x.start(revisionElem(m), kv...)
}

// tracked writes spans of one mark: kept spans as plain runs, deleted or
// inserted ones inside one w:del or w:ins.
func (rw *redlineWriter) tracked(spans []marked.Span) {
	m := spans[0].Mark
	if m != marked.Kept {
		rw.revision(m, false)
	}
	for _, sp := range spans {
		rw.markedRun(spanStyle(sp.Style), sp.Text, m == marked.Deleted)
	}
	if m != marked.Kept {
		rw.x.end(revisionElem(m))
	}
}

// spanStyle is the character style of a span's style.
func spanStyle(s marked.Style) string {
	switch s {
	case marked.Emphasis:
		return styleEmphasis
	case marked.Strong:
		return styleStrong
	}
	return ""
}

// markedRun writes text as one run, its characters in w:delText when the
// run is deleted (ECMA-376 wants deleted text there, not in w:t) and in
// w:t otherwise; tabs become w:tab.
func (rw *redlineWriter) markedRun(style, text string, deleted bool) {
	if text == "" {
		return
	}
	x := rw.x
	elem := "w:t"
	if deleted {
		elem = "w:delText"
	}
	x.start("w:r")
	rw.runProps(style).write(x)
	for i, chunk := range strings.Split(text, "\t") {
		if i > 0 {
			x.empty("w:tab")
		}
		if chunk != "" {
			x.elem(elem, chunk, "xml:space", "preserve")
		}
	}
	x.end("w:r")
}

// summary writes the summary of changes: a heading, its lines and a table
// whose first row is the header, in bold.
func (rw *redlineWriter) summary(s marked.Summary) {
	if s.Heading == "" && len(s.Lines) == 0 && len(s.Table) == 0 {
		return
	}
	if s.Heading != "" {
		props := paraProps{Style: headingStyle(0)}
		if rw.plan != nil {
			props.Num = &numRef{NumID: 0} // a heading, not a section
		}
		rw.paragraph(props, func() { rw.run("", s.Heading) })
	}
	for _, line := range s.Lines {
		rw.paragraph(paraProps{Style: styleUnnumbered}, func() { rw.run("", line) })
	}
	if len(s.Table) == 0 {
		return
	}
	t := table{Widths: columnWidths(s.Table, rw.page.textWidth())}
	for i, row := range s.Table {
		style := ""
		if i == 0 {
			style = styleStrong
		}
		cells := make([]func(), len(t.Widths))
		for c := range cells {
			text := ""
			if c < len(row) {
				text = row[c]
			}
			cells[c] = func() {
				rw.paragraph(paraProps{Jc: "left"}, func() { rw.run(style, text) })
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	rw.writeTable(t)
	// A table cannot end the body: Word wants a paragraph after it.
	rw.paragraph(paraProps{Style: styleUnnumbered}, nil)
}

// columnWidths shares textWidth among the columns of rows in proportion
// to their longest cell (at least minColumnChars characters).
func columnWidths(rows [][]string, textWidth int) []int {
	shares := marked.ColumnShares(rows, 8)
	widths := make([]int, len(shares))
	left := textWidth
	for c, share := range shares {
		widths[c] = int(float64(textWidth) * share)
		left -= widths[c]
	}
	if len(widths) > 0 {
		widths[len(widths)-1] += left // whole twips: the rounding goes to the last column
	}
	return widths
}
