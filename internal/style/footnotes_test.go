package style

import (
	"strings"
	"testing"
)

// TestFootnoteMarks: numbers count 1, 2, 3; symbols follow the Chicago
// sequence and double after the sixth.
func TestFootnoteMarks(t *testing.T) {
	symbols := Footnotes{Marks: SymbolMarks}
	var got []string
	for n := 1; n <= 14; n++ {
		got = append(got, symbols.Mark(n))
	}
	if want := "* † ‡ § ** †† ‡‡ §§ *** ††† ‡‡‡ §§§ **** ††††"; strings.Join(got, " ") != want {
		t.Errorf("symbols %q, want %q", strings.Join(got, " "), want)
	}
	if got := (Footnotes{}).Mark(12); got != "12" {
		t.Errorf("the default mark of note 12 is %q, want 12", got)
	}
	var none *Style
	if got := none.FootnoteMark(3); got != "3" {
		t.Errorf("a nil style marks note 3 %q", got)
	}
}

// TestParseFootnotes: footnotes.marks and footnotes.restart are read;
// absent, notes are numbered through the document.
func TestParseFootnotes(t *testing.T) {
	s, err := Parse("templates/house/style.yaml", []byte("footnotes: {marks: symbols, restart: page}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Footnotes.Marks != SymbolMarks || !s.Footnotes.PerPage() || s.FootnoteMark(2) != "†" {
		t.Errorf("footnotes %+v", s.Footnotes)
	}
	s, err = Parse("templates/house/style.yaml", []byte("page: {size: A4}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Footnotes.PerPage() || s.FootnoteMark(2) != "2" {
		t.Errorf("default footnotes %+v", s.Footnotes)
	}
}

func TestParseFootnoteErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"footnotes:\n  marks: letters\n", `templates/house/style.yaml:2:10: error: footnotes.marks: "letters" is not a kind of mark [bad-footnote-marks]`},
		{"footnotes:\n  restart: section\n", `templates/house/style.yaml:2:12: error: footnotes.restart: "section" is not where marks restart [bad-footnote-restart]`},
		{"footnotes:\n  size: 9pt\n", `templates/house/style.yaml:2:3: error: unknown field "size" in footnotes [unknown-field]`},
	} {
		if got := parseErr(t, tt.src, nil); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
