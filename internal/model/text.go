package model

import (
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
)

// Text is a piece of text given per language. A nil Text is absent.
type Text map[string]*Localized

// Localized is a Text in one language: its inline runs and where it was
// written.
type Localized struct {
	Pos  diag.Pos // position of the scalar
	Raw  string   // the source string as written
	Runs []Inline
}

// Langs returns the languages present, sorted.
func (t Text) Langs() []string {
	out := make([]string, 0, len(t))
	for l := range t {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Inline is a run of inline content: Plain, Emphasis, Strong, Ref,
// Placeholder, Footnote or Link.
// The interface is sealed.
type Inline interface{ inline() }

// Plain is literal text (square brackets included: they mark text still
// under negotiation). Text filled from the document's data carries the
// name of its field ("originals", "languages") and the case asked for;
// package xref fills it in.
type Plain struct {
	Text      string
	Pos       diag.Pos
	Field     string
	FieldCase string
}

// Emphasis is italic text ("*Participants*").
type Emphasis struct {
	Runs []Inline
	Pos  diag.Pos
}

// Strong is bold text ("**The Secretariat**").
type Strong struct {
	Runs []Inline
	Pos  diag.Pos
}

// Ref is a cross-reference written as one or more ids: {ref:id},
// {ref:a,b|dat,cap,rel}. Resolved is filled by package xref.
type Ref struct {
	IDs     []string
	Case    string // grammatical case requested, "" for nominative
	Capital bool   // "Paragraph 4"
	Rel     bool   // add "above"/"below" according to position
	// Kazakh only: the phrase is possessed ("4-тармағына"), and its
	// containers stay in the nominative ("2.1-тармағы iv. тармақшасының").
	Possessed           bool
	ContainerNominative bool
	Pos                 diag.Pos
	// Targets and Resolved are filled by package xref.
	Targets  []*Unit
	Resolved string
}

// Placeholder is a gap to fill before signature: {fill:date of signature}.
type Placeholder struct {
	Name string
	Pos  diag.Pos
}

// Footnote is a note printed at the foot of the page that cites it,
// written inline as {fn:text}; its text may carry any inline markup,
// references included. Its number (or symbol) is given when the document
// is lowered, counting footnotes through the document in reading order.
type Footnote struct {
	Runs []Inline
	Pos  diag.Pos
}

// Link makes a web address or an e-mail address clickable. Target is the
// absolute address linked to ("https://…", "mailto:…"); Runs are what is
// printed (the address itself when written bare or as {link:URL}, the text
// after the bar in {link:URL|text}).
type Link struct {
	Target string
	Runs   []Inline
	Pos    diag.Pos
}

func (*Footnote) inline()    {}
func (*Link) inline()        {}
func (*Plain) inline()       {}
func (*Emphasis) inline()    {}
func (*Strong) inline()      {}
func (*Ref) inline()         {}
func (*Placeholder) inline() {}

// PlainText flattens runs to text: references give their resolved text (or
// their ids when unresolved), placeholders "[name]", emphasis and links
// their content. Footnotes are left out: they are not part of the running
// text (see Footnotes).
func PlainText(runs []Inline) string {
	var b strings.Builder
	writePlain(&b, runs, nil)
	return b.String()
}

// PlainTextMarked is PlainText with each footnote printed as mark gives it
// ("[1]" in a text copy).
func PlainTextMarked(runs []Inline, mark func(*Footnote) string) string {
	var b strings.Builder
	writePlain(&b, runs, mark)
	return b.String()
}

func writePlain(b *strings.Builder, runs []Inline, mark func(*Footnote) string) {
	for _, r := range runs {
		switch r := r.(type) {
		case *Plain:
			b.WriteString(r.Text)
		case *Emphasis:
			writePlain(b, r.Runs, mark)
		case *Strong:
			writePlain(b, r.Runs, mark)
		case *Link:
			writePlain(b, r.Runs, mark)
		case *Footnote:
			if mark != nil {
				b.WriteString(mark(r))
			}
		case *Ref:
			if r.Resolved != "" {
				b.WriteString(r.Resolved)
			} else {
				b.WriteString(strings.Join(r.IDs, ", "))
			}
		case *Placeholder:
			b.WriteString("[" + r.Name + "]")
		}
	}
}

// WalkInline calls fn for every run, descending into emphasis, links and
// footnotes.
func WalkInline(runs []Inline, fn func(Inline)) {
	for _, r := range runs {
		fn(r)
		switch r := r.(type) {
		case *Emphasis:
			WalkInline(r.Runs, fn)
		case *Strong:
			WalkInline(r.Runs, fn)
		case *Link:
			WalkInline(r.Runs, fn)
		case *Footnote:
			WalkInline(r.Runs, fn)
		}
	}
}

// Footnotes returns the footnotes of runs in reading order, without
// descending into a footnote (a footnote inside a footnote is refused when
// the text is loaded).
func Footnotes(runs []Inline) []*Footnote {
	var out []*Footnote
	var walk func([]Inline)
	walk = func(runs []Inline) {
		for _, r := range runs {
			switch r := r.(type) {
			case *Footnote:
				out = append(out, r)
			case *Emphasis:
				walk(r.Runs)
			case *Strong:
				walk(r.Runs)
			case *Link:
				walk(r.Runs)
			}
		}
	}
	walk(runs)
	return out
}
