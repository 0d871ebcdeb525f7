package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// styledParallel builds the trilingual fixture's parallel edition of all
// three languages, PDF and DOCX, in the house style given (none for the
// built-in one) and returns them.
func styledParallel(t *testing.T, styleYAML string) (pdfData, docxData []byte) {
	t.Helper()
	return styledOutputs(t, styleYAML, []string{"all"}, ".en-ru-kk")
}

// pdfPageSize returns the width and height of a PDF's pages in points, as
// pdfinfo gives them.
func pdfPageSize(t *testing.T, data []byte) (width, height float64) {
	t.Helper()
	tool := clienttest.Command(t, "pdfinfo", "poppler-utils")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", out)
	}
	width, _ = strconv.ParseFloat(string(m[1]), 64)
	height, _ = strconv.ParseFloat(string(m[2]), 64)
	return width, height
}

// TestStyleDrivesParallelEdition builds the parallel edition (and the
// English instrument) in the
// built-in style and in a Letter style with other margins and type: the
// PDF is on the style's paper turned landscape (pdfinfo) in its body size
// (pdftotext -bbox), its text starting at the style's left margin (25 mm
// built in, 30 mm in the Letter style) as in the DOCX; the DOCX has the
// landscape paper, the style's margins (w:pgSz, w:pgMar) and its body size
// (the default w:sz).
func TestStyleDrivesParallelEdition(t *testing.T) {
	basePDF, baseDOCX := styledParallel(t, "")
	const house = `page:
  size: Letter
  margins: {top: 25mm, bottom: 20mm, left: 30mm, right: 20mm}
type:
  body: 11pt
  leading: 13pt
`
	pdfData, docxData := styledParallel(t, house)

	if w, h := pdfPageSize(t, basePDF); w < 841.8 || w > 842 || h < 595.2 || h > 595.4 {
		t.Errorf("built-in style: page %.2f x %.2f pt, want A4 landscape (841.89 x 595.28)", w, h)
	}
	if w, h := pdfPageSize(t, pdfData); w != 792 || h != 612 {
		t.Errorf("Letter style: page %.2f x %.2f pt, want Letter landscape (792 x 612)", w, h)
	}
	// The instrument itself is on Letter too (it used to be A4 whatever
	// the style).
	instrument, _ := styledBuild(t, house)
	if w, h := pdfPageSize(t, instrument); w != 612 || h != 792 {
		t.Errorf("Letter style: the instrument's page is %.2f x %.2f pt, want Letter (612 x 792)", w, h)
	}
	base, styled := pdfWords(t, basePDF), pdfWords(t, pdfData)
	const mm = 72 / 25.4
	for _, c := range []struct {
		name   string
		words  []pdfwords.Word
		margin float64 // mm
	}{{"built-in style", base, 25}, {"Letter style", styled, 30}} {
		if x := pdfwords.LeftEdge(c.words); x < c.margin*mm-0.5 || x > c.margin*mm+0.5 {
			t.Errorf("%s: page 1's text starts at %.1f pt, want the style's %g mm (%.1f pt)", c.name, x, c.margin, c.margin*mm)
		}
	}
	hb, hs := pdfwords.BodyHeight(base), pdfwords.BodyHeight(styled)
	if r := hs / hb; r < 11.0/12-0.03 || r > 11.0/12+0.03 {
		t.Errorf("body word height %.1f pt in the Letter style, %.1f pt built in: ratio %.3f, want 11/12", hs, hb, r)
	}

	for _, c := range []struct {
		data                   []byte
		part, elem, attr, want string
	}{
		{baseDOCX, "word/document.xml", "pgSz", "w", "16838"},
		{baseDOCX, "word/document.xml", "pgSz", "h", "11906"},
		{baseDOCX, "word/document.xml", "pgMar", "left", "1418"},
		{baseDOCX, "word/styles.xml", "sz", "val", "24"},
		{docxData, "word/document.xml", "pgSz", "w", "15840"},
		{docxData, "word/document.xml", "pgSz", "h", "12240"},
		{docxData, "word/document.xml", "pgSz", "orient", "landscape"},
		{docxData, "word/document.xml", "pgMar", "left", "1701"},
		{docxData, "word/document.xml", "pgMar", "right", "1134"},
		{docxData, "word/document.xml", "pgMar", "top", "1418"},
		{docxData, "word/document.xml", "pgMar", "bottom", "1134"},
		{docxData, "word/styles.xml", "sz", "val", "22"},
	} {
		if got := docxAttr(t, c.data, c.part, c.elem, c.attr); got != c.want {
			t.Errorf("%s w:%s %s = %s, want %s", c.part, c.elem, c.attr, got, c.want)
		}
	}
}
