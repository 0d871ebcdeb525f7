// Package wordmatch measures how much of a reference text another text
// carries, word for word and in order: the share of the reference's words
// that belong to a longest common subsequence of the two word lists. Tests
// use it to compare rendered output (text, pdftotext, LibreOffice) with the
// reference documents.
package wordmatch

import (
	"strings"
	"unicode"
)

// Words splits s into words: runs of letters and digits, lower-cased, with
// the reference's markdown and punctuation dropped. Hyphenated and dotted
// numbers stay one word ("2.1", "cross-border").
func Words(s string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '/' || r == '’' || r == '\'')
	}) {
		f = strings.Trim(f, "-.'’/")
		if f != "" {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// Ratio returns the share (0 to 1) of the reference's words found in order
// in got, and the length of the common subsequence.
func Ratio(reference, got string) (float64, int) {
	ref, have := Words(reference), Words(got)
	if len(ref) == 0 {
		return 1, 0
	}
	n := lcs(ref, have)
	return float64(n) / float64(len(ref)), n
}

// lcs is the length of the longest common subsequence, in O(len(b)) memory.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Between returns the part of s from the first line containing start up to
// and including the first following line containing end ("" if start is
// absent; to the end of s if end is).
func Between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	i = strings.LastIndex(s[:i], "\n") + 1
	rest := s[i:]
	j := strings.Index(rest, end)
	if j < 0 {
		return rest
	}
	k := strings.IndexByte(rest[j:], '\n')
	if k < 0 {
		return rest
	}
	return rest[:j+k+1]
}
