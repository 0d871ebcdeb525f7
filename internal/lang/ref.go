package lang

import (
	"fmt"
	"slices"
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
	// Rel adds "above" or "below" where the language puts it: after the
	// reference (en, ru: "пункте 2 выше") or before it (kk: "жоғарыдағы
	// 3-тармаққа"); see the data's grammar.relative.
	Rel Relative
}

// Ref builds a reference to the last step of chain, inside the steps before
// it; chain is outermost container first, target last.
//
//	en: "paragraph 2.1, subparagraph iii."   "Pillar II, paragraph 3"
//	ru: "подпункту iii. пункта 2.1" (dat)     "пункт 3 Компонента II"
//	kk: "2.1-тармағының iii. тармақшасына" (dat, Possessed)
//
// Each term is tied to its number by a no-break space (NoBreakSpace), and
// in Kazakh the target to the container it is cited in.
func (l *Language) Ref(chain []Step, opt RefOptions) (string, error) {
	if len(chain) == 0 {
		return "", fmt.Errorf("lang: Ref: empty chain")
	}
	return l.RefGroup(chain[:len(chain)-1], chain[len(chain)-1:], opt)
}

// RefList refers to several targets of the same term, joined with the
// language's "and": "paragraphs 1 and 2", "пунктами 1 и 2" (ins),
// "1 және 2-тармақтар". A single target gives the singular phrase.
// Kazakh honours opt.Possessed ("1 және 2-тармақтарына").
func (l *Language) RefList(targets []Step, opt RefOptions) (string, error) {
	if len(targets) == 0 {
		return "", fmt.Errorf("lang: RefList: no targets")
	}
	return l.RefGroup(nil, targets, opt)
}

// RefGroup refers to one or several targets of the same term inside the
// same container chain (outermost first; empty for none):
//
//	en: "paragraph 2.1, subparagraphs ii. and iii."
//	ru: "подпунктах ii. и iii. пункта 2.1" (pre)
//	kk: "2.1-тармақтың ii. және iii. тармақшаларында" (loc)
//
// One target gives the singular phrase of Ref. opt.Rel adds "above" or
// "below" where the language puts it: "пункте 2 выше", "жоғарыдағы
// 3-тармаққа".
func (l *Language) RefGroup(container, targets []Step, opt RefOptions) (string, error) {
	if len(targets) == 0 {
		return "", fmt.Errorf("lang: RefGroup: no targets")
	}
	c, err := l.checkCase(opt.Case)
	if err != nil {
		return "", err
	}
	chain := append(slices.Clone(container), targets[0])
	terms := make([]*term, len(chain))
	for i, st := range chain {
		t, ok := l.terms[st.Term]
		if !ok {
			return "", fmt.Errorf("lang: %s has no term %q", l.tag, st.Term)
		}
		terms[i] = t
	}
	plural := len(targets) > 1
	nums := make([]string, len(targets))
	for i, st := range targets {
		if st.Term != targets[0].Term {
			return "", fmt.Errorf("lang: mixed terms %q and %q in one reference", targets[0].Term, st.Term)
		}
		if plural && st.Number == "" {
			return "", fmt.Errorf("lang: a reference to several units: %s without a number", st.Term)
		}
		nums[i] = st.Number
	}
	last := len(chain) - 1
	// The target's numbers as one: "1", "ii. и iii.", "1, 2 and 3".
	number := l.Join(nums)
	// Capital applies to the first word of the whole phrase: with "above"
	// before it, to that word instead.
	capital := opt.Capital && !(opt.Rel != NotRelative && l.rules.relBefore)
	var text string
	switch l.gram {
	case russian:
		// Target first in the requested case, then the containers from the
		// innermost out, each in the genitive.
		parts := []string{l.phrase(l.form(terms[last], c, plural, false), number, capital)}
		for i := last - 1; i >= 0; i-- {
			parts = append(parts, l.phrase(l.form(terms[i], Gen, false, false), chain[i].Number, false))
		}
		text = strings.Join(parts, " ")
	case kazakh:
		// A possessive chain, outermost first; the target in the case.
		parts := make([]string, len(chain))
		for i := range chain {
			poss := i > 0 || opt.Possessed
			sc, pl, num := c, plural, number
			if i < last {
				sc, pl, num = Gen, false, chain[i].Number
				if opt.ContainerNominative {
					sc = Nom
				}
			}
			parts[i] = l.phrase(l.form(terms[i], sc, pl, poss), num, capital && i == 0)
		}
		// The item and the container it is cited in stay on one line
		// ("2.1-тармағы iv. тармақшасының" tied throughout); outer
		// containers of a longer chain may part from them.
		if last > 0 {
			parts[last-1] += NoBreakSpace + parts[last]
			parts = parts[:last]
		}
		text = strings.Join(parts, " ")
	default:
		parts := make([]string, len(chain))
		for i := range chain {
			pl, num := false, chain[i].Number
			if i == last {
				pl, num = plural, number
			}
			parts[i] = l.phrase(l.form(terms[i], c, pl, false), num, capital && i == 0)
		}
		text = strings.Join(parts, ", ")
	}
	return l.placeRelative(text, opt, c)
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
		if isArabicNumber(lastNumber(number)) {
			return number + "-" + form
		}
		return number + NoBreakSpace + form
	}
	if capital {
		form = capitalize(form)
	}
	return form + NoBreakSpace + number
}

// lastNumber is the last number of a joined list ("1, 2 және 3" -> "3").
func lastNumber(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
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
