package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
)

// Upper upper-cases s by the rules of the language (golang.org/x/text/cases).
func (l *Language) Upper(s string) string {
	return cases.Upper(l.ltag).String(s)
}

// Join joins items with commas and the language's "and" before the last:
// "1 and 2", "1, 2 and 3", "1, 2 и 3", "1, 2 және 3".
func (l *Language) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := l.words["and"]
	if and == "" {
		and = "and"
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
}

// capitalize upper-cases the first rune of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToTitle(r)) + s[n:]
}
