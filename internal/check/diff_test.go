package check

import (
	"fmt"
	"strings"
	"testing"
)

// showDiff renders a diff as "=word -word +word ~word" (~ a skipped source word).
func showDiff(src, cl string, excerpt bool) string {
	s, c := strings.Fields(src), strings.Fields(cl)
	var out []string
	for _, o := range diffWords(s, c, excerpt) {
		switch o.kind {
		case same:
			out = append(out, "="+s[o.s])
		case dropped:
			out = append(out, "-"+s[o.s])
		case added:
			out = append(out, "+"+c[o.c])
		case skipped:
			out = append(out, "~"+s[o.s])
		}
	}
	return strings.Join(out, " ")
}

func TestDiffWords(t *testing.T) {
	tests := []struct {
		src, cl string
		excerpt bool
		want    string
	}{
		{"a b c", "a b c", false, "=a =b =c"},
		{"a b c", "a x c", false, "=a -b +x =c"},
		{"a b c", "a c", false, "=a -b =c"},
		{"a b c", "a b x c", false, "=a =b +x =c"},
		{"a b c d e", "b c", true, "~a =b =c ~d ~e"},
		{"a b c d e", "b x", true, "~a =b -c +x ~d ~e"},
		{"a b c", "x a b", true, "+x =a =b ~c"},
		{"", "a", false, "+a"},
		{"a", "", false, "-a"},
	}
	for _, tt := range tests {
		if got := showDiff(tt.src, tt.cl, tt.excerpt); got != tt.want {
			t.Errorf("diff(%q, %q, excerpt=%v) = %q, want %q", tt.src, tt.cl, tt.excerpt, got, tt.want)
		}
	}
}

func TestDiffEnds(t *testing.T) {
	s, c := strings.Fields("a b c d"), strings.Fields("a x y d")
	got := fmt.Sprint(diffEnds(s, c))
	want := fmt.Sprint([]op{{same, 0, 0}, {dropped, 1, 1}, {dropped, 2, 1}, {added, 3, 1}, {added, 3, 2}, {same, 3, 3}})
	if got != want {
		t.Errorf("diffEnds = %s, want %s", got, want)
	}
}

func TestHunks(t *testing.T) {
	s, c := strings.Fields("a b c d e"), strings.Fields("a x c e f")
	hs := hunks(diffWords(s, c, false))
	got := fmt.Sprint(hs)
	want := fmt.Sprint([]hunk{{dropped: []int{1}, added: []int{1}, at: 1}, {dropped: []int{3}, at: 3}, {added: []int{4}, at: 4}})
	if got != want {
		t.Errorf("hunks = %s, want %s", got, want)
	}
}

func TestWordDiff(t *testing.T) {
	if got := wordDiff([]string{"echosounders"}, []string{"echo-locators"}); got != "-echosounders +echo-locators" {
		t.Errorf("wordDiff = %q", got)
	}
	long := strings.Fields("1 2 3 4 5 6 7 8 9 10")
	if got, want := wordDiff(long, nil), "-1 -2 -3 -4 -5 -6 -7 -8 -… (10 words)"; got != want {
		t.Errorf("wordDiff = %q, want %q", got, want)
	}
}
