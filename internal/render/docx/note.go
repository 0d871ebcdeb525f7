package docx

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// WriteNote writes note editions as a .docx package: one edition, or
// several (a multilingual copy), each a section of its own starting on a
// new page. An edition's blocks are paragraphs in the styles of its form
// (notestyles.go), in reading order: a masthead is a borderless table of
// two columns with the form's rule under it, an annex starts on a new page
// (page-break-before on its heading); the foot of the first page (an
// enclosure line, an addressee block, a job number) is the section's
// first-page footer (w:titlePg), so that no page is ever broken inside the
// running text and an edit anywhere leaves the foot in its place; page
// numbers are the following pages' header or footer, as the form says.
// Pages break where Word or LibreOffice lay them out (the PDF layout's
// breaks, opt.PageBreaks, are not used). Every run carries the language
// of its text: an edition's, or a letterhead block's own.
//
// opt.Lang is the language of the package's metadata and style defaults
// (nil: the first edition's); opt.Style is the house style (nil: the
// built-in one); opt.Time stamps the package as for Write. Nothing is
// written to w unless the whole note could be laid out.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) error {
	if len(eds) == 0 {
		return errors.New("docx: no note edition to write")
	}
	for _, ed := range eds {
		if ed == nil {
			return errors.New("docx: nil note edition")
		}
	}
	tag := eds[0].Lang
	if opt.Lang != nil {
		tag = opt.Lang.Tag()
	}
	wd := noteDoc(eds, wordLang(tag), opt.Style)
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time, opt.Compressors)
}

// notePage is the page of a form in twips.
type notePage struct {
	width, height            int
	top, bottom, left, right int
	textMM                   float64 // text width in millimetres
}

func notePageOf(st *house.Style, form *house.Correspondence) notePage {
	wh, ok := pageTwips[st.PageSize]
	if !ok {
		wh = [2]int{twips(st.PageWidth), twips(st.PageHeight)}
	}
	return notePage{width: wh[0], height: wh[1],
		top: twips(form.MarginTop), bottom: twips(form.MarginBottom),
		left: twips(form.MarginLeft), right: twips(form.MarginRight),
		textMM: st.PageWidth - form.MarginLeft - form.MarginRight}
}

// noteDoc lays editions out as a WordprocessingML document whose styles
// and metadata are in lang (w:lang form).
func noteDoc(eds []*model.NoteEdition, lang string, st *house.Style) *wordDoc {
	if st == nil {
		st = house.Builtin()
	}
	form := eds[0].Form
	if form == nil {
		form = house.DefaultForm(st, "")
	}
	pg := notePageOf(st, form)
	wd := &wordDoc{
		Styles:   stylesXML(lang, noLinks(), noteType(st), noteStyles(form, st, pg.textMM)...),
		Settings: settingsXML(lang),
		Meta: meta{
			Title:    eds[0].Title,
			Subject:  eds[0].Subject,
			Creator:  eds[0].Author,
			Language: lang,
		},
	}
	nw := &noteWriter{textWriter: textWriter{x: newXML(), lang: lang}, doc: wd, st: st, form: form, pg: pg}
	x := nw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	numbers := nw.pageNumberPart(lang)
	for i, ed := range eds {
		refs := nw.firstFooter(ed)
		refs.numbers = numbers
		nw.edition(ed)
		if i < len(eds)-1 {
			// The section's properties close it: in an empty paragraph,
			// one point high.
			x.start("w:p")
			x.start("w:pPr")
			x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "20", "w:lineRule", "exact")
			nw.sectPr(refs)
			x.end("w:pPr")
			x.end("w:p")
		} else {
			nw.sectPr(refs)
		}
	}
	x.end("w:body")
	x.end("w:document")
	wd.Body = x.bytes()
	return wd
}

// noteWriter writes the body of a note; its textWriter's language is
// switched to that of the text at hand.
type noteWriter struct {
	textWriter
	doc  *wordDoc
	st   *house.Style
	form *house.Correspondence
	pg   notePage
	// top is set at the start of an edition: its first paragraph takes
	// the form's first-page room as its space before.
	top bool
	// carry is the space (twips) the block before asks below it when it
	// could not give it itself (a table): the next paragraph takes the
	// larger of it and its own space before.
	carry int
	parts int // extra parts written so far, for their names
}

