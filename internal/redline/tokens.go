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
}

// Tokens splits runs into words; white space only separates them.
func Tokens(runs []model.Inline) []Token {
	var out []Token
	appendTokens(&out, runs, "")
	return out
}

func appendTokens(out *[]Token, runs []model.Inline, style string) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			for _, w := range strings.Fields(r.Text) {
				*out = append(*out, Token{Key: w, Text: w, Style: style})
			}
		case *model.Emphasis:
			appendTokens(out, r.Runs, "em")
		case *model.Strong:
			appendTokens(out, r.Runs, "b")
		case *model.Ref:
			key := "{ref:" + strings.Join(r.IDs, ",") + "|" + r.Case + flag(r.Capital, "cap") + flag(r.Rel, "rel") + "}"
			*out = append(*out, Token{Key: key, Text: r.Resolved, Style: style})
		case *model.Placeholder:
			name := "[" + r.Name + "]"
			*out = append(*out, Token{Key: "{fill:" + r.Name + "}", Text: name, Style: style})
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
