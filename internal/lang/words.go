package lang

import (
	"fmt"
	"slices"
	"strconv"
)

// Cardinal writes n as a word in case c when the language data has it (one
// to ten): "two", "двух" (gen), "екі"; larger numbers stay digits. A case
// the language never puts on a number word (kk gen, acc, loc, attr: "екі данада",
// never "екіде") is an error saying why.
func (l *Language) Cardinal(n int, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	if err := l.refuseCardinal(c); err != nil {
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

// LanguageList names the languages with the given tags in case c, as a
// document's closing does: "English, Russian and Kazakh", "английском,
// русском и казахском" (pre). Where the language has a language noun
// (kk), the names are attributive and the noun takes the case and the
// number: "ағылшын, орыс және қазақ тілдерінің" (gen), "қазақ тілінде"
// (loc).
func (l *Language) LanguageList(tags []string, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	nameCase := c
	if l.rules.langNoun != nil {
		nameCase = Nom
	}
	names := make([]string, 0, len(tags))
	for _, tag := range tags {
		name, err := l.LanguageName(tag, nameCase)
		if err != nil {
			return "", err
		}
		names = append(names, name)
	}
	out := l.Join(names)
	if l.rules.langNoun != nil && len(tags) > 0 {
		out += " " + l.form(l.rules.langNoun, c, len(tags) > 1, true)
	}
	return out, nil
}

func (l *Language) languageNameTags() []string {
	out := make([]string, 0, len(l.langNames))
	for k := range l.langNames {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
