package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// checkFonts runs testdata/check_fonts.py (pikepdf and fontTools) on a
// PDF: every embedded font program opens with right checksums, and every
// character code is drawn with the original face's glyph for its
// character, at the width the PDF gives it. It returns the checker's
// output and whether it passed.
func checkFonts(t *testing.T, data []byte) (string, bool) {
	t.Helper()
	python := clienttest.Python(t, "pikepdf", "python3-pikepdf")
	clienttest.Python(t, "fontTools", "python3-fonttools")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/check_fonts.py", file, repoRoot+"/internal/fonts").CombinedOutput()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatal(err)
	}
	return string(out), err == nil
}

// TestEmbeddedFonts checks the fonts of the MoU and of the Russian and
// Kazakh alphabets in the four faces.
func TestEmbeddedFonts(t *testing.T) {
	docs := map[string][]byte{}
	docs["mou"], _ = mou(t)
	doc, e := assemble(t, repoRoot+"/testdata/pdf/alphabets", "alphabets", false)
	for _, tag := range []string{"ru", "kk"} {
		docs["alphabets-"+tag], _ = render(t, doc, language(t, e, tag))
	}
	for name, data := range docs {
		t.Run(name, func(t *testing.T) {
			out, ok := checkFonts(t, data)
			if !ok {
				t.Fatalf("check_fonts.py:\n%s", out)
			}
			faces := strings.Count(out, " characters, ")
			if want := map[bool]int{true: 3, false: 4}[name == "mou"]; faces != want {
				t.Errorf("%d faces embedded, want %d:\n%s", faces, want, out)
			}
		})
	}
}

// TestEmbeddedFontsCheckFails shows the checker failing on a PDF whose
// first width is wrong.
func TestEmbeddedFontsCheckFails(t *testing.T) {
	data, _ := mou(t)
	first := regexp.MustCompile(`/W \[1 \[(\d+)`)
	m := first.FindSubmatchIndex(data)
	if m == nil {
		t.Fatal("no widths array in the MoU's PDF")
	}
	// The same number of digits, so that the file's offsets still hold.
	bad := append(append(append([]byte{}, data[:m[2]]...), strings.Repeat("9", m[3]-m[2])...), data[m[3]:]...)
	out, ok := checkFonts(t, bad)
	if ok || !strings.Contains(out, "wide in the PDF") {
		t.Errorf("a wrong width passed:\n%s", out)
	}
}
