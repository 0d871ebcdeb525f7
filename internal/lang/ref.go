package lang

import (
	"fmt"
	"strings"
)

// Step is one level of a cross-reference: a term and its number as printed.
type Step struct {
	Term   string // term key: "paragraph", "sub-paragraph", "subparagraph", "section", ...
	Number string // as printed: "4", "2.1", "iii.", "II", "(ii) (bis)"; may be empty
}

// RefOptions controls the grammar of a reference phrase.
//
// The Kazakh phrase is a possessive chain, outermost container first, each
// later step possessed by the one before it ("2.1-тармағының iii.
// тармақшасына"). The two Kazakh-only switches select the four attested
// shapes of [{pillar II},{paragraph 3}]-like chains:
//
//	Possessed  ContainerNominative  nom / gen of the target
//	false      false                "II компоненттің 3-тармағы"
//	true       false                (жобаның) "2.1-тармағының iii. тармақшасына"
//	true       true                 (жоспары) "III компоненті 2-тармағының"
//	false      true                 "II компонент 3-тармағы"
//
// Russian and English ignore both.
type RefOptions struct {
	// Case of the whole phrase, i.e. of its head noun (the target in
	// Russian and Kazakh). Empty means nominative. English ignores it.
	Case Case
	// Capital upper-cases the first letter of the phrase when the phrase
	// starts with a term ("Paragraph 4", "Пункт 4"). A phrase starting
	// with a number (Kazakh "4-тармақ") is left as it is.
	Capital bool
	// Possessed (Kazakh only): the phrase is possessed by a preceding noun
	// ("жобаның 2.1-тармағы"), so the outermost step takes the 3rd person
	// possessive too. With a one-step chain this gives "4-тармағына".
	Possessed bool
	// ContainerNominative (Kazakh only): containers stay in the nominative
	// (possessive if possessed) instead of the genitive: "2.1-тармағы iv.
	// тармақшасының" rather than "2.1-тармағының iv. тармақшасының".
	ContainerNominative bool
}

// Ref builds a reference to the last step of chain, inside the steps before
// it; chain is outermost container first, target last.
//
//	en: "paragraph 2.1, subparagraph iii."   "Pillar II, paragraph 3"
//	ru: "подпункту iii. пункта 2.1" (dat)     "пункт 3 Компонента II"
//	kk: "2.1-тармағының iii. тармақшасына" (dat, Possessed)
func (l *Language) Ref(chain []Step, opt RefOptions) (string, error) {
	if len(chain) == 0 {
		return "", fmt.Errorf("lang: Ref: empty chain")
	}
	c, err := l.checkCase(opt.Case)
	if err != nil {
		return "", err
	}
	terms := make([]*term, len(chain))
	for i, st := range chain {
		t, ok := l.terms[st.Term]
		if !ok {
			return "", fmt.Errorf("lang: %s has no term %q", l.tag, st.Term)
		}
		terms[i] = t
	}
	last := len(chain) - 1
	switch l.gram {
	case russian:
		// Target first in the requested case, then the containers from the
		// innermost out, each in the genitive.
		parts := []string{l.phrase(l.form(terms[last], c, false, false), chain[last].Number, opt.Capital)}
		for i := last - 1; i >= 0; i-- {
			parts = append(parts, l.phrase(l.form(terms[i], Gen, false, false), chain[i].Number, false))
		}
		return strings.Join(parts, " "), nil
	case kazakh:
		parts := make([]string, len(chain))
		for i := range chain {
			poss := i > 0 || opt.Possessed
			sc := c
			if i < last {
				sc = Gen
				if opt.ContainerNominative {
					sc = Nom
				}
			}
			parts[i] = l.phrase(l.form(terms[i], sc, false, poss), chain[i].Number, opt.Capital && i == 0)
		}
		return strings.Join(parts, " "), nil
	}
	parts := make([]string, len(chain))
	for i := range chain {
		parts[i] = l.phrase(l.form(terms[i], c, false, false), chain[i].Number, opt.Capital && i == 0)
	}
	return strings.Join(parts, ", "), nil
}

// RefList refers to several targets of the same term, joined with the
// language's "and": "paragraphs 1 and 2", "пунктами 1 и 2" (ins),
// "1 және 2-тармақтар". A single target gives the singular phrase.
// Kazakh honours opt.Possessed ("1 және 2-тармақтарына").
func (l *Language) RefList(targets []Step, opt RefOptions) (string, error) {
	if len(targets) == 0 {
		return "", fmt.Errorf("lang: RefList: no targets")
	}
	if len(targets) == 1 {
		return l.Ref(targets, opt)
	}
	c, err := l.checkCase(opt.Case)
	if err != nil {
		return "", err
	}
	key := targets[0].Term
	t, ok := l.terms[key]
	if !ok {
		return "", fmt.Errorf("lang: %s has no term %q", l.tag, key)
	}
	nums := make([]string, len(targets))
	for i, st := range targets {
		if st.Term != key {
			return "", fmt.Errorf("lang: RefList: mixed terms %q and %q", key, st.Term)
		}
		if st.Number == "" {
			return "", fmt.Errorf("lang: RefList: %s without a number", st.Term)
		}
		nums[i] = st.Number
	}
	form := l.form(t, c, true, l.gram == kazakh && opt.Possessed)
	if l.gram == kazakh {
		last := len(nums) - 1
		nums[last] = l.phrase(form, nums[last], false)
		return l.Join(nums), nil
	}
	if opt.Capital {
		form = capitalize(form)
	}
	return form + " " + l.Join(nums), nil
}

// phrase puts a term form and a number together in the language's order:
// en, ru "paragraph 4"; kk "4-тармақ" for Arabic numbers, "II компонент"
// for anything else. Capital applies only when the term comes first.
func (l *Language) phrase(form, number string, capital bool) string {
	if number == "" {
		if capital {
			form = capitalize(form)
		}
		return form
	}
	if l.gram == kazakh {
		if isArabicNumber(number) {
			return number + "-" + form
		}
		return number + " " + form
	}
	if capital {
		form = capitalize(form)
	}
	return form + " " + number
}

// isArabicNumber reports whether s is digits, optionally dotted: "4", "2.1".
func isArabicNumber(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}
