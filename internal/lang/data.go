package lang

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML schema of data/{en,ru,kk}.yaml and of AddTerms input:
//
//	tag: ru                      # optional; must match the file / AddTerms tag
//	terms:
//	  paragraph:
//	    stem: тармақ             # kk: the stem forms are computed from
//	    invariable: true         # optional: every form is the stem / nom form
//	    sg: пункт                # a scalar: the same form for every case
//	    sg: {nom: пункт, gen: пункта, ...}   # or forms by case
//	    pl: {nom: пункты, ...}   # plural forms, same shapes as sg
//	    sg-poss: {gen: ...}      # kk only: overrides of possessed forms
//	    pl-poss: {...}           # kk only: possessed plural overrides
//	words:
//	  draft: ПРОЕКТ              # closed vocabulary; {name} marks a slot
//	months:                      # exactly 12, January first
//	  - {nom: январь, gen: января, ...}   # ru: forms by case
//	  - мамыр                    # en: the name; kk: the stem
//	cardinals:                   # number words from one, same shapes as months
//	  - {nom: два, gen: двух, ...}
//	language-names:              # names of languages by tag, same shapes
//	  en: {nom: английский, pre: английском, ...}
//	date:
//	  pattern: "{day} {month} {year} года"  # slots {day} {month} {year}
//	  month-case: gen            # optional: fixed case of {month}; default:
//	                             # the case requested from Date
//	grammar:                     # word order and allowed forms (grammar.go)
//	  relative: before           # "above"/"below" before the reference (kk)
//	                             # or after it (default)
//	  relative-by-case:          # other words before a reference in a case
//	    gen: {above: жоғарыда көрсетілген, below: төменде көрсетілген}
//	  recital-lead: last         # a recital's lead after its text (kk) or
//	                             # first (default)
//	  language-noun: тіл         # kk: the noun {languages} puts in case
//	  cardinal-refused: [gen, loc]  # cases a number word is never written in
//	  cardinal-reason: "..."     # why, for the error message
//
// The date pattern's "{day} {month}" / "{month} {day}" are joined by a
// no-break space whatever the pattern has between them: a line never parts
// the day from its month.
//
// For en and ru, sg and pl are the forms themselves (ru: all six cases in both
// numbers; en: nom, the other cases default to it). For kk, sg/pl/sg-poss/
// pl-poss are optional overrides of single computed forms; an overridden nom
// is also the base the other cases of that number/possession are built on.

type fileYAML struct {
	Tag      string              `yaml:"tag"`
	Language *factsYAML          `yaml:"language"` // built-in data only; see Facts
	Terms    map[string]termYAML `yaml:"terms"`
	Words    map[string]string   `yaml:"words"`
	Months   []formsYAML         `yaml:"months"`
	// Cardinals are the number words one to ten, one first; LanguageNames
	// the names of languages (as in "in the English language"), by tag.
	Cardinals     []formsYAML          `yaml:"cardinals"`
	LanguageNames map[string]formsYAML `yaml:"language-names"`
	Date          *dateYAML            `yaml:"date"`
	Grammar       *grammarYAML         `yaml:"grammar"`
	// NumberWords spell the numbers 0–999 (see numbers.go).
	NumberWords *numberWordsYAML `yaml:"number-words"`
}

type termYAML struct {
	Stem       string    `yaml:"stem"`
	Invariable bool      `yaml:"invariable"`
	Sg         formsYAML `yaml:"sg"`
	Pl         formsYAML `yaml:"pl"`
	SgPoss     formsYAML `yaml:"sg-poss"`
	PlPoss     formsYAML `yaml:"pl-poss"`
}

type dateYAML struct {
	Pattern   string `yaml:"pattern"`
	MonthCase string `yaml:"month-case"`
}

// formsYAML is either a scalar (one form for every case) or a mapping from
// case name to form.
type formsYAML struct {
	all    string
	byCase map[string]string
}

func (f *formsYAML) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		f.all = n.Value
		return nil
	case yaml.MappingNode:
		// Read by hand: a decoder per form would cost more than the file.
		f.byCase = make(map[string]string, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: expected a form for each case", v.Line)
			}
			f.byCase[k.Value] = v.Value
		}
		return nil
	}
	return fmt.Errorf("line %d: expected a form or a map of case to form", n.Line)
}

func (f formsYAML) empty() bool { return f.all == "" && len(f.byCase) == 0 }

func parseFile(data []byte) (*fileYAML, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f fileYAML
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return &f, nil
		}
		return nil, err
	}
	return &f, nil
}

// formKey identifies one form of a term.
type formKey struct {
	plural bool
	poss   bool
	c      Case
}

// term is one entry of a language's lexicon.
type term struct {
	stem       string
	invariable bool
	forms      map[formKey]string // en, ru: the forms; kk: overrides
}

func (t *term) clone() *term {
	n := &term{stem: t.stem, invariable: t.invariable, forms: make(map[formKey]string, len(t.forms))}
	for k, v := range t.forms {
		n.forms[k] = v
	}
	return n
}

