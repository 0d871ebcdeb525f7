// Package suggest finds the known names nearest to a misspelt one, for the
// "did you mean" hints of diagnostics.
package suggest

import (
	"slices"
	"strings"
)

// Nearest returns up to max candidates closest to name by edit distance,
// closest first (ties in the candidates' order), leaving out those so far
// away that they would not help. A candidate that shares name's prefix up to
// a dot (a sibling id) counts as near.
func Nearest(name string, candidates []string, limitCount int) []string {
	type scored struct {
		s string
		d int
		i int
	}
	var all []scored
	limit := max(3, len([]rune(name))/2)
	for i, c := range candidates {
		d := Distance(name, c)
		if d <= limit || sharesParent(name, c) {
			all = append(all, scored{c, d, i})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return a.i - b.i
	})
	var out []string
	for _, s := range all {
		if len(out) == limitCount {
			break
		}
		out = append(out, s.s)
	}
	return out
}

func sharesParent(a, b string) bool {
	i := strings.LastIndexByte(a, '.')
	return i > 0 && strings.HasPrefix(b, a[:i+1])
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Hint renders "did you mean a, b?" or "" when there is nothing to suggest.
func Hint(name string, candidates []string) string {
	near := Nearest(name, candidates, 3)
	if len(near) == 0 {
		return ""
	}
	return "did you mean " + strings.Join(near, ", ") + "?"
}
