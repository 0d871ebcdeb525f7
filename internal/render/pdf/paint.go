package pdf

import (
	"fmt"

	house "github.com/chancery-dev/chancery/internal/style"
)

// paint draws the pages: the boxes, the outline entries, and the header
// and footer the style gives instruments (by default the DRAFT marking of
// a draft, or a final copy's "Original 1 of 2", at the head of every page
// and the page number at the foot).
func (r *renderer) paint(pages []page) {
	for i, pg := range pages {
		r.f.AddPage()
		r.paintBand(house.KindInstrument, i+1, len(pages), r.in.Marking)
		for _, pl := range pg {
			if pl.b.mark != "" {
				r.f.Bookmark(bookmarkText(pl.b.mark), 0, pl.y)
			}
			for _, o := range pl.b.ops {
				o.y += pl.y
				o.y2 += pl.y
				r.draw(o)
			}
		}
	}
	if err := r.f.Error(); err != nil {
		r.fail(fmt.Errorf("pdf: %w", err))
	}
}

func (r *renderer) draw(o op) {
	if o.img != nil {
		r.image(o)
		return
	}
	if o.rule {
		lw := ruleWidth
		if o.lw > 0 {
			lw = o.lw
		}
		r.f.SetLineWidth(lw)
		r.f.SetDrawColor(0, 0, 0)
		r.f.Line(o.x, o.y, o.x2, o.y2)
		return
	}
	r.text(o)
}

// text draws a string after checking that the face has every character,
// so that a missing glyph is an error rather than an empty box.
func (r *renderer) text(o op) {
	if !r.printable(o) {
		return
	}
	r.setFont(o.st, o.size)
	r.f.SetTextColor(o.gray, o.gray, o.gray)
	r.f.Text(o.x, o.y, r.uses[o.st.font()].encode(o.s))
	if o.link != "" {
		// The link's area is the string's box: from the ascender to the
		// descender of the face at its size.
		h := o.size * pt
		r.f.LinkString(o.x, o.y-h*ascentRatio, r.m.width(o.s, o.st, o.size), h, o.link)
	}
}

// printable reports whether the face of o has every character of its
// string, recording the first it lacks as the render's error.
func (r *renderer) printable(o op) bool {
	face := r.faces.Face(o.st.face())
	for _, c := range o.s {
		if !face.Has(c) {
			r.fail(fmt.Errorf("pdf: character %s is not in the font %s", describeRune(c), face.FullName()))
			return false
		}
	}
	return true
}

// setFont selects a face and size for drawing: in f, the core font that
// stands in for the face until it is embedded (see embed.go). Selecting
// the font already selected writes nothing, so that a run of words in one
// font sets it once.
func (r *renderer) setFont(st style, size float64) {
	st = st.font()
	if r.fontSet && st == r.font && size == r.fontSize {
		return
	}
	if r.uses[st] == nil {
		r.uses[st] = newFontUse(r.faces.Face(st.face()), st)
	}
	r.f.SetFont(coreFamily, st.fpdfStyle(), size)
	r.font, r.fontSize, r.fontSet = st, size, true
}
