package note

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// markup reads the inline markup of a rendered line: **bold**, *italic*
// (nested either way) and backslash escapes of \ and *. An asterisk that
// opens nothing it closes is printed as it is, so that text with a stray
// star ("5 * 3") prints unchanged.
func markup(s string) model.NoteLine {
	p := &markupParser{s: s}
	runs, _ := p.parse("")
	return model.NoteLine(runs)
}

type markupParser struct {
	s string
	i int
}

// parse reads runs up to the closing delimiter (or the end when closing is
// ""), reporting whether it was found.
func (p *markupParser) parse(closing string) ([]model.Inline, bool) {
	var runs []model.Inline
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			runs = append(runs, &model.Plain{Text: buf.String()})
			buf.Reset()
		}
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s) && (p.s[p.i+1] == '\\' || p.s[p.i+1] == '*'):
			buf.WriteByte(p.s[p.i+1])
			p.i += 2
		case c == '*':
			delim := "*"
			if strings.HasPrefix(p.s[p.i:], "**") {
				delim = "**"
			}
			if closing == "*" && delim == "**" {
				// Bold inside italic, when a bold run opens and closes
				// here; else the italic ends.
				start := p.i
				p.i += 2
				if p.i < len(p.s) && p.s[p.i] != ' ' {
					if inner, ok := p.parse("**"); ok && len(inner) > 0 {
						flush()
						runs = append(runs, &model.Strong{Runs: inner})
						continue
					}
				}
				p.i = start
				delim = "*"
			}
			if delim == closing {
				p.i += len(closing)
				flush()
				return runs, true
			}
			// An opening delimiter must be followed by text and closed.
			start := p.i
			p.i += len(delim)
			if p.i >= len(p.s) || p.s[p.i] == ' ' {
				buf.WriteString(delim)
				continue
			}
			inner, ok := p.parse(delim)
			if !ok || len(inner) == 0 {
				// Not markup: print the delimiter and go on after it.
				p.i = start + len(delim)
				buf.WriteString(delim)
				continue
			}
			flush()
			if delim == "**" {
				runs = append(runs, &model.Strong{Runs: inner})
			} else {
				runs = append(runs, &model.Emphasis{Runs: inner})
			}
		default:
			buf.WriteByte(c)
			p.i++
		}
	}
	flush()
	return runs, closing == ""
}
