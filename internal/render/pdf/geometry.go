package pdf

import house "github.com/chancery-dev/chancery/internal/style"

// geometry is the page and type of a style, in the units of the layout
// (millimetres; type sizes in points).
type geometry struct {
	// pageSize names the paper (style.PageSizes), pageWidth and
	// pageHeight measure it upright.
	pageSize                                         string
	pageWidth, pageHeight                            float64
	marginLeft, marginRight, marginTop, marginBottom float64
	textWidth, textBottom                            float64
	bodySize, leading                                float64
	paraGap, headingGap, titleGap, blockGap          float64
	minLabelColumn, labelGutter                      float64
	headerDistance, footerDistance                   float64
	// columnGap is between the columns of a parallel edition.
	columnGap   float64
	running     map[string]house.Running
	runningSize float64
	// justify sets body text flush at both edges; firstFit breaks lines
	// as a word processor does (see house.BreakFirstFit).
	justify, firstFit bool
	widows, orphans   int
	// st gives the label column and first-line indent of each depth.
	st *house.Style
}

// geometryOf is the geometry of st (style.Builtin when nil); the binding
// margin widens the left margin.
func geometryOf(st *house.Style) geometry {
	if st == nil {
		st = house.Builtin()
	}
	return geometry{
		pageSize: st.PageSize, pageWidth: st.PageWidth, pageHeight: st.PageHeight,
		marginLeft: st.LeftEdge(), marginRight: st.MarginRight,
		marginTop: st.MarginTop, marginBottom: st.MarginBottom,
		textWidth: st.TextWidth(), textBottom: st.TextBottom(),
		bodySize: st.BodySize, leading: st.Leading,
		paraGap: st.ParagraphGap, headingGap: st.HeadingGap,
		titleGap: st.TitleGap, blockGap: st.AfterTitleGap,
		minLabelColumn: st.LabelColumn, labelGutter: st.LabelGutter,
		headerDistance: st.HeaderDistance, footerDistance: st.FooterDistance,
		columnGap: st.ColumnGap,
		running:   st.Running, runningSize: st.RunningSize,
		justify: st.Justify, firstFit: st.LineBreaking != house.BreakTotalFit,
		widows: max(st.Widows, 1), orphans: max(st.Orphans, 1),
		st: st,
	}
}

// pt is one typographic point in millimetres, the unit of the layout.
const pt = 25.4 / 72

// Proportions and lengths the house style does not give: the same in
// every style.
const (
	// ascentRatio places the baseline in a line box: the distance from the
	// top of the box to the baseline, as a share of the leading.
	ascentRatio = 0.76

	columnGutter  = 12.0 // between the columns of the signature table
	signatureRoom = 14.0 // free space above the first signature line
	lineRoom      = 9.0  // free space above each further line
	ruleWidth     = 0.25 // of the signature and date lines
	markingGray   = 150  // of the DRAFT marking (0 black, 255 white)
	footerGray    = 60   // of the page number
)
