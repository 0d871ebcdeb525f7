package fonts

import (
	"encoding/binary"
	"strings"
	"testing"
)

// be appends big-endian integers: uint16 for int and uint16 values, uint32
// for uint32 values.
func be(b []byte, vs ...any) []byte {
	for _, v := range vs {
		switch v := v.(type) {
		case int:
			b = binary.BigEndian.AppendUint16(b, uint16(v))
		case uint16:
			b = binary.BigEndian.AppendUint16(b, v)
		case uint32:
			b = binary.BigEndian.AppendUint32(b, v)
		}
	}
	return b
}

// format4 builds a format 4 subtable from segments; a segment with glyphs
// uses idRangeOffset and the glyph id array.
type seg4 struct {
	start, end int
	delta      int
	glyphs     []int // nil: use delta
}

func format4(segs []seg4) []byte {
	n := len(segs)
	var arr []int
	offsets := make([]int, n)
	for i, s := range segs {
		if s.glyphs != nil {
			// Offset from the idRangeOffset entry to the glyph array slot.
			offsets[i] = 2*(n-i) + 2*len(arr)
			arr = append(arr, s.glyphs...)
		}
	}
	t := be(nil, 4, 0, 0, 2*n, 0, 0, 0)
	for _, s := range segs {
		t = be(t, s.end)
	}
	t = be(t, 0)
	for _, s := range segs {
		t = be(t, s.start)
	}
	for _, s := range segs {
		t = be(t, uint16(s.delta))
	}
	for i := range segs {
		t = be(t, offsets[i])
	}
	for _, g := range arr {
		t = be(t, g)
	}
	binary.BigEndian.PutUint16(t[2:], uint16(len(t)))
	return t
}

type group12 struct{ start, end, glyph uint32 }

func format12(groups []group12) []byte {
	t := be(nil, 12, 0, uint32(16+12*len(groups)), uint32(0), uint32(len(groups)))
	for _, g := range groups {
		t = be(t, g.start, g.end, g.glyph)
	}
	return t
}

// cmapTable wraps subtables in a cmap table with the given records.
type cmapRecord struct {
	platform, encoding int
	sub                []byte
}

func cmapTable(recs []cmapRecord) []byte {
	t := be(nil, 0, len(recs))
	off := 4 + 8*len(recs)
	var subs []byte
	for _, r := range recs {
		t = be(t, r.platform, r.encoding, uint32(off+len(subs)))
		subs = append(subs, r.sub...)
	}
	return append(t, subs...)
}

func covered(c coverage) string {
	var b strings.Builder
	for _, s := range c {
		for r := s.lo; r <= s.hi; r++ {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestCmapFormat4(t *testing.T) {
	sub := format4([]seg4{
		{start: 'A', end: 'C', delta: 10 - 'A'},                   // A B C -> 10 11 12
		{start: 'x', end: 'z', delta: 0, glyphs: []int{5, 0, 7}},  // y unmapped
		{start: 0x0416, end: 0x0416, delta: 0x10000 - 0x0416 + 3}, // Ж -> 3 (delta wraps)
		{start: 0x2603, end: 0x2603, delta: 200 - 0x2603},         // ☃ -> 200, beyond numGlyphs
		{start: 0xFFFF, end: 0xFFFF, delta: 1},                    // terminator -> glyph 0
	})
	c, err := parseCmap(cmapTable([]cmapRecord{{3, 1, sub}}), 100)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := covered(c), "ABCxzЖ"; got != want {
		t.Errorf("covered = %q, want %q", got, want)
	}
}

func TestCmapFormat12(t *testing.T) {
	sub12 := format12([]group12{
		{'a', 'c', 1},            // a b c
		{0x1F600, 0x1F601, 20},   // two emoji
		{0x0410, 0x0412, 0},      // А maps to .notdef, Б В to 1 2
		{0x4E00, 0x4E09, 95},     // only 4E00..4E04 are below numGlyphs
		{0x10000, 0x10001, 5000}, // beyond numGlyphs
	})
	// The BMP-only format 4 subtable must lose to the format 12 one.
	sub4 := format4([]seg4{{start: 'Q', end: 'Q', delta: 1}, {start: 0xFFFF, end: 0xFFFF, delta: 1}})
	c, err := parseCmap(cmapTable([]cmapRecord{{3, 1, sub4}, {3, 10, sub12}}), 100)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := covered(c), "abcБВ一丁丂七丄😀😁"; got != want {
		t.Errorf("covered = %q, want %q", got, want)
	}
}

func TestCmapErrors(t *testing.T) {
	tests := []struct {
		name  string
		table []byte
		want  string
	}{
		{"empty", nil, "cmap header: truncated data"},
		{"no unicode subtable", cmapTable([]cmapRecord{{1, 0, be(nil, 6, 0, 0)}}), "cmap: no Unicode subtable of format 4 or 12"},
		{"format 4 cut", cmapTable([]cmapRecord{{3, 1, be(nil, 4, 0, 0, 8)}}), "cmap format 4 with 4 segments: truncated data"},
		{"format 12 cut", cmapTable([]cmapRecord{{3, 10, be(nil, 12, 0, uint32(0), uint32(0), uint32(3))}}), "cmap format 12 with 3 groups: truncated data"},
		{"format 12 reversed", cmapTable([]cmapRecord{{3, 10, format12([]group12{{9, 3, 1}})}}), "cmap format 12 group 0: bad range U+0009..U+0003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCmap(tt.table, 100)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"short", []byte("abc"), "table directory: truncated data"},
		{"not a font", []byte("%PDF-1.7\n\x00\x00\x00\x00"), "not a TrueType or OpenType font (version 0x25504446)"},
		{"missing tables", be(nil, uint32(0x00010000), 0, 0, 0, 0), "no \"maxp\" table"},
		{"table past end", be(be(nil, uint32(0x00010000), 1, 0, 0, 0), uint32(0x636d6170), uint32(0), uint32(28), uint32(10)), "table \"cmap\" at 28+10: truncated data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}