// sectionParts are the relationship ids of a section's first-page footer
// and of the page numbers' part ("" for none).
type sectionParts struct {
	first   string
	numbers string
}

// edition writes one edition's flowing blocks in reading order.
func (nw *noteWriter) edition(ed *model.NoteEdition) {
	nw.top, nw.carry = true, 0
	for _, bi := range ed.Flow() {
		b := &ed.Blocks[bi]
		nw.lang = wordLang(ed.Lang)
		if b.Lang != "" {
			nw.lang = wordLang(b.Lang)
		}
		lay := layoutOf(b)
		id := noteStyleID(b.Kind)
		switch b.Kind {
		case house.BlockMasthead:
			nw.masthead(b, lay)
			continue
		case house.BlockAnnex:
			hid := id
			if lay.Heading != nil {
				hid = noteStyleID("heading")
			}
			if len(b.Lines) > 0 {
				nw.lines(nw.props(hid, lay.Heading, true), b.Lines)
			} else {
				nw.paragraph(paraProps{Style: hid, PageBreakBefore: true}, nil)
			}
		default:
			if b.Image != nil {
				nw.image(b.Image, lay)
			}
			if len(b.Lines) > 0 {
				nw.lines(nw.props(id, lay, false), b.Lines)
			}
		}
		for _, p := range b.Paras {
			nw.paragraph(nw.props(id, lay, false), func() { nw.inlines(p, "") })
		}
	}
}

// layoutOf is a block's layout, a plain one when it has none.
func layoutOf(b *model.NoteBlock) *house.Block {
	if b.Layout != nil {
		return b.Layout
	}
	return &house.Block{Kind: b.Kind, Face: "regular", Align: "left"}
}

// props are the properties of a paragraph in style id: the style's own,
// but for the first paragraph of an edition (the first-page room above
// it) and the one after a table (the space the table asks below it).
func (nw *noteWriter) props(id string, lay *house.Block, newPage bool) paraProps {
	p := paraProps{Style: id, PageBreakBefore: newPage}
	switch {
	case lay == nil, nw.top && nw.form.FirstPageTop == 0 && nw.carry == 0:
	case nw.top && firstFlow(nw.form) == lay:
		p.Style = id + "Top"
	case nw.top || nw.carry > 0:
		own, _ := blockProps(lay, nw.st, nw.pg.textMM, nw.form)
		sp := *own.Spacing
		if nw.top {
			sp.Before = pointTwips(nw.form.FirstPageTop)
		} else {
			sp.Before = max(sp.Before, nw.carry)
		}
		p.Spacing = &sp
	}
	nw.top, nw.carry = false, 0
	return p
}

// lines writes one paragraph holding lines, separated by line breaks.
func (nw *noteWriter) lines(props paraProps, lines []model.NoteLine) {
	nw.paragraph(props, func() {
		for i, l := range lines {
			if i > 0 {
				nw.run("", "\n")
			}
			nw.inlines(l, "")
		}
	})
}

// inlines writes a note line's runs: bold and italic in the Strong and
// Emphasis character styles.
func (nw *noteWriter) inlines(runs []model.Inline, st string) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			nw.run(st, r.Text)
		case *model.Emphasis:
			nw.inlines(r.Runs, withEmphasis(st))
		case *model.Strong:
			nw.inlines(r.Runs, withStrong(st))
		}
	}
}

