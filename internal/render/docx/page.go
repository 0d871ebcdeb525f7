package docx

import "strconv"

// Page geometry of every document, in twips (1/1440 inch, 56.7 to the
// millimetre): A4 with the margins of the PDF writer (internal/render/pdf,
// geometry.go), so that both break lines alike.
const (
	pageWidth       = 11906 // 210 mm
	pageHeight      = 16838 // 297 mm
	marginLeftRight = 1418  // 25 mm
	marginTop       = 1418  // 25 mm
	marginBottom    = 1247  // 22 mm
	headerDistance  = 709   // 12.5 mm from the top edge to the DRAFT marking
	footerDistance  = 567   // 10 mm from the bottom edge to the page number
	// textWidth is the width between the margins.
	textWidth = pageWidth - 2*marginLeftRight
)

// sectionRefs names the relationship ids of the header and footer a
// section shows ("" for none).
type sectionRefs struct {
	Header, Footer string
}

// writeSectPr writes the body's final section properties.
func writeSectPr(x *xmlWriter, refs sectionRefs) {
	x.start("w:sectPr")
	if refs.Header != "" {
		x.empty("w:headerReference", "w:type", "default", "r:id", refs.Header)
	}
	if refs.Footer != "" {
		x.empty("w:footerReference", "w:type", "default", "r:id", refs.Footer)
	}
	x.empty("w:pgSz", "w:w", strconv.Itoa(pageWidth), "w:h", strconv.Itoa(pageHeight))
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(marginTop), "w:right", strconv.Itoa(marginLeftRight),
		"w:bottom", strconv.Itoa(marginBottom), "w:left", strconv.Itoa(marginLeftRight),
		"w:header", strconv.Itoa(headerDistance), "w:footer", strconv.Itoa(footerDistance),
		"w:gutter", "0")
	x.end("w:sectPr")
}
