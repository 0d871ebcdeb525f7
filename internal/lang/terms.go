package lang

import (
	"fmt"
	"strings"
)

// Term returns the form of a structural term ("paragraph", "annex", ...) in
// case c and number. English ignores c; the empty Case means nominative.
// An unknown term or a case the language lacks is an error naming it.
func (l *Language) Term(key string, c Case, plural bool) (string, error) {
	return l.termForm(key, c, plural, false)
}

// TermPossessed is Term with the Kazakh 3rd person possessive ("тармағы",
// "тармақтарына"). For en and ru it is the same as Term.
func (l *Language) TermPossessed(key string, c Case, plural bool) (string, error) {
	return l.termForm(key, c, plural, l.gram == kazakh)
}

func (l *Language) termForm(key string, c Case, plural, poss bool) (string, error) {
	t, ok := l.terms[key]
	if !ok {
		return "", fmt.Errorf("lang: %s has no term %q", l.tag, key)
	}
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	return l.form(t, c, plural, poss), nil
}

// form returns a form of a validated term in a validated case.
func (l *Language) form(t *term, c Case, plural, poss bool) string {
	if l.gram == kazakh {
		return kkTermForm(t, c, plural, poss)
	}
	if t.invariable {
		plural = false
	}
	if f := t.forms[formKey{plural, false, c}]; f != "" {
		return f
	}
	return t.forms[formKey{plural, false, Nom}] // English: one form for all cases
}

// kkTermForm computes a Kazakh form, honouring overrides: an exact override
// wins; otherwise an overridden nominative of the same number and possession
// is the base the case suffix goes on.
func kkTermForm(t *term, c Case, plural, poss bool) string {
	if t.invariable {
		return t.stem
	}
	if f := t.forms[formKey{plural, poss, c}]; f != "" {
		return f
	}
	if base := t.forms[formKey{plural, poss, Nom}]; base != "" {
		s, ok := kkCaseSuffix(c)
		if !ok {
			return base
		}
		st, suf := kkAttach(base, s, poss)
		return st + suf
	}
	if poss {
		// An overridden plain nominative (or plural) is the base of the
		// possessed form too.
		if base := t.forms[formKey{plural, false, Nom}]; base != "" {
			ss := []Suffix{Possessive3}
			if s, ok := kkCaseSuffix(c); ok {
				ss = append(ss, s)
			}
			return KazakhSuffixes(base, ss...)
		}
	}
	return KazakhInflect(t.stem, plural, poss, c)
}

// Word returns an entry of the closed vocabulary: "draft" (DRAFT / ПРОЕКТ /
// ЖОБА), "and", "or", "above", "below", "signature", "date", "place",
// "name", "title", "enclosure", "as-stated", "number-sign" (No. / №),
// "page-of" and "on-pages" (templates, see Expand). Unknown keys are an
// error naming the key.
func (l *Language) Word(key string) (string, error) {
	w, ok := l.words[key]
	if !ok {
		return "", fmt.Errorf("lang: %s has no word %q", l.tag, key)
	}
	return w, nil
}

// Expand returns Word(key) with its {slot}s replaced from vars, e.g.
// Expand("page-of", map[string]string{"page": "2", "total": "9"}) ->
// "Page 2 of 9". A slot without a value is an error.
func (l *Language) Expand(key string, vars map[string]string) (string, error) {
	w, err := l.Word(key)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var missing []string
	for {
		i := strings.IndexByte(w, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(w[i:], '}')
		if j < 0 {
			break
		}
		name := w[i+1 : i+j]
		b.WriteString(w[:i])
		if v, ok := vars[name]; ok {
			b.WriteString(v)
		} else {
			missing = append(missing, "{"+name+"}")
		}
		w = w[i+j+1:]
	}
	b.WriteString(w)
	if len(missing) > 0 {
		return "", fmt.Errorf("lang: %s word %q: no value for %s", l.tag, key, strings.Join(missing, ", "))
	}
	return l.Tie(b.String()), nil
}

// Tie joins the number sign of the language ("№", "No.") to the number
// after it with a no-break space: "Экземпляр № 1 из 2", "№ MFA/2026/117".
// Text without the sign is returned as it is.
func (l *Language) Tie(s string) string {
	sign := l.words["number-sign"]
	if sign == "" || !strings.Contains(s, sign+" ") {
		return s
	}
	return strings.ReplaceAll(s, sign+" ", sign+NoBreakSpace)
}
