package style

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/chancery-dev/chancery/internal/lazyre"
)

// Kinds of document a style sets page headers and footers for. The
// correspondence a style serves numbers its pages by its forms'
// page_numbers (correspondence.go).
const KindInstrument = "instrument"

// Kinds lists the kinds of document headers_footers may name.
func Kinds() []string { return []string{KindInstrument} }

// Line is the content of a page's header or footer: a template at the
// left, in the centre and at the right of the text column. A template is
// text with fields in braces: {page} (the page number), {total} (the
// number of pages), {marking} (the document's marking: DRAFT, or
// "Original 1 of 2"), or the name of a word of the language data, such as
// {page-of} ("Page {page} of {total}"), expanded in the document's
// language. A line whose slots all come out empty is not printed.
type Line struct {
	Left, Center, Right string
	Bold                bool
}

// Empty reports whether the line has no content.
func (l Line) Empty() bool { return l.Left == "" && l.Center == "" && l.Right == "" }

// Band is the header and footer of one range of pages.
type Band struct{ Header, Footer Line }

// Empty reports whether the band prints nothing.
func (b Band) Empty() bool { return b.Header.Empty() && b.Footer.Empty() }

// Running is what the head and foot of a kind of document's pages carry:
// on the first page and on the pages that follow it.
type Running struct{ First, Following Band }

// Empty reports whether no page carries anything.
func (r Running) Empty() bool { return r.First.Empty() && r.Following.Empty() }

// Of returns the band of page n (from 1).
func (r Running) Of(n int) Band {
	if n == 1 {
		return r.First
	}
	return r.Following
}

// Field is one piece of a header or footer template: literal text, or a
// field name (Name != "").
type Field struct {
	Text string
	Name string
}

// Fields names the template fields that are not words of the language
// data.
const (
	FieldPage    = "page"
	FieldTotal   = "total"
	FieldMarking = "marking"
)

var fieldName = lazyre.New(`^[a-z][a-z0-9-]*$`)

// SplitTemplate splits a header or footer template into literal text and
// fields.
func SplitTemplate(t string) ([]Field, error) {
	var out []Field
	for t != "" {
		i := strings.IndexAny(t, "{}")
		if i < 0 {
			out = append(out, Field{Text: t})
			break
		}
		if t[i] == '}' {
			return nil, fmt.Errorf("a } without its {")
		}
		if i > 0 {
			out = append(out, Field{Text: t[:i]})
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("a { without its }")
		}
		name := t[i+1 : i+j]
		if !fieldName().MatchString(name) {
			return nil, fmt.Errorf("{%s} is not a field name", name)
		}
		out = append(out, Field{Name: name})
		t = t[i+j+1:]
	}
	return out, nil
}

// Expand fills a header or footer template for page n of total: words
// gives a word of the language data by name (its own {page} and {total}
// filled too), marking the document's marking.
func Expand(t string, n, total int, marking string, words func(name string, vars map[string]string) (string, error)) (string, error) {
	fields, err := SplitTemplate(t)
	if err != nil {
		return "", err
	}
	vars := map[string]string{FieldPage: fmt.Sprint(n), FieldTotal: fmt.Sprint(total)}
	var b strings.Builder
	for _, f := range fields {
		switch f.Name {
		case "":
			b.WriteString(f.Text)
		case FieldPage, FieldTotal:
			b.WriteString(vars[f.Name])
		case FieldMarking:
			if marking == "" && len(fields) == 1 {
				return "", nil
			}
			b.WriteString(marking)
		default:
			w, err := words(f.Name, vars)
			if err != nil {
				return "", err
			}
			b.WriteString(w)
		}
	}
	return b.String(), nil
}

// builtinRunning is the header and footer of Builtin: a document's marking
// at the right of the head of every page, "Page n of N" centred at the
// foot.
func builtinRunning() map[string]Running {
	band := Band{
		Header: Line{Right: "{" + FieldMarking + "}", Bold: true},
		Footer: Line{Center: "{page-of}"},
	}
	return map[string]Running{KindInstrument: {First: band, Following: band}}
}

// headersFooters reads headers_footers: per kind of document, all (every
// page), first and following, whose header or footer replaces all's; a
// kind given replaces the built-in one whole.
func (p *parser) headersFooters(n *yaml.Node) {
	set := map[string]func(*yaml.Node){}
	for _, kind := range Kinds() {
		set[kind] = func(v *yaml.Node) {
			var r Running
			where := "headers_footers." + kind
			var all, first, following *yaml.Node
			p.fields(v, where, map[string]func(*yaml.Node){
				"all":       func(v *yaml.Node) { all = v },
				"first":     func(v *yaml.Node) { first = v },
				"following": func(v *yaml.Node) { following = v },
			})
			if all != nil {
				b := p.band(all, where+".all", Band{})
				r.First, r.Following = b, b
			}
			if first != nil {
				r.First = p.band(first, where+".first", r.First)
			}
			if following != nil {
				r.Following = p.band(following, where+".following", r.Following)
			}
			p.s.Running[kind] = r
		}
	}
	set["size"] = p.points("headers_footers.size", &p.s.RunningSize)
	p.fields(n, "headers_footers", set)
}

// band reads a band over base: a header or footer given replaces base's.
func (p *parser) band(n *yaml.Node, where string, base Band) Band {
	b := base
	p.fields(n, where, map[string]func(*yaml.Node){
		"header": func(v *yaml.Node) { b.Header = p.line(v, where+".header") },
		"footer": func(v *yaml.Node) { b.Footer = p.line(v, where+".footer") },
	})
	return b
}

func (p *parser) line(n *yaml.Node, where string) Line {
	var l Line
	tmpl := func(dst *string, what string) func(*yaml.Node) {
		return func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode {
				p.diags.Errorf(p.pos(v), "style-type", "%s must be a string", what)
				return
			}
			if _, err := SplitTemplate(v.Value); err != nil {
				p.diags.Errorf(p.pos(v), "bad-template", "%s: %v", what, err).
					Hint = "fields are {page}, {total}, {marking} or a word of the language data such as {page-of}; write text around them"
				return
			}
			*dst = v.Value
		}
	}
	p.fields(n, where, map[string]func(*yaml.Node){
		"left":   tmpl(&l.Left, where+".left"),
		"center": tmpl(&l.Center, where+".center"),
		"right":  tmpl(&l.Right, where+".right"),
		"bold": func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
				p.diags.Errorf(p.pos(v), "style-type", "%s.bold must be true or false", where)
				return
			}
			l.Bold = v.Value == "true"
		},
	})
	return l
}
