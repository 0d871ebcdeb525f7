package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Face is what chancery knows of one font file: its names and the code
// points it has a glyph for.
type Face struct {
	family    string
	subfamily string
	full      string
	glyphs    int
	cover     coverage
	// widths holds, for every code point of the Basic Multilingual Plane,
	// its advance width in thousandths of an em, or noGlyph.
	widths  []uint16
	missing int // width of a character the font lacks (that of .notdef)
	// The font file, its tables and the glyph of every code point (0 for
	// none), for embedding the glyphs a document uses (see Program).
	sfnt    *sfnt
	bmp     []uint16
	astral  map[rune]uint16
	psName  string
	advance func(g int) int // advance of glyph g in thousandths of an em
}

// noGlyph marks a code point without a glyph in Face.widths.
const noGlyph = 0xFFFF

// Parse reads a TrueType or OpenType font.
func Parse(data []byte) (*Face, error) {
	f, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	n, err := f.numGlyphs()
	if err != nil {
		return nil, err
	}
	cm, err := f.table("cmap")
	if err != nil {
		return nil, err
	}
	cover, b, err := parseCmapBuilder(cm, n)
	if err != nil {
		return nil, err
	}
	bmp := b.bmp
	face := &Face{glyphs: n, cover: cover, sfnt: f, bmp: bmp, astral: b.astral}
	if err := face.measure(f, bmp); err != nil {
		return nil, err
	}
	if nt, ok := f.tables["name"]; ok {
		names, err := parseNames(nt)
		if err != nil {
			return nil, err
		}
		face.family, face.subfamily, face.full = names[nameFamily], names[nameSubfamily], names[nameFull]
		face.psName = names[namePostScript]
	}
	return face, nil
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return f.widths[r] != noGlyph
	}
	return f.cover.has(r)
}

// Width returns the advance width of r in thousandths of an em, as a PDF
// font's width array gives it: the font's advance rounded to the nearest
// integer; a character the font lacks, or one outside the Basic
// Multilingual Plane, has the width of the .notdef glyph.
func (f *Face) Width(r rune) int {
	if r >= 0 && r < 0x10000 {
		if w := f.widths[r]; w != noGlyph {
			return int(w)
		}
	}
	return f.missing
}

// measure reads the advance widths of the glyphs ("head", "hhea", "hmtx")
// and records the width of every mapped code point of the BMP.
func (f *Face) measure(sf *sfnt, bmp []uint16) error {
	head, err := sf.table("head")
	if err != nil {
		return err
	}
	upem, err := u16(head, 18)
	if err != nil || upem == 0 {
		return fmt.Errorf("head: no units per em")
	}
	hhea, err := sf.table("hhea")
	if err != nil {
		return err
	}
	nh, err := u16(hhea, 34)
	if err != nil || nh == 0 {
		return fmt.Errorf("hhea: no horizontal metrics")
	}
	hmtx, err := sf.table("hmtx")
	if err != nil {
		return err
	}
	if len(hmtx) < 4*int(nh) {
		return fmt.Errorf("hmtx of %d metrics: %w", nh, errShort)
	}
	scale := 1000 / float64(upem)
	advance := func(g int) int {
		// Glyphs past the last metric share its advance.
		a := int(binary.BigEndian.Uint16(hmtx[4*min(g, int(nh)-1):]))
		if a >= 1<<15 { // not a plausible advance; read as none
			a = 0
		}
		return int(math.Round(scale * float64(a)))
	}
	f.advance = advance
	f.missing = advance(0)
	// Each glyph's width once, then each code point's from its glyph.
	glyphWidth := make([]uint16, f.glyphs)
	for g := range glyphWidth {
		glyphWidth[g] = uint16(min(advance(g), noGlyph-1))
	}
	f.widths = make([]uint16, len(bmp))
	for r, g := range bmp {
		f.widths[r] = noGlyph
		if g != 0 && int(g) < f.glyphs {
			f.widths[r] = glyphWidth[g]
		}
	}
	return nil
}

// Missing returns the distinct characters of s that the font lacks, in
// order of first appearance. Whitespace controls (tab, newline, carriage
// return) are not printed and never missing.
func (f *Face) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' || f.Has(r) {
			continue
		}
		seen := false
		for _, o := range out {
			seen = seen || o == r
		}
		if !seen {
			out = append(out, r)
		}
	}
	return out
}

// Family returns the font's family name ("Liberation Serif").
func (f *Face) Family() string { return f.family }

// Subfamily returns the font's style name ("Bold Italic").
func (f *Face) Subfamily() string { return f.subfamily }

// FullName returns the font's full name ("Liberation Serif Bold Italic").
func (f *Face) FullName() string { return f.full }

// Glyphs returns the number of glyphs in the font.
func (f *Face) Glyphs() int { return f.glyphs }

// Count returns the number of code points the font maps to a glyph.
func (f *Face) Count() int { return f.cover.count() }

// String describes the face for messages.
func (f *Face) String() string {
	return fmt.Sprintf("%s (%d glyphs, %d code points)", f.full, f.glyphs, f.Count())
}
