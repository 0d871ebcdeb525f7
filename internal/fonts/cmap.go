package fonts

import (
	"fmt"
	"slices"
)

// span is a run of consecutive code points, lo and hi included.
type span struct{ lo, hi rune }

// coverage is a sorted list of disjoint, non-adjacent spans.
type coverage []span

// has reports whether r is in the coverage.
func (c coverage) has(r rune) bool {
	_, found := slices.BinarySearchFunc(c, r, func(s span, r rune) int {
		switch {
		case s.hi < r:
			return -1
		case s.lo > r:
			return 1
		}
		return 0
	})
	return found
}

// count returns the number of code points covered.
func (c coverage) count() int {
	n := 0
	for _, s := range c {
		n += int(s.hi-s.lo) + 1
	}
	return n
}

// builder collects code points and spans into a coverage, and the glyph
// of every code point of the Basic Multilingual Plane.
type builder struct {
	spans  []span
	bmp    []uint16        // glyph index by code point below 0x10000; 0 for none
	astral map[rune]uint16 // glyph index by code point from 0x10000
}

func newBuilder() *builder { return &builder{bmp: make([]uint16, 0x10000)} }

// glyph records that code points lo..hi map to glyphs g, g+1, ...
func (b *builder) glyph(lo, hi rune, g int) {
	for r := lo; r <= hi; r++ {
		if r < 0x10000 {
			b.bmp[r] = uint16(g + int(r-lo))
			continue
		}
		if b.astral == nil {
			b.astral = map[rune]uint16{}
		}
		b.astral[r] = uint16(g + int(r-lo))
	}
	b.add(lo, hi)
}

func (b *builder) add(lo, hi rune) {
	if n := len(b.spans); n > 0 && b.spans[n-1].hi+1 == lo {
		b.spans[n-1].hi = hi
		return
	}
	b.spans = append(b.spans, span{lo, hi})
}

