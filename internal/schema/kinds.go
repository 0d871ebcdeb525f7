package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Kind is one kind of YAML file.
type Kind struct {
	Name    string // as given to chancery schema
	Files   string // which files are of this kind
	Summary string
	root    func() object
}

// Kinds lists the kinds of file, in the order they are documented.
func Kinds() []Kind {
	return []Kind{
		{Name: "document", Files: "clauses/<id>/document.yaml", Summary: "an instrument: title block, parties, parts, closing, numbering", root: documentSchema},
		{Name: "section", Files: "clauses/<id>/<part>.yaml with section:", Summary: "a section part: heading, paragraphs and their items", root: sectionSchema},
		{Name: "preamble", Files: "clauses/<id>/<part>.yaml with recitals:", Summary: "the preamble part: recitals and the transition", root: preambleSchema},
		{Name: "source", Files: "clauses/sources/<id>.yaml", Summary: "a source document that clauses quote or cite", root: sourceSchema},
		{Name: "note", Files: "clauses/notes/<id>.yaml", Summary: "a note verbale: number, date, issuer, addressee, enclosure, body", root: noteSchema},
		{Name: "style", Files: "templates/<style>/style.yaml", Summary: "a house style: page size, margins, binding, body size, leading, spacing, label column, fonts", root: styleSchema},
	}
}

// Names lists the kind names in table order.
func Names() []string {
	var out []string
	for _, k := range Kinds() {
		out = append(out, k.Name)
	}
	return out
}

// Lookup finds a kind by name.
func Lookup(name string) (Kind, bool) {
	i := slices.IndexFunc(Kinds(), func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds()[i], true
}

// Schema returns the kind's schema as a JSON value: the root with the
// definitions it refers to under $defs.
func (k Kind) Schema() map[string]any {
	s := k.root()
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	all := defs()
	used := object{}
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case object:
			if r, ok := v["$ref"].(string); ok {
				name := strings.TrimPrefix(r, "#/$defs/")
				if _, done := used[name]; !done {
					d, ok := all[name]
					if !ok {
						panic(fmt.Sprintf("schema: %s refers to undefined %s", k.Name, r))
					}
					used[name] = d
					visit(d)
				}
			}
			for _, c := range v {
				visit(c)
			}
		case []any:
			for _, c := range v {
				visit(c)
			}
		}
	}
	visit(s)
	if len(used) > 0 {
		s["$defs"] = used
	}
	return s
}

// JSON returns the kind's schema, indented, with a final newline. The top
// level starts with $schema and title and ends with $defs, as people
// expect to read it; everything inside is in key order.
func (k Kind) JSON() ([]byte, error) {
	s := k.Schema()
	keys := make([]string, 0, len(s))
	for key := range s {
		keys = append(keys, key)
	}
	rank := func(key string) int {
		switch key {
		case "$schema":
			return 0
		case "title":
			return 1
		case "$defs":
			return 3
		}
		return 2
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := rank(a) - rank(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, key := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kj, err := marshal(key)
		if err != nil {
			return nil, err
		}
		vj, err := marshal(s[key])
		if err != nil {
			return nil, err
		}
		buf.Write(kj)
		buf.WriteByte(':')
		buf.Write(vj)
	}
	buf.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// marshal encodes v without escaping <, > and &, which descriptions use.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