// masthead writes a masthead as a borderless table of two columns, the
// left one as wide as the form's split, with the form's rule as the
// table's bottom border.
func (nw *noteWriter) masthead(b *model.NoteBlock, lay *house.Block) {
	x := nw.x
	textW := nw.pg.width - nw.pg.left - nw.pg.right
	split := min(max(twips(lay.Split), 0), textW)
	x.start("w:tbl")
	x.start("w:tblPr")
	x.empty("w:tblW", "w:w", strconv.Itoa(textW), "w:type", "dxa")
	x.empty("w:tblLayout", "w:type", "fixed")
	x.start("w:tblBorders")
	for _, side := range []string{"w:top", "w:left"} {
		x.empty(side, "w:val", "nil")
	}
	if lay.Rule > 0 {
		sz := min(max(int(math.Round(lay.Rule/house.PointMM*8)), 2), 96)
		x.empty("w:bottom", "w:val", "single", "w:sz", strconv.Itoa(sz), "w:space", "0", "w:color", "000000")
	} else {
		x.empty("w:bottom", "w:val", "nil")
	}
	for _, side := range []string{"w:right", "w:insideH", "w:insideV"} {
		x.empty(side, "w:val", "nil")
	}
	x.end("w:tblBorders")
	writeCellMargins(x, cellMargins{})
	x.end("w:tblPr")
	x.start("w:tblGrid")
	x.empty("w:gridCol", "w:w", strconv.Itoa(split))
	x.empty("w:gridCol", "w:w", strconv.Itoa(textW-split))
	x.end("w:tblGrid")
	x.start("w:tr")
	id := noteStyleID(b.Kind)
	for i, col := range [][]model.NoteLine{b.Lines, b.Right} {
		w := split
		if i == 1 {
			w = textW - split
		}
		x.start("w:tc")
		x.start("w:tcPr")
		x.empty("w:tcW", "w:w", strconv.Itoa(w), "w:type", "dxa")
		x.end("w:tcPr")
		if len(col) == 0 {
			nw.paragraph(paraProps{Style: id}, nil)
		}
		for k, l := range col {
			props := paraProps{Style: id, Spacing: &spacing{}}
			if k == len(col)-1 && lay.Rule > 0 {
				// Room between the last line and the rule, as the PDF
				// leaves half a line.
				props.Spacing.After = pointTwips(nw.st.Leading / 2)
			}
			if nw.top && k == 0 {
				props.Spacing.Before = pointTwips(nw.form.FirstPageTop)
			}
			nw.paragraph(props, func() { nw.inlines(l, "") })
		}
		x.end("w:tc")
	}
	x.end("w:tr")
	x.end("w:tbl")
	nw.top = false
	nw.carry = pointTwips(lay.After)
}

// sectPr writes the properties of an edition's section: the form's page,
// the foot of the first page as its first-page footer, the page numbers.
func (nw *noteWriter) sectPr(refs sectionParts) {
	x := nw.x
	x.start("w:sectPr")
	pn := nw.form.PageNumbers
	head := pn != nil && !pn.Foot
	if refs.numbers != "" && head {
		x.empty("w:headerReference", "w:type", "default", "r:id", refs.numbers)
		if pn.From <= 1 {
			x.empty("w:headerReference", "w:type", "first", "r:id", refs.numbers)
		}
	}
	if refs.numbers != "" && !head {
		x.empty("w:footerReference", "w:type", "default", "r:id", refs.numbers)
	}
	if refs.first != "" {
		x.empty("w:footerReference", "w:type", "first", "r:id", refs.first)
	}
	x.empty("w:type", "w:val", "nextPage")
	x.empty("w:pgSz", "w:w", strconv.Itoa(nw.pg.width), "w:h", strconv.Itoa(nw.pg.height))
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(nw.pg.top), "w:right", strconv.Itoa(nw.pg.right),
		"w:bottom", strconv.Itoa(nw.pg.bottom), "w:left", strconv.Itoa(nw.pg.left),
		"w:header", strconv.Itoa(nw.pg.top/2), "w:footer", strconv.Itoa(nw.pg.bottom/2),
		"w:gutter", "0")
	x.empty("w:titlePg")
	x.end("w:sectPr")
}

// addPart adds a part the document refers to and returns its id.
func (nw *noteWriter) addPart(typ, name, contentType string, data []byte) string {
	nw.parts++
	id := "rIdN" + strconv.Itoa(nw.parts)
	nw.doc.Extra = append(nw.doc.Extra, extraPart{
		Rel:  relationship{ID: id, Type: typ, Target: name},
		Part: part{Name: "word/" + name, ContentType: contentType, Data: data},
	})
	return id
}

