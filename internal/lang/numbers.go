package lang

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The number words of a language, 0 to 999, are data:
//
//	number-words:
//	  ones:     [zero, one, ..., nine]          # 0–9
//	  teens:    [ten, eleven, ..., nineteen]    # 10–19
//	  tens:     [twenty, thirty, ..., ninety]   # 20, 30, ... 90
//	  hundreds: [one hundred, ..., nine hundred] # 100, 200, ... 900
//	  tens-joiner: "-"                 # between tens and ones (default " ")
//	  hundreds-joiners: [" and ", " "] # between hundreds and the rest;
//	                                   # the first is the written form
//
// An entry is a scalar (en; kk: the stem, whose cases follow by rule) or,
// for Russian, a map of case to form; a map may add alt: [forms...], other
// forms of the same number that a text may use (одна, две, нуль, трёх).
// A compound number is its parts in the same case ("двадцати четырех");
// a Kazakh compound takes the case suffix on its last word only
// ("жиырма төртке").

type numberWordsYAML struct {
	Ones            []numberWordYAML `yaml:"ones"`
	Teens           []numberWordYAML `yaml:"teens"`
	Tens            []numberWordYAML `yaml:"tens"`
	Hundreds        []numberWordYAML `yaml:"hundreds"`
	TensJoiner      string           `yaml:"tens-joiner"`
	HundredsJoiners []string         `yaml:"hundreds-joiners"`
}

// numberWordYAML is formsYAML with optional alternative forms.
type numberWordYAML struct {
	forms formsYAML
	alt   []string
}

func (w *numberWordYAML) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return w.forms.UnmarshalYAML(n)
	}
	var m map[string]yaml.Node
	if err := n.Decode(&m); err != nil {
		return err
	}
	if alt, ok := m["alt"]; ok {
		if err := alt.Decode(&w.alt); err != nil {
			return err
		}
		delete(m, "alt")
	}
	w.forms.byCase = map[string]string{}
	for k, v := range m {
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s: expected a form", v.Line, k)
		}
		w.forms.byCase[k] = v.Value
	}
	return nil
}

// numberWord is one part of a number in every case, with other forms a
// text may use.
type numberWord struct {
	t   *term
	alt []string
}

// numberWords is a language's number words; the reading index is built on
// first use.
type numberWords struct {
	ones, teens, tens, hundreds []numberWord
	tensJoiner                  string
	hundredsJoiners             []string

	once     sync.Once
	parts    [4]partForms // ones, teens, tens, hundreds
	maxWords int          // the most words a number can have
}

func (l *Language) numberWords(y *numberWordsYAML) (*numberWords, error) {
	nw := &numberWords{tensJoiner: y.TensJoiner, hundredsJoiners: y.HundredsJoiners}
	if nw.tensJoiner == "" {
		nw.tensJoiner = " "
	}
	if len(nw.hundredsJoiners) == 0 {
		nw.hundredsJoiners = []string{" "}
	}
	for _, part := range []struct {
		name string
		in   []numberWordYAML
		want int
		out  *[]numberWord
	}{{"ones", y.Ones, 10, &nw.ones}, {"teens", y.Teens, 10, &nw.teens}, {"tens", y.Tens, 8, &nw.tens}, {"hundreds", y.Hundreds, 9, &nw.hundreds}} {
		if len(part.in) != part.want {
			return nil, fmt.Errorf("%s: want %d entries, have %d", part.name, part.want, len(part.in))
		}
		for i, w := range part.in {
			t, err := l.wordTerm(w.forms)
			if err != nil {
				return nil, fmt.Errorf("%s %d: %w", part.name, i+1, err)
			}
			if l.gram == russian {
				for _, c := range l.cases {
					if t.forms[formKey{false, false, c}] == "" {
						return nil, fmt.Errorf("%s %d: no %s form", part.name, i+1, c)
					}
				}
			}
			*part.out = append(*part.out, numberWord{t: t, alt: w.alt})
		}
	}
	return nw, nil
}

// NumberWords spells n (0 to 999) in words in case c: "twenty-four",
// "двадцати четырех" (gen), "жиырма төртке" (dat). A language without
// number words, or n out of range, is an error.
func (l *Language) NumberWords(n int, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	if l.numbers == nil {
		return "", fmt.Errorf("lang: %s has no number words", l.tag)
	}
	if n < 0 || n > 999 {
		return "", fmt.Errorf("lang: %d is outside the number words (0 to 999)", n)
	}
	return l.spell(n, c, l.numbers.hundredsJoiners[0]), nil
}

