package pdf

import (
	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// markedBlock is a block of a redline with the mark of each drawing
// operation: marks[k][j] is the mark of boxes[k].ops[j] (a box with fewer
// marks than operations is kept for the rest).
type markedBlock struct {
	block
	marks [][]marked.Mark
}

// Strike-through and underline of marked text, as shares of the type size
// above and below the baseline, and the width of their lines.
const (
	strikeRise    = 0.25
	underlineDrop = 0.12
	markRule      = 0.3
)

// decoration is the line drawn with text of mark mk from x1 to x2 on the
// baseline base: through deleted text, under inserted text.
func decoration(x1, x2, base, size float64, mk marked.Mark) op {
	y := base + underlineDrop*size*pt
	if mk == marked.Deleted {
		y = base - strikeRise*size*pt
	}
	return op{rule: true, x: x1, y: y, x2: x2, y2: y}
}

// markedOps collects a box's drawing operations and their marks.
type markedOps struct {
	ops   []op
	marks []marked.Mark
}

// text adds a string of width w in mark mk, with its decoration.
func (m *markedOps) text(o op, w float64, mk marked.Mark) {
	m.ops = append(m.ops, o)
	m.marks = append(m.marks, mk)
	if mk != marked.Kept {
		m.rule(decoration(o.x, o.x+w, o.y, o.size, mk), mk)
	}
}

func (m *markedOps) rule(o op, mk marked.Mark) {
	m.ops = append(m.ops, o)
	m.marks = append(m.marks, mk)
}

// redlineColumns measures the label columns of a redline as labelColumns
// does for an instrument: per depth, the widest label plus a gutter.
func (r *renderer) redlineColumns(paras []marked.Para) []float64 {
	var labels []depthLabel
	for _, p := range paras {
		if p.Depth >= 0 {
			labels = append(labels, depthLabel{p.Depth, p.Label})
		}
	}
	return r.columnsFor(labels)
}

// redlineColumn returns where a paragraph's label and text start and the
// text's width in the margins of g; front and end matter take the full
// width.
func redlineColumn(p *marked.Para, cols []float64, g geometry) (labelX, textX, width float64) {
	labelX = g.marginLeft
	if p.Depth < 0 {
		return labelX, labelX, g.textWidth
	}
	for d := 1; d < p.Depth; d++ {
		labelX += cols[min(d, len(cols)-1)]
	}
	textX = labelX
	if p.Label != "" {
		textX += cols[min(p.Depth, len(cols)-1)]
	}
	return labelX, textX, g.marginLeft + g.textWidth - textX
}

// markedPara lays out one paragraph of a redline: its label hanging in
// the label column, its words set in the text column, each deleted or
// inserted fragment decorated, and the spaces within a deleted or
// inserted stretch. Its lines are set as the instrument's (r.set): body
// text justified when the style justifies, broken by the style's line
// breaking, so that a paragraph without changes breaks where the
// instrument's does.
func (r *renderer) markedPara(p *marked.Para, cols []float64) markedBlock {
	base, al := regular, justify
	switch {
	case p.Title:
		base, al = bold, center
	case p.Depth == 0:
		base, al = bold, left
	}
	g := r.g
	labelX, textX, width := redlineColumn(p, cols, g)
	mt := r.markedWords(p.Spans, base, g.bodySize)
	baseline := g.leading * ascentRatio
	var b markedBlock
	first := 0 // index in mt of the line's first word
	for _, ln := range r.set(mt.words, width, al) {
		var m markedOps
		for i, w := range ln.words {
			k := first + i
			x := textX + ln.xs[i]
			for f, fr := range w.frags {
				m.text(op{x: x, y: baseline, s: fr.s, st: fr.st, size: g.bodySize}, fr.w, mt.fragMarks[k][f])
				x += fr.w
			}
			if i < len(ln.words)-1 && mt.markedSpace(k) {
				mk := mt.spaceMarks[k]
				m.rule(decoration(x, textX+ln.xs[i+1], baseline, g.bodySize, mk), mk)
			}
		}
		first += len(ln.words)
		b.boxes = append(b.boxes, box{h: g.leading, ops: m.ops})
		b.marks = append(b.marks, m.marks)
	}
	if p.Label != "" {
		if len(b.boxes) == 0 {
			b.boxes, b.marks = []box{{h: g.leading}}, [][]marked.Mark{nil}
		}
		var m markedOps
		m.text(op{x: labelX, y: baseline, s: p.Label, st: base, size: g.bodySize}, r.m.width(p.Label, base, g.bodySize), p.Mark)
		b.boxes[0].ops = append(m.ops, b.boxes[0].ops...)
		b.marks[0] = append(m.marks, b.marks[0]...)
	}
	return b
}

// markedBlocks lays out a redline in the instrument's style (its margins,
// type and spacing): its paragraphs in the instrument's manner (a bold centred title, bold headings kept with what follows,
// justified paragraphs with hanging labels), then the summary.
func (r *renderer) markedBlocks(d *marked.Doc) []markedBlock {
	cols := r.redlineColumns(d.Paras)
	var out []markedBlock
	for i := range d.Paras {
		p := &d.Paras[i]
		b := r.markedPara(p, cols)
		switch {
		case p.Title:
			b.keepTogether, b.after = true, r.g.blockGap
			if i+1 < len(d.Paras) && d.Paras[i+1].Title {
				b.keepWithNext, b.after = true, r.g.titleGap
			}
		case p.Depth == 0:
			r.headingBlock(&b, joinLabel(p.Label, p.Text(true)))
		default:
			b.after = r.g.paraGap
		}
		out = append(out, b)
	}
	return append(out, r.summaryBlocks(d.Summary, cols)...)
}

// headingBlock gives a block the spacing and keeps of a section heading
// and its outline entry.
func (r *renderer) headingBlock(b *markedBlock, outline string) {
	b.before, b.after = r.g.headingGap, r.g.paraGap*3/4
	b.keepWithNext, b.keepTogether = true, true
	if len(b.boxes) > 0 {
		b.boxes[0].mark = outline
	}
}
