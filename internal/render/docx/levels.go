package docx

import (
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

// maxLevels is how many levels a Word list has.
const maxLevels = 9

// listLevel is one w:lvl: how Word prints a level's number, derived from
// a numbering scheme.
type listLevel struct {
	Format string // w:numFmt: decimal, lowerRoman, upperRoman, lowerLetter, upperLetter
	Text   string // w:lvlText: "%1.%2", "%3.", "(%4)"
	// Trailer is literal text the paragraph carries right after the
	// number (see splitLabel); the level then has no tab of its own.
	Trailer string
	// OK says Word can print the scheme's labels; when false the units
	// keep their labels as text.
	OK bool
}

// numFormat maps a pattern's number token to Word's w:numFmt ("" for
// other tokens).
func numFormat(tok string) string {
	switch tok {
	case "{n}":
		return "decimal"
	case "{n:i}":
		return "lowerRoman"
	case "{n:I}":
		return "upperRoman"
	case "{n:a}":
		return "lowerLetter"
	case "{n:A}":
		return "upperLetter"
	}
	return ""
}

// splitLabel returns the part of a scheme's label Word numbers and the
// literal trailer written after it. A label that is its citation form plus
// something more ("{n}:" cited "{n}") is split so that a REF field to the
// paragraph number gives the citation form ("4", not "4:"), in Word and in
// LibreOffice alike; a trailing full stop is not split off, because both
// drop it from paragraph-number references by themselves.
//
// The label is the scheme's label in language lang (see
// model.Scheme.LabelIn): "{n}:" in English may be "{n}." in Russian.
func splitLabel(s *model.Scheme, lang string) (pattern, trailer string) {
	label := s.LabelIn(lang)
	if s.Ref != "" && s.Ref != label && strings.HasPrefix(label, s.Ref) {
		rest := label[len(s.Ref):]
		if rest != "." && !strings.Contains(rest, "{") {
			return s.Ref, rest
		}
	}
	return label, ""
}

// refPattern is the pattern a scheme's units are cited by, which is what
// {up} stands for in their children's labels.
func refPattern(s *model.Scheme) string {
	if s.Ref != "" {
		return s.Ref
	}
	return s.Label
}

// buildLevel derives level k of a list whose level j follows chain[j],
// as the labels of language lang print it.
func buildLevel(chain []*model.Scheme, k int, lang string) listLevel {
	pattern, trailer := splitLabel(chain[k], lang)
	formats := map[int]string{}
	text, ok := expand(pattern, k, chain, formats)
	lvl := listLevel{Format: formats[k], Text: text, Trailer: trailer}
	if !ok || lvl.Format == "" || strings.Contains(trailer, "%") {
		return listLevel{Format: "decimal", Text: "%" + strconv.Itoa(k+1) + "."}
	}
	// A parent's number must be printed in the format of the parent's own
	// level: Word has one format per level.
	for j, f := range formats {
		if j < k {
			pj, _ := splitLabel(chain[j], lang)
			own := map[int]string{}
			if _, ok := expand(pj, j, chain, own); !ok || own[j] != f {
				return listLevel{Format: "decimal", Text: "%" + strconv.Itoa(k+1) + "."}
			}
		}
	}
	lvl.OK = true
	return lvl
}

// expand turns pattern, at level k, into lvlText, recording in formats the
// number format of every level it prints. It fails on what Word cannot
// print: insert suffixes, a literal %, one level in two formats.
func expand(pattern string, k int, chain []*model.Scheme, formats map[int]string) (string, bool) {
	var b strings.Builder
	for pattern != "" {
		i := strings.IndexByte(pattern, '{')
		j := strings.IndexByte(pattern, '}')
		if i < 0 || j < i {
			if strings.Contains(pattern, "%") {
				return "", false
			}
			b.WriteString(pattern)
			break
		}
		lit, tok := pattern[:i], pattern[i:j+1]
		pattern = pattern[j+1:]
		if strings.Contains(lit, "%") {
			return "", false
		}
		b.WriteString(lit)
		switch {
		case numFormat(tok) != "":
			if f, seen := formats[k]; seen && f != numFormat(tok) {
				return "", false
			}
			formats[k] = numFormat(tok)
			b.WriteString("%" + strconv.Itoa(k+1))
		case tok == "{up}":
			if k == 0 {
				continue // a top-level unit's {up} is empty
			}
			up, ok := expand(refPattern(chain[k-1]), k-1, chain, formats)
			if !ok {
				return "", false
			}
			b.WriteString(up)
		case tok == "{x}":
			return "", false
		default:
			b.WriteString(tok) // number.Format leaves unknown tokens as they are
		}
	}
	return b.String(), true
}

// needsContext says whether the level prints the number of a level above
// it ("%1.%2"), which only a list holding those levels can do.
func (l listLevel) needsContext(k int) bool {
	for j := 1; j <= k; j++ {
		if strings.Contains(l.Text, "%"+strconv.Itoa(j)) {
			return true
		}
	}
	return false
}

// render prints the level as Word does, from the list's counters (a level
// never used counts as its start, 1).
func (l listLevel) render(formats *[maxLevels]string, counters *[maxLevels]int) string {
	var b strings.Builder
	s := l.Text
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			j := int(s[i+1] - '1')
			b.WriteString(number.NumFmt(formats[j], max(counters[j], 1)))
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
