package html

import (
	"bufio"
	"errors"
	"io"

	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// WriteNote writes the editions of a note as one HTML page: each edition
// in a section with its own lang attribute (the page's is the first
// edition's), its blocks in reading order, each a div classed by its kind
// (letterhead, masthead, title, number, body, place-date, enclosure,
// addressee, ...) whose lines are paragraphs, with the inline markup as
// strong and em; the foot blocks of the first page come last, an annex
// starts a new page in print, and so does each edition.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) error {
	if len(eds) == 0 {
		return errors.New("html: no note edition to write")
	}
	for _, ed := range eds {
		if ed == nil {
			return errors.New("html: nil note edition")
		}
	}
	p := &page{w: bufio.NewWriter(w)}
	pageOf := ""
	if opt.Lang != nil {
		pageOf, _ = opt.Lang.Word("page-of")
	}
	p.head(eds[0].Lang, eds[0].Title, "", pageOf, nil)
	p.raw("<main>\n")
	for _, ed := range eds {
		p.raw("<section class=\"edition\" lang=\"" + escape(ed.Lang) + "\">\n")
		for _, bi := range ed.Flow() {
			p.noteBlock(&ed.Blocks[bi])
		}
		for _, b := range ed.Feet() {
			p.noteBlock(b)
		}
		p.raw("</section>\n")
	}
	p.raw("</main>\n</body>\n</html>\n")
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// noteBlock writes one block of a note.
func (p *page) noteBlock(b *model.NoteBlock) {
	p.raw("<div class=\"" + escape(b.Kind) + "\"")
	if b.Lang != "" {
		p.raw(" lang=\"" + escape(b.Lang) + "\"")
	}
	p.raw(">\n")
	if b.Kind == house.BlockMasthead {
		p.raw("<table class=\"masthead\"><tr><td>\n")
		p.noteLines(b.Lines)
		p.raw("</td><td>\n")
		p.noteLines(b.Right)
		p.raw("</td></tr></table>\n")
	} else {
		p.noteLines(b.Lines)
	}
	for _, para := range b.Paras {
		p.raw("<p>")
		p.inlines(para)
		p.raw("</p>\n")
	}
	p.raw("</div>\n")
}

func (p *page) noteLines(lines []model.NoteLine) {
	for _, l := range lines {
		p.raw("<p>")
		p.inlines(l)
		p.raw("</p>\n")
	}
}
