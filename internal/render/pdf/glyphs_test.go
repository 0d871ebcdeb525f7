package pdf_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

const missingGlyphProject = repoRoot + "/testdata/pdf/missing-glyph"

func diagLines(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestBuildReportsMissingGlyphs builds a project whose clauses hold
// characters the font lacks: the build fails, naming each at its
// file:line:col, and writes no PDF.
func TestBuildReportsMissingGlyphs(t *testing.T) {
	res, diags := build.Build(os.DirFS(missingGlyphProject), build.Options{Formats: []string{"pdf"}})
	want := strings.Join([]string{
		// A plain scalar in a flow mapping: the character's own column.
		"clauses/snowman/01-weather.yaml:3:20: error: character U+2603 ☃ is not in the font Liberation Serif [missing-glyph]",
		// A single-quoted scalar, after two escaped asterisks, in
		// emphasis and in a placeholder.
		"clauses/snowman/01-weather.yaml:6:31: error: character U+2603 ☃ is not in the font Liberation Serif [missing-glyph]",
		"clauses/snowman/01-weather.yaml:6:42: error: character U+2603 ☃ is not in the font Liberation Serif [missing-glyph]",
		"clauses/snowman/01-weather.yaml:6:57: error: character U+2603 ☃ is not in the font Liberation Serif [missing-glyph]",
		// A folded block scalar spans lines: its own position.
		"clauses/snowman/01-weather.yaml:9:11: error: character U+2600 ☀ is not in the font Liberation Serif [missing-glyph]",
		// A double-quoted scalar.
		"clauses/snowman/document.yaml:7:19: error: character U+2603 ☃ is not in the font Liberation Serif [missing-glyph]",
	}, "\n") + "\n"
	var errs diag.List
	for _, d := range diags {
		if d.Code == "missing-glyph" {
			errs = append(errs, d)
		}
	}
	if got := diagLines(errs); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s\n(all: %v)", got, want, diags)
	}
	for _, d := range errs {
		if !strings.Contains(d.Hint, "Liberation Serif") || !strings.Contains(d.Hint, "replace the character") {
			t.Errorf("hint %q", d.Hint)
		}
	}
	if len(res.Outputs) != 0 {
		t.Errorf("the build wrote %d files", len(res.Outputs))
	}
}

// TestWriteRefusesMissingGlyphs: rendering without the check fails
// rather than print an empty box.
func TestWriteRefusesMissingGlyphs(t *testing.T) {
	doc, e := assemble(t, missingGlyphProject, "snowman", false)
	var buf bytes.Buffer
	_, err := pdf.Write(&buf, doc, pdf.Options{Lang: language(t, e, "en")})
	const want = "pdf: character U+2603 ☃ is not in the font Liberation Serif Bold"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written", buf.Len())
	}
}

func TestCheckGlyphsCoversLanguageWords(t *testing.T) {
	doc, e := assemble(t, repoRoot+"/testdata/agreement", "agr", false)
	if err := e.AddTerms("en", []byte("words:\n  draft: DRAFT ☃\n  date: Date ⌚\n")); err != nil {
		t.Fatal(err)
	}
	got := diagLines(pdf.CheckGlyphs(doc, language(t, e, "en")))
	want := `clauses/agr/document.yaml:6:1: error: character U+231A ⌚ is not in the font Liberation Serif (in the word "Date ⌚" of the en language data) [missing-glyph]
clauses/agr/document.yaml:6:1: error: character U+2603 ☃ is not in the font Liberation Serif (in the word "DRAFT ☃" of the en language data) [missing-glyph]
`
	if got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	// A final document prints no DRAFT, so its word does not matter.
	doc.Status = model.StatusFinal
	got = diagLines(pdf.CheckGlyphs(doc, language(t, e, "en")))
	if strings.Contains(got, "DRAFT") || !strings.Contains(got, "Date ⌚") {
		t.Errorf("final document:\n%s", got)
	}
}

func TestCheckGlyphsOnTheExamples(t *testing.T) {
	tests := []struct {
		dir, id string
	}{
		{repoRoot, example(t).Enclosure},
		{repoRoot + "/testdata/pdf/alphabets", "alphabets"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			doc, e := assemble(t, tt.dir, tt.id, false)
			for _, tag := range doc.Languages {
				if got := pdf.CheckGlyphs(doc, language(t, e, tag)); len(got) != 0 {
					t.Errorf("%s: %v", tag, got)
				}
			}
		})
	}
}

func TestWriteNeedsALanguage(t *testing.T) {
	doc, _ := assemble(t, repoRoot, example(t).Enclosure, false)
	if _, err := pdf.Write(&bytes.Buffer{}, doc, pdf.Options{}); err == nil || err.Error() != "pdf: no language" {
		t.Errorf("error = %v", err)
	}
}
