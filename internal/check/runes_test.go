package check

import "testing"

func TestExplain(t *testing.T) {
	tests := []struct{ source, here, want string }{
		{"“common", `"common`, "“ (U+201C) in the source, \" (U+0022) here: a different quote mark"},
		{"Parties’", "Parties'", "’ (U+2019) in the source, ' (U+0027) here: a different apostrophe"},
		{"2022–2024", "2022-2024", "– (U+2013) in the source, - (U+002D) here: a different dash"},
		{"Establishing", "establishing", "Latin E (U+0045) in the source, Latin e (U+0065) here: letter case"},
		{"shoals,", "shoals", ", (U+002C) in the source, missing here"},
		{"shoals", "shoals;", "not in the source, ; (U+003B) here"},
		{"Келісім", "Келiсiм", "Cyrillic і (U+0456) in the source, Latin i (U+0069) here: a look-alike letter from another script (and 1 more such character)"},
		{"Келісім", "Келiсім", "Cyrillic і (U+0456) in the source, Latin i (U+0069) here: a look-alike letter from another script"},
		{"echosounders", "echo-locators", ""},
		{"same", "same", ""},
		{"ab", "xy", ""},
	}
	for _, tt := range tests {
		if got := explain(tt.source, tt.here); got != tt.want {
			t.Errorf("explain(%q, %q) = %q, want %q", tt.source, tt.here, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := map[rune]string{
		'a':      "Latin a (U+0061)",
		'а':      "Cyrillic а (U+0430)",
		'α':      "Greek α (U+03B1)",
		'“':      "“ (U+201C)",
		' ':      "white space (U+0020)",
		'\u200b': "U+200B ZERO WIDTH SPACE",
	}
	for r, want := range tests {
		if got := describe(r); got != want {
			t.Errorf("describe(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestLookalike(t *testing.T) {
	for _, pair := range [][2]rune{{'a', 'а'}, {'i', 'і'}, {'Y', 'Ү'}, {'h', 'һ'}} {
		if got, ok := lookalike(pair[0]); !ok || got != pair[1] {
			t.Errorf("lookalike(%q) = %q, %v", pair[0], got, ok)
		}
		if got, ok := lookalike(pair[1]); !ok || got != pair[0] {
			t.Errorf("lookalike(%q) = %q, %v", pair[1], got, ok)
		}
	}
	if _, ok := lookalike('ж'); ok {
		t.Error("ж has no look-alike")
	}
}
