// Package yamlpos finds where a YAML syntax error is.
//
// go.yaml.in/yaml/v3 reports a parser error at the line where the
// construct it was reading began (its context), not where the text went
// wrong: a key indented one space too few on line 40 of a list that
// starts on line 4 is reported on line 4. ProblemLine finds the line
// itself, as the first line that no prefix of the file can be read past.
package yamlpos

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// window is how many lines past a prefix that does not parse are tried
// before the prefix is taken to end at the error: a prefix cut inside a
// quoted string or a {...} / [...] that spans lines does not parse
// either, though nothing is wrong with it.
const window = 12

// ProblemLine returns the 1-based line of data at which its YAML goes
// wrong: the line after the longest prefix of whole lines that parses
// and that none of the next window prefixes outlives. reported is the
// line the parser's error names; the problem is never before it (the
// parser names where the construct began), and reported is returned
// when data parses or the search finds nothing better.
func ProblemLine(data []byte, reported int) int {
	whole := parse(data)
	if whole == nil {
		return reported
	}
	starts := lineStarts(data)
	lines := len(starts) - 1 // prefix(k) = data[:starts[k]] holds k lines
	// parses tells whether a prefix of k to k+window lines, short of the
	// whole file, parses. A prefix that fails as the whole file does
	// holds the error: no longer prefix is tried.
	parses := func(k int) bool {
		for j := k; j <= k+window && j < lines; j++ {
			err := parse(data[:starts[j]])
			if err == nil {
				return true
			}
			if err.Error() == whole.Error() {
				return false
			}
		}
		return false
	}
	lo, hi := 0, lines // parses(lo); hi is lines, or !parses(hi)
	if r := reported - 1; r > 0 && r < lines && parses(r) {
		lo = r
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if parses(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	// The prefix of lo lines parses and none of lo+1 lines or more does
	// (as far as the window sees): the error is on line lo+1.
	return max(lo+1, reported)
}

// lineStarts returns the offset at which each line of data starts, then
// len(data): the prefix of k whole lines is data[:starts[k]].
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return append(starts, len(data))
}

// parse returns the error of reading data as YAML, every document of it,
// or nil.
func parse(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// Indent returns the 1-based column of the first character of line (1-based)
// of data that is not a space: where the line's YAML starts.
func Indent(data []byte, line int) int {
	starts := lineStarts(data)
	if line < 1 || line >= len(starts) {
		return 1
	}
	l := data[starts[line-1]:starts[line]]
	return utf8.RuneCount(l) - utf8.RuneCount(bytes.TrimLeft(l, " ")) + 1
}
