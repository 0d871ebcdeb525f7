package docx

import (
	"errors"
	"fmt"
	house "github.com/chancery-dev/chancery/internal/style"
	"io"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write (see lower.Options).
type Options = lower.Options

// Write lowers doc for opt.Lang and opt.Copy and writes it as a .docx
// package (see WriteInstrument). The document must be numbered and its
// references resolved.
func Write(w io.Writer, doc *model.Document, opt Options) error {
	if opt.Lang == nil {
		return errors.New("docx: no language")
	}
	in, err := lower.Lower(doc, opt.Lang, opt.Copy)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return WriteInstrument(w, in, opt)
}

// WriteInstrument writes in to w as a .docx package: its marking in the
// page header, "Page n of N" in the footer.
func WriteInstrument(w io.Writer, in *lower.Instrument, opt Options) error {
	if opt.Lang == nil {
		return errors.New("docx: no language")
	}
	wd, err := instrumentDoc(in, opt.Lang, opt.Style)
	if err != nil {
		return err
	}
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time, opt.Compressors)
}

// instrumentWriter writes the body of an instrument.
type instrumentWriter struct {
	textWriter
	l     *lang.Language
	in    *lower.Instrument
	plan  *numbering
	marks map[*model.Unit]string // bookmark of every referenced unit
	links *linkTargets           // targets of links, in order of first use
	// cited are the footnotes cited so far, in the order of the text,
	// which gives their ids in word/footnotes.xml (LibreOffice pairs notes
	// with references in that order); customMarks prints each note's mark
	// itself instead of leaving Word to count, for a parallel edition whose
	// columns each count their own notes.
	cited       *citedNotes
	customMarks bool
	err         error
	style       *house.Style // nil for style.Builtin
}

// instrumentDoc lays in out as a WordprocessingML document.
func instrumentDoc(in *lower.Instrument, l *lang.Language, st *house.Style) (*wordDoc, error) {
	wl := wordLang(l.Tag())
	iw := &instrumentWriter{
		textWriter: textWriter{x: newXML(), lang: wl},
		l:          l,
		in:         in,
		plan:       planNumbering(in.Source, in.Lang),
		marks:      referencedUnits(in),
		style:      st,
		links:      &linkTargets{},
		cited:      &citedNotes{},
	}
	iw.plan.Cols = measureColumns(in.Source, in.Lang, st)
	iw.plan.addBullets(in)
	iw.plan.BulletStep = bulletStepOf(st)
	wd := &wordDoc{
		Styles:    stylesXML(wl, iw.plan.links(), typeOf(st)),
		Numbering: numberingXML(iw.plan),
		Settings:  settingsWithNotes(wl, footnotePropsOf(st)),
		Meta: meta{
			Title:    in.Meta.Title,
			Subject:  in.Meta.Subject,
			Creator:  in.Meta.Creator,
			Language: wl,
		},
	}
	wd.FontTable = fontTableXML(typeOf(st))
	rp, err := runningOf(runningFor(st, house.KindInstrument), l, wl, in.Marking, pageOf(st).textWidth())
	if err != nil {
		return nil, err
	}
	wd.setRunning(rp)
	iw.body(wd.sectionRefs())
	if iw.err != nil {
		return nil, iw.err
	}
	wd.Body = iw.x.bytes()
	wd.Footnotes = iw.footnotesXML()
	wd.Links = iw.linkRels()
	return wd, nil
}

// text writes the runs of loc (nothing for absent text).
func (iw *instrumentWriter) text(loc *model.Localized) {
	if loc != nil {
		iw.inlines(loc.Runs, "")
	}
}

// block writes one paragraph in style holding the given texts, separated
// by spaces.
func (iw *instrumentWriter) block(style string, locs ...*model.Localized) {
	iw.paragraph(paraProps{Style: style}, func() {
		first := true
		for _, loc := range locs {
			if loc == nil {
				continue
			}
			if !first {
				iw.run("", " ")
			}
			first = false
			iw.text(loc)
		}
	})
}

// body writes word/document.xml from the blocks: the draft marking
// (a marked original's marking is in the page header only), title lines,
// parties, recitals, transition, units, closing clause, signature table.
func (iw *instrumentWriter) body(refs sectionRefs) {
	x := iw.x
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	for i, b := range iw.in.Blocks {
		switch b := b.(type) {
		case *lower.Marking:
			if b.Draft {
				iw.paragraph(paraProps{Style: styleDraftMark}, func() { iw.run("", b.Text) })
			}
		case *lower.TitleLine:
			style := styleTitle
			if i+1 < len(iw.in.Blocks) {
				if _, ok := iw.in.Blocks[i+1].(*lower.TitleLine); !ok {
					style = styleTitleLast
				}
			}
			iw.block(style, b.Text)
		case *lower.Fields:
			iw.fields(b)
		case *lower.Unit:
			if b.Bullet {
				iw.bullet(b)
				continue
			}
			iw.unit(b)
		case *lower.Signatures:
			iw.signatures(b)
		default:
			iw.prose(b)
		}
	}
	writeSectPr(x, refs, pageOf(iw.style))
	x.end("w:body")
	x.end("w:document")
}

// prose writes a block of running text that a single edition and a
// parallel edition's cell set alike (parties, recitals, the transition,
// the closing clause); it reports false for any other block.
func (iw *instrumentWriter) prose(b lower.Block) bool {
	switch b := b.(type) {
	case *lower.Party:
		iw.block(styleParties, b.Intro, b.Text)
	case *lower.Joiner:
		iw.block(stylePartiesJoiner, b.Text)
	case *lower.PartiesOutro:
		iw.block(styleParties, b.Text)
	case *lower.Recital:
		first, second := b.Parts()
		iw.block(styleRecital, first, second)
	case *lower.Transition:
		iw.block(styleTransition, b.Text)
	case *lower.Closing:
		iw.block(styleClosing, b.Text)
	default:
		return false
	}
	return true
}
