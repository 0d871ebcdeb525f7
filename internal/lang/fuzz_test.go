package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzKazakhSuffix attaches every suffix to fuzzed stems: no panic, the
// stem (or its voiced form) survives at the start, and the result is valid
// UTF-8.
func FuzzKazakhSuffix(f *testing.F) {
	for _, s := range []string{"тармақ", "бап", "кітап", "мектеп", "үй", "ел", "қала", "2.1", "iii.", "2024", "п.", "", "ъ", "а-б", "Ә", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, stem string) {
		if !utf8.ValidString(stem) || len(stem) > 200 {
			return
		}
		for s := Plural; s <= LocAttributive; s++ {
			got := KazakhSuffix(stem, s)
			if !utf8.ValidString(got) {
				t.Fatalf("KazakhSuffix(%q, %v) = %q is not UTF-8", stem, s, got)
			}
			r := []rune(stem)
			if len(r) > 1 && !strings.HasPrefix(got, string(r[:len(r)-1])) {
				t.Fatalf("KazakhSuffix(%q, %v) = %q lost the stem", stem, s, got)
			}
		}
		for _, c := range AllCases() {
			KazakhForm(stem, true, c)
			KazakhForm(stem, false, c)
		}
		KazakhNumeral(stem, Possessive3, Genitive)
	})
}
