package docx

import (
	"math"

	house "github.com/chancery-dev/chancery/internal/style"

	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/model"
)

// Label columns are measured as the PDF writer measures them
// (internal/render/pdf, units.go), in the typeface both print in
// (Liberation Serif, with the advance widths of Times New Roman, which
// Word and LibreOffice set the DOCX in): at each depth, the widest label
// plus a gutter, rounded up to half a millimetre, never narrower than the
// narrowest label column. A negotiation insert's "(ii) (bis)" widens the
// column of its depth, so that its text starts where its siblings' does.
const (
	twipsPerMM    = 1440 / 25.4
	pointsToTwips = 20
)

// depthLabel is a label and the depth of its unit.
type depthLabel struct {
	depth int
	label string
}

// measureColumns returns the label columns of doc's units, as language
// lang prints their labels, in st (style.Builtin when nil).
func measureColumns(doc *model.Document, lang string, st *house.Style) labelColumns {
	var labels []depthLabel
	doc.Walk(func(u *model.Unit) { labels = append(labels, depthLabel{u.Depth, u.LabelIn(lang)}) })
	return columnsFor(labels, st)
}

// columnsFor returns the label columns that hold labels in st
// (style.Builtin when nil): each depth's column (style.Column), widened
// for its widest label under the widest-label rule.
func columnsFor(labels []depthLabel, st *house.Style) labelColumns {
	if st == nil {
		st = house.Builtin()
	}
	var cols labelColumns
	for d := range cols {
		cols[d] = int(math.Round(st.Column(d) * twipsPerMM))
	}
	if st.LabelRule == house.LabelFixed {
		return cols
	}
	width, ok := labelWidth(st)
	if !ok {
		return cols // the fonts are embedded: never, but then the narrowest
	}
	size := st.BodySize
	for _, l := range labels {
		if l.label == "" || l.depth < 0 || l.depth >= maxLevels {
			continue
		}
		face := fonts.Regular
		if l.depth == 0 {
			face = fonts.Bold // section headings are bold
		}
		mm := width(l.label, face, size) * pointsToTwips / twipsPerMM
		col := int(math.Round(math.Ceil((mm+st.LabelGutter)*2) / 2 * twipsPerMM))
		cols[l.depth] = max(cols[l.depth], col)
	}
	return cols
}

// labelWidth returns a function measuring a label in points in a face of
// st's fonts: the embedded faces' metrics, or the project's faces'
// advance widths as the PDF writer measures them.
func labelWidth(st *house.Style) (func(s string, face fonts.Style, size float64) float64, bool) {
	if len(st.Fonts) > 0 {
		set, err := st.FontSet()
		if err != nil {
			return nil, false
		}
		return func(s string, face fonts.Style, size float64) float64 {
			f, w := set.Face(face), 0
			for _, r := range s {
				w += f.Width(r)
			}
			return float64(w) * size / 1000
		}, true
	}
	regular, err1 := fonts.LoadMetrics(fonts.Regular)
	bold, err2 := fonts.LoadMetrics(fonts.Bold)
	if err1 != nil || err2 != nil {
		return nil, false
	}
	return func(s string, face fonts.Style, size float64) float64 {
		if face == fonts.Bold {
			return bold.Width(s, size)
		}
		return regular.Width(s, size)
	}, true
}
