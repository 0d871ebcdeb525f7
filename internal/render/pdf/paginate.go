package pdf

// placed is a box at its place on a page: y is the box's top.
type placed struct {
	b *box
	y float64
}

// page is the boxes of one page, top to bottom.
type page []placed

// fits tells whether something of height h fits below y.
func fits(y, h float64) bool { return y+h <= textBottom+1e-6 }

// paginate fills pages with the blocks' boxes. Spacing between blocks is
// dropped at the top of a page. A block starts on a new page when the
// part of it that must stay together does not fit: the whole block if it
// is kept together or has fewer than minOrphans+minWidows lines, else
// its first minOrphans lines; plus, for a block kept with the next one,
// all of itself and that part of the next. A block that is split leaves
// at least minOrphans lines behind and carries at least minWidows over.
func paginate(blocks []block) []page {
	p := &paginator{pages: []page{nil}, y: marginTop}
	after := 0.0
	for i := range blocks {
		b := &blocks[i]
		gap := max(after, b.before)
		if !p.atTop() && !fits(p.y, gap+head(blocks, i)) {
			p.newPage()
		}
		p.place(b, gap)
		after = b.after
	}
	return p.pages
}

// head is the height that must fit on the page where block i starts.
func head(blocks []block, i int) float64 {
	b := &blocks[i]
	if b.keepWithNext && i+1 < len(blocks) {
		next := &blocks[i+1]
		return b.height() + max(b.after, next.before) + head(blocks, i+1)
	}
	if b.keepTogether || len(b.boxes) < minOrphans+minWidows {
		return b.height()
	}
	h := 0.0
	for _, x := range b.boxes[:minOrphans] {
		h += x.h
	}
	return h
}

type paginator struct {
	pages []page
	y     float64
}

func (p *paginator) atTop() bool { return len(p.pages[len(p.pages)-1]) == 0 }

func (p *paginator) newPage() {
	p.pages = append(p.pages, nil)
	p.y = marginTop
}

func (p *paginator) put(b *box) {
	last := len(p.pages) - 1
	p.pages[last] = append(p.pages[last], placed{b, p.y})
	p.y += b.h
}

// place puts a block's boxes on the current page and as many following
// pages as it needs, after gap.
func (p *paginator) place(b *block, gap float64) {
	n := len(b.boxes)
	for k := 0; k < n; {
		if p.atTop() {
			gap = 0
		}
		fit, h := 0, gap
		for k+fit < n && fits(p.y, h+b.boxes[k+fit].h) {
			h += b.boxes[k+fit].h
			fit++
		}
		if k+fit < n {
			fit = p.splitAt(b, k, fit)
		}
		if fit == 0 {
			p.newPage()
			continue
		}
		p.y += gap
		for j := k; j < k+fit; j++ {
			p.put(&b.boxes[j])
		}
		k += fit
		if k < n {
			p.newPage()
		}
	}
}

// splitAt returns how many of the boxes from k to put on the current page
// when only fit of them fit (see split), with the instrument's widow and
// orphan rules.
func (p *paginator) splitAt(b *block, k, fit int) int {
	return split(b, k, fit, p.atTop(), minOrphans, minWidows)
}

// split returns how many of a block's boxes from k to put on the current
// page when only fit of them fit: fewer, to leave at least orphans lines
// behind and carry at least widows over, or none to start afresh on the
// next page. At the top of a page at least one box is put, whatever its
// height, so that pagination always ends.
func split(b *block, k, fit int, atTop bool, orphans, widows int) int {
	n := len(b.boxes)
	want := fit
	if b.keepTogether {
		want = 0
	}
	if n-(k+want) < widows {
		want = n - widows - k
	}
	if k == 0 && want < orphans {
		want = 0
	}
	if want > 0 {
		return want
	}
	if atTop {
		return max(fit, 1)
	}
	return 0
}
