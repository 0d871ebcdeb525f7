// Package xliff reads and writes XLIFF 1.2, the exchange format of CAT
// tools (OmegaT, Trados, memoQ) and of Debian's translate-toolkit: files
// of translation units, each with a source text, a target text and the
// target's state. Inline markup travels as codes a translator moves but
// does not edit: <ph> for a code standing alone (a reference, a
// placeholder) and <g> for a pair around text (emphasis).
//
// Read keeps the line and column of every unit, target and code, so that
// a caller can report a bad target where the translator can find it.
package xliff

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Namespace is the XLIFF 1.2 namespace.
const Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// Doc is an XLIFF document.
type Doc struct {
	Files []File
}

// File is one <file>: the units of one original document.
type File struct {
	Original       string // what the units come from
	SourceLanguage string
	TargetLanguage string
	Units          []Unit
}

// Unit is one <trans-unit>.
type Unit struct {
	ID        string
	Extradata string  // tool data carried through the translator's tools
	Source    Segment // the text to translate
	Target    Segment // the translation; nil when there is none
	HasTarget bool
	State     string // the target's state: translated, needs-translation ...
	Approved  string // "yes" when the translation is approved, "no", or ""
	Notes     []string

	Pos       Pos // of <trans-unit>
	TargetPos Pos // of <target>
}

// Pos is a position in an XLIFF file, 1-based; Col counts characters.
type Pos struct{ Line, Col int }

// Segment is inline content: text and codes.
type Segment []Inline

// Inline is Text or Code.
type Inline interface{ inline() }

// Text is character data.
type Text string

// Code is an inline code: a <ph> (Content is the native code it stands
// for) or a <g> around Children.
type Code struct {
	Pair     bool // <g>; otherwise <ph>
	ID       string
	CType    string
	Content  string  // <ph>: the native code
	Children Segment // <g>: the text inside
	Pos      Pos
}

func (Text) inline()  {}
func (*Code) inline() {}

// Codes lists the codes of s, depth first, in order.
func (s Segment) Codes() []*Code {
	var out []*Code
	for _, in := range s {
		if c, ok := in.(*Code); ok {
			out = append(out, c)
			out = append(out, c.Children.Codes()...)
		}
	}
	return out
}

// PlainText is the text of s without its codes' markup: a <ph> gives its
// content, a <g> its children.
func (s Segment) PlainText() string {
	var b strings.Builder
	for _, in := range s {
		switch in := in.(type) {
		case Text:
			b.WriteString(string(in))
		case *Code:
			if in.Pair {
				b.WriteString(in.Children.PlainText())
			} else {
				b.WriteString(in.Content)
			}
		}
	}
	return b.String()
}

