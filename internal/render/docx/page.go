package docx

import (
	"math"
	"strconv"

	house "github.com/chancery-dev/chancery/internal/style"
)

// sectionRefs names the relationship ids of the header and footer a
// section shows ("" for none).
type sectionRefs struct {
	Header, Footer           string
	FirstHeader, FirstFooter string
	TitlePg                  bool
}

// pageGeometry is a style's page in twips (1/1440 inch, 56.7 to the
// millimetre), as the PDF writer lays it out (internal/render/pdf,
// geometry.go), so that both break lines alike.
type pageGeometry struct {
	width, height            int
	top, bottom, left, right int
	header, footer           int // from the edges to the header and footer
	// notes are the section's footnote marks (footnotemarks.go).
	notes footnoteProps
}

// pageTwips are the page sizes of package style in twips, as Word gives
// them.
var pageTwips = map[string][2]int{"A4": {11906, 16838}, "Letter": {12240, 15840}}

// twips converts millimetres to twips at 56.7 to the millimetre.
func twips(mm float64) int { return int(math.Round(mm * 56.7)) }

// pageOf is the page of st (style.Builtin when nil); the binding margin
// widens the left margin.
func pageOf(st *house.Style) pageGeometry {
	if st == nil {
		st = house.Builtin()
	}
	wh, ok := pageTwips[st.PageSize]
	if !ok {
		wh = [2]int{twips(st.PageWidth), twips(st.PageHeight)}
	}
	return pageGeometry{width: wh[0], height: wh[1],
		top: twips(st.MarginTop), bottom: twips(st.MarginBottom),
		left: twips(st.LeftEdge()), right: twips(st.MarginRight),
		header: twips(st.HeaderDistance), footer: twips(st.FooterDistance),
		notes: footnotePropsOf(st)}
}

// textWidth is the width between the margins.
func (g pageGeometry) textWidth() int { return g.width - g.left - g.right }

// landscape is g turned a quarter: the paper's height across, its
// margins where they were.
func (g pageGeometry) landscape() pageGeometry {
	g.width, g.height = g.height, g.width
	return g
}

// writeSectPr writes the body's final section properties.
func writeSectPr(x *xmlWriter, refs sectionRefs, g pageGeometry) {
	x.start("w:sectPr")
	writeRunningRefs(x, refs)
	g.notes.write(x)
	x.empty("w:pgSz", "w:w", strconv.Itoa(g.width), "w:h", strconv.Itoa(g.height))
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(g.top), "w:right", strconv.Itoa(g.right),
		"w:bottom", strconv.Itoa(g.bottom), "w:left", strconv.Itoa(g.left),
		"w:header", strconv.Itoa(g.header), "w:footer", strconv.Itoa(g.footer),
		"w:gutter", "0")
	writeTitlePg(x, refs)
	x.end("w:sectPr")
}
