package pdf

import (
	"github.com/chancery-dev/chancery/internal/fonts"
	house "github.com/chancery-dev/chancery/internal/style"
)

// style is a combination of bold and italic.
type style uint8

const (
	regular style = 0
	bold    style = 1
	italic  style = 2
	// super raises a footnote's mark and sets it smaller, in the face of
	// the text around it.
	super style = 4
)

// Superscript geometry: a footnote mark is set at this share of the size
// of the text around it, its baseline raised by raiseRatio of that size.
const (
	superScale = 0.65
	raiseRatio = 0.35
)

// scale is the share of the nominal size the style is set at.
func (s style) scale() float64 {
	if s&super != 0 {
		return superScale
	}
	return 1
}

// font is the style without super: the face it is drawn in.
func (s style) font() style { return s &^ super }

// fpdfStyle is the style string fpdf takes.
func (s style) fpdfStyle() string {
	switch s.font() {
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
	switch s.font() {
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

// loadFaces returns the faces of st: its project fonts, or the embedded
// faces (st nil or without fonts), parsed once.
func loadFaces(st *house.Style) (*fonts.Set, error) { return st.FontSet() }

// measurer measures strings with the advance widths of the embedded faces,
// exactly as fpdf would (the same integer widths in thousandths of an em,
// the same arithmetic), without a PDF: layout needs no fpdf, so a build
// that only counts pages never parses a font for fpdf.
type measurer struct{ faces *fonts.Set }

func newMeasurer(faces *fonts.Set) *measurer { return &measurer{faces: faces} }

// width returns the width of s in millimetres.
func (m *measurer) width(s string, st style, size float64) float64 {
	f := m.faces.Face(st.face())
	w := 0
	for _, r := range s {
		w += f.Width(r)
	}
	return float64(w) * (size / (72.0 / 25.4)) / 1000
}
