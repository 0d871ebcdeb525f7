package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// footnotesParallel builds the trilingual memorandum with footnotes,
// fields and links (testdata/footnotes) as its en-ru-kk parallel edition
// and returns the edition's files by extension.
func footnotesParallel(t *testing.T) map[string][]byte {
	t.Helper()
	res, diags := Build(os.DirFS(repoRoot+"/testdata/footnotes"), Options{Formats: []string{"pdf", "docx", "html"}, Parallel: []string{"en-ru-kk"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	out := map[string][]byte{}
	for _, o := range res.Outputs {
		if strings.HasPrefix(o.Name, "memo.en-ru-kk.") {
			out[filepath.Ext(o.Name)] = o.Data
		}
	}
	if len(out) != 3 {
		t.Fatalf("%d files of the parallel edition, want PDF, DOCX and HTML", len(out))
	}
	return out
}

// TestParallelEditionFootnotesPDF: each column of the PDF marks its
// language's footnotes from 1 and prints them at the end of the edition,
// and the fields stand in every column.
func TestParallelEditionFootnotesPDF(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	file := filepath.Join(t.TempDir(), "memo.pdf")
	if err := os.WriteFile(file, footnotesParallel(t)[".pdf"], 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !regexp.MustCompile(`MEMORANDUM1\s+МЕМОРАНДУМ1\s+МЕМОРАНДУМ1`).MatchString(text) {
		t.Errorf("the title lines are not each marked 1:\n%s", text)
	}
	for _, want := range []string{"Место:", "Байланыс:", "Prepared for testing; not an official text.", "Подготовлен для проверки;", "Тексеру үшін дайындалған; ресми мәтін емес.", "План изложен в пункте 2.2."} {
		if !strings.Contains(text, want) {
			t.Errorf("the parallel edition lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "МЕМОРАНДУМ0") {
		t.Error("a footnote is marked 0")
	}
}

// TestParallelEditionFootnotesDOCX: the DOCX has every column's notes in
// word/footnotes.xml under ids of their own, each reference carrying its
// column's mark (w:customMarkFollows), and every link its relationship.
func TestParallelEditionFootnotesDOCX(t *testing.T) {
	data := footnotesParallel(t)[".docx"]
	body, notes, rels := docxPart(t, data, "word/document.xml"), docxPart(t, data, "word/footnotes.xml"), docxPart(t, data, "word/_rels/document.xml.rels")
	refs := regexp.MustCompile(`<w:footnoteReference w:customMarkFollows="1" w:id="(\d+)"/><w:t>([^<]*)</w:t>`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, r := range refs {
		got = append(got, r[1]+":"+r[2])
		if !strings.Contains(notes, `<w:footnote w:id="`+r[1]+`">`) {
			t.Errorf("footnote %s is cited but not in footnotes.xml", r[1])
		}
	}
	// Numbered as cited, row by row and column by column: the title's
	// notes, then 1.1's; each marked in its column's count.
	if want := "1:1 2:1 3:1 4:2 5:2 6:2"; strings.Join(got, " ") != want {
		t.Errorf("references %q, want %q", strings.Join(got, " "), want)
	}
	if strings.Count(body, "<w:footnoteReference ") != len(refs) {
		t.Errorf("%d references, %d with custom marks", strings.Count(body, "<w:footnoteReference "), len(refs))
	}
	if !strings.Contains(notes, `<w:t>1</w:t></w:r><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr><w:t xml:space="preserve">Подготовлен`) {
		t.Errorf("the Russian note does not start with its mark 1:\n%s", notes)
	}
	for _, m := range regexp.MustCompile(`<w:hyperlink r:id="(rId\d+)"`).FindAllStringSubmatch(body, -1) {
		if !strings.Contains(rels, `Id="`+m[1]+`"`) {
			t.Errorf("hyperlink %s has no relationship", m[1])
		}
	}
	if !strings.Contains(body, "Место:") {
		t.Error("the fields are missing")
	}
}

// TestParallelEditionFootnotesHTML: each column links its marks to its
// own notes, under ids prefixed with its language, and every link of the
// page has its target.
func TestParallelEditionFootnotesHTML(t *testing.T) {
	page := string(footnotesParallel(t)[".html"])
	for _, want := range []string{
		`<a href="#ru-fn-1" id="ru-fnref-1">1</a>`,
		`<li id="kk-fn-2"><span class="fnmark">2</span> Жоспар`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !ids[m[1]] {
			t.Errorf("href #%s has no target", m[1])
		}
	}
}
