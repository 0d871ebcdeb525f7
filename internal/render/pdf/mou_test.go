package pdf_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/wordmatch"
)

func TestMoUPassesQPDF(t *testing.T) {
	data, _ := mou(t)
	out := runTool(t, data, "qpdf", "--check", "{}")
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestMoUEmbedsTheFonts(t *testing.T) {
	data, _ := mou(t)
	out := runTool(t, data, "pdffonts", "{}")
	// name type encoding emb sub uni object ID
	row := regexp.MustCompile(`(?m)^[A-Z]{6}\+(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)\s`)
	got := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(out, -1) {
		got[m[1]] = "emb " + m[2] + ", sub " + m[3] + ", uni " + m[4]
	}
	// The faces the MoU sets text in, each embedded as a subset with a
	// ToUnicode map; bold italic is not used, so it is not embedded at all.
	want := map[string]string{
		"LiberationSerif":        "emb yes, sub yes, uni yes",
		"LiberationSerif-Bold":   "emb yes, sub yes, uni yes",
		"LiberationSerif-Italic": "emb yes, sub yes, uni yes",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pdffonts: got %v, want %v\n%s", got, want, out)
	}
}

// referenceMoU is the MoU part of the reference text, from the DRAFT line
// to the last line of the signature table ("| Date | Date |").
func referenceMoU(t *testing.T) string {
	t.Helper()
	ref, err := os.ReadFile(example(t).NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	part := wordmatch.Between(string(ref), "**DRAFT", "| Date")
	if !strings.HasPrefix(part, "**DRAFT") || !strings.HasSuffix(strings.TrimSpace(part), "| Date | Date |") {
		t.Fatalf("reference MoU runs from %.20q to %q", part, part[max(0, len(part)-30):])
	}
	return part
}

func TestMoUCarriesTheReferenceWords(t *testing.T) {
	data, _ := mou(t)
	ref := referenceMoU(t)
	for _, tt := range []struct {
		name  string
		flags []string
	}{
		{"reading order", nil},
		{"layout", []string{"-layout"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := pdftotext(t, data, tt.flags...)
			ratio, n := wordmatch.Ratio(ref, got)
			t.Logf("%d of %d reference words in order (%.2f%%)", n, len(wordmatch.Words(ref)), 100*ratio)
			if ratio < 0.97 {
				t.Errorf("the PDF carries %.2f%% of the reference MoU's words in order, want at least 97%%", 100*ratio)
			}
		})
	}
}

func TestMoUMetadata(t *testing.T) {
	data, pages := mou(t)
	out := runTool(t, data, "pdfinfo", "-isodates", "{}")
	for _, want := range []string{
		"Title:           " + expected(t, "enclosure-title") + "\n",
		"Subject:         " + expected(t, "enclosure-subject") + "\n",
		"Author:          " + expected(t, "enclosure-author") + "\n",
		"Creator:         chancery\n",
		"Producer:        chancery\n",
		"CreationDate:    2024-05-13T10:30:00",
		"ModDate:         2024-05-13T10:30:00",
		fmt.Sprintf("Pages:           %d\n", pages),
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(string(data), "/Lang (en)") {
		t.Error("the catalog has no /Lang (en)")
	}
}

func TestMoUOutline(t *testing.T) {
	data, _ := mou(t)
	out := runTool(t, data, "qpdf", "--json", "--json-key=outlines", "{}")
	titles := regexp.MustCompile(`"title": "([^"]*)"`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, m := range titles {
		got = append(got, m[1])
	}
	want := expectedLines(t, "enclosure-outline")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// pageTexts extracts each page's text.
func pageTexts(t *testing.T, data []byte, pages int) []string {
	t.Helper()
	out := make([]string, pages)
	for p := range pages {
		n := fmt.Sprint(p + 1)
		out[p] = pdftotext(t, data, "-layout", "-f", n, "-l", n)
	}
	return out
}

func TestMoUPages(t *testing.T) {
	tests := []struct {
		name  string
		final bool
	}{
		{"draft", false},
		{"final", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, e := assemble(t, repoRoot, example(t).Enclosure, tt.final)
			data, pages := render(t, doc, language(t, e, "en"))
			if pages < 6 || pages > 12 {
				t.Fatalf("%d pages", pages)
			}
			texts := pageTexts(t, data, pages)
			heading := regexp.MustCompile(`(?m)^\s*\d+:\s+\S.*\n(\s*\n)*\s*\z`)
			for i, text := range texts {
				folio := fmt.Sprintf("Page %d of %d", i+1, pages)
				if !strings.Contains(text, folio) {
					t.Errorf("page %d has no %q", i+1, folio)
				}
				// The marking on every page of a draft, and the title line.
				want := 0
				if !tt.final {
					want = 1
					if i == 0 {
						want = 2
					}
				}
				if got := strings.Count(text, "DRAFT"); got != want {
					t.Errorf("page %d has DRAFT %d times, want %d", i+1, got, want)
				}
				body := strings.TrimSpace(strings.Replace(text, folio, "", 1))
				if m := heading.FindString(body + "\n"); m != "" {
					t.Errorf("page %d ends with the heading %q", i+1, strings.TrimSpace(m))
				}
			}
			// The closing clause and the whole signature table share a page.
			last := texts[pages-1]
			for _, want := range expectedLines(t, "enclosure-last-page") { // the closing clause, a party, the signatories
				if !strings.Contains(last, want) {
					t.Errorf("the last page lacks %q:\n%s", want, last)
				}
			}
			if got := regexp.MustCompile(`Signature:\s+Signature:`).FindAllString(last, -1); len(got) != 1 {
				t.Errorf("the last page has %d rows of signature lines, want 1:\n%s", len(got), last)
			}
			if got := regexp.MustCompile(`Date:\s+Date:`).FindAllString(last, -1); len(got) != 1 {
				t.Errorf("the last page has %d rows of date lines, want 1:\n%s", len(got), last)
			}
		})
	}
}

// TestOutlineInTheDocumentLanguage: the outline's preamble and signature
// entries are words of the document's language, around its sections.
func TestOutlineInTheDocumentLanguage(t *testing.T) {
	doc, e := assemble(t, "../../../testdata/agreement", "agr", false)
	for _, tt := range []struct{ tag, first, last string }{
		{"en", "Preamble", "Signatures"},
		{"ru", "Преамбула", "Подписи"},
		{"kk", "Преамбула", "Қолдар"},
	} {
		t.Run(tt.tag, func(t *testing.T) {
			data, _ := render(t, doc, language(t, e, tt.tag))
			out := runTool(t, data, "qpdf", "--json", "--json-key=outlines", "{}")
			var got []string
			for _, m := range regexp.MustCompile(`"title": "([^"]*)"`).FindAllStringSubmatch(out, -1) {
				got = append(got, m[1])
			}
			if len(got) < 3 || got[0] != tt.first || got[len(got)-1] != tt.last {
				t.Fatalf("outline %q, want %s first and %s last", got, tt.first, tt.last)
			}
			if got := len(got) - 2; got != len(doc.Sections) {
				t.Errorf("outline has %d section entries, want %d", got, len(doc.Sections))
			}
		})
	}
}
