package pdf

import (
	"fmt"

	house "github.com/chancery-dev/chancery/internal/style"
)

// Vertical metrics of the body face, as shares of the type size: where a
// header's baseline lies under the top of its line, and a footer's above
// the foot of its line, as a word processor places them.
const (
	faceAscent  = 0.891
	faceDescent = 0.216
)

// paintBand draws the header and footer the style gives page n of total
// of a document of kind (house.KindInstrument, house.KindNote) in the text
// column of the style's margins; marking is the document's marking (""
// for none).
func (r *renderer) paintBand(kind string, n, total int, marking string) {
	r.paintBandIn(kind, n, total, marking, r.g.marginLeft, r.g.textWidth)
}

// paintBandIn is paintBand with the header and footer set in the column
// from left, width wide.
func (r *renderer) paintBandIn(kind string, n, total int, marking string, left, width float64) {
	band := r.g.running[kind].Of(n)
	size := r.g.runningSize
	col := column{left, width}
	r.paintLine(band.Header, col, r.g.headerDistance+faceAscent*size*pt, n, total, marking, markingGray)
	r.paintLine(band.Footer, col, r.g.pageHeight-r.g.footerDistance-faceDescent*size*pt, n, total, marking, footerGray)
}

// column is a column of text across the page.
type column struct{ left, width float64 }

// paintLine sets a header or footer line at baseline y: its left slot at
// the column's left edge, its centre slot centred in it, its right slot
// ending at its right edge.
func (r *renderer) paintLine(l house.Line, c column, y float64, n, total int, marking string, gray int) {
	if l.Empty() {
		return
	}
	st := regular
	if l.Bold {
		st = bold
	}
	size := r.g.runningSize
	slots := []struct {
		tmpl string
		x    func(w float64) float64
	}{
		{l.Left, func(float64) float64 { return c.left }},
		{l.Center, func(w float64) float64 { return c.left + (c.width-w)/2 }},
		{l.Right, func(w float64) float64 { return c.left + c.width - w }},
	}
	for _, sl := range slots {
		if sl.tmpl == "" {
			continue
		}
		s, err := house.Expand(sl.tmpl, n, total, marking, r.l.Expand)
		if err != nil {
			r.fail(fmt.Errorf("pdf: header or footer %q: %w", sl.tmpl, err))
			return
		}
		if s == "" {
			continue
		}
		w := r.m.width(s, st, size)
		r.text(op{x: sl.x(w), y: y, s: s, st: st, size: size, gray: gray})
	}
}
