package pdf

import (
	house "github.com/chancery-dev/chancery/internal/style"
	"math"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// labelColumns measures the label columns: for each depth, wide enough
// for the widest label at that depth in the document ("(ii) (bis)") plus
// a gutter, and never narrower than minLabelColumn, so that the text of
// every unit at one depth starts at the same place. Section headings share
// the column of paragraphs when their labels fit in it.
func (r *renderer) labelColumns() []float64 {
	var labels []depthLabel
	for _, b := range r.in.Blocks {
		if u, ok := b.(*lower.Unit); ok {
			labels = append(labels, depthLabel{u.Depth, u.Label})
		}
	}
	return r.columnsFor(labels)
}

// depthLabel is a unit's label and depth, for measuring label columns.
type depthLabel struct {
	depth int
	label string
}

// columnsFor returns, per depth, the width of the label column: under the
// style's widest-label rule the widest label (bold for section headings
// at depth 0) plus a gutter, at least the depth's column (style.Column),
// rounded up to half a millimetre; under the fixed rule the depth's
// column. Section headings align their text with the paragraphs'.
func (r *renderer) columnsFor(labels []depthLabel) []float64 {
	var widest []float64
	for _, l := range labels {
		for len(widest) <= l.depth {
			widest = append(widest, 0)
		}
		st := regular
		if l.depth == 0 {
			st = bold
		}
		widest[l.depth] = max(widest[l.depth], r.m.width(l.label, st, r.g.bodySize))
	}
	cols := make([]float64, max(len(widest), 2))
	for d := range cols {
		w := 0.0
		if d < len(widest) {
			w = widest[d]
		}
		cols[d] = r.g.st.Column(d)
		if r.g.st.LabelRule != house.LabelFixed {
			cols[d] = max(cols[d], math.Ceil((w+r.g.labelGutter)*2)/2)
		}
	}
	cols[0] = max(cols[0], cols[1])
	return cols
}

// column returns where a unit's label and text start and the text's width.
func (r *renderer) column(depth int, label string) (labelX, textX, width float64) {
	labelX = r.g.marginLeft
	for d := 1; d < depth; d++ {
		labelX += r.labelCols[d]
	}
	textX = labelX
	if label != "" {
		textX += r.labelCols[min(depth, len(r.labelCols)-1)]
	}
	return labelX, textX, r.g.marginLeft + r.g.textWidth - textX
}

// unit lays out a section heading, paragraph or item.
func (r *renderer) unit(u *lower.Unit) block {
	labelX, textX, width := r.column(u.Depth, u.Label)
	var b block
	if u.Heading {
		heading := flatten(lower.Runs(u.Text), bold)
		b = r.labelled(u.Label, bold, heading, labelX, textX, width, left)
		b.before, b.after = r.g.headingGap, r.g.paraGap
		b.keepWithNext, b.keepTogether = true, true
		if len(b.boxes) > 0 {
			b.boxes[0].mark = joinLabel(u.Label, model.PlainText(lower.Runs(u.Text)))
		}
	} else {
		text := flatten(lower.Runs(u.Text), regular)
		if u.Label == "" {
			// An unnumbered paragraph: the depth's first-line indent.
			words := r.words(text...)
			indentFirst(words, r.g.st.FirstLine(u.Depth))
			b = block{boxes: lineBoxes(r.set(words, width, justify), textX, r.g.leading, r.g.bodySize)}
		} else {
			b = r.labelled(u.Label, regular, text, labelX, textX, width, justify)
		}
		b.after = r.g.paraGap
	}
	return b
}

// labelled sets text in the column at textX with the label hanging at
// labelX on the first line.
func (r *renderer) labelled(label string, labelSt style, text []styled, labelX, textX, width float64, al align) block {
	boxes := lineBoxes(r.set(r.words(text...), width, al), textX, r.g.leading, r.g.bodySize)
	if label != "" {
		if len(boxes) == 0 {
			boxes = append(boxes, box{h: r.g.leading})
		}
		boxes[0].ops = append([]op{{x: labelX, y: r.g.leading * ascentRatio, s: label, st: labelSt, size: r.g.bodySize}}, boxes[0].ops...)
	}
	return block{boxes: boxes}
}

func joinLabel(label, text string) string {
	if label == "" {
		return text
	}
	return label + " " + text
}

// indentFirst indents the first line of a paragraph by w: blank space at
// the head of its first word.
func indentFirst(words []word, w float64) {
	if len(words) > 0 && w > 0 {
		words[0].frags = append([]frag{{w: w}}, words[0].frags...)
		words[0].width += w
	}
}
