package docx

import (
	"math"

	house "github.com/chancery-dev/chancery/internal/style"
)

// typeSpec is the type and vertical spacing of a style in the units of
// WordprocessingML: what the paragraph styles of an instrument take from
// style.yaml, so that Word and LibreOffice lay the DOCX out as the PDF
// writer lays out the PDF.
type typeSpec struct {
	// font is the family Word sets the text in: Times New Roman, whose
	// metrics the built-in Liberation Serif has, or the project's font.
	font string
	size int // body size, half-points
	// line is the distance between baselines in twips, set exactly
	// (lineRule exact) so that a line is as high as in the PDF whatever
	// the font's own line gap; 0 for single spacing (240ths, auto).
	line int
	jc   string // of body text: "both" or "left"
	// widowControl is Word's widow and orphan control (two lines each);
	// off when the style allows single lines.
	widowControl bool
	// Spacing in twips: between paragraphs, above a section heading,
	// between title lines and after the title block.
	paraGap, headingGap, titleGap, afterTitle int
	// firstLine is each depth's first-line indent of unnumbered
	// paragraphs, in twips.
	firstLine func(depth int) int
	// textWidth is the width between the page's margins, in twips: the
	// signature line's tab stop ends short of half of it.
	textWidth int
}

// ptTwips converts millimetres to twips at 20 to the point.
func mmTwips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// typeOf is the type of st (style.Builtin when nil).
func typeOf(st *house.Style) typeSpec {
	if st == nil {
		st = house.Builtin()
	}
	jc := "both"
	if !st.Justify {
		jc = "left"
	}
	return typeSpec{
		font: fontOf(st),
		size: int(math.Round(st.BodySize * 2)), line: mmTwips(st.Leading), jc: jc,
		widowControl: st.Widows > 1 || st.Orphans > 1,
		paraGap:      mmTwips(st.ParagraphGap), headingGap: mmTwips(st.HeadingGap),
		titleGap: mmTwips(st.TitleGap), afterTitle: mmTwips(st.AfterTitleGap),
		firstLine: func(depth int) int { return mmTwips(st.FirstLine(depth)) },
		textWidth: pageOf(st).textWidth(),
	}
}

// singleSpaced is the type of documents that keep the layout of their
// own (notes): 12 pt on single spacing, 8 pt between paragraphs,
// justified, on the built-in style's page.
func singleSpaced() typeSpec {
	return typeSpec{font: fontFamily, size: fontSize, jc: "both", paraGap: paraGap, headingGap: headingGap, titleGap: titleGap,
		afterTitle: paraGap, firstLine: func(int) int { return 0 }, textWidth: pageOf(nil).textWidth()}
}

// spacedOf is the type of redlines and parallel editions in st
// (style.Builtin when nil): the instrument's (typeOf: st's font, body
// size, exact leading, justification, widow control, page and paragraph
// spacing), as the PDF writer sets them in st too, but without first-line
// indents, which their own layout of paragraphs does not take.
func spacedOf(st *house.Style) typeSpec {
	ts := typeOf(st)
	ts.firstLine = func(int) int { return 0 }
	return ts
}

// lineSpacing is Normal's w:spacing: the exact leading, or single.
func (ts typeSpec) lineSpacing() *spacing {
	if ts.line > 0 {
		return &spacing{Line: ts.line, Exact: true}
	}
	return &spacing{Line: lineSpace}
}

// fontOf is the family the DOCX names for st's text: the project's regular
// face's family when the style names font files, else Times New Roman.
func fontOf(st *house.Style) string {
	if st == nil || len(st.Fonts) == 0 {
		return fontFamily
	}
	set, err := st.FontSet()
	if err != nil {
		return fontFamily
	}
	return set.Family()
}

// Relationship id, type and content type of word/fontTable.xml.
const (
	rIDFontTable = "rId9"
	relFontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	ctFontTable  = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
)

// fontTableXML names the project's font for Word, which offers a
// substitute when the reader lacks it; nil for the built-in font.
func fontTableXML(ts typeSpec) []byte {
	if ts.font == fontFamily {
		return nil
	}
	x := newXML()
	x.start("w:fonts", rootAttrs()...)
	x.start("w:font", "w:name", ts.font)
	x.val("w:family", "roman")
	x.end("w:font")
	x.end("w:fonts")
	return x.bytes()
}

// noteType is the type of a note's style sheet: single spacing as
// singleSpaced, at st's body size and in st's font (the forms' styles set
// their own spacing).
func noteType(st *house.Style) typeSpec {
	ts := singleSpaced()
	ts.size = int(math.Round(st.BodySize * 2))
	ts.font = fontOf(st)
	return ts
}
