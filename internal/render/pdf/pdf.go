package pdf

import (
	"errors"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write (see lower.Options).
type Options = lower.Options

// renderer holds what a render needs: the lowered instrument, its
// language, the PDF being made and the fonts' metrics and character maps.
type renderer struct {
	in    *lower.Instrument // nil for notes and redlines
	l     *lang.Language
	tag   string
	f     *fpdf.Fpdf
	m     *measurer
	faces faceSet
	err   error
	// labelCols is the width of the label column of numbered units, by
	// depth; index 0 is the column of section headings.
	labelCols []float64
}

// Write lowers doc for opt.Lang and opt.Copy and renders it as a PDF (see
// WriteInstrument).
func Write(w io.Writer, doc *model.Document, opt Options) (pages int, err error) {
	if opt.Lang == nil {
		return 0, errors.New("pdf: no language")
	}
	in, err := lower.Lower(doc, opt.Lang, opt.Copy)
	if err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	return WriteInstrument(w, in, opt)
}

// WriteInstrument renders in as a PDF and returns its number of pages.
// Nothing is written to w unless the whole document could be rendered; a
// character the font lacks is an error.
func WriteInstrument(w io.Writer, in *lower.Instrument, opt Options) (pages int, err error) {
	if opt.Lang == nil {
		return 0, errors.New("pdf: no language")
	}
	r, err := newRenderer(in, opt.Lang)
	if err != nil {
		return 0, err
	}
	blocks := r.document()
	if r.err != nil {
		return 0, r.err
	}
	laid := paginate(blocks)
	r.paint(laid)
	r.metadata(opt.Time)
	if r.err != nil {
		return 0, r.err
	}
	if err := r.f.Output(w); err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	return len(laid), nil
}

func newRenderer(in *lower.Instrument, l *lang.Language) (*renderer, error) {
	faces, err := loadFaces()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom)
	return &renderer{in: in, l: l, tag: l.Tag(), f: f, m: newMeasurer(f), faces: faces}, nil
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
