package docx

import (
	"math"

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
	labelGutterMM = 3.0 // space between the widest label and its text
	twipsPerMM    = 1440 / 25.4
	pointsToTwips = 20
)

// depthLabel is a label and the depth of its unit.
type depthLabel struct {
	depth int
	label string
}

// measureColumns returns the label columns of doc's units, as language
// lang prints their labels.
func measureColumns(doc *model.Document, lang string) labelColumns {
	var labels []depthLabel
	doc.Walk(func(u *model.Unit) { labels = append(labels, depthLabel{u.Depth, u.LabelIn(lang)}) })
	return columnsFor(labels)
}

// columnsFor returns the label columns that hold labels.
func columnsFor(labels []depthLabel) labelColumns {
	cols := defaultColumns()
	regular, err1 := fonts.LoadMetrics(fonts.Regular)
	bold, err2 := fonts.LoadMetrics(fonts.Bold)
	if err1 != nil || err2 != nil {
		return cols // the fonts are embedded: never, but then the narrowest
	}
	size := float64(fontSize) / 2 // points
	for _, l := range labels {
		if l.label == "" || l.depth < 0 || l.depth >= maxLevels {
			continue
		}
		m := regular
		if l.depth == 0 {
			m = bold // section headings are bold
		}
		mm := m.Width(l.label, size) * pointsToTwips / twipsPerMM
		col := int(math.Round(math.Ceil((mm+labelGutterMM)*2) / 2 * twipsPerMM))
		cols[l.depth] = max(cols[l.depth], col)
	}
	return cols
}
