package note

import (
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

// shape writes runs as [b:...] and [i:...] around their text.
func shape(runs []model.Inline) string {
	s := ""
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			s += r.Text
		case *model.Strong:
			s += "[b:" + shape(r.Runs) + "]"
		case *model.Emphasis:
			s += "[i:" + shape(r.Runs) + "]"
		}
	}
	return s
}

func TestMarkup(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a **bold** word", "a [b:bold] word"},
		{"an *italic* word", "an [i:italic] word"},
		{"**bold with *italic* inside**", "[b:bold with [i:italic] inside]"},
		{"*italic with **bold** inside*", "[i:italic with [b:bold] inside]"},
		{`an \*escaped\* star`, "an *escaped* star"},
		{"5 * 3 = 15", "5 * 3 = 15"},
		{"an *unclosed star", "an *unclosed star"},
		{"**unclosed bold", "**unclosed bold"},
		{"** spaced **", "** spaced **"},
		{`a backslash \\ stays`, `a backslash \ stays`},
	} {
		if got := shape(markup(c.in)); got != c.want {
			t.Errorf("markup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
