package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/pdfa"
)

// Options say what to write.
type Options struct {
	Lang *lang.Language
	// Time is the creation and modification date written into the file.
	// The zero Time stands for the Unix epoch, never the clock, so that
	// output stays reproducible.
	Time time.Time
	// Marking is printed at the head of every page of a final copy, such
	// as "Original 1 of 2" ("" for none). Drafts carry DRAFT instead.
	Marking string
	// PDFA makes the file conform to PDF/A-2b (see package pdfa): XMP
	// metadata, an sRGB output intent and a file identifier.
	PDFA bool
}

// renderer holds what a render needs: the document, its language, the PDF
// being made and the fonts' metrics and character maps.
type renderer struct {
	doc   *model.Document
	l     *lang.Language
	tag   string
	f     *fpdf.Fpdf
	m     *measurer
	faces *fonts.Set
	err   error
	// The face and size selected in f, so that a string in the same font
	// as the one before it selects nothing; fontSet is false until the
	// first selection. added records the faces added to f.
	font     style
	fontSize float64
	fontSet  bool
	added    [4]bool
	// labelCols is the width of the label column of numbered units, by
	// depth; index 0 is the column of section headings.
	labelCols []float64
	marking   string // head of every page of a final copy
	pdfa      bool   // write PDF/A-2b
}

// Write renders doc in opt.Lang as a PDF and returns its number of pages.
// References must be resolved. Nothing is written to w unless the whole
// document could be rendered; a character the font lacks is an error.
func Write(w io.Writer, doc *model.Document, opt Options) (pages int, err error) {
	r, laid, err := layout(doc, opt)
	if err != nil {
		return 0, err
	}
	r.paint(laid)
	r.metadata(opt.Time)
	if r.err != nil {
		return 0, r.err
	}
	if err := r.output(w); err != nil {
		return 0, err
	}
	return len(laid), nil
}

// Pages returns the number of pages Write would write, from the layout
// alone: no PDF is made.
func Pages(doc *model.Document, opt Options) (int, error) {
	_, laid, err := layout(doc, opt)
	return len(laid), err
}

// layout breaks doc into pages.
func layout(doc *model.Document, opt Options) (*renderer, []page, error) {
	if opt.Lang == nil {
		return nil, nil, errors.New("pdf: no language")
	}
	r, err := newRenderer(doc, opt.Lang)
	if err != nil {
		return nil, nil, err
	}
	r.marking, r.pdfa = opt.Marking, opt.PDFA
	blocks := r.document()
	if r.err != nil {
		return nil, nil, r.err
	}
	return r, paginate(blocks), nil
}

// output writes the finished PDF to w, made PDF/A when asked for.
func (r *renderer) output(w io.Writer) error {
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if !r.pdfa {
		if err := r.f.Output(w); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	data, err := pdfa.Finish(buf.Bytes())
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(data)
	return err
}

func newRenderer(doc *model.Document, l *lang.Language) (*renderer, error) {
	faces, err := loadFaces()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom)
	return &renderer{doc: doc, l: l, tag: l.Tag(), f: f, m: newMeasurer(faces), faces: faces}, nil
}

// fail records the first error of the render.
func (r *renderer) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// runs returns a text's runs in the render's language; a missing language
// is an error naming what the text is.
func (r *renderer) runs(t model.Text, what string) []model.Inline {
	loc := t[r.tag]
	if loc == nil {
		r.fail(fmt.Errorf("pdf: %s has no %s text", what, r.tag))
		return nil
	}
	return loc.Runs
}

// word returns a word of the language data, recording a missing one as
// the render's error.
func (r *renderer) word(key string) string {
	w, err := r.l.Word(key)
	if err != nil {
		r.fail(fmt.Errorf("pdf: %w", err))
	}
	return w
}

// words splits styled text into measured words of the body size.
func (r *renderer) words(parts ...styled) []word {
	b := wordBuilder{m: r.m, size: bodySize}
	b.add(parts...)
	return b.done()
}
