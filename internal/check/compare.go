package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// compare checks one language of an aligned clause.
func (r *run) compare(u *model.Unit, lang string, src, cl *located) {
	fsrc, fc := fold(src.text), fold(cl.text)
	exact := u.Aligned.Mode != "excerpt"
	switch {
	case exact && fsrc.text == fc.text:
		return
	case !exact && strings.Contains(fsrc.text, fc.text):
		return
	}
	// The passage that must be found in the source: the whole clause, or in
	// an excerpt with quotation marks, the first quotation missing from it,
	// diffed with its marks (which the source may have around it too) or
	// without them, whichever differs less: so that the first difference
	// is a changed word, not an opening mark the source does not have.
	part, base := fc.text, 0
	a := u.Aligned
	what := fmt.Sprintf("%s (%s) is not a verbatim quote of %s %s", unitName(u), lang, a.Source, a.At)
	if !exact {
		qs := quotations(fc.text)
		missing := slices.IndexFunc(qs, func(q quotation) bool { return !strings.Contains(fsrc.text, fc.text[q.inner[0]:q.inner[1]]) })
		if len(qs) > 0 && missing < 0 {
			return // every quotation is in the source
		}
		if missing >= 0 {
			q := qs[missing]
			part, base = fc.text[q.outer[0]:q.outer[1]], q.outer[0]
			what = fmt.Sprintf("%s (%s) quotes %s, which is not in %s %s", unitName(u), lang, shorten(part), a.Source, a.At)
			inner := fc.text[q.inner[0]:q.inner[1]]
			sw := splitWords(fsrc.text, 0)
			if cost(hunks(diffWords(sw.words, splitWords(inner, q.inner[0]).words, true))) < cost(hunks(diffWords(sw.words, splitWords(part, base).words, true))) {
				part, base = inner, q.inner[0]
			}
		}
	}
	sw, cw := splitWords(fsrc.text, 0), splitWords(part, base)
	hs := hunks(diffWords(sw.words, cw.words, !exact))
	if len(hs) == 0 {
		return
	}
	h := hs[0]
	gone, put := pick(sw.words, h.dropped), pick(cw.words, h.added)
	off := base + len(part)
	switch {
	case len(h.added) > 0:
		first := cw.starts[h.added[0]]
		off = first + commonPrefix(strings.Join(gone, " "), strings.Join(put, " "))
	case h.at < len(cw.starts):
		off = cw.starts[h.at]
	}
	// Every difference, so that one run shows all there is to fix.
	diffs := []string{wordDiff(gone, put)}
	for _, h := range hs[1:] {
		diffs = append(diffs, wordDiff(pick(sw.words, h.dropped), pick(cw.words, h.added)))
	}
	msg := what + ": " + strings.Join(diffs, " | ")
	var hint []string
	if e := explain(strings.Join(gone, " "), strings.Join(put, " ")); e != "" {
		hint = append(hint, e)
	}
	if exact && strings.Contains(fsrc.text, fc.text) {
		hint = append(hint, "the clause quotes part of the paragraph: write mode: excerpt")
	}
	hint = append(hint, "the source paragraph is at "+src.loc.Pos.String())
	d := r.report(u, Verbatim, diag.Error, cl.pos(fc.origin(off)), Verbatim, msg)
	d.Hint = strings.Join(hint, "\n")
}

// cost is how many words a diff drops and adds.
func cost(hs []hunk) int {
	n := 0
	for _, h := range hs {
		n += len(h.dropped) + len(h.added)
	}
	return n
}

// quotation is a passage between quotation marks: inner without the
// marks, outer with them (byte spans).
type quotation struct{ inner, outer [2]int }

// quotations finds the passages between “ and ” (or « and ») of s.
func quotations(s string) []quotation {
	var out []quotation
	for i := 0; i < len(s); {
		closing := ""
		switch {
		case strings.HasPrefix(s[i:], "“"):
			closing = "”"
		case strings.HasPrefix(s[i:], "«"):
			closing = "»"
		default:
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		start := i + size
		end := strings.Index(s[start:], closing)
		if end < 0 {
			break
		}
		next := start + end + len(closing)
		if end > 0 {
			out = append(out, quotation{inner: [2]int{start, start + end}, outer: [2]int{i, next}})
		}
		i = next
	}
	return out
}

// maxDiffWords bounds how many words of each side a diff shows.
const maxDiffWords = 8

// wordDiff renders a hunk as "-source words +clause words".
func wordDiff(gone, put []string) string {
	var parts []string
	side := func(words []string, sign string) {
		for i, w := range words {
			if i == maxDiffWords {
				parts = append(parts, fmt.Sprintf("%s… (%d words)", sign, len(words)))
				return
			}
			parts = append(parts, sign+w)
		}
	}
	side(gone, "-")
	side(put, "+")
	return strings.Join(parts, " ")
}

func pick(words []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = words[k]
	}
	return out
}

// commonPrefix returns the length in bytes of the longest common prefix of
// a and b that ends on a character boundary.
func commonPrefix(a, b string) int {
	for i, r := range b {
		if !strings.HasPrefix(a[i:], string(r)) {
			return i
		}
	}
	return len(b)
}
