package check

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// A concordance profile is what the language versions of one text must
// share: the references (ids, as often), the figures in digits, the dates,
// the placeholders, the passages in square brackets and the quoted
// (defined) terms.
type profile struct {
	refs, figures, dates []string // sorted multisets
	placeholders         int
	brackets             int
	quoted               int
}

// patterns are the regular expressions of the concordance check.
type patterns struct {
	// figure matches a figure written in digits, with thousands
	// separators and a decimal part: 60, 1,000, 1 000, 2.5.
	figure *regexp.Regexp
	// inParens matches a figure in brackets, as after its words: "sixty (60)".
	inParens *regexp.Regexp
}

func newPatterns() patterns {
	return patterns{
		figure:   regexp.MustCompile(`\d+(?:[.,\x{00A0}\x{202F} ]\d+)*`),
		inParens: regexp.MustCompile(`\((\d{1,3})\)`),
	}
}

// concordance compares every language version of each unit, recital,
// party paragraph, the transition and the closing clause with the
// document's first language, and reads number words against the figures
// beside them.
func (r *run) concordance() {
	if len(r.doc.Languages) == 0 {
		return
	}
	finders := map[string]*lang.DateFinder{}
	langs := map[string]*lang.Language{}
	if r.engine != nil {
		for _, tag := range r.doc.Languages {
			if l, err := r.engine.Language(tag); err == nil {
				langs[tag] = l
				if len(r.doc.Languages) > 1 {
					f := l.DateFinder()
					finders[tag] = &f
				}
			}
		}
	}
	base := r.doc.Languages[0]
	pat := newPatterns()
	compare := func(u *model.Unit, name string, t model.Text) {
		if t == nil || t[base] == nil {
			return
		}
		// A document in one language has nothing to compare: only its
		// number words are read, and only in texts with a bracket.
		multi := len(r.doc.Languages) > 1
		profiles := map[string]profile{}
		for _, tag := range r.doc.Languages {
			loc := t[tag]
			if loc == nil {
				continue
			}
			paren := strings.IndexByte(loc.Raw, '(') >= 0
			if !multi && !paren {
				continue
			}
			located := locate(loc)
			if multi {
				profiles[tag] = pat.profile(loc, located, finders[tag])
			}
			if l := langs[tag]; l != nil && paren {
				r.numberWords(pat, u, name, tag, l, located)
			}
		}
		for _, tag := range r.doc.Languages[1:] {
			if t[tag] == nil {
				continue
			}
			for _, diff := range profiles[base].differences(profiles[tag], base, tag) {
				d := r.report(u, Concordance, r.draftSeverity(), t[tag].Pos, Concordance,
					fmt.Sprintf("%s: the %s and %s texts differ in %s", name, base, tag, diff))
				d.Hint = fmt.Sprintf("make the %s text say what the %s text says (or correct the %s text)", tag, base, base)
			}
		}
	}
	for _, p := range r.doc.Parties {
		compare(nil, "party."+p.ID, p.Description)
	}
	compare(nil, "parties.outro", r.doc.PartiesOutro)
	for _, rc := range r.doc.Recitals {
		name := rc.ID
		if name == "" {
			name = "the recital at " + rc.Pos.String()
		}
		compare(nil, name, rc.Text)
	}
	compare(nil, "transition", r.doc.Transition)
	r.doc.Walk(func(u *model.Unit) {
		compare(u, unitName(u), u.Text)
	})
	compare(nil, "closing", r.doc.Closing)
}

// profile reads what must concord in one language version of a text.
func (pat patterns) profile(loc *model.Localized, l *located, dates *lang.DateFinder) profile {
	var p profile
	model.WalkInline(loc.Runs, func(in model.Inline) {
		switch in := in.(type) {
		case *model.Ref:
			p.refs = append(p.refs, strings.Join(in.IDs, ","))
		case *model.Placeholder:
			p.placeholders++
		}
	})
	written := writtenOnly(l)
	if dates != nil {
		b := []byte(written)
		for _, d := range dates.Find(written) {
			p.dates = append(p.dates, d.String())
			for i := d.Start; i < d.End; i++ {
				b[i] = ' '
			}
		}
		written = string(b)
	}
	for _, f := range pat.figure.FindAllString(written, -1) {
		p.figures = append(p.figures, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, f))
	}
	depth := 0
	straight := 0
	for _, c := range written {
		switch c {
		case '[':
			if depth == 0 {
				p.brackets++
			}
			depth++
		case ']':
			depth = max(depth-1, 0)
		case '“', '«', '„':
			p.quoted++
		case '"':
			straight++
		}
	}
	p.quoted += straight / 2
	slices.Sort(p.refs)
	slices.Sort(p.figures)
	slices.Sort(p.dates)
	return p
}

// writtenOnly is the text as written: resolved references and printed
// placeholders become spaces, so that their numbers and brackets are not
// read as the text's own.
func writtenOnly(l *located) string {
	b := []byte(l.text)
	for i := range b {
		if l.from[i] != fromPlain {
			b[i] = ' '
		}
	}
	return string(b)
}

// differences names what differs between the profile of language a (p)
// and that of language b (q).
func (p profile) differences(q profile, a, b string) []string {
	var out []string
	multiset := func(what string, x, y []string) {
		onlyX, onlyY := setDiff(x, y), setDiff(y, x)
		if len(onlyX)+len(onlyY) == 0 {
			return
		}
		out = append(out, fmt.Sprintf("%s: %s has %s, %s has %s", what, a, listOr(onlyX), b, listOr(onlyY)))
	}
	count := func(what string, x, y int) {
		if x != y {
			out = append(out, fmt.Sprintf("%s: %s has %d, %s has %d", what, a, x, b, y))
		}
	}
	multiset("references", p.refs, q.refs)
	multiset("figures", p.figures, q.figures)
	multiset("dates", p.dates, q.dates)
	count("placeholders", p.placeholders, q.placeholders)
	count("passages in square brackets", p.brackets, q.brackets)
	count("quoted terms", p.quoted, q.quoted)
	return out
}

// setDiff returns the elements of sorted multiset x that y lacks.
func setDiff(x, y []string) []string {
	var out []string
	i, j := 0, 0
	for i < len(x) {
		switch {
		case j >= len(y) || x[i] < y[j]:
			out = append(out, x[i])
			i++
		case x[i] > y[j]:
			j++
		default:
			i++
			j++
		}
	}
	return out
}

func listOr(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

// numberWords reads the words before every figure in brackets ("sixty
// (60)", "девяноста (90)", "алпыс (60)") and reports words that say
// another number.
func (r *run) numberWords(pat patterns, u *model.Unit, name, tag string, l *lang.Language, loc *located) {
	written := writtenOnly(loc)
	for _, m := range pat.inParens.FindAllStringSubmatchIndex(written, -1) {
		figure, _ := strconv.Atoi(written[m[2]:m[3]])
		n, words, ok := l.NumberBefore(written[:m[0]])
		if !ok || n == figure {
			continue
		}
		d := r.report(u, Concordance, r.draftSeverity(), loc.pos(strings.LastIndex(written[:m[0]], words)), Concordance,
			fmt.Sprintf("%s (%s): %q says %d but the figure beside it is (%d)", name, tag, words, n, figure))
		d.Hint = "make the words and the figure say the same number"
	}
}
