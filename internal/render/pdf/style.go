package pdf

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/fonts"
)

// style is a combination of bold and italic.
type style uint8

const (
	regular style = 0
	bold    style = 1
	italic  style = 2
)

// fontFamily is the name the faces are registered under in fpdf (no
// space: fpdf would escape it in the font's PDF name).
const fontFamily = "LiberationSerif"

// fpdfStyle is the style string fpdf takes.
func (s style) fpdfStyle() string {
	switch s {
	case bold:
		return "B"
	case italic:
		return "I"
	case bold | italic:
		return "BI"
	}
	return ""
}

// face is the font file of the style.
func (s style) face() fonts.Style {
	switch s {
	case bold:
		return fonts.Bold
	case italic:
		return fonts.Italic
	case bold | italic:
		return fonts.BoldItalic
	}
	return fonts.Regular
}

func allStyles() []style { return []style{regular, bold, italic, bold | italic} }

// faceSet holds the character maps of the four faces, by style.
type faceSet map[style]*fonts.Face

// loadFaces parses the character maps of the embedded faces.
func loadFaces() (faceSet, error) {
	fs := faceSet{}
	for _, s := range allStyles() {
		f, err := fonts.Load(s.face())
		if err != nil {
			return nil, err
		}
		fs[s] = f
	}
	return fs, nil
}

// lacking names the first face, in style order, that has no glyph for r,
// or returns nil when every face has one.
func (fs faceSet) lacking(r rune) *fonts.Face {
	for _, s := range allStyles() {
		if !fs[s].Has(r) {
			return fs[s]
		}
	}
	return nil
}

// registerFont adds the face of style s to f. Faces are added when first
// used: parsing a face and embedding it are most of the cost of a PDF, and
// a note never sets a word in bold italic.
func registerFont(f *fpdf.Fpdf, s style) error {
	data, err := fonts.TTF(s.face())
	if err != nil {
		return err
	}
	f.AddUTF8FontFromBytes(fontFamily, s.fpdfStyle(), data)
	if err := f.Error(); err != nil {
		return fmt.Errorf("font %s: %w", s.face().File(), err)
	}
	return nil
}

// measureKey identifies a measured string.
type measureKey struct {
	s    string
	st   style
	size float64
}

// measurer measures strings with fpdf's metrics of the embedded faces and
// remembers the results.
type measurer struct {
	f          *fpdf.Fpdf
	cur        style
	size       float64
	cache      map[measureKey]float64
	registered map[style]bool
}

func newMeasurer(f *fpdf.Fpdf) *measurer {
	return &measurer{f: f, cur: 255, cache: map[measureKey]float64{}, registered: map[style]bool{}}
}

// use selects a face and size in f, adding the face the first time. A
// face that cannot be added leaves f in its (sticky) error state, which
// fails the output.
func (m *measurer) use(st style, size float64) {
	if !m.registered[st] {
		if err := registerFont(m.f, st); err != nil {
			m.f.SetError(err)
		}
		m.registered[st] = true
	}
	m.f.SetFont(fontFamily, st.fpdfStyle(), size)
	m.cur, m.size = st, size
}

// width returns the width of s in millimetres.
func (m *measurer) width(s string, st style, size float64) float64 {
	k := measureKey{s, st, size}
	if w, ok := m.cache[k]; ok {
		return w
	}
	if st != m.cur || size != m.size {
		m.use(st, size)
	}
	w := m.f.GetStringWidth(s)
	m.cache[k] = w
	return w
}
