package note

import (
	"fmt"
	"slices"
	"strings"
	"text/template"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/xref"
)

// funcError is an error of a template function, carrying the diagnostic
// code and hint it is reported with.
type funcError struct {
	code, msg, hint string
}

func (e *funcError) Error() string { return e.msg }

// funcs are the functions of one execution: one note, one language.
type funcs struct {
	l     *lang.Language
	ix    *xref.Index // the enclosure's; nil when the note has none
	pages int         // the enclosure's page count; 0 when it has none
	b     *budget     // the edition's; every function charges what it reads
}

// FuncNames lists the functions a note template may call besides the
// builtins in safeBuiltins.
func FuncNames() []string {
	return []string{"date", "pages", "ref", "term", "upper", "word"}
}

// safeBuiltins are the text/template builtins a note template may call:
// none of them reaches outside the data.
func safeBuiltins() []string {
	return []string{"and", "eq", "ge", "gt", "index", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice"}
}

func (f *funcs) funcMap() template.FuncMap {
	return template.FuncMap{
		"ref":   f.ref,
		"date":  f.date,
		"upper": f.upper,
		"pages": f.pagesCount,
		"term":  f.term,
		"word":  f.word,
		// text/template's own, bounded.
		"print":   f.print,
		"printf":  f.printf,
		"println": f.println,
		workFunc:  func(steps int) (string, error) { return "", f.b.spend(steps) },
	}
}

// options splits option arguments, which may also be comma-separated
// ("dat,poss").
func options(args []string) []string {
	var out []string
	for _, a := range args {
		for o := range strings.SplitSeq(a, ",") {
			if o = strings.TrimSpace(o); o != "" {
				out = append(out, o)
			}
		}
	}
	return out
}

func caseList(cs []lang.Case) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// parseCase reads a case name valid for the execution's language.
func (f *funcs) parseCase(fn, s string) (lang.Case, error) {
	c, err := lang.ParseCase(s)
	if err != nil {
		return "", &funcError{"unknown-case", fmt.Sprintf("%s: unknown case %q", fn, s), "cases: " + caseList(lang.AllCases())}
	}
	if !slices.Contains(f.l.Cases(), c) {
		return "", &funcError{"unknown-case", fmt.Sprintf("%s: case %q is not used in %s", fn, c, f.l.Tag()), f.l.Tag() + " cases: " + caseList(f.l.Cases())}
	}
	return c, nil
}

// ref phrases a reference to units of the enclosure ("areas.data-exchange")
// or of a source it cites ("plan-of-action@II.3"), several ids separated by
// commas, with options: a case name, cap, poss, contnom.
func (f *funcs) ref(ids string, opts ...string) (string, error) {
	if err := f.b.spendText(append([]string{ids}, opts...)...); err != nil {
		return "", err
	}
	if f.ix == nil {
		return "", &funcError{"no-enclosure", fmt.Sprintf("ref %q: the note has no enclosure to refer to", ids), "add enclosure: {document: ID} to the note"}
	}
	var opt lang.RefOptions
	for _, o := range options(opts) {
		switch o {
		case "cap":
			opt.Capital = true
		case "poss":
			opt.Possessed = true
		case "contnom":
			opt.ContainerNominative = true
		default:
			if _, err := lang.ParseCase(o); err != nil {
				return "", &funcError{"unknown-case", fmt.Sprintf("ref: unknown option %q", o), "options are cap, poss, contnom and a case: " + caseList(lang.AllCases())}
			}
			if opt.Case != "" {
				return "", &funcError{"unknown-case", fmt.Sprintf("ref %q asks for two cases", ids), "give one case"}
			}
			c, err := f.parseCase("ref", o)
			if err != nil {
				return "", err
			}
			opt.Case = c
		}
	}
	var list []string
	for id := range strings.SplitSeq(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			list = append(list, id)
		}
	}
	if len(list) == 0 {
		return "", &funcError{"unknown-ref", "ref: no id given", `write {{ref "some.id"}}`}
	}
	if len(list) > maxRefIDs {
		return "", &funcError{"unknown-ref", fmt.Sprintf("ref: %d ids, more than %d", len(list), maxRefIDs), "cite a few units at a time"}
	}
	for _, id := range list {
		if len(id) > maxIDLen {
			return "", &funcError{"unknown-ref", fmt.Sprintf("ref: an id of %d bytes, more than %d", len(id), maxIDLen), `write {{ref "some.id"}} or {{ref "source@II.3"}}`}
		}
	}
	var ds diag.List
	text, _, ok := f.ix.Phrase(f.l, list, opt, diag.Pos{}, nil, &ds)
	if !ok {
		for _, d := range ds {
			if d.Severity == diag.Error {
				return "", &funcError{d.Code, d.Message, d.Hint}
			}
		}
		return "", &funcError{"unknown-ref", fmt.Sprintf("cannot resolve %s", ids), ""}
	}
	return text, nil
}

