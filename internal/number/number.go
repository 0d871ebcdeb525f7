// Package number owns paragraph numbering: it gives every numbered unit of
// a document its label ("1:", "2.1", "iii.", "(ii) (bis)") and the number
// it is cited by, from the document's per-level schemes. Negotiation
// inserts take their predecessor's number with bis, ter, quater ... so that
// nothing else moves; in final mode they are folded into the sequence.
package number

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options selects draft or final numbering.
type Options struct {
	// Final folds inserts into the sequence: "(ii) (bis)" becomes "iii."
	// and the units after it move on.
	Final bool
}

// Document numbers every unit of doc in place. It resets what a previous
// run computed, so a document can be numbered again in another mode.
func Document(doc *model.Document, opt Options) diag.List {
	var diags diag.List
	n := &numberer{doc: doc, opt: opt, diags: &diags}
	n.siblings(doc.Sections, doc.Numbering.SchemeAt(0), nil)
	return diags
}

type numberer struct {
	doc   *model.Document
	opt   Options
	diags *diag.List
}

func (n *numberer) siblings(units []*model.Unit, schemeName string, parent *model.Unit) {
	scheme := n.doc.Numbering.Schemes[schemeName]
	if scheme == nil {
		return // reported by load
	}
	suffixes := model.InsertSuffixes()
	up := ""
	if parent != nil {
		up = parent.RefNumber
	}
	ordinal, inserts := 0, 0
	for _, u := range units {
		u.Scheme, u.Ordinal, u.Suffix, u.Label, u.RefNumber, u.Labels = scheme, 0, "", "", "", nil
		if u.Bullet {
			u.Label = n.doc.Numbering.BulletAt(u.BulletLevel())
			n.siblings(u.Children, schemeName, u)
			continue
		}
		if u.Numbered {
			insert := u.Inserted && !n.opt.Final && ordinal > 0
			if u.Inserted && ordinal == 0 {
				d := n.diags.Errorf(u.Pos, "insert-first", "insert %s has no numbered unit before it", u.ID)
				d.Hint = "an insert (bis, ter ...) follows the unit it is inserted after; remove insert: or move the unit"
			}
			switch {
			case insert && inserts >= len(suffixes):
				n.diags.Errorf(u.Pos, "insert-overflow", "more than %d inserts after one unit", len(suffixes)).Hint = "renumber the draft with a final build"
				insert = false
				ordinal++
			case insert:
				inserts++
				u.Suffix = suffixes[inserts-1]
				if u.Insert != "" && u.Insert != u.Suffix {
					d := n.diags.Errorf(u.Pos, "insert-suffix", "insert %s is marked %s but is insert number %d after its predecessor, so it is %s", u.ID, u.Insert, inserts, u.Suffix)
					d.Hint = "write insert: " + u.Suffix + ", or insert: true"
				}
			default:
				ordinal++
				inserts = 0
			}
			u.Ordinal = ordinal
			u.Label = Format(scheme.Label, ordinal, up, "")
			u.RefNumber = Format(cmpOr(scheme.Ref, scheme.Label), ordinal, up, "")
			if insert {
				u.Label = Format(cmpOr(scheme.Insert, scheme.Label+" {x}"), ordinal, up, u.Suffix)
				if scheme.Ref == "" {
					u.RefNumber = u.Label
				} else {
					u.RefNumber += " " + u.Suffix
				}
			}
			u.Labels = languageLabels(scheme, ordinal, up, u.Suffix, insert)
		}
		childScheme := n.doc.Numbering.SchemeAt(u.Depth + 1)
		if u.ChildScheme != "" {
			childScheme = u.ChildScheme
		}
		n.siblings(u.Children, childScheme, u)
	}
}

// languageLabels returns the labels of the languages the scheme gives a
// label pattern of their own, nil when it gives none. An insert takes the
// scheme's insert pattern when it has one (the same in every language),
// the language's label and its suffix otherwise.
func languageLabels(scheme *model.Scheme, ordinal int, up, suffix string, insert bool) map[string]string {
	if len(scheme.Labels) == 0 {
		return nil
	}
	out := make(map[string]string, len(scheme.Labels))
	for tag, pattern := range scheme.Labels {
		if insert {
			pattern = cmpOr(scheme.Insert, pattern+" {x}")
		}
		out[tag] = Format(pattern, ordinal, up, suffix)
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Format expands a numbering pattern: {n} arabic, {n:i} {n:I} roman, {n:a}
// {n:A} letters, {up} the parent's number, {x} the insert suffix. Unknown
// tokens are kept as written.
func Format(pattern string, n int, up, suffix string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(pattern, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(pattern[open:], '}')
		if end < 0 {
			break
		}
		b.WriteString(pattern[:open])
		tok := pattern[open : open+end+1]
		switch tok {
		case "{n}":
			b.WriteString(strconv.Itoa(n))
		case "{n:i}":
			b.WriteString(Roman(n))
		case "{n:I}":
			b.WriteString(strings.ToUpper(Roman(n)))
		case "{n:a}":
			b.WriteString(Alpha(n))
		case "{n:A}":
			b.WriteString(strings.ToUpper(Alpha(n)))
		case "{up}":
			b.WriteString(up)
		case "{x}":
			b.WriteString(suffix)
		default:
			b.WriteString(tok)
		}
		pattern = pattern[open+end+1:]
	}
	b.WriteString(pattern)
	return b.String()
}

// Roman writes n (1 to 3999) in lower-case roman numerals; other numbers
// stay arabic.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	digits := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(digits[i])
			n -= v
		}
	}
	return b.String()
}

// Alpha writes n as a lower-case letter as the UN Editorial Manual does:
// a ... z, then aa, bb ... zz, then aaa ...
func Alpha(n int) string {
	if n <= 0 {
		return fmt.Sprint(n)
	}
	letter := rune('a' + (n-1)%26)
	return strings.Repeat(string(letter), (n-1)/26+1)
}
