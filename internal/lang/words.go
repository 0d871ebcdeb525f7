package lang

import (
	"fmt"
	"slices"
	"strconv"
)

// Cardinal writes n as a word in case c when the language data has it (one
// to ten): "two", "двух" (gen), "екі"; larger numbers stay digits.
func (l *Language) Cardinal(n int, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	if n < 1 || n > len(l.cardinals) {
		return strconv.Itoa(n), nil
	}
	return l.form(l.cardinals[n-1], c, false, false), nil
}

// LanguageName names the language with the given tag in case c, as in "in
// the English language", "на английском языке" (pre), "ағылшын тілінде".
func (l *Language) LanguageName(tag string, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	t := l.langNames[tag]
	if t == nil {
		return "", fmt.Errorf("lang: %s has no name for the language %q (known: %v)", l.tag, tag, l.languageNameTags())
	}
	return l.form(t, c, false, false), nil
}

func (l *Language) languageNameTags() []string {
	out := make([]string, 0, len(l.langNames))
	for k := range l.langNames {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
