package redline

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// Token is one word of a text as the diff sees it. Key is what is compared:
// the word itself, or for a reference its ids and options, so that a
// reference whose number changed because of renumbering is not a change of
// wording. Text is what is shown (a reference's resolved text). Style marks
// emphasis ("em") or strong ("b") for writers that keep it.
type Token struct {
	Key   string
	Text  string
	Style string
	Space bool // white space comes before the token
}

// Tokens splits runs into words; white space only separates them.
func Tokens(runs []model.Inline) []Token {
	t := &tokenizer{}
	t.runs(runs, "")
	return t.out
}

type tokenizer struct {
	out   []Token
	space bool // white space is pending before the next token
}

func (t *tokenizer) add(key, text, style string) {
	t.out = append(t.out, Token{Key: key, Text: text, Style: style, Space: t.space && len(t.out) > 0})
	t.space = false
}

func (t *tokenizer) runs(runs []model.Inline, style string) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			s := r.Text
			for s != "" {
				trimmed := strings.TrimLeft(s, " \t\n")
				if len(trimmed) < len(s) {
					t.space = true
				}
				s = trimmed
				if s == "" {
					break
				}
				end := strings.IndexAny(s, " \t\n")
				if end < 0 {
					end = len(s)
				}
				t.add(s[:end], s[:end], style)
				s = s[end:]
			}
		case *model.Emphasis:
			t.runs(r.Runs, "em")
		case *model.Strong:
			t.runs(r.Runs, "b")
		case *model.Ref:
			key := "{ref:" + strings.Join(r.IDs, ",") + "|" + r.Case + flag(r.Capital, "cap") + flag(r.Rel, "rel") + "}"
			t.add(key, r.Resolved, style)
		case *model.Link:
			t.runs(r.Runs, style)
		case *model.Footnote:
			// A footnote is compared where it is cited, its words between
			// "[*" and "]", so that a change to it is marked there.
			t.add("{fn:", "[*", style)
			t.runs(r.Runs, style)
			t.add("}", "]", style)
		case *model.Placeholder:
			t.add("{fill:"+r.Name+"}", "["+r.Name+"]", style)
		}
	}
}

func flag(on bool, name string) string {
	if on {
		return "," + name
	}
	return ""
}

// canonical is the text as compared: keys joined by spaces.
func canonical(ts []Token) string {
	keys := make([]string, len(ts))
	for i, t := range ts {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}
