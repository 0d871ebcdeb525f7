package redline

import (
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// words makes tokens of s: words separated by spaces, a word written
// *like this* in emphasis and a word glued to the one before with "+".
func words(s string) []Token {
	var out []Token
	for i, w := range strings.Fields(s) {
		for j, part := range strings.Split(w, "+") {
			t := Token{Key: part, Text: part, Space: i > 0 && j == 0}
			if p, ok := strings.CutPrefix(part, "*"); ok {
				t.Text, t.Style = strings.TrimSuffix(p, "*"), "em"
			}
			out = append(out, t)
		}
	}
	return out
}

// TestSpansKeepBothVersions checks that the kept and inserted spans read
// as the new text and the kept and deleted ones as the old, white space
// included, whatever the edit.
func TestSpansKeepBothVersions(t *testing.T) {
	tests := []struct{ old, new, wantOld, wantNew string }{
		{"a period of five (5) years.", "a period of three (3) years.", "", ""},
		{"b c", "a b c", "", ""},
		{"a b c", "b c", "", ""},
		{"a b c", "a b", "", ""},
		{"a b", "a b c", "", ""},
		{"", "x y", "", ""},
		{"x y", "", "", ""},
		{"old words", "new text", "", ""},
		{"a b c", "x b c", "", ""},
		{"x", "y", "", ""},
		{"see paragraph+.", "see section+.", "see paragraph.", "see section."},
		{"the *Authorities* will", "the *Agencies* will", "the Authorities will", "the Agencies will"},
	}
	for _, tt := range tests {
		spans := Spans(Words(words(tt.old), words(tt.new)))
		p := marked.Para{Spans: spans}
		wantOld, wantNew := tt.wantOld, tt.wantNew
		if wantOld == "" && wantNew == "" {
			wantOld, wantNew = tt.old, tt.new
		}
		if got := p.Text(false); got != wantOld {
			t.Errorf("%q → %q: rejected %q, want %q (spans %q)", tt.old, tt.new, got, wantOld, spans)
		}
		if got := p.Text(true); got != wantNew {
			t.Errorf("%q → %q: accepted %q, want %q (spans %q)", tt.old, tt.new, got, wantNew, spans)
		}
	}
}

func TestSpansMarksAndStyles(t *testing.T) {
	got := Spans(Words(words("the *Authorities* will"), words("the *Agencies* will")))
	want := []marked.Span{
		{Text: "the", Mark: marked.Kept},
		{Text: " ", Mark: marked.Deleted},
		{Text: "Authorities", Mark: marked.Deleted, Style: marked.Emphasis},
		{Text: " ", Mark: marked.Inserted},
		{Text: "Agencies", Mark: marked.Inserted, Style: marked.Emphasis},
		{Text: " will", Mark: marked.Kept},
	}
	if !slices.Equal(got, want) {
		t.Errorf("spans:\n got %+v\nwant %+v", got, want)
	}
}

// TestMarkedWholeUnits checks the paragraph marks and the summary of a
// removal and an addition.
func TestMarkedWholeUnits(t *testing.T) {
	d := compareEdited(t, noAmendment(t))
	m, err := Marked(d, "x", testTime(t), english(t))
	if err != nil {
		t.Fatal(err)
	}
	var removed *marked.Para
	for i := range m.Paras {
		if m.Paras[i].Mark != marked.Kept {
			if removed != nil {
				t.Fatalf("two paragraphs marked whole: %q and %q", removed.Label, m.Paras[i].Label)
			}
			removed = &m.Paras[i]
		}
	}
	if removed == nil || removed.Mark != marked.Deleted || removed.Label != "8.3" || removed.Text(true) != "" {
		t.Fatalf("removed paragraph = %+v", removed)
	}
	if m.Summary.Heading != summaryHeading || m.Summary.Lines[0] != "0 added, 1 removed, 0 changed, 1 renumbered." {
		t.Errorf("summary = %+v", m.Summary)
	}
	if !strings.HasPrefix(m.Title, "AGREEMENT BETWEEN") || !strings.HasSuffix(m.Title, "(REDLINE)") {
		t.Errorf("title = %q", m.Title)
	}
}

// TestSummaryInTheRedlinesLanguage checks the summary's words in Russian
// and Kazakh.
func TestSummaryInTheRedlinesLanguage(t *testing.T) {
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	d := &Document{ID: "t", Lang: "ru", Changes: []Change{
		{Kind: Added, Address: "a.new", NewNumber: "1.2"},
		{Kind: Removed, Address: "a.old", OldNumber: "1.3"},
		{Kind: Renumbered, Address: "a.next", OldNumber: "1.3", NewNumber: "1.4"},
	}}
	tests := []struct {
		tag, heading, line string
		row                []string
	}{
		{"ru", "Перечень изменений", "Добавлено: 1, исключено: 1, изменено: 0, перенумеровано: 1.", []string{"исключено", "a.old", "было 1.3"}},
		{"kk", "Өзгерістер тізбесі", "Қосылды: 1, алынып тасталды: 1, өзгертілді: 0, нөмірі өзгерді: 1.", []string{"алынып тасталды", "a.old", "бұрын 1.3"}},
	}
	for _, tt := range tests {
		l, _ := e.Language(tt.tag)
		s, err := summaryOf(d, l)
		if err != nil {
			t.Fatal(err)
		}
		if s.Heading != tt.heading || s.Lines[0] != tt.line || !slices.Equal(s.Table[2], tt.row) {
			t.Errorf("%s summary = %+v", tt.tag, s)
		}
	}
}
