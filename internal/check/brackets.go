package check

import "fmt"

// maxQuoted bounds how much of a bracketed passage a message quotes.
const maxQuoted = 60

// brackets reports wording in square brackets, which diplomats use for
// text not agreed yet, and brackets that do not pair. A placeholder's
// printed "[name]" is the placeholder check's business.
func (r *run) brackets() {
	for _, t := range r.texts {
		l := t.plain
		depth, open := 0, 0
		for i := 0; i < len(l.text); i++ {
			if l.from[i] != fromPlain {
				continue
			}
			switch l.text[i] {
			case '[':
				if depth == 0 {
					open = i
				}
				depth++
			case ']':
				if depth == 0 {
					d := r.report(t.unit, Brackets, r.draftSeverity(), l.pos(i), Brackets, "] closes no [")
					d.Hint = "remove the stray bracket, or bracket the whole unagreed wording"
					continue
				}
				depth--
				if depth == 0 {
					d := r.report(t.unit, Brackets, r.draftSeverity(), l.pos(open), Brackets,
						fmt.Sprintf("wording in square brackets is not agreed yet: %q", shorten(l.text[open:i+1])))
					d.Hint = r.bracketHint()
				}
			}
		}
		if depth > 0 {
			d := r.report(t.unit, Brackets, r.draftSeverity(), l.pos(open), Brackets,
				fmt.Sprintf("[ is opened but never closed: %q", shorten(l.text[open:])))
			d.Hint = "close the bracket after the unagreed wording"
		}
	}
}

func (r *run) bracketHint() string {
	if r.final {
		return "agree the wording and remove the brackets before signature"
	}
	return "agree the wording and remove the brackets; a final build (--final) fails on them"
}

// shorten cuts a quoted passage to maxQuoted characters.
func shorten(s string) string {
	rs := []rune(s)
	if len(rs) <= maxQuoted {
		return s
	}
	return string(rs[:maxQuoted-1]) + "…"
}
