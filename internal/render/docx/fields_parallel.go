package docx

import "github.com/chancery-dev/chancery/internal/lower"

// parallelFields writes labelled fields into a cell of a parallel edition:
// a column is too narrow for the label column of a table, so each label
// is a bold paragraph and the lines of its value follow it, indented by a
// label column.
func (iw *instrumentWriter) parallelFields(f *lower.Fields) {
	for _, row := range f.Rows {
		iw.paragraph(paraProps{Style: styleFieldLabel}, func() { iw.text(row.Label) })
		for _, l := range row.Lines {
			iw.paragraph(paraProps{Style: styleFieldValue, Ind: &indent{Left: parallelLabel}}, func() { iw.text(l) })
		}
	}
}
