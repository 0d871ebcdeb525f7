package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Glyph returns the glyph r is drawn with, and whether the face has one.
func (f *Face) Glyph(r rune) (uint16, bool) {
	var g uint16
	if r >= 0 && r < 0x10000 {
		if f.bmp != nil {
			g = f.bmp[r]
		}
	} else {
		g = f.astral[r]
	}
	return g, g != 0
}

// GlyphWidth returns the advance of glyph g in thousandths of an em,
// rounded as Width rounds it.
func (f *Face) GlyphWidth(g uint16) int {
	if f.advance == nil {
		return 0
	}
	return f.advance(int(g))
}

// PostScriptName is the face's PostScript name (name id 6), or its full
// name without spaces when it has none.
func (f *Face) PostScriptName() string {
	if f.psName != "" {
		return f.psName
	}
	return strings.ReplaceAll(f.full, " ", "")
}

// Descriptor is what a PDF font descriptor says of a face, in thousandths
// of an em.
type Descriptor struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int // xMin, yMin, xMax, yMax
	ItalicAngle                float64
	StemV                      int
	FixedPitch                 bool
	MissingWidth               int
}

// Descriptor reads the face's font descriptor values from its "head",
// "hhea", "OS/2" and "post" tables.
func (f *Face) Descriptor() (Descriptor, error) {
	var d Descriptor
	head, err := f.sfnt.table("head")
	if err != nil {
		return d, err
	}
	hhea, err := f.sfnt.table("hhea")
	if err != nil {
		return d, err
	}
	if len(head) < 54 || len(hhea) < 36 {
		return d, fmt.Errorf("head or hhea: %w", errShort)
	}
	scale := 1000 / float64(binary.BigEndian.Uint16(head[18:]))
	s16 := func(b []byte, off int) int {
		return int(math.Round(scale * float64(int16(binary.BigEndian.Uint16(b[off:])))))
	}
	d.BBox = [4]int{s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)}
	d.Ascent, d.Descent = s16(hhea, 4), s16(hhea, 6)
	d.CapHeight = d.Ascent
	d.StemV = 70
	if os2, ok := f.sfnt.tables["OS/2"]; ok && len(os2) >= 6 {
		weight := float64(binary.BigEndian.Uint16(os2[4:]))
		d.StemV = int(50 + math.Pow(weight/65, 2))
		if binary.BigEndian.Uint16(os2) >= 2 && len(os2) >= 90 {
			d.CapHeight = s16(os2, 88)
		}
	}
	if post, ok := f.sfnt.tables["post"]; ok && len(post) >= 16 {
		d.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		d.FixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
	d.MissingWidth = f.missing
	return d, nil
}

// Composite glyph flags (the "glyf" table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10 // numberOfContours and the bounding box
)

