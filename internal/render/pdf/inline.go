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
	// note is the footnote whose mark the frag is; link the address the
	// frag links to ("" for none).
	note *model.Footnote
	link string
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
// A footnote's mark has note set (and s is filled in from the footnote's
// number when words are made); the text of a link has link set.
type styled struct {
	s    string
	st   style
	note *model.Footnote
	link string
}

// flatten turns inline runs into styled text: emphasis switches italic
// (so that emphasis inside an italic line is roman), strong sets bold,
// references print their resolved text and placeholders "[name]".
func flatten(runs []model.Inline, st style) []styled {
	var out []styled
	var walk func([]model.Inline, style, string)
	walk = func(runs []model.Inline, st style, link string) {
		for _, r := range runs {
			switch r := r.(type) {
			case *model.Plain:
				out = append(out, styled{s: r.Text, st: st, link: link})
			case *model.Emphasis:
				walk(r.Runs, st^italic, link)
			case *model.Strong:
				walk(r.Runs, st|bold, link)
			case *model.Link:
				walk(r.Runs, st, r.Target)
			case *model.Footnote:
				out = append(out, styled{st: st | super, note: r})
			case *model.Ref, *model.Placeholder:
				out = append(out, styled{s: model.PlainText([]model.Inline{r}), st: st, link: link})
			}
		}
	}
	walk(runs, st, "")
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
	// bufNote and bufLink are the footnote and link of the text in buf.
	bufNote *model.Footnote
	bufLink string
	open    bool // a word has been started
}

// add appends styled text. A footnote mark or a link's text is a frag of
// its own, so that it keeps what it refers to.
func (b *wordBuilder) add(parts ...styled) {
	for _, p := range parts {
		if p.note != nil || p.link != b.bufLink {
			b.flushFrag()
		}
		b.bufLink = p.link
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
		if p.note != nil {
			b.bufNote = p.note
			b.flushFrag()
		}
	}
}

func (b *wordBuilder) flushFrag() {
	if b.buf.Len() > 0 {
		s := b.buf.String()
		b.cur = append(b.cur, frag{s: s, st: b.bufSt, w: b.m.width(s, b.bufSt, b.size*b.bufSt.scale()), note: b.bufNote, link: b.bufLink})
		b.buf.Reset()
	}
	b.bufNote = nil
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
