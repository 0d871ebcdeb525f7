package number

import "testing"

func TestNumFmtWritesAsWord(t *testing.T) {
	for _, c := range []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 12, "12"},
		{"lowerRoman", 14, "xiv"},
		{"upperRoman", 9, "IX"},
		{"lowerLetter", 1, "a"},
		{"lowerLetter", 26, "z"},
		{"lowerLetter", 27, "aa"},
		{"lowerLetter", 28, "bb"},
		{"upperLetter", 53, "AAA"},
		{"lowerLetter", 781, "781"},
		{"decimalZero", 4, "04"},
		{"decimalZero", 12, "12"},
		{"none", 3, ""},
		{"ordinal", 3, "3"},
	} {
		if got := NumFmt(c.format, c.n); got != c.want {
			t.Errorf("NumFmt(%q, %d) = %q, want %q", c.format, c.n, got, c.want)
		}
	}
}
