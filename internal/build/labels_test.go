package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// TestLabelsPerLanguage gives the trilingual fixture's sections the label
// "1:" in English and "1." in Russian and Kazakh (labels: in the scheme):
// each edition prints its own in the text, the PDF (pdftotext) and the
// DOCX (the outline's first w:lvlText: "%1", the colon being the trailer
// after the number, or "%1."), and each column of the parallel PDF its
// own, while citations keep the scheme's ref.
func TestLabelsPerLanguage(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	fsys := projecttest.Copy(t, agreement)
	projecttest.Edit(t, fsys, "clauses/agr/document.yaml",
		`section:   {label: "{n}.", ref: "{n}", term: section}`,
		`section:   {label: "{n}:", labels: {ru: "{n}.", kk: "{n}."}, ref: "{n}", term: section}`)
	res, diags := Build(fsys, Options{Formats: []string{"txt", "pdf", "docx"}, Parallel: []string{"en-ru-kk"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	for _, tc := range []struct {
		tag, heading, lvlText string
	}{
		{"en", "1: Definitions", "%1"},
		{"ru", "1. Определения", "%1."},
		{"kk", "1. Анықтамалар", "%1."},
	} {
		text := string(output(t, res, "agr."+tc.tag+".txt"))
		if !strings.Contains(text, "\n"+tc.heading+"\n") {
			t.Errorf("agr.%s.txt has no line %q", tc.tag, tc.heading)
		}
		pdf := filepath.Join(t.TempDir(), "agr.pdf")
		if err := os.WriteFile(pdf, output(t, res, "agr."+tc.tag+".pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if flat := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(flat, tc.heading) {
			t.Errorf("the %s PDF does not read %q", tc.tag, tc.heading)
		}
		if got := docxAttr(t, output(t, res, "agr."+tc.tag+".docx"), "word/numbering.xml", "lvlText", "val"); got != tc.lvlText {
			t.Errorf("the %s DOCX numbers sections %q, want %q", tc.tag, got, tc.lvlText)
		}
	}
	// The parallel edition prints each column's own label on one row.
	pdf := filepath.Join(t.TempDir(), "agr.en-ru-kk.pdf")
	if err := os.WriteFile(pdf, output(t, res, "agr.en-ru-kk.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	row := regexp.MustCompile(`(?m)^\s*1:\s+Definitions\s+1\.\s+Определения\s+1\.\s+Анықтамалар\s*$`)
	if !row.Match(out) {
		t.Errorf("the parallel PDF has no row 1: Definitions / 1. Определения / 1. Анықтамалар:\n%s", out)
	}
	// A citation of a section is its ref in every language, the label's
	// full stop or colon nowhere.
	for name, want := range map[string]string{
		"agr.en.txt": "in accordance with section" + lang.NoBreakSpace + "5;",
		"agr.ru.txt": "в соответствии с разделом" + lang.NoBreakSpace + "5;",
		"agr.kk.txt": "5-бөліміне",
	} {
		if text := string(output(t, res, name)); !strings.Contains(text, want) {
			t.Errorf("%s does not cite %q", name, want)
		}
	}
}
