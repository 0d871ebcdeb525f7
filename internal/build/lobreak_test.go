package build

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// lineBreakCase is a project whose paragraphs move a citation along the
// line (breakProject, kazakhChainProject), the DOCX it writes, how to
// count the lines broken inside the citation, and the pairs of words of
// the citation joined by a no-break space.
type lineBreakCase struct {
	name    string
	project func(typed bool) fstest.MapFS
	docx    string
	rows    string // the project's file of paragraphs
	breaks  func([]string) (breaks, together int)
	tied    [][2]string
	// wt is what a w:t of the generated DOCX holds, "~" for U+00A0;
	// hyphens tells whether the number's hyphen is a w:noBreakHyphen
	// (outside the w:t).
	wt      string
	hyphens bool
}

func lineBreakCases() []lineBreakCase {
	return []lineBreakCase{
		{"ru", breakProject, "b.ru.docx", "clauses/b/rows.yaml", russianBreaks, [][2]string{{"пункте", "4.1,"}}, "пункте~4.1", false},
		{"kk", kazakhChainProject, "c.kk.docx", "clauses/c/rows.yaml", kazakhBreaks, [][2]string{{"4.1-тармақтың", "ii."}, {"ii.", "тармақшасында"}}, "тармақтың~ii.~тармақшасында", true},
	}
}

// TestDOCXNoLineBreakInLibreOffice lays the DOCX of breakProject and
// kazakhChainProject out with LibreOffice (DOCX to PDF): typed with
// ordinary spaces, some paragraphs break their line inside "пункте 4.1"
// or "4.1-тармақтың ii. тармақшасында"; generated, none does, because the
// DOCX carries U+00A0 in its w:t. On every justified line holding such a
// phrase, the no-break spaces keep their natural width while the ordinary
// spaces of the line stretch (pdftotext -bbox).
func TestDOCXNoLineBreakInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	files := map[string][]byte{}
	for _, c := range lineBreakCases() {
		for _, typed := range []bool{true, false} {
			res, diags := Build(c.project(typed), Options{Formats: []string{"docx"}})
			if diags.HasErrors() {
				t.Fatalf("%s: %v", c.name, diags)
			}
			data := output(t, res, c.docx)
			if !typed {
				phrase := strings.ReplaceAll(c.wt, "~", lang.NoBreakSpace)
				if !slices.ContainsFunc(docxParagraphs(t, data), func(p string) bool { return strings.Contains(p, phrase) }) {
					t.Errorf("%s: no w:t of the DOCX holds %q with U+00A0", c.name, phrase)
				}
				if got := strings.Count(docxPart(t, data, "word/document.xml"), "<w:noBreakHyphen/>"); (got > 0) != c.hyphens {
					t.Errorf("%s: %d w:noBreakHyphen in the DOCX, want them %v", c.name, got, c.hyphens)
				}
			}
			files[fmt.Sprintf("%s-%v.docx", c.name, typed)] = data
		}
	}
	pdfs := clienttest.ConvertWithLibreOffice(t, files, "pdf")
	pdfOf := func(name string, typed bool) string {
		return pdfs[fmt.Sprintf("%s-%v.docx", name, typed)]
	}
	for _, c := range lineBreakCases() {
		lines := func(typed bool) []string {
			out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", pdfOf(c.name, typed), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			return strings.Split(string(out), "\n")
		}
		typedBreaks, _ := c.breaks(lines(true))
		if typedBreaks == 0 {
			t.Errorf("%s: LibreOffice breaks no typed paragraph inside the citation: the test cannot show anything", c.name)
		}
		breaks, together := c.breaks(lines(false))
		if breaks != 0 {
			t.Errorf("%s: LibreOffice breaks %d generated citations across lines", c.name, breaks)
		}
		if n := strings.Count(string(c.project(false)[c.rows].Data), "{ref:"); together != n {
			t.Errorf("%s: %d lines hold the citation whole, want %d", c.name, together, n)
		}
		stretched := checkJustification(t, pdfOf(c.name, false), c.name, c.tied)
		if stretched == 0 {
			t.Errorf("%s: no justified line with the citation was stretched: the test shows nothing of justification", c.name)
		}
		t.Logf("%s: typed, LibreOffice breaks %d paragraphs inside the citation; generated, none; %d stretched lines keep the no-break spaces natural", c.name, typedBreaks, stretched)
	}
}

// docxPart returns a part of a DOCX package as text.
func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	part, ok := unzipParts(t, data)[name]
	if !ok {
		t.Fatalf("the package has no %s", name)
	}
	return string(part)
}

// checkJustification reads the words of page 1 of a PDF (pdfWords) and,
// on every line that holds a tied pair, finds each no-break space no
// wider than the ordinary spaces of its line. It returns how many of
// those lines were stretched (their ordinary spaces wider than the
// no-break spaces by more than half a point): justified, with the
// no-break spaces left at their natural width.
func checkJustification(t *testing.T, pdf, name string, tied [][2]string) int {
	t.Helper()
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int][]pdfwords.Word{}
	var ys []int
	for _, w := range pdfWords(t, data) {
		y := int(math.Round(w.YMin))
		if lines[y] == nil {
			ys = append(ys, y)
		}
		lines[y] = append(lines[y], w)
	}
	stretched := 0
	for _, y := range ys {
		ws := lines[y]
		slices.SortFunc(ws, func(a, b pdfwords.Word) int { return cmp.Compare(a.XMin, b.XMin) })
		var nb, ordinary []float64
		for i := 1; i < len(ws); i++ {
			gap := ws[i].XMin - ws[i-1].XMax
			if i == 1 && gap > 12 {
				continue // the tab after the paragraph's label
			}
			if slices.Contains(tied, [2]string{ws[i-1].Text, ws[i].Text}) {
				nb = append(nb, gap)
			} else {
				ordinary = append(ordinary, gap)
			}
		}
		if len(nb) == 0 || len(ordinary) == 0 {
			continue
		}
		if slices.Max(nb) > slices.Min(ordinary)+0.5 {
			t.Errorf("%s: a no-break space (%.2fpt) wider than an ordinary one (%.2fpt) on one line", name, slices.Max(nb), slices.Min(ordinary))
		}
		if slices.Min(ordinary) > slices.Max(nb)+0.5 {
			stretched++
		}
	}
	return stretched
}
