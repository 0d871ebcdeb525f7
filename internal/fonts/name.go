package fonts

import (
	"fmt"
	"unicode/utf16"
)

// Name ids of the "name" table that chancery reads.
const (
	nameFamily     = 1
	nameSubfamily  = 2
	nameFull       = 4
	namePostScript = 6
)

// parseNames reads the family, subfamily, full and PostScript names from a "name"
// table, preferring Windows Unicode English (US) records, then Macintosh
// Roman English ones (read as ASCII). A name that is absent is "".
func parseNames(t []byte) (map[int]string, error) {
	count, err1 := u16(t, 2)
	strOff, err2 := u16(t, 4)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("name header: %w", errShort)
	}
	out := map[int]string{}
	rank := map[int]int{} // lower is better
	for i := range int(count) {
		rec := 6 + 12*i
		var f [6]uint16
		for k := range f {
			v, err := u16(t, rec+2*k)
			if err != nil {
				return nil, fmt.Errorf("name record %d: %w", i, err)
			}
			f[k] = v
		}
		platform, encoding, language, id, length, off := f[0], f[1], f[2], int(f[3]), int(f[4]), int(f[5])
		if id != nameFamily && id != nameSubfamily && id != nameFull && id != namePostScript {
			continue
		}
		r := -1
		switch {
		case platform == 3 && encoding == 1 && language == 0x409:
			r = 0
		case platform == 1 && encoding == 0 && language == 0:
			r = 1
		}
		if r < 0 {
			continue
		}
		if old, ok := rank[id]; ok && old <= r {
			continue
		}
		at := int(strOff) + off
		if at+length > len(t) {
			return nil, fmt.Errorf("name record %d string: %w", i, errShort)
		}
		raw := t[at : at+length]
		if r == 0 {
			out[id] = decodeUTF16BE(raw)
		} else {
			out[id] = string(raw)
		}
		rank[id] = r
	}
	return out, nil
}

func decodeUTF16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
