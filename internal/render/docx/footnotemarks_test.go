package docx_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/render/docx"
	house "github.com/chancery-dev/chancery/internal/style"
)

// marksProject is a fictitious memorandum with a footnote in nearly every
// paragraph over several pages, in a style marking footnotes *, †, ‡ …
// afresh on every page.
const marksProject = repoRoot + "/testdata/footnote-marks"

// renderMarks renders the memorandum in its style, changed by edit.
func renderMarks(t *testing.T, edit func(*house.Style)) []byte {
	t.Helper()
	res, diags := build.Assemble(os.DirFS(marksProject), build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	st := *res.Styles["marks"]
	edit(&st)
	l, err := res.Engine.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := docx.Write(&buf, res.Project.Document("marks"), docx.Options{Lang: l, Time: testTime(), Style: &st}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFootnotePropertiesFromTheStyle: the style's marks and restart are
// w:footnotePr in the settings and the section; a style numbering through
// the document writes none (Word's default).
func TestFootnotePropertiesFromTheStyle(t *testing.T) {
	type props struct {
		NumFmt struct {
			Val string `xml:"val,attr"`
		} `xml:"footnotePr>numFmt"`
		Restart struct {
			Val string `xml:"val,attr"`
		} `xml:"footnotePr>numRestart"`
	}
	for _, tt := range []struct {
		name            string
		notes           house.Footnotes
		numFmt, restart string
	}{
		{"symbols per page", house.Footnotes{Marks: house.SymbolMarks, Restart: house.RestartPage}, "chicago", "eachPage"},
		{"numbers per page", house.Footnotes{Restart: house.RestartPage}, "", "eachPage"},
		{"symbols", house.Footnotes{Marks: house.SymbolMarks}, "chicago", ""},
		{"numbers", house.Footnotes{}, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, parts := unzip(t, renderMarks(t, func(s *house.Style) { s.Footnotes = tt.notes }))
			var settings props
			if err := xml.Unmarshal(parts["word/settings.xml"], &settings); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Sect props `xml:"body>sectPr"`
			}
			if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
				t.Fatal(err)
			}
			for where, p := range map[string]props{"settings": settings, "sectPr": doc.Sect} {
				if p.NumFmt.Val != tt.numFmt || p.Restart.Val != tt.restart {
					t.Errorf("%s: numFmt %q, numRestart %q; want %q, %q", where, p.NumFmt.Val, p.Restart.Val, tt.numFmt, tt.restart)
				}
			}
		})
	}
}

// TestLibreOfficeRestartsFootnotesOnEachPage converts the memorandum with
// LibreOffice: under per-page restart the first footnote at the foot of
// page 2 (and of page 1) reads * in the symbols style, 1 in numbers.
func TestLibreOfficeRestartsFootnotesOnEachPage(t *testing.T) {
	docs := map[string][]byte{
		"symbols": renderMarks(t, func(*house.Style) {}),
		"numbers": renderMarks(t, func(s *house.Style) { s.Footnotes.Marks = house.NumberMarks }),
	}
	pdfs := convertAllWithLibreOffice(t, docs)
	note := regexp.MustCompile(`^(\S+) (Prepared for testing|Note on|Second note on)`)
	for name, first := range map[string]string{"symbols": "*", "numbers": "1"} {
		for _, page := range []string{"1", "2"} {
			out, err := exec.Command("pdftotext", "-layout", "-f", page, "-l", page, pdfs[name], "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			var marks []string
			for _, line := range strings.Split(string(out), "\n") {
				if m := note.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
					marks = append(marks, m[1])
				}
			}
			if len(marks) < 2 || marks[0] != first {
				t.Errorf("%s, page %s: the footnotes are marked %q, want the first %q", name, page, marks, first)
			}
			if name == "symbols" && len(marks) >= 3 && strings.Join(marks[:3], " ") != "* † ‡" {
				t.Errorf("%s, page %s: marks %q, want * † ‡ first", name, page, marks)
			}
		}
	}
}
