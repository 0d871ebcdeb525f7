package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/chancery-dev/chancery/internal/deflate"
	"io"
	"slices"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/pdfa"
	"github.com/chancery-dev/chancery/internal/pdfpost"
	house "github.com/chancery-dev/chancery/internal/style"
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
	faces *fonts.Set
	err   error
	// The face and size selected in f, so that a string in the same font
	// as the one before it selects nothing; fontSet is false until the
	// first selection. uses records, by face, the characters set in it
	// (see embed.go); nil for a face not used.
	font     style
	fontSize float64
	fontSet  bool
	uses     [4]*fontUse
	pdfa     bool // write PDF/A-2b (see package pdfa)
	// compressors lends the compressor of the file's streams.
	compressors *deflate.Pool
	// labelCols is the width of the label column of numbered units, by
	// depth; index 0 is the column of section headings.
	labelCols []float64
	// g is the page and type of the style the document is set in.
	g geometry
	// notes is how the style marks footnotes; pageMarks, when set, are the
	// marks counted afresh on each page (see pageFootnoteMarks).
	notes     house.Footnotes
	pageMarks map[*model.Footnote]string
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

// WriteInstrument renders in as a PDF and returns its number of pages,
// which it also tells opt.Paginated as soon as the layout is done.
// Nothing is written to w unless the whole document could be rendered; a
// character the font lacks is an error.
//
// A final copy, and a draft whose document asks for it (pdfa: true), is
// written as PDF/A-2b (see package pdfa).
func WriteInstrument(w io.Writer, in *lower.Instrument, opt Options) (pages int, err error) {
	r, laid, err := layout(in, opt)
	if err != nil {
		return 0, err
	}
	if opt.Paginated != nil {
		opt.Paginated(len(laid))
	}
	r.pdfa = in.Final || (in.Source != nil && in.Source.PDFA)
	r.compressors = opt.Compressors
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

// Pages returns the number of pages WriteInstrument would write, from the
// layout alone: no PDF is made.
func Pages(in *lower.Instrument, opt Options) (int, error) {
	_, laid, err := layout(in, opt)
	return len(laid), err
}

// layout breaks the instrument into pages.
func layout(in *lower.Instrument, opt Options) (*renderer, []page, error) {
	if opt.Lang == nil {
		return nil, nil, errors.New("pdf: no language")
	}
	r, err := newRenderer(in, opt.Lang, opt.Style)
	if err != nil {
		return nil, nil, err
	}
	blocks := r.document()
	if r.err != nil {
		return nil, nil, r.err
	}
	pages := paginate(blocks, r.g)
	if r.notes.PerPage() && len(in.Footnotes) > 0 {
		pages = r.markPerPage(pages)
	}
	return r, pages, r.err
}

// output writes the finished PDF to w: fpdf's bytes with the faces
// embedded (see embed.go), their streams compressed here, one compressor
// for the file (fpdf would make a new one, a megabyte, for every page),
// and made PDF/A when asked for.
func (r *renderer) output(w io.Writer) error {
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	pf, err := pdfpost.Parse(buf.Bytes())
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := embedFonts(pf, r.uses[:]); err != nil {
		return err
	}
	if r.pdfa {
		err = pdfa.FinishFile(pf, r.compressors)
	} else {
		err = pf.Compress(r.compressors)
	}
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(pf.Bytes())
	return err
}

func newRenderer(in *lower.Instrument, l *lang.Language, st *house.Style) (*renderer, error) {
	faces, err := loadFaces(st)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	g := geometryOf(st)
	f := newFile("P", g)
	f.SetMargins(g.marginLeft, g.marginTop, g.marginRight)
	f.SetAutoPageBreak(false, g.marginBottom)
	r := &renderer{in: in, l: l, tag: l.Tag(), f: f, m: newMeasurer(faces), faces: faces, g: g}
	if st != nil {
		r.notes = st.Footnotes
	}
	return r, nil
}

// newFile starts a PDF on the paper of g, upright (orientation "P") or
// turned ("L"): by the paper's name when fpdf knows it, so that its size
// in points is fpdf's own, else by its width and height.
func newFile(orientation string, g geometry) *fpdf.Fpdf {
	if slices.Contains(house.PageSizes(), g.pageSize) {
		return fpdf.New(orientation, "mm", g.pageSize, "")
	}
	return fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm",
		Size: fpdf.SizeType{Wd: g.pageWidth, Ht: g.pageHeight}})
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
	for i := range parts {
		if parts[i].note != nil && parts[i].s == "" {
			parts[i].s = r.footnoteMark(parts[i].note)
		}
	}
	b := wordBuilder{m: r.m, size: r.g.bodySize}
	b.add(parts...)
	return b.done()
}
