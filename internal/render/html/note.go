package html

import (
	"bufio"
	"errors"
	"io"

	"github.com/chancery-dev/chancery/internal/model"
)

// WriteNote writes the editions of a note verbale as one HTML page: each
// edition in a section with its own lang attribute (the page's is the
// first edition's), letterhead, number, paragraphs, place and date,
// enclosure line and addressee block in reading order; in print each
// edition starts a new page.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) error {
	if len(eds) == 0 {
		return errors.New("html: no note edition to write")
	}
	p := &page{w: bufio.NewWriter(w)}
	pageOf := ""
	if opt.Lang != nil {
		pageOf, _ = opt.Lang.Word("page-of")
	}
	p.head(eds[0].Lang, eds[0].Number, "", pageOf, nil)
	p.raw("<main>\n")
	for _, ed := range eds {
		p.raw("<section class=\"edition\" lang=\"" + escape(ed.Lang) + "\">\n")
		for _, lh := range ed.Letterhead {
			p.raw("<div class=\"letterhead\" lang=\"" + escape(lh.Lang) + "\">\n")
			for _, line := range lh.Lines {
				p.plainPara("", line)
			}
			p.raw("</div>\n")
		}
		p.plainPara("number", ed.Number)
		for _, para := range ed.Paragraphs {
			p.plainPara("", para)
		}
		p.plainPara("place-date", ed.PlaceDate)
		for _, block := range []struct {
			class string
			lines []string
		}{{"enclosure", ed.Enclosure}, {"addressee", ed.Addressee}} {
			if len(block.lines) == 0 {
				continue
			}
			p.raw("<div class=\"" + block.class + "\">\n")
			for _, line := range block.lines {
				p.plainPara("", line)
			}
			p.raw("</div>\n")
		}
		p.raw("</section>\n")
	}
	p.raw("</main>\n</body>\n</html>\n")
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// plainPara writes a paragraph of plain text.
func (p *page) plainPara(class, s string) {
	p.raw("<p")
	if class != "" {
		p.raw(" class=\"" + class + "\"")
	}
	p.raw(">")
	p.text(s)
	p.raw("</p>\n")
}
