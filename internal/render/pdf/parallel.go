package pdf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/chancery-dev/chancery/internal/lower"
)

// parPage is the page of a parallel edition: the style's paper turned
// landscape, with the style's margins and header and footer distances
// where they were on the upright page, as the parallel DOCX has them.
type parPage struct {
	width, height float64
	// left and top are the left and top margins; textWidth is the width
	// between the side margins, textBottom the distance from the top edge
	// to the bottom margin.
	left, top, textWidth, textBottom float64
	// headerBase and footerBase are the baselines of the marking at the
	// head and of the page number at the foot, from the top edge.
	headerBase, footerBase float64
}

// parPageOf is the landscape page of g's paper, with g's margins; the
// running lines stand as the instrument's do (paintBand), at g's header
// and footer distances from the edges, in g's running size.
func parPageOf(g geometry) parPage {
	w, h := g.pageHeight, g.pageWidth
	return parPage{width: w, height: h,
		left: g.marginLeft, top: g.marginTop,
		textWidth: w - g.marginLeft - g.marginRight, textBottom: h - g.marginBottom,
		headerBase: g.headerDistance + faceAscent*g.runningSize*pt,
		footerBase: h - g.footerDistance - faceDescent*g.runningSize*pt,
	}
}

// WriteParallel renders a parallel edition on the house style's paper
// turned landscape, in its body size, leading and paragraph spacing: a
// column per language, the style's column gap (page.column_gap) apart, a
// row per block, each row starting level in every column, so that 4.1
// faces 4.1. Rows break across pages between units;
// a row longer than the rest of the page breaks inside, at a line
// boundary in every column, and goes on at the top of the next page. The
// head of every page carries the editions' markings ("DRAFT / ПРОЕКТ"),
// the foot the page number in the first language, in the style's size of
// running headers and footers. It returns the number of pages.
func WriteParallel(w io.Writer, par *lower.Parallel, opt Options) (pages int, err error) {
	if opt.Lang == nil {
		return 0, fmt.Errorf("pdf: no language")
	}
	faces, err := loadFaces(opt.Style)
	if err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	g := geometryOf(opt.Style)
	paper := parPageOf(g)
	f := newFile("L", g)
	f.SetMargins(paper.left, paper.top, g.marginRight)
	f.SetAutoPageBreak(false, g.marginBottom)
	r := &renderer{in: par.Editions[0], l: opt.Lang, tag: opt.Lang.Tag(), f: f, m: newMeasurer(faces), faces: faces, g: g}
	if opt.Style != nil {
		r.notes = opt.Style.Footnotes
	}

	var labels []depthLabel
	for _, in := range par.Editions {
		for _, b := range in.Blocks {
			if u, ok := b.(*lower.Unit); ok {
				labels = append(labels, depthLabel{u.Depth, u.Label})
			}
		}
	}
	r.labelCols = r.columnsFor(labels)
	n := len(par.Editions)
	colW := (paper.textWidth - g.columnGap*float64(n-1)) / float64(n)
	if colW < 1 {
		return 0, fmt.Errorf("pdf: %d columns %.1f mm apart leave no room for text (page.column_gap)", n, g.columnGap)
	}
	colX := func(i int) float64 { return paper.left + float64(i)*(colW+g.columnGap) }
	var rows []parRow
	for _, row := range par.Rows {
		pr := parRow{cells: make([][]box, n)}
		for i, b := range row.Cells {
			if b == nil {
				continue
			}
			r.in = par.Editions[i] // its footnotes' marks
			pr.cells[i], pr.heading = r.parallelCell(b, colX(i), colW)
		}
		rows = append(rows, pr)
	}
	r.in = par.Editions[0]
	if notes, ok := r.parallelNotes(par, colX, colW); ok {
		rows = append(rows, notes)
	}
	if r.err != nil {
		return 0, r.err
	}
	laid := paginateRows(rows, g, paper)
	r.pdfa = par.Final || (par.Editions[0].Source != nil && par.Editions[0].Source.PDFA)
	r.compressors = opt.Compressors
	total := strconv.Itoa(len(laid))
	for i, pg := range laid {
		f.AddPage()
		if par.Marking != "" {
			mw := r.m.width(par.Marking, bold, g.runningSize)
			r.text(op{x: paper.left + paper.textWidth - mw, y: paper.headerBase, s: par.Marking, st: bold, size: g.runningSize, gray: markingGray})
		}
		for _, pl := range pg {
			for _, o := range pl.b.ops {
				o.y += pl.y
				o.y2 += pl.y
				r.draw(o)
			}
		}
		folio, err := r.l.Expand("page-of", map[string]string{"page": strconv.Itoa(i + 1), "total": total})
		if err != nil {
			return 0, fmt.Errorf("pdf: %w", err)
		}
		fw := r.m.width(folio, regular, g.runningSize)
		r.text(op{x: (paper.width - fw) / 2, y: paper.footerBase, s: folio, st: regular, size: g.runningSize, gray: footerGray})
	}
	if err := f.Error(); err != nil {
		r.fail(fmt.Errorf("pdf: %w", err))
	}
	r.metadata(opt.Time)
	if r.err != nil {
		return 0, r.err
	}
	if err := r.output(w); err != nil {
		return 0, err
	}
	return len(laid), nil
}

