package docx

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write.
type Options struct {
	Lang *lang.Language
	// Time stamps the package: the zip entries and the creation and
	// modification dates of docProps/core.xml. The zero Time stands for a
	// fixed date, never the clock.
	Time time.Time
	// Marking goes in the header of a final copy, such as "Original 1 of
	// 2" ("" for none). Drafts carry DRAFT instead.
	Marking string
}

// Write writes doc in opt.Lang to w as a .docx package. The document must
// be numbered and its references resolved.
func Write(w io.Writer, doc *model.Document, opt Options) error {
	if opt.Lang == nil {
		return errors.New("docx: no language")
	}
	wd, err := instrumentDoc(doc, opt.Lang)
	if err != nil {
		return err
	}
	if doc.Status == model.StatusFinal && opt.Marking != "" {
		wd.Header = headerXML(wordLang(opt.Lang.Tag()), opt.Marking)
	}
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time)
}

// instrumentWriter writes the body of an instrument.
type instrumentWriter struct {
	textWriter
	tag   string
	l     *lang.Language
	doc   *model.Document
	plan  *numbering
	marks map[*model.Unit]string // bookmark of every referenced unit
	err   error
}

// instrumentDoc lays doc out as a WordprocessingML document.
func instrumentDoc(doc *model.Document, l *lang.Language) (*wordDoc, error) {
	wl := wordLang(l.Tag())
	iw := &instrumentWriter{
		textWriter: textWriter{x: newXML(), lang: wl},
		tag:        l.Tag(),
		l:          l,
		doc:        doc,
		plan:       planNumbering(doc),
		marks:      referencedUnits(doc, l.Tag()),
	}
	wd := &wordDoc{
		Styles:    stylesXML(wl, iw.plan.links()),
		Numbering: numberingXML(iw.plan),
		Settings:  settingsXML(wl),
		Meta: meta{
			Title:    iw.joined(doc.Title, "title line"),
			Subject:  iw.plain(doc.Subject, "subject"),
			Creator:  iw.plain(doc.Issuer, "issuer"),
			Language: wl,
		},
	}
	draft := ""
	if doc.Status != model.StatusFinal {
		word, err := l.Word("draft")
		if err != nil {
			return nil, err
		}
		draft = word
		wd.Header = headerXML(wl, draft)
	}
	// "Page 3 of 8" as in the PDF, or the bare number for a language
	// without the phrase.
	pageOf, _ := l.Word("page-of")
	wd.Footer = footerXML(wl, pageOf)
	if err := iw.body(draft, wd.sectionRefs()); err != nil {
		return nil, err
	}
	if iw.err != nil {
		return nil, iw.err
	}
	wd.Body = iw.x.bytes()
	return wd, nil
}

// loc returns t in the writer's language, recording a missing language as
// the writer's error (and nil).
func (iw *instrumentWriter) loc(t model.Text, what string) *model.Localized {
	loc := t[iw.tag]
	if loc == nil && iw.err == nil {
		iw.err = fmt.Errorf("docx: %s has no %s text", what, iw.tag)
	}
	return loc
}

// plain flattens an optional text (metadata); absent text is "".
func (iw *instrumentWriter) plain(t model.Text, what string) string {
	if t == nil {
		return ""
	}
	if loc := iw.loc(t, what); loc != nil {
		return model.PlainText(loc.Runs)
	}
	return ""
}

func (iw *instrumentWriter) joined(ts []model.Text, what string) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		parts = append(parts, iw.plain(t, what))
	}
	return strings.Join(parts, " ")
}

// text writes the runs of t in the writer's language.
func (iw *instrumentWriter) text(t model.Text, what string) {
	if loc := iw.loc(t, what); loc != nil {
		iw.inlines(loc.Runs, "")
	}
}

// block writes one paragraph in style holding the given texts, separated
// by spaces.
func (iw *instrumentWriter) block(style, what string, ts ...model.Text) {
	iw.paragraph(paraProps{Style: style}, func() {
		first := true
		for _, t := range ts {
			if t == nil {
				continue
			}
			if !first {
				iw.run("", " ")
			}
			first = false
			iw.text(t, what)
		}
	})
}

// body writes word/document.xml in the reading order of the text writer:
// title block (led by the draft marking, "" for a final copy), parties,
// recitals, transition, sections, closing clause, signature block.
func (iw *instrumentWriter) body(draft string, refs sectionRefs) error {
	x, doc := iw.x, iw.doc
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	if draft != "" {
		iw.paragraph(paraProps{Style: styleDraftMark}, func() { iw.run("", draft) })
	}
	for _, t := range doc.Title {
		iw.block(styleTitle, "title line", t)
	}
	for i, p := range doc.Parties {
		if i > 0 && doc.PartiesJoiner != nil {
			iw.block(stylePartiesJoiner, "parties_joiner", doc.PartiesJoiner)
		}
		if i == 0 && doc.PartiesIntro != nil {
			iw.block(styleParties, "party "+p.ID, doc.PartiesIntro, p.Description)
			continue
		}
		iw.block(styleParties, "party "+p.ID, p.Description)
	}
	if doc.PartiesOutro != nil {
		iw.block(styleParties, "parties_outro", doc.PartiesOutro)
	}
	for _, r := range doc.Recitals {
		iw.block(styleRecital, "recital "+r.ID, r.Lead, r.Text)
	}
	if doc.Transition != nil {
		iw.block(styleTransition, "transition", doc.Transition)
	}
	for _, s := range doc.Sections {
		iw.unit(s)
	}
	if doc.Closing != nil {
		iw.block(styleClosing, "closing", doc.Closing)
	}
	if err := iw.signatures(); err != nil {
		return err
	}
	writeSectPr(x, refs)
	x.end("w:body")
	x.end("w:document")
	return nil
}
