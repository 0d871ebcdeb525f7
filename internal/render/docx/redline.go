package docx

import (
	house "github.com/chancery-dev/chancery/internal/style"
	"io"
	"strconv"
	"time"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// defaultAuthor is the author of tracked changes when the redline names
// none (Word requires one).
const defaultAuthor = "chancery"

// WriteRedline writes a redline as a .docx package, on the page and in the
// font, body size, leading and paragraph spacing of opt.Style (the
// built-in style when nil), as the instrument's, whose changes are Word
// tracked changes, at word granularity: every deleted stretch a w:del of
// w:delText runs, every inserted one a w:ins, each attributed to d.Author
// at d.Date, so that an officer can accept or reject them one by one. A
// unit removed whole has its paragraph mark deleted too, one added whole
// its paragraph mark inserted, so that rejecting or accepting every change
// gives back exactly the old or the new text. Units are numbered by the
// document's list and styles (redlinelists.go), so that accepting or
// rejecting every change gives either version numbered right; a label
// kept as text that changed shows the old label deleted and the new one
// inserted. The summary ends the document under its heading, as a table.
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
	plan, listed := planRedline(d, opt.Style)
	ts := spacedOf(opt.Style)
	rw := &redlineWriter{
		textWriter: textWriter{x: newXML(), lang: wl},
		author:     author,
		date:       date.Format(time.RFC3339),
		plan:       plan,
		listed:     listed,
		page:       pageOf(opt.Style),
	}
	wd := &wordDoc{
		Styles:    stylesXML(wl, noLinks(), ts),
		Settings:  settingsXML(wl),
		Meta:      meta{Title: d.Title, Creator: author, Language: wl, Time: t},
		FontTable: fontTableXML(ts),
	}
	if plan != nil {
		wd.Styles = stylesXML(wl, plan.links(), ts)
		wd.Numbering = numberingXML(plan)
	}
	rp, err := runningOf(runningFor(opt.Style, house.KindInstrument), opt.Lang, wl, d.Marking, rw.page.textWidth())
	if err != nil {
		return err
	}
	wd.setRunning(rp)
	rw.body(d, wd.sectionRefs())
	wd.Body = rw.x.bytes()
	return wd.write(w, t, opt.Compressors)
}

// redlineWriter writes the body of a redline: paragraphs whose runs are
// wrapped in revision marks.
type redlineWriter struct {
	textWriter
	author string
	date   string // RFC 3339, as w:date wants it
	revID  int    // id of the last revision mark written
	// plan is the outline the depth styles are linked to (nil for none);
	// listed says which paragraphs it numbers.
	plan   *numbering
	listed []bool
	// page is the page of the instrument's style.
	page pageGeometry
}

// body writes word/document.xml: the paragraphs, the summary and the
// section properties.
func (rw *redlineWriter) body(d *marked.Doc, refs sectionRefs) {
	x := rw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	for i := range d.Paras {
		style := redlineStyle(&d.Paras[i])
		if style == styleTitle && (i+1 == len(d.Paras) || !d.Paras[i+1].Title) {
			// The gap after the title block, as in the instrument and the
			// PDF redline.
			style = styleTitleLast
		}
		rw.para(&d.Paras[i], style, i < len(rw.listed) && rw.listed[i])
	}
	rw.summary(d.Summary)
	writeSectPr(x, refs, rw.page)
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

// para writes one paragraph in style: its label (text and a tab to the
// hanging indent, or only the trailer when the list numbers it) and its
// spans, each stretch of one mark in one revision mark.
func (rw *redlineWriter) para(p *marked.Para, style string, listed bool) {
	x := rw.x
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", style)
	if !listed && rw.plan != nil && p.Depth >= 0 && style == depthStyle(p.Depth) {
		// Out of its style's list, with the list's indentation.
		x.start("w:numPr")
		x.val("w:ilvl", "0")
		x.val("w:numId", "0")
		x.end("w:numPr")
		in := rw.plan.Cols.indent(p.Depth)
		x.empty("w:ind", "w:left", strconv.Itoa(in.Left), "w:hanging", strconv.Itoa(in.Hanging))
	}
	if p.Mark != marked.Kept {
		// The paragraph mark itself was added or removed.
		x.start("w:rPr")
		rw.revision(p.Mark, true)
		x.val("w:lang", rw.lang)
		x.end("w:rPr")
	}
	x.end("w:pPr")
	var spans []marked.Span
	switch {
	case listed:
		if trailer := rw.plan.Outline.Abstract.Levels[p.Depth].Trailer; trailer != "" {
			spans = append(spans, marked.Span{Text: trailer + "\t", Mark: p.Mark})
		}
	case p.Mark == marked.Kept && p.OldLabel != "" && p.OldLabel != p.Label:
		spans = append(spans, marked.Span{Text: p.OldLabel + "\t", Mark: marked.Deleted})
		if p.Label != "" {
			spans = append(spans, marked.Span{Text: p.Label + "\t", Mark: marked.Inserted})
		}
	case p.Label != "":
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
