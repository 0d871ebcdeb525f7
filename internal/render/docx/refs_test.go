package docx

import (
	"fmt"
	"strings"
	"testing"
)

// show writes pieces with fields in brackets.
func show(ps []refPiece) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Mark != "" {
			fmt.Fprintf(&b, "[%s:%s]", p.Mark, p.Text)
			continue
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

func TestSplitRef(t *testing.T) {
	n := func(number, result, mark string) refTarget {
		return refTarget{Number: number, Result: result, Mark: mark, Switches: `\n`}
	}
	in := func(number, mark string) refTarget { // the paragraph an item is in
		return refTarget{Number: number, Result: number, Mark: mark, Switches: `\n`, Optional: true}
	}
	for _, tc := range []struct {
		resolved string
		targets  []refTarget
		want     string
	}{
		{"paragraph 4", []refTarget{n("4", "4", "s")}, "paragraph [s:4]"},
		{"Paragraph 4 above", []refTarget{n("4", "4", "s")}, "Paragraph [s:4] above"},
		{"paragraphs 1 and 2", []refTarget{n("1", "1", "a"), n("2", "2", "b")}, "paragraphs [a:1] and [b:2]"},
		{"paragraph 2.1, subparagraph iii.", []refTarget{n("iii.", "iii", "x")}, "paragraph 2.1, subparagraph [x:iii]."},
		{"подпункту iii. пункта 2.1", []refTarget{n("iii.", "iii", "x")}, "подпункту [x:iii]. пункта 2.1"},
		{"2.1-тармағының iii. тармақшасына", []refTarget{n("iii.", "iii", "x")}, "2.1-тармағының [x:iii]. тармақшасына"},
		{"1 және 2-тармақтар", []refTarget{n("1", "1", "a"), n("2", "2", "b")}, "[a:1] және [b:2]-тармақтар"},
		{"sub-paragraph 1.1", []refTarget{n("1", "1", "a")}, "sub-paragraph 1.1"}, // "1" is not in "1.1"
		{"subparagraph (ii) (bis)", []refTarget{{Number: "(ii) (bis)", Result: "(ii) (bis)", Mark: "i"}}, "subparagraph [i:(ii) (bis)]"},
		// The paragraph an item is in is a field too, wherever it is cited.
		{"подпунктом iii. пункта 4.1", []refTarget{n("iii.", "iii", "x"), in("4.1", "p")}, "подпунктом [x:iii]. пункта [p:4.1]"},
		{"paragraph 4.1, subparagraph iii.", []refTarget{n("iii.", "iii", "x"), in("4.1", "p")}, "paragraph [p:4.1], subparagraph [x:iii]."},
		{"4.1-тармағының iii. тармақшасына", []refTarget{n("iii.", "iii", "x"), in("4.1", "p")}, "[p:4.1]-тармағының [x:iii]. тармақшасына"},
		{"subparagraph iii.", []refTarget{n("iii.", "iii", "x"), in("4.1", "p")}, "subparagraph [x:iii]."}, // not cited: no field
		// Not isolable: the whole reference is text.
		{"paragraph 1, subparagraph 1", []refTarget{n("1", "1", "a")}, "paragraph 1, subparagraph 1"},
		{"paragraphs 2 and 1", []refTarget{n("1", "1", "a"), n("2", "2", "b")}, "paragraphs 2 and 1"},
		{"article 4", []refTarget{n("4", "Article 4", "a")}, "article 4"},
		{"paragraph 4", []refTarget{n("4", "4", "")}, "paragraph 4"},
		{"Pillar II, paragraph 3", nil, "Pillar II, paragraph 3"},
	} {
		if got := show(splitRef(tc.resolved, tc.targets)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.resolved, got, tc.want)
		}
	}
}

func TestBookmarkName(t *testing.T) {
	taken := map[string]bool{}
	for _, tc := range []struct{ id, want string }{
		{"subsequent", "subsequent"},
		{"areas.data.flood-warnings", "areas_data_flood_warnings"},
		{"4-links", "u_4_links"},
		{"пункт", "u______"},
	} {
		if got := bookmarkName(tc.id, taken); got != tc.want {
			t.Errorf("bookmarkName(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
	long := "areas.data.forecasting-monitoring-and-exchanging-links"
	a := bookmarkName(long, taken)
	taken[a] = true
	b := bookmarkName("areas.data.forecasting-monitoring-and-exchanging-linkz", taken)
	if len(a) > maxBookmarkName || len(b) > maxBookmarkName || a == b || !strings.HasPrefix(a, "areas_data_forecast") {
		t.Errorf("long ids: %q and %q", a, b)
	}
	taken["x_y"] = true
	if got := bookmarkName("x.y", taken); got == "x_y" || len(got) > maxBookmarkName {
		t.Errorf("taken name reused: %q", got)
	}
}
