package docx_test

import (
	"math"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// TestInsertTextAlignsWithItsSiblings converts the MoU with LibreOffice
// and finds, with pdftotext -bbox, where the text of the insert
// "(ii) (bis)" and of its siblings ii. and iii. starts: at the same x (to
// 1 pt), because the label column is wide enough for the insert's label.
func TestInsertTextAlignsWithItsSiblings(t *testing.T) {
	pages := pdfwords.ReadFile(t, convertWithLibreOffice(t, render(t, assembleMoU(t, false))))
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
	iiLabel, ii := after("ii.", "Identifying")
	bisLabel, bis := after("(ii)", "(bis)", "Take")
	iiiLabel, iii := after("iii.", "Implementing")
	t.Logf("labels at x %.1f %.1f %.1f, text at x %.1f %.1f %.1f (ii., (ii) (bis), iii.)", iiLabel, bisLabel, iiiLabel, ii, bis, iii)
	if math.Abs(bis-ii) > 1 || math.Abs(iii-ii) > 1 {
		t.Errorf("the text of ii. starts at x %.1f, of (ii) (bis) at %.1f, of iii. at %.1f: want the same to 1 pt", ii, bis, iii)
	}
	if math.Abs(bisLabel-iiLabel) > 1 {
		t.Errorf("the label (ii) (bis) starts at x %.1f, ii. at %.1f", bisLabel, iiLabel)
	}
}
