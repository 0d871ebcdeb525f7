package docx_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is an element of a parsed part.
type node struct {
	Name   xml.Name
	Attr   []xml.Attr
	Kids   []*node
	Text   string // character data directly inside
	Parent *node
}

// parseXML parses a part with encoding/xml into a tree.
func parseXML(t testing.TB, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	cur := root
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parsing XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{Name: tok.Name, Attr: tok.Attr, Parent: cur}
			cur.Kids = append(cur.Kids, n)
			cur = n
		case xml.EndElement:
			cur = cur.Parent
		case xml.CharData:
			cur.Text += string(tok)
		}
	}
	if len(root.Kids) != 1 {
		t.Fatalf("XML has %d root elements", len(root.Kids))
	}
	return root.Kids[0]
}

// attr returns the value of the attribute with the given local name.
func (n *node) attr(local string) string {
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns the descendants with the given local name, in document
// order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, k := range m.Kids {
			if k.Name.Local == local {
				out = append(out, k)
			}
			walk(k)
		}
	}
	walk(n)
	return out
}

// first returns the first descendant with the given local name, or nil.
func (n *node) first(local string) *node {
	if all := n.all(local); len(all) > 0 {
		return all[0]
	}
	return nil
}

// child returns the direct child with the given local name, or nil.
func (n *node) child(local string) *node {
	for _, k := range n.Kids {
		if k.Name.Local == local {
			return k
		}
	}
	return nil
}

// val is the w:val of the named direct child ("" when absent).
func (n *node) val(local string) string {
	if c := n.child(local); c != nil {
		return c.attr("val")
	}
	return ""
}

// shown is the text a paragraph (or any element) shows: its w:t, w:tab as
// a tab; field instructions are not shown.
func (n *node) shown() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		for _, k := range m.Kids {
			switch k.Name.Local {
			case "t":
				b.WriteString(k.Text)
			case "noBreakHyphen":
				b.WriteByte('-') // shown as a hyphen
			case "tab":
				if k.Parent.Name.Local == "r" {
					b.WriteByte('\t')
				}
			default:
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

// field is a complex field as a reader sees it.
type field struct {
	Instr  string // trimmed instruction: `REF areas \n \h`
	Result string // the cached result
	Para   *node  // the paragraph holding it
}

// fields returns the complex fields under n, in order.
func fields(n *node) []field {
	var out []field
	for _, p := range n.all("p") {
		var cur *field
		state := ""
		for _, r := range p.all("r") {
			for _, k := range r.Kids {
				switch k.Name.Local {
				case "fldChar":
					switch k.attr("fldCharType") {
					case "begin":
						cur, state = &field{Para: p}, "instr"
					case "separate":
						state = "result"
					case "end":
						if cur != nil {
							cur.Instr = strings.TrimSpace(cur.Instr)
							out = append(out, *cur)
						}
						cur, state = nil, ""
					}
				case "instrText":
					if cur != nil && state == "instr" {
						cur.Instr += k.Text
					}
				case "t":
					if cur != nil && state == "result" {
						cur.Result += k.Text
					}
				}
			}
		}
	}
	return out
}

// withFields is the text of a paragraph with every field's result in
// brackets: "in accordance with section [5]".
func withFields(p *node) string {
	var b strings.Builder
	state := ""
	for _, r := range p.all("r") {
		for _, k := range r.Kids {
			switch k.Name.Local {
			case "fldChar":
				switch k.attr("fldCharType") {
				case "begin":
					state = "instr"
				case "separate":
					state = "result"
					b.WriteByte('[')
				case "end":
					state = ""
					b.WriteByte(']')
				}
			case "t":
				if state != "instr" {
					b.WriteString(k.Text)
				}
			case "noBreakHyphen":
				b.WriteByte('-')
			case "tab":
				b.WriteByte('\t')
			}
		}
	}
	return b.String()
}
