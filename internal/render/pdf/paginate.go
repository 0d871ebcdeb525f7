package pdf

// placed is a box at its place on a page: y is the box's top.
type placed struct {
	b *box
	y float64
}

// page is the boxes of one page, top to bottom.
type page []placed

// paginate fills pages with the blocks' boxes. Spacing between blocks is
// dropped at the top of a page. A block starts on a new page when the
// part of it that must stay together does not fit: the whole block if it
// is kept together or has fewer than orphans+widows lines (the style's
// counts), else its first orphans lines; plus, for a block kept with the next one,
// all of itself and that part of the next. A block that is split leaves
// at least orphans lines behind and carries at least widows over.
//
// Footnotes cited on a line go to the foot of the line's page: a line
// whose notes do not fit moves to the next page with them, except that a
// long note may start with minNoteLines lines and continue at the foot of
// the next page.
func paginate(blocks []block, g geometry) []page {
	p := &paginator{pages: []page{nil}, y: g.marginTop, top: g.marginTop, bottom: g.textBottom, left: g.marginLeft,
		orphans: g.orphans, widows: g.widows}
	after := 0.0
	for i := range blocks {
		b := &blocks[i]
		gap := max(after, b.before)
		if !p.atTop() && !p.fits(gap+head(blocks, i, g.orphans, g.widows), 0) {
			p.newPage()
		}
		p.place(b, gap)
		after = b.after
	}
	for len(p.carry) > 0 {
		p.newPage() // the end of a long footnote on a page of its own
	}
	p.closePage()
	return p.pages
}

// head is the height that must fit on the page where block i starts.
func head(blocks []block, i, orphans, widows int) float64 {
	b := &blocks[i]
	if b.keepWithNext && i+1 < len(blocks) {
		next := &blocks[i+1]
		return b.height() + max(b.after, next.before) + head(blocks, i+1, orphans, widows)
	}
	if b.keepTogether || len(b.boxes) < orphans+widows {
		return b.height()
	}
	h := 0.0
	for _, x := range b.boxes[:orphans] {
		h += x.h
	}
	return h
}

type paginator struct {
	pages []page
	y     float64
	// foot holds the footnote lines of the current page and footH their
	// height with the rule above them (0 for none); carry holds the lines
	// of a footnote that continue on the next page.
	foot  []box
	footH float64
	carry []box
	// top and bottom bound the text on a page, left is its left edge
	// (the style's margins).
	top, bottom, left float64
	// orphans and widows are the style's widow and orphan counts.
	orphans, widows int
}

// atTop reports whether nothing of the text is on the current page yet
// (footnote lines carried over do not count).
func (p *paginator) atTop() bool { return p.y == p.top }

// fits tells whether h more of text, and extra more of footnotes, fit on
// the current page.
func (p *paginator) fits(h, extra float64) bool {
	return p.y+h+p.footH+extra <= p.bottom+1e-6
}

// newPage closes the current page and starts the next, whose foot begins
// with the footnote lines carried over.
func (p *paginator) newPage() {
	p.closePage()
	p.pages = append(p.pages, nil)
	p.y = p.top
	carry := p.carry
	p.carry = nil
	p.addNoteLines(carry, (p.bottom-p.top)/2)
}

// closePage sets the current page's footnotes at its foot, under the rule.
func (p *paginator) closePage() {
	if len(p.foot) == 0 {
		return
	}
	last := len(p.pages) - 1
	y := p.bottom - p.footH
	rule := &box{h: ruleGap + ruleAfter, ops: []op{{rule: true, x: p.left, y: ruleGap, x2: p.left + ruleLength, y2: ruleGap}}}
	p.pages[last] = append(p.pages[last], placed{rule, y})
	y += rule.h
	for i := range p.foot {
		p.pages[last] = append(p.pages[last], placed{&p.foot[i], y})
		y += p.foot[i].h
	}
	p.foot, p.footH = nil, 0
}

// noteRoom is the height the footnotes of b would add to the page: all of
// their lines, with the rule when the page has no footnote yet; partial
// is the least they may take (minNoteLines of each) when a note continues
// on the next page.
func (p *paginator) noteRoom(b *box, footSoFar float64) (all, partial float64) {
	if len(b.notes) == 0 {
		return 0, 0
	}
	if p.footH+footSoFar == 0 {
		all, partial = ruleGap+ruleAfter, ruleGap+ruleAfter
	}
	for _, n := range b.notes {
		all += n.height()
		for _, l := range n.lines[:min(minNoteLines, len(n.lines))] {
			partial += l.h
		}
	}
	return all, partial
}

// addNoteLines puts footnote lines at the foot of the current page as far
// as room allows, carrying the rest over to the next page.
func (p *paginator) addNoteLines(lines []box, room float64) {
	if len(lines) == 0 {
		return
	}
	if p.footH == 0 {
		room -= ruleGap + ruleAfter
	}
	n := 0
	for h := 0.0; n < len(lines) && h+lines[n].h <= room+1e-6; n++ {
		h += lines[n].h
	}
	if n == 0 && p.atTop() && len(p.foot) == 0 {
		n = 1 // a page takes at least one line, so that pagination ends
	}
	if n > 0 && p.footH == 0 {
		p.footH = ruleGap + ruleAfter
	}
	for _, l := range lines[:n] {
		p.foot = append(p.foot, l)
		p.footH += l.h
	}
	p.carry = append(p.carry, lines[n:]...)
}

func (p *paginator) put(b *box) {
	last := len(p.pages) - 1
	p.pages[last] = append(p.pages[last], placed{b, p.y})
	p.y += b.h
	for _, n := range b.notes {
		p.addNoteLines(n.lines, p.bottom-p.y-p.footH)
	}
}

// place puts a block's boxes on the current page and as many following
// pages as it needs, after gap.
func (p *paginator) place(b *block, gap float64) {
	n := len(b.boxes)
	for k := 0; k < n; {
		if p.atTop() {
			gap = 0
		}
		fit, h, foot := 0, gap, 0.0
		for k+fit < n {
			bx := &b.boxes[k+fit]
			all, partial := p.noteRoom(bx, foot)
			if p.fits(h+bx.h, foot+all) {
				h, foot = h+bx.h, foot+all
				fit++
				continue
			}
			if all > partial && p.fits(h+bx.h, foot+partial) {
				fit++ // its long note continues on the next page
			}
			break
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
	return split(b, k, fit, p.atTop(), p.orphans, p.widows)
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
