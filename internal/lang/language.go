package lang

import (
	"fmt"
	"slices"
	"sort"

	"golang.org/x/text/language"
)

// grammar selects the rules a language is built with.
type grammar int

const (
	english grammar = iota
	russian
	kazakh
)

// Language is one language of an Engine: its lexicon, vocabulary, dates and
// reference rules.
type Language struct {
	tag           string
	facts         Facts
	ltag          language.Tag
	gram          grammar
	cases         []Case
	terms         map[string]*term
	words         map[string]string
	months        [12]*term
	cardinals     []*term
	langNames     map[string]*term
	datePattern   string
	dateMonthCase Case
	numbers       *numberWords // number words 0–999; nil when the data has none
}

// newLanguage makes an empty language with the given facts; its data is
// merged into it afterwards.
func newLanguage(f Facts) *Language {
	return &Language{
		tag:       f.Tag,
		ltag:      language.Make(f.Tag),
		gram:      grammars()[f.Grammar],
		cases:     slices.Clone(f.Cases),
		facts:     f,
		terms:     map[string]*term{},
		words:     map[string]string{},
		langNames: map[string]*term{},
	}
}

// clone returns a copy that can be modified without affecting l. Terms are
// shared until merge replaces them.
func (l *Language) clone() *Language {
	n := *l
	n.terms = make(map[string]*term, len(l.terms))
	for k, v := range l.terms {
		n.terms[k] = v
	}
	n.words = make(map[string]string, len(l.words))
	for k, v := range l.words {
		n.words[k] = v
	}
	n.cases = slices.Clone(l.cases)
	n.cardinals = slices.Clone(l.cardinals)
	n.langNames = make(map[string]*term, len(l.langNames))
	for k, v := range l.langNames {
		n.langNames[k] = v
	}
	return &n
}

// Tag returns the language tag ("en", "ru", "kk").
func (l *Language) Tag() string { return l.tag }

// Cases returns the cases valid for the language: ru nom gen dat acc ins pre;
// kk nom gen dat acc loc abl ins attr; en every case (and ignores them).
func (l *Language) Cases() []Case { return slices.Clone(l.cases) }

// TermKeys returns the term keys the language knows, sorted.
func (l *Language) TermKeys() []string {
	keys := make([]string, 0, len(l.terms))
	for k := range l.terms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WordKeys returns the Word keys the language knows, sorted.
func (l *Language) WordKeys() []string {
	keys := make([]string, 0, len(l.words))
	for k := range l.words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (l *Language) hasCase(c Case) bool {
	return slices.Contains(l.cases, c)
}

// checkCase maps "" to Nom and rejects cases the language lacks.
func (l *Language) checkCase(c Case) (Case, error) {
	c = c.orNom()
	if !l.hasCase(c) {
		return "", fmt.Errorf("lang: case %q is not valid for %s (valid: %v)", c, l.tag, l.cases)
	}
	return c, nil
}
