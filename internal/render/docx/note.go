package docx

import (
	"errors"
	house "github.com/chancery-dev/chancery/internal/style"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
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
	wl := wordLang(tag)
	rp, err := runningOf(runningFor(opt.Style, house.KindNote), opt.Lang, wl, "", noteTextWidth)
	if err != nil {
		return err
	}
	wd := noteDoc(eds, wl, rp)
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time)
}

// noteDoc lays editions out as a WordprocessingML document whose styles
// and metadata are in lang (w:lang form).
func noteDoc(eds []*model.NoteEdition, lang string, rp runningParts) *wordDoc {
	wd := &wordDoc{}
	wd.setRunning(rp)
	nw := &noteWriter{textWriter{x: newXML(), lang: lang}}
	x := nw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	for i, ed := range eds {
		nw.edition(ed, i > 0)
	}
	writeNoteSectPr(x, wd.sectionRefs())
	x.end("w:body")
	x.end("w:document")
	wd.Body = x.bytes()
	wd.Styles = stylesXML(lang, noLinks(), singleSpaced())
	wd.Settings = settingsXML(lang)
	wd.Meta = meta{
		Title:    eds[0].Number,
		Subject:  eds[0].Subject,
		Creator:  issuer(eds[0]),
		Language: lang,
	}
	return wd
}

// issuer names the sender for the metadata: the letterhead block in the
// edition's language, else the first one.
func issuer(ed *model.NoteEdition) string {
	if len(ed.Letterhead) == 0 {
		return ""
	}
	lh := ed.Letterhead[0]
	for _, b := range ed.Letterhead {
		if b.Lang == ed.Lang {
			lh = b
			break
		}
	}
	return strings.Join(lh.Lines, " ")
}

// noteWriter writes the body of a note; its textWriter's language is
// switched to that of the text at hand.
type noteWriter struct {
	textWriter
}

// edition writes one edition in reading order, except that the foot comes
// right after the number: a frame floats on the page of its place in the
// flow, and only there is it sure to be on the first page. Nothing breaks
// a page inside the text: pages break where Word or LibreOffice lay them
// out, by the styles' keep-with-next, keep-lines and widow control, so
// that an edit anywhere leaves no break behind in the middle of a
// sentence. (ed.PageBreaks, where the PDF edition breaks, are not used: a
// hard break there was one in running text.) newPage starts the edition
// on a new page (every edition but the first of a copy), by
// page-break-before on its first paragraph.
func (nw *noteWriter) edition(ed *model.NoteEdition, newPage bool) {
	for i, lh := range ed.Letterhead {
		style := styleLetterhead
		if i == 0 {
			style = styleLetterheadTop // starts a new page itself
			newPage = false
		}
		nw.lang = wordLang(lh.Lang)
		nw.lines(paraProps{Style: style}, lh.Lines)
	}
	nw.lang = wordLang(ed.Lang)
	nw.lines(paraProps{Style: styleNoteNumber, PageBreakBefore: newPage}, []string{ed.Number})
	foot := &frame{Width: addresseeWidth, VSpace: footGap}
	if len(ed.Enclosure) > 0 {
		nw.lines(paraProps{Style: styleEnclosure, Frame: foot}, ed.Enclosure)
	}
	if len(ed.Addressee) > 0 {
		nw.lines(paraProps{Style: styleAddressee, Frame: foot}, ed.Addressee)
	}
	for _, text := range ed.Paragraphs {
		nw.paragraph(paraProps{Style: styleNoteBody}, func() { nw.run("", text) })
	}
	nw.paragraph(paraProps{Style: stylePlaceDate}, func() { nw.run("", ed.PlaceDate) })
}

// lines writes one paragraph holding lines, separated by line breaks.
func (nw *noteWriter) lines(props paraProps, lines []string) {
	nw.paragraph(props, func() { nw.run("", strings.Join(lines, "\n")) })
}