// parRow is a row of a parallel edition: each column's lines.
type parRow struct {
	cells   [][]box
	heading bool // a section heading, kept with the row after it
}

func (pr parRow) height() float64 {
	h := 0.0
	for _, c := range pr.cells {
		ch := 0.0
		for _, b := range c {
			ch += b.h
		}
		h = max(h, ch)
	}
	return h
}

// parallelCell lays out one block in the column at x0 of the given width,
// ragged right (justified text in a narrow column opens wide gaps), its
// lines broken as the style says, as in the DOCX.
func (r *renderer) parallelCell(b lower.Block, x0, width float64) (boxes []box, heading bool) {
	text := func(al align, parts []styled) []box {
		return lineBoxes(r.set(r.words(parts...), width, al), x0, r.g.leading, r.g.bodySize)
	}
	joined := func(lead, body []styled) []styled {
		if len(lead) == 0 {
			return body
		}
		return append(append(lead, styled{s: " ", st: regular}), body...)
	}
	switch b := b.(type) {
	case *lower.Marking:
		return text(center, []styled{{s: b.Text, st: bold}}), false
	case *lower.TitleLine:
		return text(center, flatten(lower.Runs(b.Text), bold)), false
	case *lower.Fields:
		return r.parallelFields(b, x0, width), false
	case *lower.Party:
		return text(left, joined(flatten(lower.Runs(b.Intro), regular), flatten(lower.Runs(b.Text), regular))), false
	case *lower.Joiner:
		return text(center, flatten(lower.Runs(b.Text), regular)), false
	case *lower.PartiesOutro:
		return text(left, flatten(lower.Runs(b.Text), regular)), false
	case *lower.Recital:
		first, second := b.Parts()
		return text(left, joined(flatten(lower.Runs(first), regular), flatten(lower.Runs(second), regular))), false
	case *lower.Transition:
		return text(left, flatten(lower.Runs(b.Text), regular)), false
	case *lower.Closing:
		return text(left, flatten(lower.Runs(b.Text), regular)), false
	case *lower.Unit:
		labelX := x0
		for d := 1; d < b.Depth; d++ {
			labelX += r.labelCols[d]
		}
		textX := labelX
		if b.Label != "" {
			textX += r.labelCols[min(b.Depth, len(r.labelCols)-1)]
		}
		st := regular
		if b.Heading {
			st = bold
		}
		blk := r.labelled(b.Label, st, flatten(lower.Runs(b.Text), st), labelX, textX, x0+width-textX, left)
		return blk.boxes, b.Heading
	case *lower.Signatures:
		for i, p := range b.Parties {
			var sig box
			y := 0.0
			if i > 0 {
				y = signatureRoom
			}
			y += r.signatureStack(&sig, p, x0, y, width)
			for k, word := range b.Lines {
				if k == 0 {
					y += signatureRoom
				} else {
					y += lineRoom
				}
				base := y + r.g.leading*ascentRatio
				label := word + ":"
				lw := r.m.width(label, regular, r.g.bodySize)
				sig.ops = append(sig.ops,
					op{x: x0, y: base, s: label, st: regular, size: r.g.bodySize},
					op{rule: true, x: x0 + lw + 2, y: base + 0.6, x2: x0 + width, y2: base + 0.6})
				y += r.g.leading
			}
			sig.h = y
			boxes = append(boxes, sig)
		}
		return boxes, false
	}
	return nil, false
}

// paginateRows places rows on the pages pg, spaced as g's paragraphs and
// headings: every column of a row starts at the row's top; a row that
// does not fit in the rest of the page is split at line boundaries,
// unless fewer than g's orphans lines would stay (or it is a heading,
// which goes with the row after it), when it starts the next page.
func paginateRows(rows []parRow, g geometry, pg parPage) []page {
	pages := []page{nil}
	y := pg.top
	newPage := func() {
		pages = append(pages, nil)
		y = pg.top
	}
	atTop := func() bool { return len(pages[len(pages)-1]) == 0 }
	for i, row := range rows {
		gap := g.paraGap
		if row.heading {
			gap = g.headingGap
		}
		if !atTop() {
			y += gap
		}
		h := row.height()
		need := h
		if row.heading && i+1 < len(rows) {
			need += g.paraGap + min(rows[i+1].height(), g.leading*float64(g.orphans))
		}
		if !atTop() && y+need > pg.textBottom+1e-6 && (row.heading || y+g.leading*float64(g.orphans) > pg.textBottom+1e-6) {
			newPage()
		}
		next := make([]int, len(row.cells))
		for {
			bottom := y
			done := true
			for c, cell := range row.cells {
				yy := y
				for next[c] < len(cell) {
					b := &cell[next[c]]
					if yy+b.h > pg.textBottom+1e-6 && yy > pg.top {
						break
					}
					pages[len(pages)-1] = append(pages[len(pages)-1], placed{b: b, y: yy})
					yy += b.h
					next[c]++
				}
				bottom = max(bottom, yy)
				if next[c] < len(cell) {
					done = false
				}
			}
			y = bottom
			if done {
				break
			}
			newPage()
		}
	}
	return pages
}
