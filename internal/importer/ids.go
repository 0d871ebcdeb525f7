package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/chancery-dev/chancery/internal/model"
)

// stopWords are left out of ids: they say nothing about a paragraph.
func stopWords() []string {
	return []string{
		"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "as", "this", "that",
		"these", "those", "is", "are", "be", "will", "shall", "may", "its", "their", "any", "all", "each",
		"between", "from", "which", "who", "it", "such", "under", "into", "upon", "nothing", "where", "if",
		"и", "в", "во", "на", "с", "со", "по", "к", "о", "об", "от", "для", "из", "или", "не", "что", "как",
		"это", "его", "их", "а", "при", "все", "любые", "каждая", "настоящий", "настоящего", "настоящим",
		"және", "мен", "бен", "пен", "үшін", "осы", "бұл", "сол", "туралы", "бойынша", "немесе", "да", "де",
	}
}

func translit(r rune) string {
	const from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
	to := []string{"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "q", "n", "o", "u", "u", "h", "i"}
	i := 0
	for _, f := range from {
		if f == r {
			return to[i]
		}
		i++
	}
	return ""
}

// slug makes an id part from the first n words of s that say something:
// lower case, Latin letters (Cyrillic transliterated), digits only inside
// words, joined by hyphens.
func slug(s string, n int) string {
	var parts []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if slices.Contains(stopWords(), w) || len([]rune(w)) < 2 {
			continue
		}
		var b strings.Builder
		digits := true
		for _, r := range w {
			switch {
			case r >= 'a' && r <= 'z':
				b.WriteRune(r)
				digits = false
			case r >= '0' && r <= '9':
				b.WriteRune(r)
			default:
				if t := translit(r); t != "" {
					b.WriteString(t)
					digits = false
				}
			}
		}
		if digits || b.Len() == 0 {
			continue
		}
		parts = append(parts, b.String())
		if len(parts) == n {
			break
		}
	}
	out := strings.Join(parts, "-")
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	return out
}

// ids gives every party, recital and unit a readable id that is unique in
// the document and never a number.
func (in *inferrer) ids() {
	taken := map[string]bool{}
	unique := func(base string, text string, words int) string {
		mk := func(n int) string {
			s := slug(text, n)
			if s == "" {
				s = "text"
			}
			if base != "" {
				return base + "." + s
			}
			if s[0] >= '0' && s[0] <= '9' {
				s = "n" + s
			}
			return s
		}
		for n := words; n <= words+3; n++ {
			if id := mk(n); !taken[id] {
				taken[id] = true
				return id
			}
		}
		id0 := mk(words)
		for k := 2; ; k++ {
			id := fmt.Sprintf("%s-%d", id0, k)
			if !taken[id] {
				taken[id] = true
				return id
			}
		}
	}
	for _, p := range in.doc.Parties {
		p.ID = unique("", p.ID, 3)
	}
	for _, r := range in.doc.Recitals {
		r.ID = unique("recital", model.PlainText(r.Text[in.tag].Runs), 2)
	}
	var walk func(parent string, us []*model.Unit)
	walk = func(parent string, us []*model.Unit) {
		for _, u := range us {
			if u.Bullet {
				walk(parent, u.Children) // bullets go without ids
				continue
			}
			if u.Depth == 0 {
				u.ID = unique("", model.PlainText(u.Heading[in.tag].Runs), 1)
			} else {
				u.ID = unique(parent, model.PlainText(u.Text[in.tag].Runs), 2)
			}
			walk(u.ID, u.Children)
		}
	}
	walk("", in.doc.Sections)
}
