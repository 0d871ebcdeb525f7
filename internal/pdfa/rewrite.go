package pdfa

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// file is a PDF as fpdf writes it: a header, numbered objects, one
// cross-reference table and a trailer, without incremental updates.
type file struct {
	header  []byte
	objects []object // in the order of the file
	trailer []byte   // the trailer dictionary's entries, between << and >>
}

// object is one indirect object: its number and what lies between
// "N 0 obj" and the next object (its "endobj" included).
type object struct {
	num  int
	body []byte
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHeadRe  = regexp.MustCompile(`^xref\s+0 (\d+)\s+`)
	trailerRe   = regexp.MustCompile(`(?s)trailer\s*<<(.*)>>\s*startxref`)
	objHeadRe   = regexp.MustCompile(`^(\d+) 0 obj\b`)
	infoRefRe   = regexp.MustCompile(`/Info (\d+) 0 R`)
)

// parse splits a PDF into its objects by its cross-reference table.
func parse(data []byte) (*file, error) {
	m := startxrefRe.FindSubmatch(data)
	if m == nil {
		return nil, errors.New("no startxref at the end of the file")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) {
		return nil, fmt.Errorf("startxref %d is outside the file", xref)
	}
	tail := data[xref:]
	h := xrefHeadRe.FindSubmatchIndex(tail)
	if h == nil {
		return nil, errors.New("no cross-reference table at startxref (an incrementally updated or compressed file?)")
	}
	n, _ := strconv.Atoi(string(tail[h[2]:h[3]]))
	entries := tail[h[1]:]
	if len(entries) < 20*n {
		return nil, fmt.Errorf("cross-reference table of %d entries is cut short", n)
	}
	type at struct{ num, off int }
	var offs []at
	for i := 1; i < n; i++ {
		e := entries[20*i : 20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("cross-reference entry %d: bad offset %q", i, e[:10])
		}
		offs = append(offs, at{i, off})
	}
	if len(offs) == 0 {
		return nil, errors.New("no objects")
	}
	tm := trailerRe.FindSubmatch(tail[h[1]+20*n:])
	if tm == nil {
		return nil, errors.New("no trailer dictionary")
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	f := &file{header: data[:offs[0].off], trailer: bytes.TrimSpace(tm[1])}
	for i, o := range offs {
		end := xref
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		body := data[o.off:end]
		hm := objHeadRe.FindSubmatch(body)
		if hm == nil || string(hm[1]) != strconv.Itoa(o.num) {
			return nil, fmt.Errorf("object %d: the cross-reference table points elsewhere", o.num)
		}
		f.objects = append(f.objects, object{num: o.num, body: body[len(hm[0]):]})
	}
	return f, nil
}

// bytes writes the file with a new cross-reference table, and a trailer
// /ID made from its content (the same content gives the same /ID).
func (f *file) bytes() []byte {
	var out bytes.Buffer
	out.Write(f.header)
	maxNum := 0
	offsets := map[int]int{}
	for _, o := range f.objects {
		offsets[o.num] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj", o.num)
		out.Write(o.body)
		maxNum = max(maxNum, o.num)
	}
	sum := md5.Sum(out.Bytes())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", maxNum+1)
	for i := 1; i <= maxNum; i++ {
		if off, ok := offsets[i]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		} else {
			out.WriteString("0000000000 65535 f \n")
		}
	}
	trailer := idRe.ReplaceAll(f.trailer, nil)
	fmt.Fprintf(&out, "trailer\n<<\n%s\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n", bytes.TrimSpace(trailer), sum, sum, xref)
	return out.Bytes()
}

var idRe = regexp.MustCompile(`/ID\s*\[[^\]]*\]`)

// object returns the object numbered num, or nil.
func (f *file) object(num int) *object {
	for i := range f.objects {
		if f.objects[i].num == num {
			return &f.objects[i]
		}
	}
	return nil
}

// dict returns the part of an object before its stream, if it has one.
func (o *object) dict() []byte {
	if i := bytes.Index(o.body, []byte("stream")); i >= 0 {
		return o.body[:i]
	}
	return o.body
}

// editDict replaces the part of the object before its stream.
func (o *object) editDict(fn func([]byte) []byte) {
	d := o.dict()
	rest := o.body[len(d):]
	o.body = append(fn(slices.Clone(d)), rest...)
}