// date writes a date of the note (.Date, .Deadline, .RefersTo.Date) in
// the language, in an optional case: "18 April 2024", "2024 жылғы 18
// сәуірдегі" (attr).
func (f *funcs) date(v any, opts ...string) (string, error) {
	if err := f.b.spendText(opts...); err != nil {
		return "", err
	}
	var d model.Date
	switch v := v.(type) {
	case model.Date:
		d = v
	case *model.Date:
		if v == nil {
			return "", &funcError{"template-value", "date: the note does not give this date", "set it in the note, or test it first: {{with .Deadline}}{{date .}}{{end}}"}
		}
		d = *v
	case nil:
		return "", &funcError{"template-value", "date: the note does not give this date", "set it in the note, or test it first: {{with .Deadline}}{{date .}}{{end}}"}
	default:
		return "", &funcError{"template-value", fmt.Sprintf("date: %#v is not a date", v), "pass a date of the note: .Date, .Deadline or .RefersTo.Date"}
	}
	var c lang.Case
	for i, o := range options(opts) {
		if i > 0 {
			return "", &funcError{"unknown-case", "date asks for two cases", "give one case"}
		}
		var err error
		if c, err = f.parseCase("date", o); err != nil {
			return "", err
		}
	}
	s, err := f.l.Date(d.Year, d.Month, d.Day, c)
	if err != nil {
		return "", &funcError{"template-value", err.Error(), ""}
	}
	return s, nil
}

// upper upper-cases by the rules of the language.
func (f *funcs) upper(s string) (string, error) {
	if err := f.b.spendText(s, s); err != nil {
		return "", err
	}
	return f.l.Upper(s), nil
}

// pagesCount is the enclosure's page count.
func (f *funcs) pagesCount() (int, error) {
	if f.pages <= 0 {
		return 0, &funcError{"no-enclosure", "pages: the note has no enclosure", "add enclosure: {document: ID} to the note"}
	}
	return f.pages, nil
}

// term writes a structural term ("paragraph") with options: a case name,
// pl (plural), poss (Kazakh possessive).
func (f *funcs) term(key string, opts ...string) (string, error) {
	if err := f.b.spendText(append([]string{key}, opts...)...); err != nil {
		return "", err
	}
	var c lang.Case
	plural, poss := false, false
	for _, o := range options(opts) {
		switch o {
		case "pl":
			plural = true
		case "poss":
			poss = true
		default:
			var err error
			if c, err = f.parseCase("term", o); err != nil {
				return "", err
			}
		}
	}
	get := f.l.Term
	if poss {
		get = f.l.TermPossessed
	}
	s, err := get(key, c, plural)
	if err != nil {
		return "", &funcError{"unknown-term", fmt.Sprintf("term: %s has no term %q", f.l.Tag(), key), "terms: " + strings.Join(f.l.TermKeys(), ", ")}
	}
	return s, nil
}

// word writes an entry of the language's closed vocabulary ("number-sign").
func (f *funcs) word(key string) (string, error) {
	if err := f.b.spendText(key); err != nil {
		return "", err
	}
	s, err := f.l.Word(key)
	if err != nil {
		return "", &funcError{"unknown-word", fmt.Sprintf("word: %s has no word %q", f.l.Tag(), key), "words: " + strings.Join(f.l.WordKeys(), ", ")}
	}
	return s, nil
}
