package docxread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bounds what reading one document may cost.
type Limits struct {
	MaxEntries  int   // zip entries
	MaxPartSize int64 // uncompressed bytes of one part, declared and actual
	MaxTotal    int64 // uncompressed bytes of all parts read
	MaxDepth    int   // XML element nesting
	MaxElements int   // XML elements of one part
}

// DefaultLimits are generous for any real instrument and small enough that
// a hostile file cannot exhaust a laptop's memory.
func DefaultLimits() Limits {
	return Limits{MaxEntries: 4096, MaxPartSize: 32 << 20, MaxTotal: 96 << 20, MaxDepth: 256, MaxElements: 1 << 20}
}

// Error is a reading failure, with the part it happened in.
type Error struct {
	Part string // "word/document.xml", or "" for the package as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Part == "" {
		return e.Msg
	}
	return e.Part + ": " + e.Msg
}

func errorf(part, format string, args ...any) error {
	return &Error{Part: part, Msg: fmt.Sprintf(format, args...)}
}

// pkg is the opened zip package.
type pkg struct {
	files map[string]*zip.File
	lim   Limits
	total int64
}

func openPackage(data []byte, lim Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errorf("", "not a DOCX (zip) package: %v", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, errorf("", "the package has %d entries, more than the limit of %d", len(zr.File), lim.MaxEntries)
	}
	p := &pkg{files: map[string]*zip.File{}, lim: lim}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return p, nil
}

func (p *pkg) has(name string) bool { return p.files[name] != nil }

// read returns one part, refusing it when its declared or actual
// uncompressed size passes the limits.
func (p *pkg) read(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, errorf(name, "missing from the package")
	}
	if f.UncompressedSize64 > uint64(p.lim.MaxPartSize) {
		return nil, errorf(name, "declares %d bytes uncompressed, more than the limit of %d (a zip bomb?)", f.UncompressedSize64, p.lim.MaxPartSize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errorf(name, "cannot open: %v", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, p.lim.MaxPartSize+1))
	if err != nil {
		return nil, errorf(name, "cannot read: %v", err)
	}
	if int64(len(data)) > p.lim.MaxPartSize {
		return nil, errorf(name, "inflates to more than the limit of %d bytes (a zip bomb?)", p.lim.MaxPartSize)
	}
	p.total += int64(len(data))
	if p.total > p.lim.MaxTotal {
		return nil, errorf(name, "the parts read inflate to more than the limit of %d bytes in all", p.lim.MaxTotal)
	}
	return data, nil
}

// relationships reads the targets of a part's relationships by type
// suffix ("officeDocument", "numbering"), resolved against the part.
func (p *pkg) relationships(part string) (map[string]string, error) {
	dir, file := path.Split(part)
	relsName := dir + "_rels/" + file + ".rels"
	out := map[string]string{}
	if !p.has(relsName) {
		return out, nil
	}
	data, err := p.read(relsName)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(relsName, data, p.lim)
	if err != nil {
		return nil, err
	}
	for _, r := range root.children {
		if r.local != "Relationship" || r.attr("TargetMode") == "External" {
			continue
		}
		typ := r.attr("Type")
		kind := typ[strings.LastIndexByte(typ, '/')+1:]
		target := r.attr("Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		if _, seen := out[kind]; !seen {
			out[kind] = target
		}
	}
	return out, nil
}

// node is an XML element: its namespace-free name, attributes and
// children; text holds the character data of text-bearing elements.
type node struct {
	space, local string
	attrs        []xml.Attr
	children     []*node
	text         string
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) child(local string) *node {
	for _, c := range n.children {
		if c.local == local {
			return c
		}
	}
	return nil
}

// val is the w:val attribute of the named child, and whether it is there.
func (n *node) val(local string) (string, bool) {
	c := n.child(local)
	if c == nil {
		return "", false
	}
	return c.attr("val"), true
}

// on reports whether a toggle property (w:b, w:i) is set and not turned
// off with val="0"/"false"/"off".
func (n *node) on(local string) (bool, bool) {
	c := n.child(local)
	if c == nil {
		return false, false
	}
	switch c.attr("val") {
	case "0", "false", "off":
		return false, true
	}
	return true, true
}

// textElements are the elements whose character data is kept.
func textElement(local string) bool {
	switch local {
	case "t", "delText", "instrText", "delInstrText":
		return true
	}
	return false
}

// parseXML parses one part into a tree, refusing DTDs (so that no entity
// is expanded), nesting deeper than the limit and too many elements.
func parseXML(part string, data []byte, lim Limits) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []*node
	var root *node
	elements := 0
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, errorf(part, "not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			elements++
			if elements > lim.MaxElements {
				return nil, errorf(part, "more than %d XML elements", lim.MaxElements)
			}
			if len(stack) >= lim.MaxDepth {
				return nil, errorf(part, "XML nested more than %d levels deep", lim.MaxDepth)
			}
			n := &node{space: t.Name.Space, local: t.Name.Local, attrs: t.Attr}
			if len(stack) == 0 {
				if root != nil {
					return nil, errorf(part, "more than one root element")
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].local != t.Name.Local || stack[len(stack)-1].space != t.Name.Space {
				return nil, errorf(part, "not well-formed XML: unexpected </%s>", t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && textElement(stack[len(stack)-1].local) {
				stack[len(stack)-1].text += string(t)
			}
		case xml.Directive:
			return nil, errorf(part, "has a document type declaration (<!%s ...>), which DOCX never needs; refused so that no entity is expanded", firstWord(string(t)))
		}
	}
	if len(stack) != 0 {
		return nil, errorf(part, "not well-formed XML: unexpected end of the part")
	}
	if root == nil {
		return nil, errorf(part, "empty XML part")
	}
	return root, nil
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// Parts reads every part of a package within DefaultLimits, by name: the
// raw bytes a test or a tool inspects ("word/document.xml").
func Parts(data []byte) (map[string][]byte, error) {
	p, err := openPackage(data, DefaultLimits())
	if err != nil {
		return nil, err
	}
	parts := make(map[string][]byte, len(p.files))
	for name := range p.files {
		if parts[name], err = p.read(name); err != nil {
			return nil, err
		}
	}
	return parts, nil
}
