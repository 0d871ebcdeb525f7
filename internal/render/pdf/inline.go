package pdf

import (
	"strings"
	"unicode"

	"github.com/chancery-dev/chancery/internal/model"
)

// frag is a piece of a word in one style.
type frag struct {
	s  string
	st style
	w  float64 // width
}

// word is what the line breaker moves: text between breakable spaces,
// possibly in several styles (“*Participants*” is roman, italic, roman).
type word struct {
	frags   []frag
	width   float64 // natural width
	space   float64 // width of the space that follows it; 0 for the last word
	spaceSt style   // style of that space
}

// text returns the word's characters.
func (w word) text() string {
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.s)
	}
	return b.String()
}

// styled is a run of text in one style, before it is split into words.
type styled struct {
	s  string
	st style
}

// flatten turns inline runs into styled text: emphasis switches italic
// (so that emphasis inside an italic line is roman), strong sets bold,
// references print their resolved text and placeholders "[name]".
func flatten(runs []model.Inline, st style) []styled {
	var out []styled
	var walk func([]model.Inline, style)
	walk = func(runs []model.Inline, st style) {
		for _, r := range runs {
			switch r := r.(type) {
			case *model.Plain:
				out = append(out, styled{r.Text, st})
			case *model.Emphasis:
				walk(r.Runs, st^italic)
			case *model.Strong:
				walk(r.Runs, st|bold)
			case *model.Ref, *model.Placeholder:
				out = append(out, styled{model.PlainText([]model.Inline{r}), st})
			}
		}
	}
	walk(runs, st)
	return out
}

// breakable reports whether r is a space a line may break at. No-break
// spaces (U+00A0, U+2007, U+202F) keep their neighbours together.
func breakable(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f':
		return false
	}
	return unicode.IsSpace(r)
}

// wordBuilder splits styled text into measured words.
type wordBuilder struct {
	m     *measurer
	size  float64
	words []word
	cur   []frag
	buf   strings.Builder
	bufSt style
	open  bool // a word has been started
}

// add appends styled text.
func (b *wordBuilder) add(parts ...styled) {
	for _, p := range parts {
		for _, r := range p.s {
			if breakable(r) {
				b.endWord(p.st)
				continue
			}
			if b.buf.Len() > 0 && b.bufSt != p.st {
				b.flushFrag()
			}
			b.bufSt = p.st
			b.buf.WriteRune(r)
			b.open = true
		}
	}
}

func (b *wordBuilder) flushFrag() {
	if b.buf.Len() > 0 {
		s := b.buf.String()
		b.cur = append(b.cur, frag{s: s, st: b.bufSt, w: b.m.width(s, b.bufSt, b.size)})
		b.buf.Reset()
	}
}

// endWord closes the current word at a space in style st; spaces between
// words collapse into one.
func (b *wordBuilder) endWord(st style) {
	if !b.open {
		return
	}
	b.flushFrag()
	w := word{frags: b.cur}
	for _, f := range w.frags {
		w.width += f.w
	}
	w.space, w.spaceSt = b.m.width(" ", st, b.size), st
	b.words = append(b.words, w)
	b.cur, b.open = nil, false
}

// done returns the words; the last one has no space after it.
func (b *wordBuilder) done() []word {
	b.endWord(regular)
	if n := len(b.words); n > 0 {
		b.words[n-1].space = 0
	}
	return b.words
}
