// Package pdfpost rewrites the PDF files fpdf writes, object by object:
// Parse splits a file by its cross-reference table, a caller edits the
// objects' dictionaries, Compress flate-compresses the streams fpdf left
// as they were, and Bytes writes the file again with a new
// cross-reference table and a file identifier (/ID) made from its
// content. It reads what fpdf writes (one cross-reference table, no
// object streams, no incremental updates), not PDF at large.
package pdfpost

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/chancery-dev/chancery/internal/deflate"
	"github.com/chancery-dev/chancery/internal/lazyre"
)

// File is a PDF as fpdf writes it: a header, numbered objects, one
// cross-reference table and a trailer, without incremental updates.
type File struct {
	Header  []byte
	Objects []Object // in the order of the file
	Trailer []byte   // the trailer dictionary's entries, between << and >>
}

// Object is one indirect object: its number and what lies between
// "N 0 obj" and the next object (its "endobj" included).
type Object struct {
	Num  int
	Body []byte
}

var (
	startxrefRe = lazyre.New(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHeadRe  = lazyre.New(`^xref\s+0 (\d+)\s+`)
	trailerRe   = lazyre.New(`(?s)trailer\s*<<(.*)>>\s*startxref`)
	objHeadRe   = lazyre.New(`^(\d+) 0 obj\b`)
)

// Parse splits a PDF into its objects by its cross-reference table.
func Parse(data []byte) (*File, error) {
	m := startxrefRe().FindSubmatch(data)
	if m == nil {
		return nil, errors.New("no startxref at the end of the file")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) {
		return nil, fmt.Errorf("startxref %d is outside the file", xref)
	}
	tail := data[xref:]
	h := xrefHeadRe().FindSubmatchIndex(tail)
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
	tm := trailerRe().FindSubmatch(tail[h[1]+20*n:])
	if tm == nil {
		return nil, errors.New("no trailer dictionary")
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	f := &File{Header: data[:offs[0].off], Trailer: bytes.TrimSpace(tm[1])}
	for i, o := range offs {
		end := xref
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		body := data[o.off:end]
		hm := objHeadRe().FindSubmatch(body)
		if hm == nil || string(hm[1]) != strconv.Itoa(o.num) {
			return nil, fmt.Errorf("object %d: the cross-reference table points elsewhere", o.num)
		}
		f.Objects = append(f.Objects, Object{Num: o.num, Body: body[len(hm[0]):]})
	}
	return f, nil
}

// Bytes writes the file with a new cross-reference table, a trailer /Size
// counting the objects added, and a trailer /ID made from its content
// (the same content gives the same /ID).
func (f *File) Bytes() []byte {
	var out bytes.Buffer
	out.Write(f.Header)
	maxNum := 0
	offsets := map[int]int{}
	for _, o := range f.Objects {
		offsets[o.Num] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj", o.Num)
		out.Write(o.Body)
		maxNum = max(maxNum, o.Num)
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
	trailer := idRe().ReplaceAll(f.Trailer, nil)
	trailer = sizeRe().ReplaceAll(trailer, fmt.Appendf(nil, "/Size %d", maxNum+1))
	fmt.Fprintf(&out, "trailer\n<<\n%s\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n", bytes.TrimSpace(trailer), sum, sum, xref)
	return out.Bytes()
}

var (
	idRe   = lazyre.New(`/ID\s*\[[^\]]*\]`)
	sizeRe = lazyre.New(`/Size\s+\d+`)
)

// Object returns the object numbered num, or nil.
func (f *File) Object(num int) *Object {
	for i := range f.Objects {
		if f.Objects[i].Num == num {
			return &f.Objects[i]
		}
	}
	return nil
}

// Dict returns the part of an object before its stream, if it has one.
func (o *Object) Dict() []byte {
	if i := bytes.Index(o.Body, []byte("stream")); i >= 0 {
		return o.Body[:i]
	}
	return o.Body
}

// HasStream reports whether the object is a stream.
func (o *Object) HasStream() bool { return len(o.Dict()) < len(o.Body) }

// EditDict replaces the part of the object before its stream.
func (o *Object) EditDict(fn func([]byte) []byte) {
	d := o.Dict()
	rest := o.Body[len(d):]
	o.Body = append(fn(slices.Clone(d)), rest...)
}

var (
	lengthRe   = lazyre.New(`/Length (\d+)`)
	filterRe   = lazyre.New(`/Filter\b`)
	metadataRe = lazyre.New(`/Type\s*/Metadata\b`)
)

// Compress flate-compresses every stream without a filter, the metadata
// stream excepted (it stays readable, as PDF/A readers expect), with one
// compressor for the whole file, lent by pool (which may be nil).
func (f *File) Compress(pool *deflate.Pool) error {
	var zbuf bytes.Buffer
	zw := pool.Zlib(&zbuf)
	defer pool.PutZlib(zw)
	for i := range f.Objects {
		o := &f.Objects[i]
		d := o.Dict()
		if len(d) == len(o.Body) || filterRe().Match(d) || metadataRe().Match(d) {
			continue
		}
		m := lengthRe().FindSubmatchIndex(d)
		if m == nil {
			return fmt.Errorf("object %d: a stream without /Length", o.Num)
		}
		n, _ := strconv.Atoi(string(d[m[2]:m[3]]))
		rest := o.Body[len(d)+len("stream"):]
		switch {
		case bytes.HasPrefix(rest, []byte("\r\n")):
			rest = rest[2:]
		case bytes.HasPrefix(rest, []byte("\n")):
			rest = rest[1:]
		}
		if n > len(rest) {
			return fmt.Errorf("object %d: /Length %d runs past the object", o.Num, n)
		}
		zbuf.Reset()
		zw.Reset(&zbuf)
		zw.Write(rest[:n])
		if err := zw.Close(); err != nil {
			return err
		}
		var body []byte
		body = append(body, d[:m[0]]...)
		body = fmt.Appendf(body, "/Filter /FlateDecode /Length %d", zbuf.Len())
		body = append(body, d[m[1]:]...)
		body = append(body, "stream\n"...)
		body = append(body, zbuf.Bytes()...)
		body = append(body, rest[n:]...)
		o.Body = body
	}
	return nil
}

// Compressed parses a PDF, compresses its streams and writes it again.
func Compressed(data []byte) ([]byte, error) {
	f, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if err := f.Compress(nil); err != nil {
		return nil, err
	}
	return f.Bytes(), nil
}
