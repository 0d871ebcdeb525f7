package docx_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// In the reference text the example reproduces (referenceFile), the MoU
// starts at "**DRAFT" and ends with the signature table's Date row.
const (
	mouStart = "**DRAFT"
	mouEnd   = "| Date | Date |"
)

// referenceFile is the text the example's note and its enclosure
// reproduce.
func referenceFile(t testing.TB) string {
	t.Helper()
	return example(t).NoteReference(t, repoRoot)
}

// needTools skips the test unless every tool is installed (and fails it
// under CI=true, naming the Debian package).
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		clienttest.Tool(t, tool)
	}
}

// convertWithLibreOffice converts a .docx to PDF with LibreOffice headless
// in a private profile and returns the PDF's path.
func convertWithLibreOffice(t *testing.T, data []byte) string {
	t.Helper()
	return convertAllWithLibreOffice(t, map[string][]byte{"mou": data})["mou"]
}

// convertAllWithLibreOffice converts .docx files, given by base name, to
// PDF in one run of LibreOffice headless, and returns each PDF's path by
// the same name. With CHANCERY_DOCX_KEEP set to a directory, the PDFs are
// copied there to be looked at (pdftoppm -png -r 60 $dst/mou.pdf page).
func convertAllWithLibreOffice(t *testing.T, docs map[string][]byte) map[string]string {
	t.Helper()
	needTools(t, "soffice", "pdftotext")
	files := map[string][]byte{}
	for name, data := range docs {
		files[name+".docx"] = data
	}
	pdfs := map[string]string{}
	for name, pdf := range clienttest.ConvertWithLibreOffice(t, files, "pdf") {
		name = strings.TrimSuffix(name, ".docx")
		if dst := os.Getenv("CHANCERY_DOCX_KEEP"); dst != "" {
			b, _ := os.ReadFile(pdf)
			_ = os.WriteFile(filepath.Join(dst, name+".pdf"), b, 0o644)
		}
		pdfs[name] = pdf
	}
	return pdfs
}

func pdfText(t *testing.T, pdf string, layout bool) string {
	t.Helper()
	args := []string{pdf, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestLibreOfficeReadsTheMoU(t *testing.T) {
	a := assembleMoU(t, false)
	pdf := convertWithLibreOffice(t, render(t, a))
	text := pdfText(t, pdf, false)

	ref, err := os.ReadFile(referenceFile(t))
	if err != nil {
		t.Fatal(err)
	}
	want := wordmatch.Between(string(ref), mouStart, mouEnd)
	if !strings.Contains(want, "Signature") {
		t.Fatal("reference excerpt lacks the signature block")
	}
	ratio, n := wordmatch.Ratio(want, text)
	t.Logf("LibreOffice PDF carries %.2f%% of the reference MoU's %d words in order (%d)",
		100*ratio, len(wordmatch.Words(want)), n)
	if ratio < 0.97 {
		t.Errorf("word match %.4f, want at least 0.97", ratio)
	}

	// LibreOffice recomputes REF fields on load: the references read
	// right only if each field stands for exactly the number.
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range exdocxLines(t, "citing-sentences") {
		if s = strings.ReplaceAll(s, "~", " "); !strings.Contains(flat, s) {
			t.Errorf("LibreOffice text lacks %q", s)
		}
	}
	if strings.Contains(flat, "Error: Reference source not found") {
		t.Error("a REF field lost its bookmark")
	}
}

func TestLibreOfficeNumbersAsChanceryDoes(t *testing.T) {
	a := assembleMoU(t, false)
	text := pdfText(t, convertWithLibreOffice(t, render(t, a)), true)
	// Every numbered unit's label starts a line, in document order; the
	// insert keeps its label and the item after it is still iii.
	var labels []string
	a.doc.Walk(func(u *model.Unit) {
		if u.Label != "" {
			labels = append(labels, u.Label)
		}
	})
	lineStart := regexp.MustCompile(`(?m)^\s*(\S+(?: \(bis\))?)\s`)
	var starts []string
	for _, m := range lineStart.FindAllStringSubmatch(text, -1) {
		starts = append(starts, m[1])
	}
	i := 0
	for _, s := range starts {
		if i < len(labels) && s == labels[i] {
			i++
		}
	}
	if i != len(labels) {
		t.Errorf("LibreOffice shows the labels in order up to %q; missing %q onwards", labels[max(i-1, 0)], labels[i])
	}
	seq := regexp.MustCompile(`(?s)\n\s*ii\.\s+Identifying.*\n\s*\(ii\) \(bis\)\s+Take.*\n\s*iii\.\s+Implementing`)
	if !seq.MatchString(text) {
		t.Error(`LibreOffice does not show "ii.", "(ii) (bis)", "iii." in 2.1`)
	}
}
