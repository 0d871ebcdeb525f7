package fonts

import (
	"fmt"
	"sync"
)

// Metrics are a face's horizontal advance widths, for measuring a short
// text (a list label) without laying it out. Kerning is not applied.
type Metrics struct {
	unitsPerEm int
	advance    []uint16 // by glyph; glyphs past the end take the last
	cmap       []byte   // the Unicode subtable chosen as for coverage
	format     uint16
}

// LoadMetrics returns the advance widths of a face, read once per process.
func LoadMetrics(s Style) (*Metrics, error) {
	if s < Regular || s > BoldItalic {
		return nil, fmt.Errorf("fonts: no face %v", s)
	}
	all, err := allMetrics()
	if err != nil {
		return nil, err
	}
	return all[s], nil
}

// allMetrics reads the metrics of every face, once.
var allMetrics = sync.OnceValues(func() ([4]*Metrics, error) {
	var all [4]*Metrics
	for _, s := range Styles() {
		m, err := readMetrics(s)
		if err != nil {
			return all, err
		}
		all[s] = m
	}
	return all, nil
})

// readMetrics reads the advance widths of a face.
func readMetrics(s Style) (*Metrics, error) {
	data, err := shared(s)
	if err != nil {
		return nil, err
	}
	m, err := ParseMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", s.File(), err)
	}
	return m, nil
}

// ParseMetrics reads the "head", "hhea", "hmtx" and "cmap" tables of a
// TrueType or OpenType font.
func ParseMetrics(data []byte) (*Metrics, error) {
	f, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	head, err := f.table("head")
	if err != nil {
		return nil, err
	}
	upem, err := u16(head, 18)
	if err != nil || upem == 0 {
		return nil, fmt.Errorf("head: no units per em")
	}
	hhea, err := f.table("hhea")
	if err != nil {
		return nil, err
	}
	n, err := u16(hhea, 34)
	if err != nil || n == 0 {
		return nil, fmt.Errorf("hhea: no horizontal metrics")
	}
	hmtx, err := f.table("hmtx")
	if err != nil {
		return nil, err
	}
	if len(hmtx) < 4*int(n) {
		return nil, fmt.Errorf("hmtx of %d metrics: %w", n, errShort)
	}
	m := &Metrics{unitsPerEm: int(upem), advance: make([]uint16, n)}
	for i := range m.advance {
		m.advance[i], _ = u16(hmtx, 4*i)
	}
	cm, err := f.table("cmap")
	if err != nil {
		return nil, err
	}
	m.cmap, m.format, err = unicodeSubtable(cm)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// unicodeSubtable returns the best Unicode subtable of a "cmap" table, in
// the order of cmapPreference, and its format.
func unicodeSubtable(t []byte) ([]byte, uint16, error) {
	n, err := u16(t, 2)
	if err != nil {
		return nil, 0, fmt.Errorf("cmap header: %w", err)
	}
	pref := cmapPreference()
	best, bestOff := len(pref), -1
	for i := range int(n) {
		rec := 4 + 8*i
		platform, err1 := u16(t, rec)
		encoding, err2 := u16(t, rec+2)
		off, err3 := u32(t, rec+4)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, 0, fmt.Errorf("cmap encoding record %d: %w", i, errShort)
		}
		format, err := u16(t, int(off))
		if err != nil {
			continue
		}
		for score, p := range pref {
			if p == (cmapKind{platform, encoding, format}) && score < best {
				best, bestOff = score, int(off)
			}
		}
	}
	if bestOff < 0 {
		return nil, 0, fmt.Errorf("cmap: no Unicode subtable of format 4 or 12")
	}
	return t[bestOff:], pref[best].format, nil
}

// glyph returns the glyph of r, 0 (.notdef) for none.
func (m *Metrics) glyph(r rune) int {
	t := m.cmap
	if m.format == 12 {
		n, _ := u32(t, 12)
		for i := range int(n) {
			g := 16 + 12*i
			start, err1 := u32(t, g)
			end, err2 := u32(t, g+4)
			glyph, err3 := u32(t, g+8)
			if err1 != nil || err2 != nil || err3 != nil {
				return 0
			}
			if uint32(r) >= start && uint32(r) <= end {
				return int(glyph + uint32(r) - start)
			}
		}
		return 0
	}
	segX2, _ := u16(t, 6)
	seg := int(segX2 / 2)
	endAt := 14
	startAt := endAt + 2*seg + 2
	deltaAt := startAt + 2*seg
	rangeAt := deltaAt + 2*seg
	for i := range seg {
		end, err1 := u16(t, endAt+2*i)
		start, err2 := u16(t, startAt+2*i)
		if err1 != nil || err2 != nil {
			return 0
		}
		if r < rune(start) || r > rune(end) {
			continue
		}
		delta, _ := u16(t, deltaAt+2*i)
		rangeOff, _ := u16(t, rangeAt+2*i)
		if rangeOff == 0 {
			return (int(r) + int(delta)) & 0xFFFF
		}
		v, err := u16(t, rangeAt+2*i+int(rangeOff)+2*(int(r)-int(start)))
		if err != nil || v == 0 {
			return 0
		}
		return (int(v) + int(delta)) & 0xFFFF
	}
	return 0
}

// Width returns the advance width of s set at size (in any unit: points
// give points), the sum of its characters' advances.
func (m *Metrics) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		g := min(m.glyph(r), len(m.advance)-1)
		units += int(m.advance[max(g, 0)])
	}
	return float64(units) * size / float64(m.unitsPerEm)
}
