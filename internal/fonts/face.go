package fonts

import "fmt"

// Face is what chancery knows of one font file: its names and the code
// points it has a glyph for.
type Face struct {
	family    string
	subfamily string
	full      string
	glyphs    int
	cover     coverage
}

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
	cover, err := parseCmap(cm, n)
	if err != nil {
		return nil, err
	}
	face := &Face{glyphs: n, cover: cover}
	if nt, ok := f.tables["name"]; ok {
		names, err := parseNames(nt)
		if err != nil {
			return nil, err
		}
		face.family, face.subfamily, face.full = names[nameFamily], names[nameSubfamily], names[nameFull]
	}
	return face, nil
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool { return f.cover.has(r) }

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
