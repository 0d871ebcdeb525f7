package pdf

import (
	"errors"
	"fmt"
	house "github.com/chancery-dev/chancery/internal/style"
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// rgb is a colour of marked text and its lines.
type rgb struct{ r, g, b int }

// markColour is the colour of text in mark mk: deletions red, insertions
// blue, kept text black.
func markColour(mk marked.Mark) rgb {
	switch mk {
	case marked.Deleted:
		return rgb{200, 0, 0}
	case marked.Inserted:
		return rgb{0, 60, 200}
	}
	return rgb{}
}

// WriteRedline renders a redline as a PDF laid out as the instrument is,
// deletions struck through in red and insertions underlined in blue
// (labels of units removed or added whole too; a renumbered unit shows
// its new label unmarked), the summary of changes at the end. It returns
// the number of pages. opt.Lang gives the page-number words, d.Marking,
// when set, heads every page, and opt.Time dates the file (the zero Time
// d.Date, or the Unix epoch): two renders of the same redline are
// byte-identical. Nothing is written unless the whole redline could be
// rendered; a character the font lacks is an error.
func WriteRedline(w io.Writer, d *marked.Doc, opt Options) (pages int, err error) {
	if opt.Lang == nil {
		return 0, errors.New("pdf: no language")
	}
	r, err := newRenderer(nil, opt.Lang, opt.Style)
	if err != nil {
		return 0, err
	}
	blocks, marks := flatMarked(r.markedBlocks(d))
	laid := paginate(blocks, r.g)
	r.paintRedline(laid, marks, d.Marking)
	t := opt.Time
	if t.IsZero() {
		t = d.Date
	}
	r.redlineMetadata(d, t)
	if r.err != nil {
		return 0, r.err
	}
	if err := r.output(w); err != nil {
		return 0, err
	}
	return len(laid), nil
}

// flatMarked returns the blocks for pagination and the marks of the
// operations of each of their boxes, by box.
func flatMarked(mbs []markedBlock) ([]block, map[*box][]marked.Mark) {
	blocks := make([]block, len(mbs))
	marks := map[*box][]marked.Mark{}
	for i := range mbs {
		blocks[i] = mbs[i].block
		for k := range blocks[i].boxes {
			if k < len(mbs[i].marks) {
				marks[&blocks[i].boxes[k]] = mbs[i].marks[k]
			}
		}
	}
	return blocks, marks
}

// paintRedline draws the pages: the marking at the head of every page,
// the boxes in their marks' colours, the outline and the page numbers.
func (r *renderer) paintRedline(pages []page, marks map[*box][]marked.Mark, marking string) {
	for i, pg := range pages {
		r.f.AddPage()
		r.paintBand(house.KindInstrument, i+1, len(pages), marking)
		for _, pl := range pg {
			if pl.b.mark != "" {
				r.f.Bookmark(bookmarkText(pl.b.mark), 0, pl.y)
			}
			ms := marks[pl.b]
			for j, o := range pl.b.ops {
				o.y += pl.y
				o.y2 += pl.y
				mk := marked.Kept
				if j < len(ms) {
					mk = ms[j]
				}
				r.drawMarked(o, mk)
			}
		}
	}
	if err := r.f.Error(); err != nil {
		r.fail(fmt.Errorf("pdf: %w", err))
	}
}

// drawMarked draws one operation in the colour of its mark: a string, or
// a line (a strike-through or underline, or a kept rule in black).
func (r *renderer) drawMarked(o op, mk marked.Mark) {
	c := markColour(mk)
	if o.rule {
		width := ruleWidth
		if mk != marked.Kept {
			width = markRule
		}
		r.f.SetLineWidth(width)
		r.f.SetDrawColor(c.r, c.g, c.b)
		r.f.Line(o.x, o.y, o.x2, o.y2)
		return
	}
	if mk == marked.Kept {
		r.text(o)
		return
	}
	if !r.printable(o) {
		return
	}
	r.setFont(o.st, o.size)
	r.f.SetTextColor(c.r, c.g, c.b)
	r.f.Text(o.x, o.y, r.uses[o.st.font()].encode(o.s))
}

// redlineMetadata sets the title, author, language and dates of the file
// and the settings that make it reproducible.
func (r *renderer) redlineMetadata(d *marked.Doc, t time.Time) {
	r.fileInfo(d.Title, d.Author, "", t)
}
