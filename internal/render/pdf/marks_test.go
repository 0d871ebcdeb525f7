package pdf_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	house "github.com/chancery-dev/chancery/internal/style"
)

// renderStyled assembles the project in dir and renders its document id
// in language tag, in the house style the document names.
func renderStyled(t *testing.T, dir, id, tag string) []byte {
	t.Helper()
	res, diags := build.Assemble(os.DirFS(dir), build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assembling %s: %v", dir, diags)
	}
	doc := res.Project.Document(id)
	if doc == nil {
		t.Fatalf("%s has no document %q", dir, id)
	}
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, doc, pdf.Options{Lang: language(t, res.Engine, tag), Time: stamp(), Style: res.Styles[id]}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFootnoteMarksRestartOnEveryPage: in a style whose footnotes take
// symbols counted afresh on each page, every page's marks run *, †, ‡ …
// from the first, in the text and at the foot alike.
func TestFootnoteMarksRestartOnEveryPage(t *testing.T) {
	data := renderStyled(t, repoRoot+"/testdata/footnote-marks", "marks", "en")
	cited := regexp.MustCompile(`(MEMORANDUM|\w+\s+case|\w+\s+remark)([*†‡§]+)`)
	markLine := regexp.MustCompile(`^[*†‡§]+$`)
	pages := strings.Split(strings.TrimRight(pdftotext(t, data, "-layout"), "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3 for the test to mean anything", len(pages))
	}
	for i, text := range pages {
		var body []string             // marks in the text, in order
		inText := map[string]string{} // what cites -> its mark
		for _, m := range cited.FindAllStringSubmatch(text, -1) {
			body = append(body, m[2])
			inText[strings.Fields(m[1])[0]] = m[2]
		}
		if len(body) == 0 {
			t.Errorf("page %d cites no footnote", i+1)
			continue
		}
		for k, m := range body {
			if want := house.Symbol(k + 1); m != want {
				t.Errorf("page %d: mark %d in the text is %q, want %q (marks %q)", i+1, k+1, m, want, body)
			}
		}
		// At the foot, each mark stands above its note's first line.
		lines := nonEmpty(text)
		atFoot := map[string]string{}
		for k := 0; k+1 < len(lines); k++ {
			if !markLine.MatchString(lines[k]) {
				continue
			}
			note := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(lines[k+1], "Second note on "), "Note on "))
			if strings.HasPrefix(lines[k+1], "Prepared for testing") {
				note = []string{"MEMORANDUM"}
			}
			if len(note) > 0 {
				atFoot[strings.Trim(note[0], ".,")+"/"+lines[k]] = lines[k]
			}
		}
		for who, m := range inText {
			if _, ok := atFoot[who+"/"+m]; !ok {
				t.Errorf("page %d: %s is marked %q in the text, but no note at the foot has that mark (%v)", i+1, who, m, atFoot)
			}
		}
	}
}
