package html

import (
	"bufio"
	"io"
	"strconv"

	"github.com/chancery-dev/chancery/internal/lower"
)

// WriteParallel writes a parallel edition as one HTML page: a table with a
// column per language (its cells carry their lang attribute), a row per
// block, so that 4.1 faces 4.1. Ids and the links of references are
// prefixed with the column's language ("ru-areas.data"), so that each
// column's references lead within it.
func WriteParallel(w io.Writer, par *lower.Parallel, opt Options) error {
	p := &page{w: bufio.NewWriter(w), bodyClass: "parallel"}
	first := par.Editions[0]
	pageOf := ""
	if opt.Lang != nil {
		pageOf, _ = opt.Lang.Word("page-of")
	}
	title := first.Meta.Title
	if title == "" {
		title = par.ID
	}
	p.head(par.Langs[0], title, par.Marking, pageOf, map[string]string{"author": first.Meta.Creator, "description": first.Meta.Subject})
	p.raw("<main>\n<table class=\"parallel\">\n<colgroup>")
	width := strconv.FormatFloat(100/float64(len(par.Langs)), 'f', 2, 64)
	for range par.Langs {
		p.raw("<col style=\"width: " + width + "%\">")
	}
	p.raw("</colgroup>\n<tbody>\n")
	// Each column marks its own language's footnotes (in the style's
	// marks, through the document); the notes close the edition, each
	// column's under it.
	p.mark = opt.Style.FootnoteMark
	notes := false
	for _, row := range par.Rows {
		p.raw("<tr>")
		for i, cell := range row.Cells {
			tag := par.Langs[i]
			p.raw("<td lang=\"" + escape(tag) + "\">")
			p.prefix = tag + "-"
			p.footnote = par.Editions[i].FootnoteNumber
			notes = notes || len(par.Editions[i].Footnotes) > 0
			if cell != nil {
				p.parallelBlock(cell)
			}
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	if notes {
		p.raw("<tr>")
		for i, in := range par.Editions {
			p.raw("<td lang=\"" + escape(par.Langs[i]) + "\">")
			p.prefix = par.Langs[i] + "-"
			p.footnotes(in)
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.prefix = ""
	p.raw("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// parallelBlock writes one block into a cell.
func (p *page) parallelBlock(b lower.Block) {
	switch b := b.(type) {
	case *lower.Marking:
		p.raw("<p class=\"marking-line\">")
		p.text(b.Text)
		p.raw("</p>\n")
	case *lower.TitleLine:
		p.para("title-line", "", b.Text)
	default:
		p.block(b)
	}
}

// block writes a block the single and parallel editions print alike.
func (p *page) block(b lower.Block) {
	switch b := b.(type) {
	case *lower.Fields:
		p.fields(b)
	case *lower.Party:
		p.para("party", "", b.Intro, b.Text)
	case *lower.Joiner:
		p.para("joiner", "", b.Text)
	case *lower.PartiesOutro:
		p.para("parties", "", b.Text)
	case *lower.Recital:
		first, second := b.Parts()
		p.para("recital", b.ID, first, second)
	case *lower.Transition:
		p.para("transition", "", b.Text)
	case *lower.Unit:
		p.unit(b)
	case *lower.Closing:
		p.para("closing", "", b.Text)
	case *lower.Signatures:
		p.signatures(b)
	}
}
