package pdf_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/pdfwords"

	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// TestInformationNoteCarriesTheReferenceWords: pdftotext of the report's
// PDF has at least 95% of the reference's words in order.
func TestInformationNoteCarriesTheReferenceWords(t *testing.T) {
	// The reference is the information note the report reproduces, as
	// extracted from its PDF.
	e := example(t)
	ref, err := os.ReadFile(e.ReportReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	data := renderStyled(t, repoRoot, e.Report(), "en")
	got := pdftotext(t, data)
	ratio, n := wordmatch.Ratio(string(ref), got)
	t.Logf("%d reference words, %.2f%% in order", n, 100*ratio)
	if ratio < 0.95 {
		t.Errorf("only %.2f%% of the reference's words, want at least 95%%", 100*ratio)
	}
}

// TestInformationNoteFootnoteEndsPageOne: the title's footnote stands at
// the foot of page 1, below the body: the last lines of the page's text,
// before the page number, are the note, and its mark follows the title.
func TestInformationNoteFootnoteEndsPageOne(t *testing.T) {
	data := renderStyled(t, repoRoot, example(t).Report(), "en")
	page1 := nonEmpty(pdftotext(t, data, "-layout", "-f", "1", "-l", "1"))
	if len(page1) < 3 {
		t.Fatalf("page 1: %q", page1)
	}
	if !strings.HasPrefix(page1[len(page1)-1], "Page 1 of") {
		t.Fatalf("page 1 ends %q, want the page number", page1[len(page1)-1])
	}
	begins, ends := expected(t, "report-footnote-begins"), expected(t, "report-footnote-ends")
	foot := strings.Join(page1[len(page1)-3:len(page1)-1], " ")
	if !strings.Contains(foot, begins) || !strings.HasSuffix(foot, ends) {
		t.Errorf("page 1's last lines are %q, want the footnote", foot)
	}
	if title := expected(t, "report-title") + "1"; !strings.HasPrefix(page1[0], title) {
		t.Errorf("the title reads %q, want %q, its footnote mark after it", page1[0], title)
	}
	// The note is printed once, on page 1 only.
	if all := pdftotext(t, data); strings.Count(all, begins) != 1 {
		t.Errorf("the footnote is printed %d times", strings.Count(all, begins))
	}
}

// TestFootnotesInRussianAndKazakh: footnotes of Russian and Kazakh texts,
// one of them citing a unit, stand at the foot of page 1 in their
// language.
func TestFootnotesInRussianAndKazakh(t *testing.T) {
	doc, e := assemble(t, repoRoot+"/testdata/footnotes", "memo", false)
	for _, tt := range []struct{ lang, body, first, second string }{
		{"ru", "Стороны согласовывают план работы.", "Подготовлен для проверки; не является официальным текстом.", "План изложен в"},
		{"kk", "Тараптар жұмыс жоспарын келіседі.", "Тексеру үшін дайындалған; ресми мәтін емес.", "Жоспар 2.2-"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			data, _ := render(t, doc, language(t, e, tt.lang))
			page := strings.Join(nonEmpty(pdftotext(t, data, "-layout", "-f", "1", "-l", "1")), "\n")
			body, first, second := strings.Index(page, tt.body), strings.Index(page, tt.first), strings.Index(page, tt.second)
			if body < 0 || first < body || second < first {
				t.Errorf("page 1 has the body's last words at %d, the notes at %d and %d (want them in that order):\n%s", body, first, second, page)
			}
		})
	}
}

// nonEmpty returns the lines of s that are not blank, with trailing
// spaces removed and form feeds dropped.
func nonEmpty(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\f", ""), "\n") {
		if l = strings.TrimRight(l, " "); strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// TestInformationNoteLinksAreClickable: every web and e-mail address of
// the report is a URI link annotation of the PDF.
func TestInformationNoteLinksAreClickable(t *testing.T) {
	data := renderStyled(t, repoRoot, example(t).Report(), "en")
	qdf := runTool(t, data, "qpdf", "--qdf", "--object-streams=disable", "{}", "-")
	var uris []string
	for _, line := range strings.Split(qdf, "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "/URI (") {
			uris = append(uris, strings.TrimSuffix(strings.TrimPrefix(l, "/URI ("), ")"))
		}
	}
	want := expectedLines(t, "report-links")
	if strings.Join(uris, " ") != strings.Join(want, " ") {
		t.Errorf("link annotations %q, want %q", uris, want)
	}
}

// TestInformationNoteIsSetInItsHouseStyle: the report names its own style
// (under templates/), which sets its page apart from the instruments'
// (the project default): the labels of the fields stand at its 20 mm left
// margin (the instruments' is 25 mm).
func TestInformationNoteIsSetInItsHouseStyle(t *testing.T) {
	res, diags := build.Assemble(os.DirFS(repoRoot), build.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	e := example(t)
	if got, want := res.Styles[e.Report()].Name, expected(t, "report-style"); got != want {
		t.Errorf("the report is set in style %q, want %q", got, want)
	}
	if got, want := res.Styles[e.Enclosure].Name, expected(t, "enclosure-style"); got != want {
		t.Errorf("the MoU is set in style %q, want the project default %q", got, want)
	}
	data := renderStyled(t, repoRoot, e.Report(), "en")
	labels := expectedLines(t, "report-labels") // the first two fields
	const ptPerMM = 72 / 25.4
	seen := map[string]bool{}
	for _, word := range pdfwords.Read(t, data, "-f", "1", "-l", "1")[0].Words {
		x := word.XMin
		switch w := word.Text; {
		case slices.Contains(labels, w) && !seen[w]:
			seen[w] = true
			if x < 20*ptPerMM-1 || x > 20*ptPerMM+1 {
				t.Errorf("%q stands at %.1f mm from the left edge, want the style's 20 mm", w, x/ptPerMM)
			}
		}
	}
	if len(seen) != len(labels) {
		t.Errorf("found only %v on page 1", seen)
	}
}