// done sorts and merges the spans.
func (b *builder) done() coverage {
	slices.SortFunc(b.spans, func(a, b span) int { return int(a.lo - b.lo) })
	var out coverage
	for _, s := range b.spans {
		if n := len(out); n > 0 && out[n-1].hi+1 >= s.lo {
			out[n-1].hi = max(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// cmapKind names a Unicode cmap subtable by platform, encoding and format.
type cmapKind struct{ platform, encoding, format uint16 }

// cmapPreference lists the Unicode subtables chancery reads, best first:
// full-repertoire (format 12) ones, then BMP (format 4) ones.
func cmapPreference() []cmapKind {
	return []cmapKind{
		{3, 10, 12}, // Windows, Unicode full repertoire
		{0, 6, 12},  // Unicode, full repertoire
		{0, 4, 12},  // Unicode 2.0+, full repertoire
		{3, 1, 4},   // Windows, Unicode BMP
		{0, 3, 4},   // Unicode 2.0+, BMP
		{0, 0, 4},   // Unicode 1.0
		{0, 1, 4},   // Unicode 1.1
	}
}

// parseCmap picks the best Unicode subtable of a "cmap" table and returns
// the code points that map to a glyph other than .notdef (0) and below
// numGlyphs.
func parseCmap(t []byte, numGlyphs int) (coverage, error) {
	c, _, err := parseCmapGlyphs(t, numGlyphs)
	return c, err
}

// parseCmapGlyphs is parseCmap that also returns the glyph index of every
// code point of the Basic Multilingual Plane (0 for none).
func parseCmapGlyphs(t []byte, numGlyphs int) (coverage, []uint16, error) {
	c, b, err := parseCmapBuilder(t, numGlyphs)
	if err != nil {
		return nil, nil, err
	}
	return c, b.bmp, nil
}

// parseCmapBuilder is parseCmapGlyphs returning the builder, whose glyph
// maps cover every plane.
func parseCmapBuilder(t []byte, numGlyphs int) (coverage, *builder, error) {
	n, err := u16(t, 2)
	if err != nil {
		return nil, nil, fmt.Errorf("cmap header: %w", err)
	}
	pref := cmapPreference()
	best, bestOff := len(pref), -1
	for i := range int(n) {
		rec := 4 + 8*i
		platform, err1 := u16(t, rec)
		encoding, err2 := u16(t, rec+2)
		off, err3 := u32(t, rec+4)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, nil, fmt.Errorf("cmap encoding record %d: %w", i, errShort)
		}
		format, err := u16(t, int(off))
		if err != nil {
			return nil, nil, fmt.Errorf("cmap subtable %d at %d: %w", i, off, err)
		}
		for score, p := range pref {
			if p == (cmapKind{platform, encoding, format}) && score < best {
				best, bestOff = score, int(off)
			}
		}
	}
	if bestOff < 0 {
		return nil, nil, fmt.Errorf("cmap: no Unicode subtable of format 4 or 12")
	}
	sub := t[bestOff:]
	b := newBuilder()
	if pref[best].format == 12 {
		err = cmapFormat12(b, sub, numGlyphs)
	} else {
		err = cmapFormat4(b, sub, numGlyphs)
	}
	if err != nil {
		return nil, nil, err
	}
	return b.done(), b, nil
}

// cmapFormat4 reads a "segment mapping to delta values" subtable.
func cmapFormat4(b *builder, t []byte, numGlyphs int) error {
	segX2, err := u16(t, 6)
	if err != nil {
		return fmt.Errorf("cmap format 4 header: %w", err)
	}
	seg := int(segX2 / 2)
	endAt := 14
	startAt := endAt + 2*seg + 2 // after reservedPad
	deltaAt := startAt + 2*seg
	rangeAt := deltaAt + 2*seg
	if rangeAt+2*seg > len(t) {
		return fmt.Errorf("cmap format 4 with %d segments: %w", seg, errShort)
	}
	for i := range seg {
		end, _ := u16(t, endAt+2*i)
		start, _ := u16(t, startAt+2*i)
		delta, _ := u16(t, deltaAt+2*i)
		rangeOff, _ := u16(t, rangeAt+2*i)
		if start > end {
			return fmt.Errorf("cmap format 4 segment %d: start %#04x after end %#04x", i, start, end)
		}
		for c := int(start); c <= int(end); c++ {
			var g int
			if rangeOff == 0 {
				g = (c + int(delta)) & 0xFFFF
			} else {
				at := rangeAt + 2*i + int(rangeOff) + 2*(c-int(start))
				v, err := u16(t, at)
				if err != nil {
					return fmt.Errorf("cmap format 4 glyph index of U+%04X: %w", c, err)
				}
				if v != 0 {
					g = (int(v) + int(delta)) & 0xFFFF
				}
			}
			if g != 0 && g < numGlyphs {
				b.glyph(rune(c), rune(c), g)
			}
		}
	}
	return nil
}

// cmapFormat12 reads a "segmented coverage" subtable.
func cmapFormat12(b *builder, t []byte, numGlyphs int) error {
	n, err := u32(t, 12)
	if err != nil {
		return fmt.Errorf("cmap format 12 header: %w", err)
	}
	if uint64(16)+12*uint64(n) > uint64(len(t)) {
		return fmt.Errorf("cmap format 12 with %d groups: %w", n, errShort)
	}
	for i := range int(n) {
		g := 16 + 12*i
		start, _ := u32(t, g)
		end, _ := u32(t, g+4)
		glyph, _ := u32(t, g+8)
		if start > end || end > 0x10FFFF {
			return fmt.Errorf("cmap format 12 group %d: bad range U+%04X..U+%04X", i, start, end)
		}
		lo, first := start, glyph
		if glyph == 0 { // the first code point maps to .notdef
			lo++
			first++
		}
		// Glyphs run on from glyph; keep only those the font has.
		last := uint64(glyph) + uint64(end-start)
		hi := end
		if last >= uint64(numGlyphs) {
			if uint64(glyph) >= uint64(numGlyphs) {
				continue
			}
			hi = start + uint32(uint64(numGlyphs)-1-uint64(glyph))
		}
		if lo <= hi {
			b.glyph(rune(lo), rune(hi), int(first))
		}
	}
	return nil
}
