package note

import (
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
)

// source is the text of one template: a .tmpl file, or a purpose or body
// string of the note YAML. at maps a byte offset of text to the position
// diagnostics are reported at.
type source struct {
	name string // the template's parse name; has no colon
	text string
	at   func(off int) diag.Pos
}

// fileSource makes a source of a whole file.
func fileSource(file, text string) *source {
	return &source{name: file, text: text, at: func(off int) diag.Pos {
		line, start := 1, 0
		for i := 0; i < off && i < len(text); i++ {
			if text[i] == '\n' {
				line++
				start = i + 1
			}
		}
		return diag.Pos{File: file, Line: line, Col: utf8.RuneCountInString(text[start:min(off, len(text))]) + 1}
	}}
}

// offset returns the byte offset of 1-based line and 0-based byte column.
func (s *source) offset(line, byteCol int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(s.text[off:], '\n')
		if i < 0 {
			return len(s.text)
		}
		off += i + 1
	}
	return min(off+byteCol, len(s.text))
}

// lineText returns the text of 1-based line.
func (s *source) lineText(line int) (start int, text string) {
	off := s.offset(line, 0)
	end := strings.IndexByte(s.text[off:], '\n')
	if end < 0 {
		return off, s.text[off:]
	}
	return off, s.text[off : off+end]
}

// sources are the templates of one execution, by parse name.
type sources map[string]*source

// parse parses src with the execution's functions: an unknown key is an
// error, and only FuncNames and safeBuiltins may be called.
func (ss sources) parse(src *source, fm template.FuncMap, diags *diag.List) *template.Template {
	ss[src.name] = src
	t, err := template.New(src.name).Funcs(fm).Option("missingkey=error").Parse(src.text)
	if err != nil {
		ss.report(err, nil, diags)
		return nil
	}
	ok := true
	for _, tt := range t.Templates() {
		if tt.Tree != nil && !vet(tt.Tree, tt.Root, src, diags) {
			ok = false
		}
	}
	if !ok {
		return nil
	}
	meter(t)
	return t
}

// vet reports calls of functions a note template may not use (call, html,
// js, urlquery): call would run functions reached through the data, the
// others escape for other formats.
func vet(tree *parse.Tree, n parse.Node, src *source, diags *diag.List) bool {
	ok := true
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		case *parse.IdentifierNode:
			if !slices.Contains(FuncNames(), n.Ident) && !slices.Contains(safeBuiltins(), n.Ident) {
				d := diags.Errorf(src.at(int(n.Pos)), "template-func", "function %q is not available in note templates", n.Ident)
				d.Hint = "functions: " + strings.Join(FuncNames(), ", ") + "; builtins: " + strings.Join(safeBuiltins(), ", ")
				ok = false
			}
		}
	}
	walk(n)
	return ok
}