// Program returns a TrueType font program with only .notdef and the given
// glyphs, renumbered: glyphs[i] becomes glyph i+1 (a glyph listed twice is
// copied), and the components of composite glyphs follow them. It keeps what draws the glyphs (outlines,
// advance widths, hinting programs) and leaves out what a PDF does not
// read (character maps, names, kerning, layout tables). The same glyphs
// give the same bytes.
func (f *Face) Program(glyphs []uint16) ([]byte, error) {
	if f.sfnt == nil {
		return nil, fmt.Errorf("fonts: %s: no font file", f.full)
	}
	t := f.sfnt.tables
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if _, ok := t[tag]; !ok {
			return nil, fmt.Errorf("fonts: %s: no %q table (only TrueType outlines can be embedded)", f.full, tag)
		}
	}
	head, hhea, maxp, hmtx, loca, glyf := t["head"], t["hhea"], t["maxp"], t["hmtx"], t["loca"], t["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("fonts: %s: head, hhea or maxp: %w", f.full, errShort)
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) != 0
	glyphAt := func(g int) ([]byte, error) {
		if g >= f.glyphs {
			return nil, fmt.Errorf("glyph %d of %d", g, f.glyphs)
		}
		var lo, hi int
		if longLoca {
			if len(loca) < 4*(g+2) {
				return nil, fmt.Errorf("loca: %w", errShort)
			}
			lo, hi = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
		} else {
			if len(loca) < 2*(g+2) {
				return nil, fmt.Errorf("loca: %w", errShort)
			}
			lo, hi = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if lo > hi || hi > len(glyf) {
			return nil, fmt.Errorf("glyph %d at %d..%d: %w", g, lo, hi, errShort)
		}
		return glyf[lo:hi], nil
	}

	// The glyphs in their new order, the components of composites added
	// as they are met.
	order := append([]uint16{0}, glyphs...)
	index := make(map[uint16]uint16, len(order)) // a glyph's first new id
	for i, g := range order {
		if _, seen := index[g]; !seen {
			index[g] = uint16(i)
		}
	}
	outlines := make([][]byte, 0, len(order))
	for i := 0; i < len(order); i++ {
		data, err := glyphAt(int(order[i]))
		if err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", f.full, err)
		}
		if len(data) >= compositeHeader && int16(binary.BigEndian.Uint16(data)) < 0 {
			data = slices.Clone(data)
			err := eachComponent(data, func(at int) {
				old := binary.BigEndian.Uint16(data[at:])
				n, ok := index[old]
				if !ok {
					n = uint16(len(order))
					index[old] = n
					order = append(order, old)
				}
				binary.BigEndian.PutUint16(data[at:], n)
			})
			if err != nil {
				return nil, fmt.Errorf("fonts: %s: glyph %d: %w", f.full, order[i], err)
			}
		}
		outlines = append(outlines, data)
	}
	if len(order) > 0xFFFF {
		return nil, fmt.Errorf("fonts: %s: too many glyphs", f.full)
	}

	n := len(order)
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("fonts: %s: hmtx: %w", f.full, errShort)
	}
	newHmtx := make([]byte, 4*n)
	for i, g := range order {
		gi := int(g)
		if gi < nh {
			copy(newHmtx[4*i:], hmtx[4*gi:4*gi+4])
			continue
		}
		copy(newHmtx[4*i:], hmtx[4*(nh-1):4*(nh-1)+2])
		if at := 4*nh + 2*(gi-nh); at+2 <= len(hmtx) {
			copy(newHmtx[4*i+2:], hmtx[at:at+2])
		}
	}
	newLoca := make([]byte, 4*(n+1))
	var newGlyf []byte
	for i, data := range outlines {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))

	newHead := slices.Clone(head)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newHhea := slices.Clone(hhea)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(n))
	newMaxp := slices.Clone(maxp)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(n))

	tables := map[string][]byte{
		"head": newHead, "hhea": newHhea, "maxp": newMaxp,
		"hmtx": newHmtx, "loca": newLoca, "glyf": newGlyf,
	}
	for _, tag := range []string{"OS/2", "cvt ", "fpgm", "prep"} {
		if b, ok := t[tag]; ok {
			tables[tag] = b
		}
	}
	if post, ok := t["post"]; ok && len(post) >= 32 {
		// Format 3: the header without glyph names.
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		tables["post"] = p
	}
	return assemble(tables), nil
}

// eachComponent calls fn with the offset of the glyph index of every
// component of the composite glyph data.
func eachComponent(data []byte, fn func(at int)) error {
	at := compositeHeader
	for {
		if at+4 > len(data) {
			return fmt.Errorf("composite glyph: %w", errShort)
		}
		flags := binary.BigEndian.Uint16(data[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// assemble writes a TrueType font file of the tables: the table directory
// sorted by tag, every table at a four-byte boundary with its checksum,
// and the file's checksum adjustment in "head".
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	size := 12 + 16*n
	for _, tag := range tags {
		size += (len(tables[tag]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := 0
	for i, tag := range tags {
		b := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit
// words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
