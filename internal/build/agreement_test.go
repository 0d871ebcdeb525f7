package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// pageStarts returns the first three words of the text of every page of
// a PDF, its header (the marking) and footer ("Page n of N") left out.
func pageStarts(t *testing.T, file, marking string) []string {
	t.Helper()
	folio := regexp.MustCompile(`^Page \d+ of \d+$`)
	var starts []string
	for _, p := range pdfFilePages(t, file) {
		var words []string
		for _, l := range nonEmptyLines(p) {
			if l == marking || folio.MatchString(l) {
				continue
			}
			words = append(words, strings.Fields(l)...)
			if len(words) >= 3 {
				break
			}
		}
		starts = append(starts, strings.Join(words[:min(3, len(words))], " "))
	}
	return starts
}

// lineStarts returns the first three words of every line of text of a PDF
// (pdftotext -layout), the header and footer left out.
func lineStarts(t *testing.T, file, marking string) []string {
	t.Helper()
	folio := regexp.MustCompile(`^Page \d+ of \d+$`)
	var lines []string
	for _, p := range pdfFilePages(t, file) {
		for _, l := range nonEmptyLines(p) {
			if l == marking || folio.MatchString(l) {
				continue
			}
			f := strings.Fields(l)
			lines = append(lines, strings.Join(f[:min(3, len(f))], " "))
		}
	}
	return lines
}

// TestLibreOfficePagesAgreeWithPDF converts the DOCX of the instrument
// the example's note encloses to PDF with LibreOffice and compares it with
// chancery's PDF page by page: the same number of pages, and the same
// first words on at least 7 of 8 (the style drives both writers: the same
// leading, spacing, indents and justification, and line breaking as a word
// processor breaks lines).
// It logs how many lines of the text start alike too.
func TestLibreOfficePagesAgreeWithPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	res, diags := Build(exampleFS(t), Options{Formats: []string{"pdf", "docx"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	dir := t.TempDir()
	base := example(t).Enclosure + ".en."
	for _, o := range res.Outputs {
		if strings.HasPrefix(o.Name, base) {
			if err := os.WriteFile(filepath.Join(dir, o.Name), o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	docx, err := os.ReadFile(filepath.Join(dir, base+"docx"))
	if err != nil {
		t.Fatal(err)
	}
	lo := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"instrument.docx": docx}, "pdf")["instrument.docx"]
	ours := pageStarts(t, filepath.Join(dir, base+"pdf"), "DRAFT")
	theirs := pageStarts(t, lo, "DRAFT")
	if len(ours) != len(theirs) {
		t.Fatalf("chancery's PDF has %d pages, LibreOffice's conversion of the DOCX %d", len(ours), len(theirs))
	}
	same := 0
	for i := range ours {
		if ours[i] == theirs[i] {
			same++
		} else {
			t.Logf("page %d starts %q in the PDF, %q in LibreOffice's", i+1, ours[i], theirs[i])
		}
	}
	t.Logf("pages starting alike: %d of %d", same, len(ours))
	if want := len(ours) - len(ours)/8; same < want {
		t.Errorf("%d of %d pages start alike, want at least %d", same, len(ours), want)
	}

	ol, tl := lineStarts(t, filepath.Join(dir, base+"pdf"), "DRAFT"), lineStarts(t, lo, "DRAFT")
	alike := 0
	for i := range min(len(ol), len(tl)) {
		if ol[i] == tl[i] {
			alike++
		}
	}
	t.Logf("lines starting alike: %d of %d (LibreOffice: %d lines)", alike, len(ol), len(tl))
}