// merge applies file data fd onto the language (which must be a private
// copy). It checks case names but not completeness; see validate.
func (l *Language) merge(fd *fileYAML) error {
	for key, ty := range fd.Terms {
		t, ok := l.terms[key]
		if ok {
			t = t.clone()
		} else {
			t = &term{forms: map[formKey]string{}}
		}
		if ty.Stem != "" {
			t.stem = ty.Stem
		}
		if ty.Invariable {
			t.invariable = true
		}
		if l.gram != kazakh && !(ty.SgPoss.empty() && ty.PlPoss.empty()) {
			return fmt.Errorf("term %q: sg-poss/pl-poss are Kazakh only", key)
		}
		if l.gram != kazakh && ty.Stem != "" {
			return fmt.Errorf("term %q: stem is Kazakh only; give sg and pl forms", key)
		}
		for _, part := range []struct {
			f            formsYAML
			plural, poss bool
		}{{ty.Sg, false, false}, {ty.Pl, true, false}, {ty.SgPoss, false, true}, {ty.PlPoss, true, true}} {
			if err := l.mergeForms(t, part.f, part.plural, part.poss); err != nil {
				return fmt.Errorf("term %q: %w", key, err)
			}
		}
		l.terms[key] = t
	}
	for k, v := range fd.Words {
		l.words[k] = v
	}
	if fd.Months != nil {
		if len(fd.Months) != 12 {
			return fmt.Errorf("months: want 12 entries, have %d", len(fd.Months))
		}
		for i, m := range fd.Months {
			t, err := l.wordTerm(m)
			if err != nil {
				return fmt.Errorf("month %d: %w", i+1, err)
			}
			l.months[i] = t
		}
	}
	if fd.Cardinals != nil {
		l.cardinals = nil
		for i, m := range fd.Cardinals {
			t, err := l.wordTerm(m)
			if err != nil {
				return fmt.Errorf("cardinal %d: %w", i+1, err)
			}
			l.cardinals = append(l.cardinals, t)
		}
	}
	for tag, m := range fd.LanguageNames {
		t, err := l.wordTerm(m)
		if err != nil {
			return fmt.Errorf("language name %q: %w", tag, err)
		}
		l.langNames[tag] = t
	}
	if fd.NumberWords != nil {
		nw, err := l.numberWords(fd.NumberWords)
		if err != nil {
			return fmt.Errorf("number-words: %w", err)
		}
		l.numbers = nw
	}
	if fd.Date != nil {
		if fd.Date.Pattern != "" {
			l.datePattern = tieDayMonth(fd.Date.Pattern)
		}
		if fd.Date.MonthCase != "" {
			c, err := ParseCase(fd.Date.MonthCase)
			if err != nil {
				return fmt.Errorf("date: %w", err)
			}
			l.dateMonthCase = c
		}
	}
	if fd.Grammar != nil {
		if err := l.mergeGrammar(fd.Grammar); err != nil {
			return err
		}
	}
	return nil
}

// tieDayMonth joins the day and month slots of a date pattern with a
// no-break space.
func tieDayMonth(pattern string) string {
	return strings.NewReplacer("{day} {month}", "{day}"+NoBreakSpace+"{month}", "{month} {day}", "{month}"+NoBreakSpace+"{day}").Replace(pattern)
}

// wordTerm builds a term for a single word given by forms (en, ru) or by
// its stem (kk): month names, number words, language names.
func (l *Language) wordTerm(m formsYAML) (*term, error) {
	t := &term{forms: map[formKey]string{}}
	if l.gram == kazakh {
		if m.all == "" {
			return nil, fmt.Errorf("kk words are stems (a scalar)")
		}
		t.stem = m.all
		return t, nil
	}
	if err := l.mergeForms(t, m, false, false); err != nil {
		return nil, err
	}
	return t, nil
}

func (l *Language) mergeForms(t *term, f formsYAML, plural, poss bool) error {
	if f.all != "" {
		for _, c := range l.cases {
			t.forms[formKey{plural, poss, c}] = f.all
		}
	}
	for name, form := range f.byCase {
		c, err := ParseCase(name)
		if err != nil {
			return err
		}
		if !l.hasCase(c) {
			return fmt.Errorf("case %q is not valid for %s", name, l.tag)
		}
		t.forms[formKey{plural, poss, c}] = form
	}
	return nil
}

// validate checks that the language data is complete enough to use.
func (l *Language) validate() error {
	for key, t := range l.terms {
		switch l.gram {
		case kazakh:
			if t.stem == "" {
				return fmt.Errorf("term %q: no stem", key)
			}
		case english:
			for _, pl := range []bool{false, true} {
				if t.forms[formKey{pl, false, Nom}] == "" {
					return fmt.Errorf("term %q: no %s form", key, numberName(pl))
				}
			}
		case russian:
			for _, pl := range []bool{false, true} {
				for _, c := range l.cases {
					if t.forms[formKey{pl, false, c}] == "" {
						return fmt.Errorf("term %q: no %s %s form", key, numberName(pl), c)
					}
				}
			}
		}
	}
	for i, m := range l.months {
		if m == nil {
			return fmt.Errorf("month %d missing", i+1)
		}
		if l.gram == russian {
			for _, c := range l.cases {
				if m.forms[formKey{false, false, c}] == "" {
					return fmt.Errorf("month %d: no %s form", i+1, c)
				}
			}
		}
		if l.gram == english && m.forms[formKey{false, false, Nom}] == "" {
			return fmt.Errorf("month %d: no name", i+1)
		}
	}
	for _, slot := range []string{"{day}", "{month}", "{year}"} {
		if !strings.Contains(l.datePattern, slot) {
			return fmt.Errorf("date pattern %q lacks %s", l.datePattern, slot)
		}
	}
	if l.dateMonthCase != "" && !l.hasCase(l.dateMonthCase) {
		return fmt.Errorf("date month-case %q is not valid for %s", l.dateMonthCase, l.tag)
	}
	return nil
}

func numberName(plural bool) string {
	if plural {
		return "plural"
	}
	return "singular"
}
