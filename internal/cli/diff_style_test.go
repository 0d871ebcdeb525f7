package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chancery-dev/chancery/internal/docxread"
)

// TestDiffRedlineTakesTheHouseStyle writes a DOCX redline of a fictitious
// memorandum (testdata/footnote-marks, A4 with 25 mm margins and the
// default 12 pt body) whose new version's house style is on US Letter with
// other margins and body size, and finds them in the redline's w:pgSz,
// w:pgMar and default w:sz: chancery diff lays the redline out in the new
// version's style.
func TestDiffRedlineTakesTheHouseStyle(t *testing.T) {
	const (
		marks = "../../testdata/footnote-marks"
		style = "templates/chicago/style.yaml"
	)
	old := projectCopy(t, marks, [3]string{"clauses/marks/01-work.yaml", "This is the alpha case", "This is the first case"})
	dir := projectCopy(t, marks,
		[3]string{style, "size: A4", "size: Letter"},
		[3]string{style, "left: 25mm, right: 25mm", "left: 30mm, right: 20mm"},
		[3]string{style, "\nfootnotes:\n", "\ntype:\n  body: 11pt\nfootnotes:\n"})
	code, _, stderr := runIn(dir, "diff", old, ".", "--document", "marks", "-o", "redline.docx")
	if code != ExitOK {
		t.Fatalf("chancery diff: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "redline.docx"))
	if err != nil {
		t.Fatal(err)
	}
	parts, err := docxread.Parts(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ part, pattern string }{
		{"word/document.xml", `<w:pgSz w:w="12240" w:h="15840"/>`},
		{"word/document.xml", `<w:pgMar w:top="1418" w:right="1134" w:bottom="1247" w:left="1701" `},
		{"word/styles.xml", `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*/><w:sz w:val="22"/>`},
	} {
		if !regexp.MustCompile(c.pattern).Match(parts[c.part]) {
			t.Errorf("%s lacks %s", c.part, c.pattern)
		}
	}
}