// Write writes doc as XLIFF 1.2, indented, the same bytes for the same doc.
func Write(w io.Writer, doc *Doc) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<xliff version="1.2" xmlns="` + Namespace + `">` + "\n")
	for _, f := range doc.Files {
		fmt.Fprintf(&b, `  <file original="%s" source-language="%s" target-language="%s" datatype="plaintext">`+"\n",
			attr(f.Original), attr(f.SourceLanguage), attr(f.TargetLanguage))
		b.WriteString(`    <header><tool tool-id="chancery" tool-name="chancery"/></header>` + "\n")
		b.WriteString("    <body>\n")
		for _, u := range f.Units {
			fmt.Fprintf(&b, `      <trans-unit id="%s"`, attr(u.ID))
			if u.Approved != "" {
				fmt.Fprintf(&b, ` approved="%s"`, attr(u.Approved))
			}
			if u.Extradata != "" {
				fmt.Fprintf(&b, ` extradata="%s"`, attr(u.Extradata))
			}
			b.WriteString(` xml:space="preserve">` + "\n")
			b.WriteString("        <source>")
			writeSegment(&b, u.Source)
			b.WriteString("</source>\n")
			if u.HasTarget {
				b.WriteString("        <target")
				if u.State != "" {
					fmt.Fprintf(&b, ` state="%s"`, attr(u.State))
				}
				b.WriteString(">")
				writeSegment(&b, u.Target)
				b.WriteString("</target>\n")
			}
			for _, n := range u.Notes {
				b.WriteString(`        <note from="chancery">`)
				xml.EscapeText(&b, []byte(n))
				b.WriteString("</note>\n")
			}
			b.WriteString("      </trans-unit>\n")
		}
		b.WriteString("    </body>\n  </file>\n")
	}
	b.WriteString("</xliff>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func attr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}

func writeSegment(b *bytes.Buffer, s Segment) {
	for _, in := range s {
		switch in := in.(type) {
		case Text:
			xml.EscapeText(b, []byte(in))
		case *Code:
			if in.Pair {
				fmt.Fprintf(b, `<g id="%s" ctype="%s">`, attr(in.ID), attr(in.CType))
				writeSegment(b, in.Children)
				b.WriteString("</g>")
				continue
			}
			fmt.Fprintf(b, `<ph id="%s" ctype="%s">`, attr(in.ID), attr(in.CType))
			xml.EscapeText(b, []byte(in.Content))
			b.WriteString("</ph>")
		}
	}
}

// SyntaxError is a malformed XLIFF file, at a position.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// Read parses an XLIFF 1.2 document. Elements it does not use (header,
// alt-trans, context groups) are skipped; what it uses must be well formed.
func Read(data []byte) (*Doc, error) {
	r := &reader{data: data, dec: xml.NewDecoder(bytes.NewReader(data))}
	doc := &Doc{}
	seenRoot := false
	for {
		start, tok, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case !seenRoot:
			if se.Name.Local != "xliff" {
				return nil, r.errorf(start, "the root element is <%s>, not <xliff>", se.Name.Local)
			}
			if v := attrOf(se, "version"); v != "1.2" {
				return nil, r.errorf(start, "XLIFF version %q: chancery reads XLIFF 1.2", v)
			}
			seenRoot = true
		case se.Name.Local == "file":
			f := File{Original: attrOf(se, "original"), SourceLanguage: attrOf(se, "source-language"), TargetLanguage: attrOf(se, "target-language")}
			if err := r.file(&f); err != nil {
				return nil, err
			}
			doc.Files = append(doc.Files, f)
		default:
			if err := r.dec.Skip(); err != nil {
				return nil, r.errorf(start, "%v", err)
			}
		}
	}
	if !seenRoot {
		return nil, &SyntaxError{Pos{1, 1}, "not an XLIFF file: no <xliff> element"}
	}
	return doc, nil
}

type reader struct {
	data []byte
	dec  *xml.Decoder
}

// next returns the next token and the offset where it starts.
func (r *reader) next() (int64, xml.Token, error) {
	off := r.dec.InputOffset()
	tok, err := r.dec.Token()
	if err != nil && err != io.EOF {
		line, col := r.dec.InputPos()
		return off, nil, &SyntaxError{Pos{line, col}, err.Error()}
	}
	return off, tok, err
}

// pos converts a byte offset to a line and character column.
func (r *reader) pos(off int64) Pos {
	if off > int64(len(r.data)) {
		off = int64(len(r.data))
	}
	before := r.data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return Pos{line, utf8.RuneCount(before[lineStart:]) + 1}
}

func (r *reader) errorf(off int64, format string, args ...any) error {
	return &SyntaxError{r.pos(off), fmt.Sprintf(format, args...)}
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == Namespace) {
			return a.Value
		}
	}
	return ""
}

// children reads the content of an element up to its end tag, giving each
// child element's start to child, which reads the child whole (or returns
// false to have it skipped).
func (r *reader) children(end string, child func(start int64, se xml.StartElement) (bool, error)) error {
	for {
		start, tok, err := r.next()
		if err != nil {
			return r.unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == end {
				return nil
			}
		case xml.StartElement:
			read, err := child(start, t)
			if err != nil {
				return err
			}
			if !read {
				if err := r.dec.Skip(); err != nil {
					return r.errorf(start, "%v", err)
				}
			}
		}
	}
}

// file reads the content of a <file> up to its end.
func (r *reader) file(f *File) error {
	return r.children("file", func(start int64, t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "body", "group":
			// descend: their units belong to the file
			return true, nil
		case "trans-unit":
			u := Unit{ID: attrOf(t, "id"), Extradata: attrOf(t, "extradata"), Approved: attrOf(t, "approved"), Pos: r.pos(start)}
			if u.ID == "" {
				return true, r.errorf(start, "<trans-unit> without an id")
			}
			if err := r.unit(&u); err != nil {
				return true, err
			}
			f.Units = append(f.Units, u)
			return true, nil
		}
		return false, nil
	})
}

func (r *reader) unexpectedEOF(err error) error {
	if err == io.EOF {
		return r.errorf(int64(len(r.data)), "the file ends inside an element")
	}
	return err
}

// unit reads a <trans-unit>'s content.
func (r *reader) unit(u *Unit) error {
	return r.children("trans-unit", func(start int64, t xml.StartElement) (bool, error) {
		var err error
		switch t.Name.Local {
		case "source":
			u.Source, err = r.segment("source")
		case "target":
			u.HasTarget, u.State, u.TargetPos = true, attrOf(t, "state"), r.pos(start)
			u.Target, err = r.segment("target")
		case "note":
			var seg Segment
			if seg, err = r.segment("note"); err == nil {
				u.Notes = append(u.Notes, seg.PlainText())
			}
		default:
			return false, nil
		}
		return true, err
	})
}

// segment reads inline content up to the end of the element named end.
func (r *reader) segment(end string) (Segment, error) {
	var seg Segment
	for {
		start, tok, err := r.next()
		if err != nil {
			return nil, r.unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if n := len(seg); n > 0 {
				if prev, ok := seg[n-1].(Text); ok {
					seg[n-1] = prev + Text(t)
					continue
				}
			}
			seg = append(seg, Text(t))
		case xml.EndElement:
			if t.Name.Local == end {
				return seg, nil
			}
		case xml.StartElement:
			c := &Code{ID: attrOf(t, "id"), CType: attrOf(t, "ctype"), Pos: r.pos(start)}
			switch t.Name.Local {
			case "ph", "x", "bx", "ex", "it", "bpt", "ept":
				inner, err := r.segment(t.Name.Local)
				if err != nil {
					return nil, err
				}
				c.Content = inner.PlainText()
			case "g", "mrk":
				c.Pair = true
				if c.Children, err = r.segment(t.Name.Local); err != nil {
					return nil, err
				}
				if t.Name.Local == "mrk" {
					// a marker a tool added (a term, a comment): its text counts
					seg = append(seg, c.Children...)
					continue
				}
			case "sub":
				return nil, r.errorf(start, "<sub> is not supported")
			default:
				return nil, r.errorf(start, "<%s> inside <%s>", t.Name.Local, end)
			}
			seg = append(seg, c)
		}
	}
}
