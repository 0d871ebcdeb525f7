package pdf

import (
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// paginateNote places an edition's flow on pages. The first page's flow
// starts at pg.firstTop and ends footH above the bottom margin, leaving
// room for the foot. A paragraph may be split between pages, leaving at
// least pg.orphans lines behind and carrying at least pg.widows over;
// blocks kept together move whole, a block kept with the next moves with
// its first lines, and a block that starts a new page does. It returns
// the pages and where each page after the first begins in the edition.
func paginateNote(flow []flowBlock, footH float64, pg notePage) ([]page, []model.NoteBreak) {
	pages := []page{nil}
	var breaks []model.NoteBreak
	bottom := pg.bottom - footH
	y, after := pg.firstTop, 0.0
	atTop := func() bool { return len(pages[len(pages)-1]) == 0 }
	newPage := func(fb *flowBlock, k int) {
		pages = append(pages, nil)
		y, bottom = pg.top, pg.bottom
		if k < len(fb.at) {
			breaks = append(breaks, fb.at[k])
		}
	}
	for i := range flow {
		fb := &flow[i]
		b := &fb.block
		if fb.newPage && !atTop() {
			newPage(fb, 0)
		}
		gap := max(after, b.before)
		n := len(b.boxes)
		for k := 0; k < n; {
			if atTop() {
				gap = 0
			}
			fit, h := 0, gap
			for k+fit < n && y+h+b.boxes[k+fit].h <= bottom+1e-6 {
				h += b.boxes[k+fit].h
				fit++
			}
			// A block kept with the next goes with the next's first line.
			if k+fit == n && b.keepWithNext && i+1 < len(flow) && len(flow[i+1].boxes) > 0 && !atTop() &&
				y+h+max(b.after, flow[i+1].before)+flow[i+1].boxes[0].h > bottom+1e-6 {
				fit = 0
				newPage(fb, k)
				continue
			}
			if k+fit < n {
				fit = split(b, k, fit, atTop(), pg.orphans, pg.widows)
				if fit == 0 {
					newPage(fb, k)
					continue
				}
			}
			y += gap
			for j := k; j < k+fit; j++ {
				last := len(pages) - 1
				pages[last] = append(pages[last], placed{&b.boxes[j], y})
				y += b.boxes[j].h
			}
			k += fit
			if k < n {
				newPage(fb, k)
			}
		}
		after = b.after
	}
	return pages, breaks
}

// notePageNumber sets page n of an edition's total pages as pg asks.
func (r *renderer) notePageNumber(pg notePage, n, total int) {
	pn := pg.pageNumbers
	if pn == nil || n < pn.From {
		return
	}
	s := strings.NewReplacer("{page}", strconv.Itoa(n), "{pages}", strconv.Itoa(total)).Replace(pn.Text)
	size := pn.Size
	if size == 0 {
		size = r.g.bodySize
	}
	w := r.m.width(s, regular, size)
	x := pg.left
	switch pn.Align {
	case "center":
		x += (pg.width - w) / 2
	case "right":
		x += pg.width - w
	}
	y := pg.marginTop / 2
	if pn.Foot {
		y = pg.bottom + (pg.height-pg.bottom)/2
	}
	r.text(op{x: x, y: y, s: s, st: regular, size: size})
}
