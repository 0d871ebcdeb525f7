package docx

import house "github.com/chancery-dev/chancery/internal/style"

// Footnote marks as the style chooses them, said in Word's terms so that
// Word and LibreOffice number the notes themselves: w:footnotePr with the
// number format (decimal, or chicago: *, †, ‡, §, **, …) and where
// the count restarts (continuous, or eachPage). It is written both in the
// document's settings and in the section's properties, where Word looks
// first; a style that numbers through the document writes nothing, Word's
// default being the same.

// footnoteProps is w:footnotePr's content for a style's footnotes.
type footnoteProps struct {
	numFmt, restart string // "" for Word's default
}

// footnotePropsOf says the footnotes of st (nil for style.Builtin) in
// Word's terms.
func footnotePropsOf(st *house.Style) footnoteProps {
	var p footnoteProps
	if st == nil {
		return p
	}
	if st.Footnotes.Marks == house.SymbolMarks {
		p.numFmt = "chicago"
	}
	if st.Footnotes.PerPage() {
		p.restart = "eachPage"
	}
	return p
}

// write writes w:footnotePr, nothing when both are Word's defaults.
func (p footnoteProps) write(x *xmlWriter) {
	if p.numFmt == "" && p.restart == "" {
		return
	}
	x.start("w:footnotePr")
	if p.numFmt != "" {
		x.val("w:numFmt", p.numFmt)
	}
	if p.restart != "" {
		x.val("w:numRestart", p.restart)
	}
	x.end("w:footnotePr")
}
