package style

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Footnotes is how a style marks footnotes, the footnotes: block of
// style.yaml:
//
//	footnotes:
//	  marks: symbols  # numbers (the default) or symbols
//	  restart: page   # document (the default) or page
//
// Numbers are 1, 2, 3 …; symbols are *, †, ‡, §, then the same doubled
// (**, ††, …), tripled and so on: the sequence of Word's "chicago" number
// format, so that a DOCX (where Word and LibreOffice count the marks) and
// the PDF, text and HTML mark the same note alike. Marks are counted
// through the document, or afresh on every page of a paged format (PDF,
// and DOCX, where Word and LibreOffice count them themselves); formats
// without pages (text, HTML) count through the document whatever the
// style says.
type Footnotes struct {
	Marks   FootnoteMarks
	Restart FootnoteRestart
}

// FootnoteMarks is the kind of mark footnotes take.
type FootnoteMarks string

// The kinds of footnote mark.
const (
	NumberMarks FootnoteMarks = "numbers"
	SymbolMarks FootnoteMarks = "symbols"
)

// FootnoteRestart says where the count of footnote marks starts afresh.
type FootnoteRestart string

// Where footnote marks restart.
const (
	RestartDocument FootnoteRestart = "document"
	RestartPage     FootnoteRestart = "page"
)

// FootnoteMarkKinds lists the values of footnotes.marks.
func FootnoteMarkKinds() []string { return []string{string(NumberMarks), string(SymbolMarks)} }

// FootnoteRestarts lists the values of footnotes.restart.
func FootnoteRestarts() []string { return []string{string(RestartDocument), string(RestartPage)} }

// chicagoSymbols is the footnote symbols of Word's "chicago" number
// format; after the last, the sequence starts again doubled.
const chicagoSymbols = "*†‡§"

// Mark is the mark of footnote n (from 1) of its count: "3", or "‡".
func (f Footnotes) Mark(n int) string {
	if f.Marks != SymbolMarks {
		return strconv.Itoa(n)
	}
	return Symbol(n)
}

// PerPage reports whether marks are counted afresh on every page.
func (f Footnotes) PerPage() bool { return f.Restart == RestartPage }

// Symbol is the n-th (from 1) mark of the symbol sequence: *, †, ‡, §, **,
// ††, … ("" for n < 1).
func Symbol(n int) string {
	if n < 1 {
		return ""
	}
	symbols := []rune(chicagoSymbols)
	k := len(symbols)
	return strings.Repeat(string(symbols[(n-1)%k]), (n-1)/k+1)
}

// FootnoteMark is the mark of footnote n of its count in style s; a nil
// style marks with numbers.
func (s *Style) FootnoteMark(n int) string {
	if s == nil {
		return strconv.Itoa(n)
	}
	return s.Footnotes.Mark(n)
}

// footnotes reads the footnotes: block.
func (p *parser) footnotes(n *yaml.Node) {
	f := &p.s.Footnotes
	p.fields(n, "footnotes", map[string]func(*yaml.Node){
		"marks": func(v *yaml.Node) {
			switch m := FootnoteMarks(v.Value); {
			case v.Kind == yaml.ScalarNode && (m == NumberMarks || m == SymbolMarks):
				f.Marks = m
			default:
				p.diags.Errorf(p.pos(v), "bad-footnote-marks", "footnotes.marks: %q is not a kind of mark", v.Value).
					Hint = "use one of " + strings.Join(FootnoteMarkKinds(), ", ")
			}
		},
		"restart": func(v *yaml.Node) {
			switch r := FootnoteRestart(v.Value); {
			case v.Kind == yaml.ScalarNode && (r == RestartDocument || r == RestartPage):
				f.Restart = r
			default:
				p.diags.Errorf(p.pos(v), "bad-footnote-restart", "footnotes.restart: %q is not where marks restart", v.Value).
					Hint = "use one of " + strings.Join(FootnoteRestarts(), ", ")
			}
		},
	})
}
