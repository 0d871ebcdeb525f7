package fonts

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestProgram subsets the regular face to the glyphs of a few characters,
// one of them drawn with a composite glyph, and reads the program back:
// the file's checksum, the glyph count, each glyph's outline and advance
// against the original, and the composite's components renumbered to
// glyphs of the subset.
func TestProgram(t *testing.T) {
	face, err := Load(Regular)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := parseSFNT(mustTTF(t, Regular))
	if err != nil {
		t.Fatal(err)
	}
	var glyphs []uint16
	composite := -1
	for _, r := range "Aaé Жқ" {
		g, ok := face.Glyph(r)
		if !ok {
			t.Fatalf("no glyph for %q", r)
		}
		data := glyphData(t, orig, g)
		if len(data) >= 2 && int16(binary.BigEndian.Uint16(data)) < 0 {
			composite = len(glyphs)
		}
		glyphs = append(glyphs, g)
	}
	if composite < 0 {
		t.Fatal("none of the characters has a composite glyph; pick another")
	}
	prog, err := face.Program(glyphs)
	if err != nil {
		t.Fatal(err)
	}
	if sum := checksum(prog); sum != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", sum)
	}
	sub, err := parseSFNT(prog)
	if err != nil {
		t.Fatal(err)
	}
	n, err := sub.numGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	if n <= len(glyphs) {
		t.Fatalf("%d glyphs, want .notdef, %d and the composite's components", n, len(glyphs))
	}
	for tag, b := range sub.tables {
		if tag != "head" && checksumOf(t, prog, tag) != checksum(b) {
			t.Errorf("table %q: wrong checksum", tag)
		}
	}
	for i, g := range glyphs {
		got, want := glyphData(t, sub, uint16(i+1)), glyphData(t, orig, g)
		if i != composite && !sameGlyph(got, want) {
			t.Errorf("glyph %d (was %d): outline differs", i+1, g)
		}
		if a, b := advanceOf(t, sub, uint16(i+1)), advanceOf(t, orig, g); a != b {
			t.Errorf("glyph %d (was %d): advance %d, want %d", i+1, g, a, b)
		}
	}
	// The composite's components point into the subset, at the glyphs
	// the original's components point at.
	var origComps, subComps []uint16
	c := glyphData(t, orig, glyphs[composite])
	if err := eachComponent(c, func(at int) { origComps = append(origComps, binary.BigEndian.Uint16(c[at:])) }); err != nil {
		t.Fatal(err)
	}
	sc := glyphData(t, sub, uint16(composite+1))
	if err := eachComponent(sc, func(at int) { subComps = append(subComps, binary.BigEndian.Uint16(sc[at:])) }); err != nil {
		t.Fatal(err)
	}
	if len(subComps) != len(origComps) {
		t.Fatalf("composite has %d components, want %d", len(subComps), len(origComps))
	}
	for k := range subComps {
		if int(subComps[k]) >= n {
			t.Errorf("component %d is glyph %d of %d", k, subComps[k], n)
			continue
		}
		if !sameGlyph(glyphData(t, sub, subComps[k]), glyphData(t, orig, origComps[k])) {
			t.Errorf("component %d: glyph %d is not the original's %d", k, subComps[k], origComps[k])
		}
	}
	again, _ := face.Program(glyphs)
	if !bytes.Equal(again, prog) {
		t.Error("the same glyphs gave other bytes")
	}
	twice, err := face.Program([]uint16{glyphs[0], glyphs[0]})
	if err != nil {
		t.Fatal(err)
	}
	tw, err := parseSFNT(twice)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := tw.numGlyphs(); n != 3 {
		t.Errorf("a glyph listed twice: %d glyphs, want 3", n)
	}
	if !sameGlyph(glyphData(t, tw, 1), glyphData(t, orig, glyphs[0])) || !sameGlyph(glyphData(t, tw, 2), glyphData(t, orig, glyphs[0])) {
		t.Error("a glyph listed twice is not copied")
	}
}

func mustTTF(t *testing.T, s Style) []byte {
	t.Helper()
	b, err := TTF(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// glyphData returns glyph g's data from the glyf table by the loca table.
func glyphData(t *testing.T, f *sfnt, g uint16) []byte {
	t.Helper()
	head, loca, glyf := f.tables["head"], f.tables["loca"], f.tables["glyf"]
	var lo, hi int
	if binary.BigEndian.Uint16(head[50:]) != 0 {
		lo, hi = int(binary.BigEndian.Uint32(loca[4*int(g):])), int(binary.BigEndian.Uint32(loca[4*int(g)+4:]))
	} else {
		lo, hi = 2*int(binary.BigEndian.Uint16(loca[2*int(g):])), 2*int(binary.BigEndian.Uint16(loca[2*int(g)+2:]))
	}
	return glyf[lo:hi]
}

// sameGlyph reports whether two glyphs' data are equal but for the zeros
// that pad one of them to a four-byte boundary.
func sameGlyph(a, b []byte) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(a)-len(b) < 4 && bytes.Equal(a[:len(b)], b) && bytes.Count(a[len(b):], []byte{0}) == len(a)-len(b)
}

// advanceOf returns glyph g's advance width in font units.
func advanceOf(t *testing.T, f *sfnt, g uint16) uint16 {
	t.Helper()
	nh := int(binary.BigEndian.Uint16(f.tables["hhea"][34:]))
	return binary.BigEndian.Uint16(f.tables["hmtx"][4*min(int(g), nh-1):])
}

// checksumOf returns the checksum the table directory records for tag.
func checksumOf(t *testing.T, file []byte, tag string) uint32 {
	t.Helper()
	n := int(binary.BigEndian.Uint16(file[4:]))
	for i := range n {
		rec := file[12+16*i:]
		if string(rec[:4]) == tag {
			return binary.BigEndian.Uint32(rec[4:])
		}
	}
	t.Fatalf("no table %q", tag)
	return 0
}
