package docx

import (
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// defaultAuthor is the author of tracked changes when the redline names
// none (Word requires one).
const defaultAuthor = "chancery"

// WriteRedline writes a redline as a .docx package whose changes are Word
// tracked changes, at word granularity: every deleted stretch a w:del of
// w:delText runs, every inserted one a w:ins, each attributed to d.Author
// at d.Date, so that an officer can accept or reject them one by one. A
// unit removed whole has its paragraph mark deleted too, one added whole
// its paragraph mark inserted, so that rejecting or accepting every change
// gives back exactly the old or the new text. Labels are plain text (a
// redline needs no list numbering); a renumbered unit shows its new label,
// unmarked. The summary ends the document under its heading, as a table.
//
// opt.Lang, when set, gives the language of the runs (else d.Lang) and the
// words of the page-number footer; d.Marking, when set, heads every
// page; opt.Time stamps the package (the zero Time a fixed date), and
// d.Date when that is zero. The package is deterministic.
func WriteRedline(w io.Writer, d *marked.Doc, opt Options) error {
	tag := d.Lang
	if opt.Lang != nil {
		tag = opt.Lang.Tag()
	}
	wl := wordLang(tag)
	t := stamp(opt.Time)
	date := t
	if !d.Date.IsZero() {
		date = d.Date.UTC().Truncate(time.Second)
	}
	author := d.Author
	if author == "" {
		author = defaultAuthor
	}
	rw := &redlineWriter{
		textWriter: textWriter{x: newXML(), lang: wl},
		author:     author,
		date:       date.Format(time.RFC3339),
	}
	wd := &wordDoc{
		Styles:   stylesXML(wl, noLinks()),
		Settings: settingsXML(wl),
		Meta:     meta{Title: d.Title, Creator: author, Language: wl, Time: t},
	}
	if d.Marking != "" {
		wd.Header = headerXML(wl, d.Marking)
	}
	pageOf := ""
	if opt.Lang != nil {
		// A language without the phrase gets the bare page number.
		pageOf, _ = opt.Lang.Word("page-of")
	}
	wd.Footer = footerXML(wl, pageOf)
	rw.body(d, wd.sectionRefs())
	wd.Body = rw.x.bytes()
	return wd.write(w, t)
}

// redlineWriter writes the body of a redline: paragraphs whose runs are
// wrapped in revision marks.
type redlineWriter struct {
	textWriter
	author string
	date   string // RFC 3339, as w:date wants it
	revID  int    // id of the last revision mark written
}

// body writes word/document.xml: the paragraphs, the summary and the
// section properties.
func (rw *redlineWriter) body(d *marked.Doc, refs sectionRefs) {
	x := rw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	for i := range d.Paras {
		rw.para(&d.Paras[i])
	}
	rw.summary(d.Summary)
	writeSectPr(x, refs)
	x.end("w:body")
	x.end("w:document")
}

// redlineStyle is the paragraph style of p: the instrument's style for its
// kind, so that the redline reads like the instrument.
func redlineStyle(p *marked.Para) string {
	switch {
	case p.Title:
		return styleTitle
	case p.Depth < 0:
		return styleUnnumbered
	case p.Depth == 0:
		return headingStyle(0)
	case p.Depth == 1 && p.Label == "":
		return styleUnnumbered
	case p.Depth == 1:
		return styleParagraph
	}
	return itemStyle(p.Depth)
}

// para writes one paragraph: its label (text and a tab to the hanging
// indent) and its spans, each stretch of one mark in one revision mark.
func (rw *redlineWriter) para(p *marked.Para) {
	x := rw.x
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", redlineStyle(p))
	if p.Mark != marked.Kept {
		// The paragraph mark itself was added or removed.
		x.start("w:rPr")
		rw.revision(p.Mark, true)
		x.val("w:lang", rw.lang)
		x.end("w:rPr")
	}
	x.end("w:pPr")
	var spans []marked.Span
	if p.Label != "" {
		spans = append(spans, marked.Span{Text: p.Label + "\t", Mark: p.Mark})
	}
	spans = append(spans, p.Spans...)
	for len(spans) > 0 {
		n := 1
		for n < len(spans) && spans[n].Mark == spans[0].Mark {
			n++
		}
		rw.tracked(spans[:n])
		spans = spans[n:]
	}
	x.end("w:p")
}
