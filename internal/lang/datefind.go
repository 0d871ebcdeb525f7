package lang

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateSpan is a calendar date found in a text: its byte offsets and value.
type DateSpan struct {
	Start, End int
	Year       int
	Month      time.Month
	Day        int
}

// String gives the date as YYYY-MM-DD.
func (d DateSpan) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// DateFinder finds the dates of one language in texts; make one with
// Language.DateFinder and use it for many texts.
type DateFinder struct {
	l  *Language
	re *regexp.Regexp
}

// DateFinder returns a finder of the dates written the way the language
// writes them (its date pattern, with the month in any case, and for
// Kazakh with any suffix on the last word: "1998 жылғы 14 маусымда"), and
// of ISO dates (2024-05-13).
func (l *Language) DateFinder() DateFinder { return DateFinder{l: l, re: l.dateRegexp()} }

// Find returns the dates in text, in order. Only real calendar dates count.
func (f DateFinder) Find(text string) []DateSpan {
	var out []DateSpan
	l, re := f.l, f.re
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		start := len(text)
		var y, d int
		var mon time.Month
		for i, name := range re.SubexpNames() {
			if m[2*i] < 0 {
				continue
			}
			if i > 0 {
				start = min(start, m[2*i])
			}
			v := text[m[2*i]:m[2*i+1]]
			switch name {
			case "day", "iday":
				d, _ = strconv.Atoi(v)
			case "year", "iyear":
				y, _ = strconv.Atoi(v)
			case "month":
				mon = l.monthOf(v)
			case "imonth":
				n, _ := strconv.Atoi(v)
				mon = time.Month(n)
			}
		}
		if mon < time.January || mon > time.December || y < 1 || d < 1 || d > daysIn(y, mon) {
			continue
		}
		out = append(out, DateSpan{Start: start, End: m[1], Year: y, Month: mon, Day: d})
	}
	return out
}

// dateRegexp turns the date pattern into a regular expression: {day},
// {month} and {year} become groups, a literal word any word (its case may
// differ: "года", "году"), optional at the end.
func (l *Language) dateRegexp() *regexp.Regexp {
	var parts []string
	words := strings.Fields(l.datePattern)
	for i, w := range words {
		switch w {
		case "{day}":
			parts = append(parts, `(?P<day>\d{1,2})`)
		case "{month}":
			parts = append(parts, `(?P<month>\p{L}+)`)
		case "{year}":
			parts = append(parts, `(?P<year>\d{4})`)
		default:
			if i == len(words)-1 {
				parts[len(parts)-1] += `(?:\s+\p{L}+)?`
				continue
			}
			parts = append(parts, `\p{L}+`)
		}
	}
	own := strings.Join(parts, `\s+`)
	iso := `(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})`
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:` + own + `|` + iso + `)`)
}

// monthOf names the month a word is a form of, or 0: any case of the
// month's name, and for Kazakh its stem with any suffixes.
func (l *Language) monthOf(word string) time.Month {
	w := strings.ToLower(word)
	for i, m := range l.months {
		if m == nil {
			continue
		}
		if l.gram == kazakh {
			if rest, ok := strings.CutPrefix(w, strings.ToLower(m.stem)); ok && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
				return time.Month(i + 1)
			}
			continue
		}
		for _, c := range l.cases {
			if strings.ToLower(l.form(m, c, false, false)) == w {
				return time.Month(i + 1)
			}
		}
	}
	return 0
}
