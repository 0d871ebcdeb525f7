package docx

import (
	"errors"
	"io"

	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// WriteNote writes note editions as a .docx package: one edition, or
// several (a multilingual copy), each starting on a new page with its
// letterhead, its number, the foot of its first page (enclosure line and
// addressee block, floating in a frame at the bottom margin), its body
// paragraphs and its place and date. Every run carries the language of
// its text: an edition's, or a letterhead block's own.
//
// opt.Lang is the language of the package's metadata and style defaults
// (nil: the first edition's); opt.Time stamps the package as for Write;
// opt.Marking is not used, since a note carries no marking. Nothing is
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
	wd := noteDoc(eds, wordLang(tag))
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time)
}

// noteDoc lays editions out as a WordprocessingML document whose styles
// and metadata are in lang (w:lang form).
func noteDoc(eds []*model.NoteEdition, lang string) *wordDoc {
	nw := &noteWriter{textWriter{x: newXML(), lang: lang}}
	x := nw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	for i, ed := range eds {
		nw.edition(ed, i > 0)
	}
	writeNoteSectPr(x)
	x.end("w:body")
	x.end("w:document")
	return &wordDoc{
		Body:     x.bytes(),
		Styles:   stylesXML(lang, noLinks(), fontSize),
		Settings: settingsXML(lang),
		Meta: meta{
			Title:    eds[0].Title,
			Subject:  eds[0].Subject,
			Creator:  issuer(eds[0]),
			Language: lang,
		},
	}
}

// issuer names the sender for the metadata.
func issuer(ed *model.NoteEdition) string { return ed.Author }

// noteWriter writes the body of a note; its textWriter's language is
// switched to that of the text at hand.
type noteWriter struct {
	textWriter
}

// edition writes one edition in reading order, except that the foot comes
// right after the first block: a frame floats on the page of its place in
// the flow, and only there is it sure to be on the first page. Nothing
// breaks a page inside the text. newPage starts the edition on a new page
// (every edition but the first of a copy).
func (nw *noteWriter) edition(ed *model.NoteEdition, newPage bool) {
	feet := false
	writeFeet := func() {
		if feet {
			return
		}
		feet = true
		nw.lang = wordLang(ed.Lang)
		foot := &frame{Width: addresseeWidth, VSpace: footGap}
		for _, b := range ed.Feet() {
			st := styleAddressee
			if b.Kind == house.BlockEnclosure {
				st = styleEnclosure
			}
			nw.lines(paraProps{Style: st, Frame: foot}, b.Lines)
		}
	}
	first := true
	for _, bi := range ed.Flow() {
		b := &ed.Blocks[bi]
		nw.lang = wordLang(ed.Lang)
		if b.Lang != "" {
			nw.lang = wordLang(b.Lang)
		}
		switch b.Kind {
		case house.BlockLetterhead:
			st := styleLetterhead
			if first {
				st = styleLetterheadTop // starts a new page itself
				newPage = false
			}
			nw.lines(paraProps{Style: st}, b.Lines)
		case house.BlockBody, house.BlockAnnex:
			if len(b.Lines) > 0 {
				nw.lines(paraProps{Style: styleNoteNumber, PageBreakBefore: b.Kind == house.BlockAnnex}, b.Lines)
			}
			for _, p := range b.Paras {
				nw.paragraph(paraProps{Style: styleNoteBody}, func() { nw.inlines(p, "") })
			}
		case house.BlockPlaceDate:
			nw.lines(paraProps{Style: stylePlaceDate}, b.Lines)
		default:
			nw.lines(paraProps{Style: styleNoteNumber, PageBreakBefore: newPage}, append(append([]model.NoteLine{}, b.Lines...), b.Right...))
			newPage = false
		}
		first = false
		if b.Kind != house.BlockLetterhead {
			writeFeet()
		}
	}
	writeFeet()
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

// inlines writes a note line's runs: bold and italic as direct formatting.
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
