package pdf

import house "github.com/chancery-dev/chancery/internal/style"

// op is one drawing operation of a box: a string of text (its baseline
// starting at x, y) or, when rule is set, a line from x, y to x2, y2.
// Coordinates are millimetres: x from the page's left edge, y from the
// box's top.
type op struct {
	rule   bool
	x, y   float64
	x2, y2 float64
	s      string
	st     style
	size   float64
	gray   int    // text colour: 0 black to 255 white
	link   string // the address the string links to, "" for none
	// lw is a rule's thickness (0: ruleWidth); img a picture drawn in the
	// rectangle x, y to x2, y2.
	lw  float64
	img *house.Image
}

// box is an unbreakable piece of a page: a line of text, or the whole
// signature table.
type box struct {
	h    float64
	ops  []op
	mark string // outline (bookmark) entry starting at the box, if any
	// notes are the footnotes cited on the line, laid out: they go at the
	// foot of the page the line is on.
	notes []*footnote
}

// block is a paragraph, heading or table: boxes that follow each other
// down the page, with spacing and the rules that keep them together.
type block struct {
	boxes  []box
	before float64 // space above; the larger of it and the previous block's after is used
	after  float64 // space below
	// keepWithNext keeps the whole block on the page where the next block
	// starts (a heading, the closing clause).
	keepWithNext bool
	// keepTogether never splits the block between pages.
	keepTogether bool
}

// height is the height of the block's boxes.
func (b *block) height() float64 {
	h := 0.0
	for _, x := range b.boxes {
		h += x.h
	}
	return h
}

// lineBoxes turns set lines into boxes of the given height, the column
// starting at x. Justified lines are drawn word by word; lines with
// natural spaces as runs of one style.
func lineBoxes(lines []setLine, x, height, size float64) []box {
	boxes := make([]box, 0, len(lines))
	base := height * ascentRatio
	for _, ln := range lines {
		var ops []op
		for i, w := range ln.words {
			fx := x + ln.xs[i]
			for k, f := range w.frags {
				n := len(ops)
				switch {
				case ln.natural && k == 0 && n > 0 && ops[n-1].st == f.st && ln.words[i-1].spaceSt == f.st && ops[n-1].link == f.link && f.note == nil:
					ops[n-1].s += " " + f.s
				case f.st&super != 0:
					ops = append(ops, op{x: fx, y: base - size*raiseRatio*pt, s: f.s, st: f.st, size: size * superScale})
				default:
					ops = append(ops, op{x: fx, y: base, s: f.s, st: f.st, size: size, link: f.link})
				}
				fx += f.w
			}
		}
		bx := box{h: height, ops: ops}
		for _, w := range ln.words {
			for _, f := range w.frags {
				if f.note != nil {
					bx.notes = append(bx.notes, &footnote{note: f.note})
				}
			}
		}
		boxes = append(boxes, bx)
	}
	return boxes
}
