package docx

import (
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

func TestBuildLevelFromSchemes(t *testing.T) {
	section := &model.Scheme{Name: "section", Label: "{n}:", Ref: "{n}"}
	paragraph := &model.Scheme{Name: "paragraph", Label: "{up}.{n}"}
	roman := &model.Scheme{Name: "roman", Label: "{n:i}.", Insert: "({n:i}) ({x})"}
	alpha := &model.Scheme{Name: "alpha", Label: "{n:a}."}
	for _, tc := range []struct {
		name  string
		chain []*model.Scheme
		want  listLevel
	}{
		{"section cited without its colon", []*model.Scheme{section},
			listLevel{Format: "decimal", Text: "%1", Trailer: ":", OK: true}},
		{"paragraph prints the section", []*model.Scheme{section, paragraph},
			listLevel{Format: "decimal", Text: "%1.%2", OK: true}},
		{"roman item", []*model.Scheme{section, paragraph, roman},
			listLevel{Format: "lowerRoman", Text: "%3.", OK: true}},
		{"alpha item", []*model.Scheme{section, paragraph, alpha},
			listLevel{Format: "lowerLetter", Text: "%3.", OK: true}},
		{"UN letters", []*model.Scheme{section, {Label: "({n:a})"}},
			listLevel{Format: "lowerLetter", Text: "(%2)", OK: true}},
		{"UN roman", []*model.Scheme{section, paragraph, {Label: "({n:i})"}},
			listLevel{Format: "lowerRoman", Text: "(%3)", OK: true}},
		{"capitals", []*model.Scheme{{Label: "{n:I}."}, {Label: "{n:A}"}},
			listLevel{Format: "upperLetter", Text: "%2", OK: true}},
		{"article", []*model.Scheme{{Label: "Article {n}"}},
			listLevel{Format: "decimal", Text: "Article %1", OK: true}},
		{"full stop not split off", []*model.Scheme{{Label: "{n}.", Ref: "{n}"}},
			listLevel{Format: "decimal", Text: "%1.", OK: true}},
		{"three levels deep", []*model.Scheme{section, paragraph, paragraph},
			listLevel{Format: "decimal", Text: "%1.%2.%3", OK: true}},
		{"two formats for one level", []*model.Scheme{{Label: "{n}{n:a}"}},
			listLevel{Format: "decimal", Text: "%1."}},
		{"literal percent", []*model.Scheme{{Label: "{n}%"}},
			listLevel{Format: "decimal", Text: "%1."}},
		{"no number", []*model.Scheme{{Label: "-"}},
			listLevel{Format: "decimal", Text: "%1."}},
		{"parent cited in another format than printed", []*model.Scheme{{Label: "{n:i}.", Ref: "{n}"}, paragraph},
			listLevel{Format: "decimal", Text: "%2."}},
	} {
		got := buildLevel(tc.chain, len(tc.chain)-1, "en")
		if got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestLevelRender(t *testing.T) {
	l := listLevel{Format: "lowerRoman", Text: "%1.%2(%3)"}
	formats := [maxLevels]string{"decimal", "upperLetter", "lowerRoman"}
	counters := [maxLevels]int{4, 0, 9}
	if got := l.render(&formats, &counters); got != "4.A(ix)" {
		t.Errorf("render = %q", got)
	}
	if !l.needsContext(2) || (listLevel{Text: "%3."}).needsContext(2) {
		t.Error("needsContext")
	}
}
