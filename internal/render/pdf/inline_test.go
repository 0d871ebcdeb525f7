package pdf

import (
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/model"
)

func testMeasurer(t *testing.T) *measurer {
	t.Helper()
	faces, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	return newMeasurer(faces)
}

// describe shows words as "frag/style+frag/style".
func describe(ws []word) string {
	var out []string
	for _, w := range ws {
		var fs []string
		for _, f := range w.frags {
			fs = append(fs, fmt.Sprintf("%s/%s", f.s, styleName(f.st)))
		}
		out = append(out, strings.Join(fs, "+"))
	}
	return strings.Join(out, " ")
}

func styleName(s style) string {
	if s == regular {
		return "R"
	}
	return s.fpdfStyle()
}

func TestWords(t *testing.T) {
	plain := func(s string) *model.Plain { return &model.Plain{Text: s} }
	tests := []struct {
		name string
		runs []model.Inline
		base style
		want string
	}{
		{
			"emphasis inside a word",
			[]model.Inline{plain("the “"), &model.Emphasis{Runs: []model.Inline{plain("Participants")}}, plain("” and")},
			regular,
			"the/R “/R+Participants/I+”/R and/R",
		},
		{
			"strong and emphasis nest",
			[]model.Inline{&model.Strong{Runs: []model.Inline{plain("Basin "), &model.Emphasis{Runs: []model.Inline{plain("Commission")}}}}},
			regular,
			"Basin/B Commission/BI",
		},
		{
			"emphasis in italic text is roman",
			[]model.Inline{plain("For "), &model.Emphasis{Runs: []model.Inline{plain("the")}}, plain(" Office:")},
			italic,
			"For/I the/R Office:/I",
		},
		{
			"no-break spaces join, spaces collapse",
			[]model.Inline{plain("No.\u00a05  and\t\n10\u202fkm ")},
			regular,
			"No.\u00a05/R and/R 10\u202fkm/R",
		},
		{
			"references and placeholders",
			[]model.Inline{plain("see "), &model.Ref{IDs: []string{"x"}, Resolved: "paragraph 4"}, plain(" on "), &model.Placeholder{Name: "date of signature"}},
			regular,
			"see/R paragraph/R 4/R on/R [date/R of/R signature]/R",
		},
	}
	m := testMeasurer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := wordBuilder{m: m, size: builtin().bodySize}
			b.add(flatten(tt.runs, tt.base)...)
			ws := b.done()
			if got := describe(ws); got != tt.want {
				t.Errorf("words = %q, want %q", got, tt.want)
			}
			for i, w := range ws {
				sum := 0.0
				for _, f := range w.frags {
					sum += f.w
				}
				if w.width != sum || w.width <= 0 {
					t.Errorf("word %d width %v, frags sum %v", i, w.width, sum)
				}
				if last := i == len(ws)-1; last != (w.space == 0) {
					t.Errorf("word %d space %v", i, w.space)
				}
			}
		})
	}
}

func TestMeasurerUsesTheFontMetrics(t *testing.T) {
	m := testMeasurer(t)
	// Liberation Serif is metric-compatible with Times New Roman: the
	// space is 250/1000 em and "M" 889/1000 em in the regular face.
	tests := []struct {
		s    string
		st   style
		want float64 // em
	}{
		{" ", regular, 0.25},
		{"M", regular, 0.889},
		{"M", bold, 0.944},
		{"MM", italic, 2 * 0.833},
	}
	for _, tt := range tests {
		got := m.width(tt.s, tt.st, 10) / (10 * pt)
		if d := got - tt.want; d > 0.001 || d < -0.001 {
			t.Errorf("width(%q, %s) = %.3f em, want %.3f", tt.s, styleName(tt.st), got, tt.want)
		}
	}
}

// TestMeasurerAgreesWithFpdf compares the measurer with fpdf's own
// metrics, character by character, for every character of the Basic
// Multilingual Plane in every face (those the faces lack included): a
// layout made without fpdf must be the one fpdf would make.
func TestMeasurerAgreesWithFpdf(t *testing.T) {
	m := testMeasurer(t)
	for _, st := range allStyles() {
		f := fpdf.New("P", "mm", "A4", "")
		data, err := fonts.TTF(st.face())
		if err != nil {
			t.Fatal(err)
		}
		f.AddUTF8FontFromBytes("LiberationSerif", st.fpdfStyle(), data)
		f.SetFont("LiberationSerif", st.fpdfStyle(), 11)
		face := m.faces.Face(st.face())
		bad, covered := 0, 0
		for r := rune(1); r < 0x10000; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue // surrogates are not characters
			}
			if face.Has(r) {
				covered++
			}
			s := string(r)
			if got, want := m.width(s, st, 11), f.GetStringWidth(s); got != want {
				if bad++; bad <= 5 {
					t.Errorf("%s: width(%U) = %v, fpdf says %v", styleName(st), r, got, want)
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d characters measured otherwise than fpdf", styleName(st), bad)
		}
		if covered < 2300 {
			t.Errorf("%s: only %d characters covered", styleName(st), covered)
		}
		s := "Memorandum of Understanding — Меморандум о взаимопонимании — Өзара түсіністік туралы"
		if got, want := m.width(s, st, 11), f.GetStringWidth(s); got != want {
			t.Errorf("%s: width(%q) = %v, fpdf says %v", styleName(st), s, got, want)
		}
	}
}
