package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
)

// localized parses raw as load does for a double-quoted scalar at line 3,
// column 10 (so that the text itself starts at column 11).
func localized(raw string) *model.Localized {
	base := diag.Pos{File: "f.yaml", Line: 3, Col: 10}
	at := func(off int) diag.Pos {
		p := base
		p.Col += 1 + utf8.RuneCountInString(raw[:off])
		return p
	}
	var diags diag.List
	return &model.Localized{Pos: base, Raw: raw, Runs: load.ParseInline(raw, at, &diags)}
}

func TestLocate(t *testing.T) {
	loc := localized(`a *b* \*c\* {fill:d} **é**{ref:x}`)
	for _, r := range loc.Runs {
		if ref, ok := r.(*model.Ref); ok {
			ref.Resolved = "paragraph 2"
		}
	}
	l := locate(loc)
	if want := model.PlainText(loc.Runs); l.text != want {
		t.Fatalf("text %q, want model.PlainText's %q", l.text, want)
	}
	// Columns of the raw string from 11: a at 11, {fill:d} at 23, é at 34, {ref:x} at 37.
	tests := []struct {
		sub  string
		col  int
		from origin
	}{
		{"a", 11, fromPlain},
		{"b", 14, fromPlain},
		{"*c*", 18, fromPlain}, // the escaped asterisk is where its backslash is not
		{"c", 19, fromPlain},
		{"[d]", 23, fromPlaceholder},
		{"é", 34, fromPlain},
		{"paragraph 2", 37, fromRef},
	}
	for _, tt := range tests {
		off := strings.Index(l.text, tt.sub)
		if p := l.pos(off); p.Col != tt.col || p.Line != 3 || p.File != "f.yaml" {
			t.Errorf("%q at %s, want column %d", tt.sub, p, tt.col)
		}
		if l.from[off] != tt.from {
			t.Errorf("%q comes from %d, want %d", tt.sub, l.from[off], tt.from)
		}
	}
	if p := l.pos(len(l.text)); p.Col != 38 {
		t.Errorf("end at %s, want column 38", p)
	}
}

func TestLocateMultiline(t *testing.T) {
	l := locate(localized("a [b]\nc"))
	if l.exact {
		t.Fatal("a text over two lines has no exact columns")
	}
	if p := l.pos(2); p.Col != 10 {
		t.Errorf("position %s, want the scalar's column 10", p)
	}
}
