package docx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

// tree builds units from a compact outline: each line is indented two
// spaces per depth and reads "id", "id +" (an insert), "id -" (unnumbered)
// or "id >scheme" (children in another scheme).
func tree(t *testing.T, numbering model.Numbering, outline string) *model.Document {
	t.Helper()
	doc := &model.Document{Status: model.StatusDraft, Numbering: numbering}
	var stack []*model.Unit
	for _, line := range strings.Split(strings.TrimSpace(outline), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		depth := (len(line) - len(trimmed)) / 2
		f := strings.Fields(trimmed)
		u := &model.Unit{ID: f[0], Depth: depth, Numbered: true}
		for _, flag := range f[1:] {
			switch {
			case flag == "+":
				u.Inserted = true
			case flag == "-":
				u.Numbered = false
			case strings.HasPrefix(flag, ">"):
				u.ChildScheme = flag[1:]
			}
		}
		stack = stack[:depth]
		if depth == 0 {
			doc.Sections = append(doc.Sections, u)
		} else {
			u.Parent = stack[depth-1]
			u.Parent.Children = append(u.Parent.Children, u)
		}
		stack = append(stack, u)
	}
	if diags := number.Document(doc, number.Options{}); diags.HasErrors() {
		t.Fatalf("numbering: %v", diags)
	}
	return doc
}

// layout describes the plan: per unit, "label@numId.ilvl" when Word
// numbers it, "label" (text) otherwise.
func layout(doc *model.Document, n *numbering) string {
	var parts []string
	doc.Walk(func(u *model.Unit) {
		if r := n.ref(u); r != nil {
			parts = append(parts, fmt.Sprintf("%s@%d.%d", u.Label, r.NumID, r.Level))
			return
		}
		parts = append(parts, u.Label)
	})
	return strings.Join(parts, " ")
}

func TestPlanNumbering(t *testing.T) {
	def := model.DefaultNumbering()
	withSchemes := func(extra map[string]*model.Scheme, levels ...string) model.Numbering {
		n := model.DefaultNumbering()
		for k, v := range extra {
			v.Name = k
			n.Schemes[k] = v
		}
		if levels != nil {
			n.Levels = levels
		}
		return n
	}
	for _, tc := range []struct {
		name      string
		numbering model.Numbering
		outline   string
		want      string
	}{
		{"the MoU's shape: inserts are text, default item lists on the outline, others restart", def, `
a
  a1
  a2
    x
    y
    y2 +
    z
b
  b1 >alpha
    p
    q
  b2
    r
  b3 -
`, "1:@1.0 1.1@1.1 1.2@1.1 i.@1.2 ii.@1.2 (ii) (bis) iii.@1.2 2:@1.0 2.1@1.1 a.@2.2 b.@2.2 2.2@1.1 i.@1.2 "},
		{"items printing their parent's number stay on the outline", withSchemes(map[string]*model.Scheme{
			"deep": {Label: "{up}.{n}"},
		}, "section", "paragraph", "deep"), `
a
  a1
    x
    y
  a2
    z
`, "1:@1.0 1.1@1.1 1.1.1@1.2 1.1.2@1.2 1.2@1.1 1.2.1@1.2"},
		{"children of an insert cannot print its number", withSchemes(map[string]*model.Scheme{
			"deep": {Label: "{up}.{n}"},
		}, "section", "paragraph", "deep"), `
a
  a1
  a1b +
    x
  a2
`, "1:@1.0 1.1@1.1 1.1 bis 1.1 bis.1 1.2@1.1"},
		{"UN forms", withSchemes(map[string]*model.Scheme{
			"un-alpha": {Label: "({n:a})"},
			"un-roman": {Label: "({n:i})"},
		}, "section", "paragraph", "un-alpha", "un-roman"), `
a
  a1
    x
      x1
      x2
    y
`, "1:@1.0 1.1@1.1 (a)@1.2 (i)@1.3 (ii)@1.3 (b)@1.2"},
		{"items under an unnumbered paragraph restart on a list of their own", def, `
a
  a1
    x
  a2 -
    y
    z
`, "1:@1.0 1.1@1.1 i.@1.2  i.@2.2 ii.@2.2"},
		{"a scheme Word cannot print keeps its labels", withSchemes(map[string]*model.Scheme{
			"odd": {Label: "{n}{n:a}"},
		}), `
a >odd
  a1
  a2
`, "1:@1.0 1a 2b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tree(t, tc.numbering, tc.outline)
			got := layout(doc, planNumbering(doc, "en"))
			if strings.TrimSpace(got) != strings.TrimSpace(tc.want) {
				t.Errorf("plan\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}
