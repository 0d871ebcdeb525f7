package docx

import (
	"bytes"
	"encoding/xml"
)

// xmlWriter builds an XML part in memory. Element names carry their
// namespace prefix ("w:p"); the root element declares the prefixes. Text
// and attribute values are escaped with encoding/xml.
type xmlWriter struct {
	b bytes.Buffer
}

// xmlDecl is the declaration every part starts with.
const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func newXML() *xmlWriter {
	x := &xmlWriter{}
	x.b.WriteString(xmlDecl)
	return x
}

// attrs writes name="value" pairs; kv alternates names and values.
func (x *xmlWriter) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(kv[i])
		x.b.WriteString(`="`)
		x.escape(kv[i+1])
		x.b.WriteByte('"')
	}
}

func (x *xmlWriter) escape(s string) {
	// EscapeText only fails when the writer does; a bytes.Buffer does not.
	_ = xml.EscapeText(&x.b, []byte(s))
}

// start opens an element; kv alternates attribute names and values.
func (x *xmlWriter) start(name string, kv ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(kv)
	x.b.WriteByte('>')
}

// end closes an element.
func (x *xmlWriter) end(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// empty writes an element without content.
func (x *xmlWriter) empty(name string, kv ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(kv)
	x.b.WriteString("/>")
}

// elem writes an element holding text.
func (x *xmlWriter) elem(name, text string, kv ...string) {
	x.start(name, kv...)
	x.escape(text)
	x.end(name)
}

// val writes <name w:val="v"/>, the commonest WordprocessingML shape.
func (x *xmlWriter) val(name, v string) {
	x.empty(name, "w:val", v)
}

func (x *xmlWriter) bytes() []byte { return x.b.Bytes() }
