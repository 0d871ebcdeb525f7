package docx_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// insertAndSiblings returns the first negotiation insert of doc (in the
// example, "(ii) (bis)") and the siblings before and after it.
func insertAndSiblings(t *testing.T, doc *model.Document) (before, insert, after *model.Unit) {
	t.Helper()
	doc.Walk(func(u *model.Unit) {
		if insert != nil || u.Insert == "" || u.Parent == nil {
			return
		}
		sibs := u.Parent.Children
		if i := slices.Index(sibs, u); i > 0 && i+1 < len(sibs) {
			before, insert, after = sibs[i-1], u, sibs[i+1]
		}
	})
	if insert == nil {
		t.Fatal("the document has no insert between two siblings")
	}
	return before, insert, after
}

// lineStart is the words a unit's line starts with: its label's and its
// English text's first.
func lineStart(u *model.Unit) []string {
	return append(strings.Fields(u.Label), strings.Fields(model.PlainText(u.Text["en"].Runs))[0])
}

// TestInsertTextAlignsWithItsSiblings converts the MoU with LibreOffice
// and finds, with pdftotext -bbox, where the text of its insert (say
// "(ii) (bis)") and of its siblings (ii. and iii.) starts: at the same x
// (to 1 pt), because the label column is wide enough for the insert's
// label.
func TestInsertTextAlignsWithItsSiblings(t *testing.T) {
	a := assembleMoU(t, false)
	prev, ins, next := insertAndSiblings(t, a.doc)
	pages := pdfwords.ReadFile(t, convertWithLibreOffice(t, render(t, a)))
	// Where a line starting with the words (a label's, then the text's
	// first) starts, and where its last word (the text) starts.
	after := func(label ...string) (labelX, textX float64) {
		t.Helper()
		for _, p := range pages {
			for i := 0; i+len(label) <= len(p.Words); i++ {
				ok := true
				for j, l := range label {
					ok = ok && strings.HasPrefix(p.Words[i+j].Text, l)
				}
				prev := -1.0
				if i > 0 {
					prev = p.Words[i-1].YMin
				}
				if ok && math.Abs(prev-p.Words[i].YMin) > 1 {
					return p.Words[i].XMin, p.Words[i+len(label)-1].XMin
				}
			}
		}
		t.Fatalf("no line starts with %q", strings.Join(label, " "))
		return 0, 0
	}
	iiLabel, ii := after(lineStart(prev)...)
	bisLabel, bis := after(lineStart(ins)...)
	iiiLabel, iii := after(lineStart(next)...)
	t.Logf("labels at x %.1f %.1f %.1f, text at x %.1f %.1f %.1f (%s, %s, %s)", iiLabel, bisLabel, iiiLabel, ii, bis, iii, prev.Label, ins.Label, next.Label)
	if math.Abs(bis-ii) > 1 || math.Abs(iii-ii) > 1 {
		t.Errorf("the text of %s starts at x %.1f, of %s at %.1f, of %s at %.1f: want the same to 1 pt", prev.Label, ii, ins.Label, bis, next.Label, iii)
	}
	if math.Abs(bisLabel-iiLabel) > 1 {
		t.Errorf("the label %s starts at x %.1f, %s at %.1f", ins.Label, bisLabel, prev.Label, iiLabel)
	}
}
