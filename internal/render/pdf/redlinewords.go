package pdf

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// markedText is a redline paragraph split into measured words, with the
// mark of each word's fragments and of the space after each word.
type markedText struct {
	words      []word
	fragMarks  [][]marked.Mark // fragMarks[i][k] is the mark of words[i].frags[k]
	spaceMarks []marked.Mark   // the mark of the space after words[i]
}

// spanStyle is the face of a span in a paragraph whose text is in base:
// emphasis switches italic, strong sets bold, as flatten does.
func spanStyle(s marked.Style, base style) style {
	switch s {
	case marked.Emphasis:
		return base ^ italic
	case marked.Strong:
		return base | bold
	}
	return base
}

// markedBuilder splits spans into measured words, as wordBuilder does,
// with a new fragment wherever the style or the mark changes.
type markedBuilder struct {
	m      *measurer
	size   float64
	out    markedText
	frags  []frag
	marks  []marked.Mark
	buf    strings.Builder
	bufSt  style
	bufMk  marked.Mark
	inWord bool
}

// markedWords measures the spans of a paragraph set in base at size.
func (r *renderer) markedWords(spans []marked.Span, base style, size float64) markedText {
	b := &markedBuilder{m: r.m, size: size}
	for _, sp := range spans {
		b.add(sp.Text, spanStyle(sp.Style, base), sp.Mark)
	}
	b.endWord(base, marked.Kept)
	if n := len(b.out.words); n > 0 {
		b.out.words[n-1].space = 0
	}
	return b.out
}

// add appends text in one style and mark.
func (b *markedBuilder) add(s string, st style, mk marked.Mark) {
	for _, c := range s {
		if breakable(c) {
			b.endWord(st, mk)
			continue
		}
		if b.buf.Len() > 0 && (b.bufSt != st || b.bufMk != mk) {
			b.flush()
		}
		b.bufSt, b.bufMk = st, mk
		b.buf.WriteRune(c)
		b.inWord = true
	}
}

// flush ends the current fragment.
func (b *markedBuilder) flush() {
	if b.buf.Len() == 0 {
		return
	}
	s := b.buf.String()
	b.frags = append(b.frags, frag{s: s, st: b.bufSt, w: b.m.width(s, b.bufSt, b.size)})
	b.marks = append(b.marks, b.bufMk)
	b.buf.Reset()
}

// endWord closes the current word at a space in style st and mark mk;
// spaces between words collapse into one.
func (b *markedBuilder) endWord(st style, mk marked.Mark) {
	if !b.inWord {
		return
	}
	b.flush()
	w := word{frags: b.frags, space: b.m.width(" ", st, b.size), spaceSt: st}
	for _, f := range w.frags {
		w.width += f.w
	}
	b.out.words = append(b.out.words, w)
	b.out.fragMarks = append(b.out.fragMarks, b.marks)
	b.out.spaceMarks = append(b.out.spaceMarks, mk)
	b.frags, b.marks, b.inWord = nil, nil, false
}

// markedSpace tells whether the space after word i is decorated: it is
// deleted or inserted, and so are the end of word i and the start of the
// next. The space at the edge of a change stays blank, so that "for five"
// with "five" struck does not read "for-five".
func (t *markedText) markedSpace(i int) bool {
	mk := t.spaceMarks[i]
	if mk == marked.Kept || i+1 >= len(t.words) {
		return false
	}
	before, after := t.fragMarks[i], t.fragMarks[i+1]
	return len(before) > 0 && len(after) > 0 && before[len(before)-1] == mk && after[0] == mk
}
