package docx

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/model"
)

// Cross-references.
//
// A reference is written as its resolved text with the number of each
// target made a REF field to the target's bookmark, the words around it
// staying text: "paragraph [4]", "paragraphs [1] and [2]", "paragraph 2.1,
// subparagraph [iii]." , "подпункту [iii]. пункта 2.1",
// "[2.1]-тармағының". Only the number is a field because Word and
// LibreOffice compute a REF field's text themselves (LibreOffice on every
// load, Word on update): a field can only stand for the number, never for
// the inflected phrase around it.
//
// A target Word numbers is referred to with REF \n (its paragraph number
// without context, trailing full stop dropped, which is why "iii." is cited
// as the field "iii" followed by a literal "."); a target whose label is
// text (a negotiation insert) carries a bookmark round its label and is
// referred to with plain REF, which gives the bookmarked text.
//
// When a number cannot be isolated — it does not occur in the resolved
// text, occurs twice, or is not what the field would compute (a scheme
// cited in another form than it is printed) — the whole reference is
// written as text, without fields: it reads right everywhere, and only
// loses its update in Word.

// refTarget is what the writer knows of one target of a reference.
type refTarget struct {
	Number   string // the number as cited in the resolved text: "iii."
	Result   string // what the REF field computes: "iii"
	Mark     string // bookmark name
	Switches string // `\n` or ""
	// Optional marks the paragraph an item is in: its number is a field
	// when it occurs once in the citation, else it stays text.
	Optional bool
}

// refPiece is part of a written reference: text, or a field when Mark is
// set.
type refPiece struct {
	Text     string
	Mark     string
	Switches string
}

// splitRef cuts a resolved reference into text and fields, one field per
// target where its number occurs in the text, or returns the whole text
// when the number of a target that is not optional cannot be isolated.
func splitRef(resolved string, targets []refTarget) []refPiece {
	whole := []refPiece{{Text: resolved}}
	if len(targets) == 0 {
		return whole
	}
	type placed struct {
		at int
		t  refTarget
	}
	var found []placed
	last := -1 // the targets themselves are cited in their order
	for _, t := range targets {
		if t.Mark == "" || t.Result == "" || (t.Number != t.Result && t.Number != t.Result+".") {
			if t.Optional {
				continue
			}
			return whole
		}
		at := occurrences(resolved, t.Number)
		if len(at) != 1 {
			if t.Optional {
				continue
			}
			return whole
		}
		if !t.Optional {
			if at[0] < last {
				return whole
			}
			last = at[0]
		}
		found = append(found, placed{at[0], t})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	var pieces []refPiece
	from := 0
	for _, f := range found {
		if f.at < from {
			if f.t.Optional {
				continue
			}
			return whole // two numbers overlap
		}
		if f.at > from {
			pieces = append(pieces, refPiece{Text: resolved[from:f.at]})
		}
		pieces = append(pieces, refPiece{Text: f.t.Result, Mark: f.t.Mark, Switches: f.t.Switches})
		from = f.at + len(f.t.Result)
	}
	if from < len(resolved) {
		pieces = append(pieces, refPiece{Text: resolved[from:]})
	}
	return pieces
}

// occurrences returns where number occurs in s as a whole number: not
// inside a word or a longer number ("1" is not in "1.1" nor in "11").
func occurrences(s, number string) []int {
	var out []int
	if number == "" {
		return nil
	}
	for off := 0; ; {
		i := strings.Index(s[off:], number)
		if i < 0 {
			return out
		}
		i += off
		end := i + len(number)
		if boundaryBefore(s, i) && boundaryAfter(s, end) {
			out = append(out, i)
		}
		off = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if r == '.' {
		// "1" in "1.1": the dot belongs to a longer number.
		r2, _ := utf8.DecodeLastRuneInString(s[:i-1])
		return i == 1 || !isWordRune(r2)
	}
	return !isWordRune(r)
}

func boundaryAfter(s string, end int) bool {
	if end == len(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s[end:])
	if r == '.' {
		// "1" in "1.1", but "iii" before a full stop is whole.
		r2, _ := utf8.DecodeRuneInString(s[end+n:])
		return end+n == len(s) || !isWordRune(r2)
	}
	return !isWordRune(r)
}

// refTargets describes the targets of r for splitRef, each followed by
// the paragraphs it is in (optional: their numbers become fields when the
// citation prints them); ok is false when a target is not a unit of this
// document with a bookmark.
func (iw *instrumentWriter) refTargets(r *model.Ref) ([]refTarget, bool) {
	if len(r.Targets) != len(r.IDs) {
		return nil, false // a source paragraph ("Pillar II, paragraph 3")
	}
	out := make([]refTarget, 0, len(r.Targets))
	for _, u := range r.Targets {
		out = append(out, iw.refTarget(u))
		for p := u.Parent; p != nil && p.Depth >= 1; p = p.Parent {
			if iw.marks[p] != "" {
				t := iw.refTarget(p)
				t.Optional = true
				out = append(out, t)
			}
		}
	}
	return out, true
}

// refTarget describes one unit cited.
func (iw *instrumentWriter) refTarget(u *model.Unit) refTarget {
	t := refTarget{Number: u.RefNumber, Mark: iw.marks[u]}
	if lvl, ok := iw.plan.level(u); ok {
		t.Result = strings.TrimSuffix(iw.plan.printed(u, lvl), ".")
		t.Switches = `\n`
	} else {
		t.Result = u.LabelIn(iw.plan.lang)
	}
	return t
}

// ref writes a reference in character style style.
func (iw *instrumentWriter) ref(r *model.Ref, style string) {
	text := r.Resolved
	if text == "" {
		text = strings.Join(r.IDs, ", ")
	}
	targets, ok := iw.refTargets(r)
	if !ok {
		iw.run(style, text)
		return
	}
	afterField := false
	for _, p := range splitRef(text, targets) {
		if p.Mark == "" {
			iw.runAfter(style, p.Text, afterField)
			afterField = false
			continue
		}
		afterField = true
		iw.refField(style, p.Mark, p.Switches, p.Text)
	}
}
