package lang

import "testing"

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
