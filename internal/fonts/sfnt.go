package fonts

import (
	"encoding/binary"
	"fmt"
)

// sfnt is a TrueType or OpenType file with its table directory read.
type sfnt struct {
	data   []byte
	tables map[string][]byte
}

// constError is an error that can be a constant.
type constError string

func (e constError) Error() string { return string(e) }

// errShort reports data that ends before a structure it announces.
const errShort constError = "truncated data"

// parseSFNT reads the offset table and the table records.
func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("table directory: %w", errShort)
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, "true"
	case 0x4F54544F: // "OTTO"
	default:
		return nil, fmt.Errorf("not a TrueType or OpenType font (version %#08x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("table directory of %d tables: %w", n, errShort)
	}
	f := &sfnt{data: data, tables: make(map[string][]byte, n)}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		length := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fmt.Errorf("table %q at %d+%d: %w", tag, off, length, errShort)
		}
		f.tables[tag] = data[off : off+length]
	}
	return f, nil
}

// table returns a table's bytes, or an error naming the missing table.
func (f *sfnt) table(tag string) ([]byte, error) {
	t, ok := f.tables[tag]
	if !ok {
		return nil, fmt.Errorf("no %q table", tag)
	}
	return t, nil
}

// u16 and u32 read big-endian integers at off, failing on short data.
func u16(b []byte, off int) (uint16, error) {
	if off < 0 || off+2 > len(b) {
		return 0, errShort
	}
	return binary.BigEndian.Uint16(b[off:]), nil
}

func u32(b []byte, off int) (uint32, error) {
	if off < 0 || off+4 > len(b) {
		return 0, errShort
	}
	return binary.BigEndian.Uint32(b[off:]), nil
}

// numGlyphs reads the glyph count from "maxp".
func (f *sfnt) numGlyphs() (int, error) {
	t, err := f.table("maxp")
	if err != nil {
		return 0, err
	}
	n, err := u16(t, 4)
	if err != nil {
		return 0, fmt.Errorf("maxp: %w", err)
	}
	return int(n), nil
}