// spell writes n in case c.
func (l *Language) spell(n int, c Case, hundredsJoiner string) string {
	nw := l.numbers
	formCase := c
	if l.gram == kazakh {
		formCase = Nom // the suffix goes on the whole number below
	}
	form := func(w numberWord) string {
		return l.form(w.t, formCase, false, false)
	}
	var below100 func(int) string
	below100 = func(n int) string {
		switch {
		case n < 10:
			return form(nw.ones[n])
		case n < 20:
			return form(nw.teens[n-10])
		case n%10 == 0:
			return form(nw.tens[n/10-2])
		}
		return form(nw.tens[n/10-2]) + nw.tensJoiner + form(nw.ones[n%10])
	}
	var s string
	switch {
	case n < 100:
		s = below100(n)
	case n%100 == 0:
		s = form(nw.hundreds[n/100-1])
	default:
		s = form(nw.hundreds[n/100-1]) + hundredsJoiner + below100(n%100)
	}
	if l.gram == kazakh && c != Nom && c != "" {
		s = KazakhForm(s, false, c)
	}
	return s
}

// partForms maps every form of one part of a number (any case, any
// alternative), lower case, to its value.
type partForms map[string]int

// build indexes the parts' forms for reading.
func (nw *numberWords) build(l *Language) {
	nw.parts = [4]partForms{}
	groups := [4][]numberWord{nw.ones, nw.teens, nw.tens, nw.hundreds}
	step := [4]int{1, 1, 10, 100}
	base := [4]int{0, 10, 20, 100}
	widest := [4]int{}
	for g, words := range groups {
		nw.parts[g] = partForms{}
		for i, w := range words {
			v := base[g] + i*step[g]
			add := func(f string) {
				f = strings.ToLower(f)
				nw.parts[g][f] = v
				widest[g] = max(widest[g], len(strings.Fields(f)))
			}
			for _, c := range l.cases {
				f := l.form(w.t, c, false, false)
				if l.gram == kazakh {
					f = KazakhForm(l.form(w.t, Nom, false, false), false, c)
				}
				add(f)
			}
			for _, a := range w.alt {
				add(a)
			}
		}
	}
	joiner := 0
	for _, j := range nw.hundredsJoiners {
		joiner = max(joiner, len(strings.Fields(j)))
	}
	nw.maxWords = widest[3] + joiner + widest[2] + max(widest[0], widest[1])
}

// read parses s (lower case, single spaces) as a whole number from 0 to 999.
func (nw *numberWords) read(s string) (int, bool) {
	if v, ok := nw.below100(s); ok {
		return v, true
	}
	if v, ok := nw.parts[3][s]; ok {
		return v, true
	}
	for h, hv := range nw.parts[3] {
		rest, found := strings.CutPrefix(s, h)
		if !found {
			continue
		}
		for _, j := range nw.hundredsJoiners {
			if r, ok := strings.CutPrefix(rest, strings.ToLower(j)); ok {
				if v, ok := nw.below100(r); ok && v > 0 {
					return hv + v, true
				}
			}
		}
	}
	return 0, false
}

func (nw *numberWords) below100(s string) (int, bool) {
	for g := 0; g < 3; g++ {
		if v, ok := nw.parts[g][s]; ok {
			return v, true
		}
	}
	for t, tv := range nw.parts[2] {
		if r, ok := strings.CutPrefix(s, t+nw.tensJoiner); ok {
			if v, ok := nw.parts[0][r]; ok && v > 0 {
				return tv + v, true
			}
		}
	}
	return 0, false
}

// NumberBefore reads the number words that end text, as in the "sixty " of
// "sixty (60)": it returns their value and the words as written. ok is
// false when text does not end in number words (or the language has
// none). The longest reading wins: "twenty-four", "двадцать четыре".
func (l *Language) NumberBefore(text string) (n int, words string, ok bool) {
	nw := l.numbers
	if nw == nil {
		return 0, "", false
	}
	nw.once.Do(func() { nw.build(l) })
	fields := strings.Fields(text)
	for k := min(nw.maxWords, len(fields)); k >= 1; k-- {
		cand := slices.Clone(fields[len(fields)-k:])
		cand[0] = strings.TrimLeftFunc(cand[0], func(r rune) bool { return !unicode.IsLetter(r) })
		written := strings.Join(cand, " ")
		if v, hit := nw.read(strings.ToLower(written)); hit {
			return v, written, true
		}
	}
	return 0, "", false
}
