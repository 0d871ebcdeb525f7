package docx

import "strconv"

// Geometry of a note verbale, in twips, after the PDF writer's note layout
// (internal/render/pdf, note.go): A4 with a wider left margin for binding,
// room at the top of each edition's first page for the emblem printed on
// letterhead paper, body text at one and a half lines.
const (
	noteMarginLeft  = 1701 // 30 mm
	noteMarginRight = 850  // 15 mm
	emblemRoom      = 1587 // 28 mm above the letterhead
	noteIndent      = 709  // 12.5 mm first-line indent
	noteLineSpace   = 360  // 1.5 lines, in 240ths of a line
	noteParaGap     = 120  // 6 pt after a paragraph
	letterheadGap   = 160  // 8 pt after a letterhead block
	numberGap       = 280  // 14 pt above and below the number
	placeDateGap    = 360  // 18 pt above the place and date
	footGap         = 240  // 12 pt above the foot, and within it
	addresseeWidth  = 4649 // 82 mm: the column of the foot
)

// noteTextWidth is the width of a note's text column.
const noteTextWidth = pageWidth - noteMarginLeft - noteMarginRight

// writeNoteSectPr writes the section properties of a note: A4 with the
// note's margins and the header and footer the style gives notes (none in
// the built-in style: a note verbale carries neither page numbers nor a
// DRAFT marking).
func writeNoteSectPr(x *xmlWriter, refs sectionRefs) {
	x.start("w:sectPr")
	writeRunningRefs(x, refs)
	x.empty("w:pgSz", "w:w", strconv.Itoa(pageWidth), "w:h", strconv.Itoa(pageHeight))
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(marginTop), "w:right", strconv.Itoa(noteMarginRight),
		"w:bottom", strconv.Itoa(marginBottom), "w:left", strconv.Itoa(noteMarginLeft),
		"w:header", strconv.Itoa(headerDistance), "w:footer", strconv.Itoa(footerDistance),
		"w:gutter", "0")
	writeTitlePg(x, refs)
	x.end("w:sectPr")
}
