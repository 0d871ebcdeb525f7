package check

import (
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// origin says where a byte of a text's plain form comes from.
type origin uint8

const (
	fromPlain       origin = iota // written text (emphasis included)
	fromRef                       // a resolved reference
	fromPlaceholder               // a placeholder's "[name]"
)

// located is the plain text of a Localized (as model.PlainText gives it)
// with, for each byte, the column it was written at and what produced it.
type located struct {
	loc  *model.Localized
	text string
	buf  []byte  // text while it is built
	cols []int32 // only when exact; otherwise every byte is at the scalar
	from []origin
	// exact is false when the columns are only the scalar's: a text written
	// over several lines, where a byte offset does not give a column.
	exact bool
}

// locate flattens loc's runs. Columns are exact for a text written on one
// line; inside it, escapes (\*) are accounted for by walking the raw
// string alongside.
func locate(loc *model.Localized) *located {
	l := &located{loc: loc, exact: !strings.Contains(loc.Raw, "\n") && len(loc.Runs) > 0}
	// The plain text is about as long as the raw string: sized once, the
	// slices make no garbage while they grow (a treaty has thousands of
	// texts).
	size := len(loc.Raw) + 16
	l.buf, l.from = make([]byte, 0, size), make([]origin, 0, size)
	if l.exact {
		l.cols = make([]int32, 0, size)
	}
	raw := []rune(loc.Raw)
	first := 0
	if l.exact {
		first = runPos(loc.Runs[0]).Col
	}
	l.add(loc.Runs, raw, first)
	l.text = string(l.buf)
	l.buf = nil
	return l
}

func (l *located) add(runs []model.Inline, raw []rune, first int) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			l.addPlain(r, raw, first)
		case *model.Emphasis:
			l.add(r.Runs, raw, first)
		case *model.Strong:
			l.add(r.Runs, raw, first)
		case *model.Link:
			l.add(r.Runs, raw, first)
		case *model.Ref:
			text := r.Resolved
			if text == "" {
				text = strings.Join(r.IDs, ", ")
			}
			l.addSpan(text, l.col(r.Pos), fromRef)
		case *model.Placeholder:
			l.addSpan("["+r.Name+"]", l.col(r.Pos), fromPlaceholder)
		}
	}
}

func (l *located) col(p diag.Pos) int {
	if l.exact {
		return p.Col
	}
	return l.loc.Pos.Col
}

func (l *located) addSpan(text string, col int, from origin) {
	l.buf = append(l.buf, text...)
	for range len(text) {
		if l.exact {
			l.cols = append(l.cols, int32(col))
		}
		l.from = append(l.from, from)
	}
}

// addPlain gives each rune of a plain run its own column, skipping the
// backslash of an escape in the raw string.
func (l *located) addPlain(p *model.Plain, raw []rune, first int) {
	if !l.exact {
		l.addSpan(p.Text, l.loc.Pos.Col, fromPlain)
		return
	}
	ri := p.Pos.Col - first
	for _, rn := range p.Text {
		if ri >= 0 && ri+1 < len(raw) && raw[ri] == '\\' && raw[ri+1] == rn {
			ri++
		}
		col := first + ri
		if ri < 0 || ri >= len(raw) || raw[ri] != rn {
			col = p.Pos.Col // the raw string and the run disagree: keep the run's start
		}
		l.buf = utf8.AppendRune(l.buf, rn)
		for range utf8.RuneLen(rn) {
			l.cols = append(l.cols, int32(col))
			l.from = append(l.from, fromPlain)
		}
		ri++
	}
}

// pos returns the position of byte off of the text; off == len(text) is
// just after its end.
func (l *located) pos(off int) diag.Pos {
	p := l.loc.Pos
	if !l.exact || len(l.cols) == 0 {
		return p
	}
	switch {
	case off < 0:
		p.Col = int(l.cols[0])
	case off < len(l.cols):
		p.Col = int(l.cols[off])
	default:
		p.Col = int(l.cols[len(l.cols)-1]) + 1
	}
	return p
}

func runPos(r model.Inline) diag.Pos {
	switch r := r.(type) {
	case *model.Plain:
		return r.Pos
	case *model.Emphasis:
		return r.Pos
	case *model.Strong:
		return r.Pos
	case *model.Ref:
		return r.Pos
	case *model.Placeholder:
		return r.Pos
	case *model.Link:
		return r.Pos
	case *model.Footnote:
		return r.Pos
	}
	return diag.Pos{}
}
