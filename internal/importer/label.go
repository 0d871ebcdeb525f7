package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/model"
)

// label is a paragraph number as printed, taken apart.
type label struct {
	raw    string   // "2.1", "(ii) (bis)", "1:", "Article 3"
	token  string   // the number itself: "2.1", "ii", "3"
	parts  []string // a dotted number's components: ["2", "1"]
	before string   // what stands before the number: "(", "Article "
	after  string   // what stands after it: ".", ")", ":"
	insert string   // "bis", "ter", ... for a negotiation insert
	// insertForm is how the insert is written around the base label:
	// "{label} ({x})" or "{label} {x}".
	insertForm string
}

var (
	articleLabel = lazyre.New(`^(?i)(article|статья|бап)\s+(\d+)\.?`)
	kkArticle    = lazyre.New(`^(\d+)-(?i)(бап)\b\.?`)
	dottedLabel  = lazyre.New(`^(\d+(?:\.\d+)+)\.?`)
	intLabel     = lazyre.New(`^(\d+)([:.)]?)`)
	parenLabel   = lazyre.New(`^\(([ivxlcdm]+|[a-z]|\d+)\)`)
	letterLabel  = lazyre.New(`^([ivxlcdm]+|[a-z]|[IVXLCDM]+|[A-Z])([.)])`)
	insertAfter  = lazyre.New(`^\s*(\(?)(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)(\)?)`)
)

// parseLabel reads a label at the start of s. typed is true for a number
// typed in the text (it must then be followed by white space or the end),
// false for a number Word printed. It returns the label and the text
// after it.
func parseLabel(s string, typed bool) (label, string, bool) {
	var l label
	var rest string
	switch {
	case articleLabel().MatchString(s):
		m := articleLabel().FindStringSubmatchIndex(s)
		l = label{token: s[m[4]:m[5]], before: s[:m[4]], after: s[m[5]:m[1]]}
		rest = s[m[1]:]
	case kkArticle().MatchString(s):
		m := kkArticle().FindStringSubmatchIndex(s)
		l = label{token: s[m[2]:m[3]], after: s[m[3]:m[1]]}
		rest = s[m[1]:]
	case dottedLabel().MatchString(s):
		m := dottedLabel().FindStringSubmatchIndex(s)
		l = label{token: s[m[2]:m[3]], after: s[m[3]:m[1]]}
		l.parts = strings.Split(l.token, ".")
		rest = s[m[1]:]
	case parenLabel().MatchString(s):
		m := parenLabel().FindStringSubmatchIndex(s)
		l = label{token: s[m[2]:m[3]], before: "(", after: ")"}
		rest = s[m[1]:]
	case intLabel().MatchString(s):
		m := intLabel().FindStringSubmatchIndex(s)
		l = label{token: s[m[2]:m[3]], after: s[m[4]:m[5]]}
		rest = s[m[1]:]
	case letterLabel().MatchString(s):
		m := letterLabel().FindStringSubmatchIndex(s)
		l = label{token: s[m[2]:m[3]], after: s[m[4]:m[5]]}
		rest = s[m[1]:]
	default:
		return label{}, s, false
	}
	if m := insertAfter().FindStringSubmatch(rest); m != nil && (m[1] == "") == (m[3] == "") {
		l.insert = m[2]
		l.insertForm = "{label} " + m[1] + "{x}" + m[3]
		rest = rest[len(m[0]):]
	}
	if typed {
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return label{}, s, false
		}
		// A typed number must be followed by words, not be a number
		// inside a sentence ("5 years").
		if l.after == "" && l.before == "" && l.insert == "" && len(l.parts) == 0 {
			return label{}, s, false
		}
	} else if strings.TrimSpace(rest) != "" {
		return label{}, s, false
	}
	l.raw = strings.TrimSpace(s[:len(s)-len(rest)])
	return l, strings.TrimSpace(rest), true
}

// form is the label's numbering pattern for a number format f ("{n}",
// "{n:i}", ...): "{n}:", "({n:a})", "Article {n}".
func (l label) form(f string) string {
	return l.before + f + l.after
}

// numberFormat decides how the token counts: arabic, roman or letters.
// romanFirst says, for a token that could be either ("i", "v", "c"),
// that its list counts in roman numerals.
func (l label) numberFormat(romanFirst bool) (format string, n int) {
	t := l.token
	if len(l.parts) > 0 {
		t = l.parts[len(l.parts)-1]
	}
	if v, err := strconv.Atoi(t); err == nil {
		return "{n}", v
	}
	isRoman := strings.Trim(strings.ToLower(t), "ivxlcdm") == ""
	upper := strings.ToUpper(t) == t
	if isRoman && (len(t) > 1 || romanFirst) {
		if upper {
			return "{n:I}", fromRoman(t)
		}
		return "{n:i}", fromRoman(t)
	}
	if len(t) == 1 {
		if upper {
			return "{n:A}", int(t[0]-'A') + 1
		}
		return "{n:a}", int(t[0]-'a') + 1
	}
	return "", 0
}

func fromRoman(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	s = strings.ToLower(s)
	n := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

func isInsertSuffix(s string) bool { return slices.Contains(model.InsertSuffixes(), s) }
