package pdf

import "github.com/chancery-dev/chancery/internal/model"

// paginateNote places an edition's flow on pages. The first page's text
// ends footH (and a gap) above the bottom margin, leaving room for the
// foot. A paragraph may be split between pages, leaving at least
// noteMinOrphans lines behind and carrying at least noteMinWidows over;
// blocks kept together move whole. It returns the pages and where each
// page after the first begins in the flow.
func paginateNote(flow []flowBlock, footH float64) ([]page, []model.NoteBreak) {
	pages := []page{nil}
	var breaks []model.NoteBreak
	bottom := textBottom
	if footH > 0 {
		bottom -= footH + footGap
	}
	y, after := marginTop+emblemRoom, 0.0
	atTop := func() bool { return len(pages[len(pages)-1]) == 0 }
	newPage := func(fb *flowBlock, k int) {
		pages = append(pages, nil)
		y, bottom = marginTop, textBottom
		if fb.para >= 0 {
			br := model.NoteBreak{Para: fb.para}
			if k > 0 && k < len(fb.offsets) {
				br.Offset = fb.offsets[k]
			}
			breaks = append(breaks, br)
		}
	}
	for i := range flow {
		fb := &flow[i]
		b := &fb.block
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
			if k+fit < n {
				fit = noteSplit(b, k, fit, atTop())
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

// noteSplit is split with a note's widow and orphan rules.
func noteSplit(b *block, k, fit int, atTop bool) int {
	return split(b, k, fit, atTop, noteMinOrphans, noteMinWidows)
}
