package note

import (
	"fmt"
	"text/template/parse"
	"unicode"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// GlyphHint says what to do about a character the font lacks.
const GlyphHint = "the PDF font has Latin, Greek and Cyrillic letters (Russian and Kazakh included) and common punctuation; replace the character or spell it out"

// CheckGlyphs reports every character of edition tag of n that lacking
// says the font cannot print, where it is written: in the literal text of
// the template file (at its line and column), in the note's purpose and
// body, and in its facts (place, names). face names the font for the
// message. Characters that functions produce (dates, references) come
// from the language data and are checked with it.
func CheckGlyphs(n *model.Note, tag string, env Env, face string, lacking func(rune) bool) diag.List {
	var diags diag.List
	report := func(pos diag.Pos, r rune) {
		d := diags.Errorf(pos, "missing-glyph", "character %s is not in the font %s", runeName(r), face)
		d.Hint = GlyphHint
	}
	// The template file and the note's template strings: only their
	// literal text is printed as written.
	checkSource := func(src *source) {
		t, err := parse.Parse(src.name, src.text, "{{", "}}", builtinStubs())
		if err != nil {
			return // Render reports it
		}
		for _, tree := range t {
			walkText(tree.Root, func(tn *parse.TextNode) {
				for i, r := range string(tn.Text) {
					if printed(r) && lacking(r) {
						report(src.at(int(tn.Pos)+i), r)
					}
				}
			})
		}
	}
	st, _ := env.NoteStyle(n)
	file := TemplateFile(env.FS, st, n.Template, tag)
	if text, err := readTemplate(env.FS, file); err == nil {
		checkSource(fileSource(file, text))
	}
	templated := []model.NoteText{n.Purpose}
	templated = append(templated, n.Body...)
	for _, a := range n.Annexes {
		templated = append(templated, a.Heading)
		templated = append(templated, a.Body...)
	}
	for _, t := range templated {
		if s := t[tag]; s != nil {
			checkSource(&source{name: "note", text: s.Value, at: s.At})
		}
	}
	// Facts printed as they are.
	facts := []model.NoteText{n.Place, n.Issuer.Name, n.Issuer.Short, n.Addressee.Name, n.Addressee.Short}
	if n.Enclosure != nil {
		facts = append(facts, n.Enclosure.Title)
	}
	for _, name := range n.FieldNames {
		facts = append(facts, n.Fields[name])
	}
	for _, t := range facts {
		if s := t[tag]; s != nil {
			for i, r := range s.Value {
				if printed(r) && lacking(r) {
					report(s.At(i), r)
				}
			}
		}
	}
	for i, r := range n.Number {
		if printed(r) && lacking(r) {
			p := n.NumberPos
			p.Col += i
			report(p, r)
		}
	}
	diags.Sort()
	return diags
}

// printed tells whether r is printed as a glyph: line breaks and tabs
// become layout.
func printed(r rune) bool { return r != '\n' && r != '\t' && r != '\r' }

// walkText calls fn for every text node under n.
func walkText(n parse.Node, fn func(*parse.TextNode)) {
	switch n := n.(type) {
	case *parse.TextNode:
		fn(n)
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkText(c, fn)
			}
		}
	case *parse.IfNode:
		walkText(n.List, fn)
		if n.ElseList != nil {
			walkText(n.ElseList, fn)
		}
	case *parse.RangeNode:
		walkText(n.List, fn)
		if n.ElseList != nil {
			walkText(n.ElseList, fn)
		}
	case *parse.WithNode:
		walkText(n.List, fn)
		if n.ElseList != nil {
			walkText(n.ElseList, fn)
		}
	}
}

// builtinStubs lets the parser accept every function a note template may
// call; only the parse tree is wanted.
func builtinStubs() map[string]any {
	stubs := map[string]any{}
	builtins := []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}
	for _, name := range append(FuncNames(), builtins...) {
		stubs[name] = func() string { return "" }
	}
	return stubs
}

// runeName names a character for a message: "U+2603 ☃", or the code point
// alone when the character is invisible.
func runeName(r rune) string {
	if !unicode.IsGraphic(r) || unicode.IsSpace(r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %c", r, r)
}
