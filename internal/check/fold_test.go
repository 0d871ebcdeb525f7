package check

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
		at       []int
		end      int
	}{
		{"a  b", "a b", []int{0, 1, 3}, 4},
		{" \ta\n b ", "a b", []int{2, 3, 5}, 6},
		{"\u0438\u0306", "й", []int{0, 0}, 4},         // NFD и + breve composes
		{"x\u0438\u0306", "xй", []int{0, 1, 1}, 5},    // the composed letter maps to where it starts
		{"“a”", "“a”", []int{0, 0, 0, 3, 4, 4, 4}, 7}, // quote marks are kept
		{"a\u00a0b", "a b", []int{0, 1, 3}, 4},        // no-break space is white space
		{"", "", nil, 0},
	}
	for _, tt := range tests {
		f := fold(tt.in)
		if f.text != tt.want || !slices.Equal(f.at, tt.at) || f.end != tt.end {
			t.Errorf("fold(%q) = %q %v end %d, want %q %v end %d", tt.in, f.text, f.at, f.end, tt.want, tt.at, tt.end)
		}
	}
}

func TestSplitWords(t *testing.T) {
	w := splitWords("ab cd e", 10)
	if !slices.Equal(w.words, []string{"ab", "cd", "e"}) || !slices.Equal(w.starts, []int{10, 13, 16}) {
		t.Errorf("splitWords = %q %v", w.words, w.starts)
	}
}

func TestQuotations(t *testing.T) {
	s := "a “b c” d «e» “” “f"
	var got []string
	for _, q := range quotations(s) {
		got = append(got, s[q.inner[0]:q.inner[1]]+"|"+s[q.outer[0]:q.outer[1]])
	}
	want := []string{"b c|“b c”", "e|«e»"}
	if !slices.Equal(got, want) {
		t.Errorf("quotations = %q, want %q", got, want)
	}
}