// firstFooter writes the foot of an edition's first page as a footer
// part: its blocks in their styles, the last lifted by half the bottom
// margin so that the foot ends at the margin, as in the PDF. With page
// numbers at the foot from page 1, the number follows.
func (nw *noteWriter) firstFooter(ed *model.NoteEdition) sectionParts {
	feet := ed.Feet()
	pn := nw.form.PageNumbers
	numbered := pn != nil && pn.Foot && pn.From <= 1
	if len(feet) == 0 && !numbered {
		return sectionParts{}
	}
	x := newXML()
	x.start("w:ftr", rootAttrs()...)
	fw := &noteWriter{textWriter: textWriter{x: x, lang: wordLang(ed.Lang)}, st: nw.st, form: nw.form, pg: nw.pg}
	for i, b := range feet {
		lay := layoutOf(b)
		props := paraProps{Style: noteStyleID(b.Kind)}
		if i == len(feet)-1 && !numbered {
			own, _ := blockProps(lay, nw.st, nw.pg.textMM, nw.form)
			sp := *own.Spacing
			sp.After = nw.pg.bottom / 2
			props.Spacing = &sp
		}
		fw.lines(props, append(append([]model.NoteLine{}, b.Lines...), b.Paras...))
	}
	if numbered {
		fw.numberParagraph()
	}
	x.end("w:ftr")
	name := "footer-first" + strconv.Itoa(nw.parts+1) + ".xml"
	return sectionParts{first: nw.addPart(relFooter, name, ctFooter, x.bytes())}
}

// pageNumberPart writes the page numbers as a header or footer part, ""
// when the form numbers no page.
func (nw *noteWriter) pageNumberPart(lang string) string {
	pn := nw.form.PageNumbers
	if pn == nil {
		return ""
	}
	x := newXML()
	root, name, rel, ct := "w:ftr", "footer-numbers.xml", relFooter, ctFooter
	if !pn.Foot {
		root, name, rel, ct = "w:hdr", "header-numbers.xml", relHeader, ctHeader
	}
	x.start(root, rootAttrs()...)
	fw := &noteWriter{textWriter: textWriter{x: x, lang: lang}, st: nw.st, form: nw.form, pg: nw.pg}
	fw.numberParagraph()
	x.end(root)
	return nw.addPart(rel, name, ct, x.bytes())
}

// numberParagraph writes the page number's paragraph: the form's text
// with {page} a PAGE field and {pages} the section's page count.
func (nw *noteWriter) numberParagraph() {
	pn := nw.form.PageNumbers
	jc := map[string]string{"left": "left", "center": "center", "right": "right"}[pn.Align]
	var run *runProps
	if pn.Size > 0 {
		run = &runProps{Size: int(math.Round(pn.Size * 2))}
	}
	nw.paragraph(paraProps{Jc: jc, Spacing: &spacing{}, Run: run}, func() {
		text := pn.Text
		for text != "" {
			i := strings.IndexByte(text, '{')
			j := strings.IndexByte(text, '}')
			if i < 0 || j < i {
				nw.sizedRun(text, run)
				return
			}
			nw.sizedRun(text[:i], run)
			switch text[i : j+1] {
			case "{page}":
				nw.field("", "PAGE", "2")
			case "{pages}":
				nw.field("", "SECTIONPAGES", "2")
			default:
				nw.sizedRun(text[i:j+1], run)
			}
			text = text[j+1:]
		}
	})
}

// sizedRun writes text as a run of the size in r (nil: the style's).
func (nw *noteWriter) sizedRun(text string, r *runProps) {
	if text == "" {
		return
	}
	x := nw.x
	x.start("w:r")
	rp := nw.runProps("")
	if r != nil {
		rp.Size = r.Size
	}
	rp.write(x)
	x.elem("w:t", text, "xml:space", "preserve")
	x.end("w:r")
}
