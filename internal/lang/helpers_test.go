package lang

import (
	"strings"
	"testing"
)

func mustLang(t *testing.T, tag string) *Language {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	l, err := e.Language(tag)
	if err != nil {
		t.Fatalf("Language(%q): %v", tag, err)
	}
	return l
}

// tie writes the no-break spaces of an expected phrase, marked "~" as in
// TeX: tie("пункт~4.1") is "пункт\u00a04.1".
func tie(s string) string { return strings.ReplaceAll(s, "~", NoBreakSpace) }
