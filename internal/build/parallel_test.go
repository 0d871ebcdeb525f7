package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lower"
)

const agreement = repoRoot + "/testdata/agreement"

// parallelBuild builds the trilingual fixture's en-ru and en-ru-kk
// parallel editions in formats.
func parallelBuild(t *testing.T, final bool, formats ...string) *Result {
	t.Helper()
	res, diags := Build(os.DirFS(agreement), Options{Final: final, Formats: formats, Parallel: []string{"en-ru", "ru-kk-en"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	return res
}

func outputNames(res *Result) []string {
	var out []string
	for _, o := range res.Outputs {
		out = append(out, o.Name)
	}
	return out
}

// TestParallelNames writes the parallel editions named by their languages
// in the document's order, for every copy, in the formats that have them.
func TestParallelNames(t *testing.T) {
	names := outputNames(parallelBuild(t, false, "txt", "pdf", "docx", "html"))
	for _, want := range []string{"agr.en-ru.pdf", "agr.en-ru.docx", "agr.en-ru.html", "agr.en-ru-kk.pdf", "agr.en-ru-kk.docx", "agr.en-ru-kk.html", "agr.en.txt", "agr.kk.pdf"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s in %v", want, names)
		}
	}
	if slices.Contains(names, "agr.en-ru.txt") {
		t.Error("a text parallel edition was written")
	}
	names = outputNames(parallelBuild(t, true, "pdf"))
	for _, want := range []string{"agr.en-ru.original-1.pdf", "agr.en-ru.original-2.pdf", "agr.en-ru-kk.original-2.pdf"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s in %v", want, names)
		}
	}
	_, diags := Build(os.DirFS(agreement), Options{Formats: []string{"pdf"}, Parallel: []string{"en-fr"}})
	if !diags.HasErrors() || !strings.Contains(fmt.Sprint(diags), `agr: parallel edition "en-fr": the document is not written in "fr" (its languages: en, ru, kk)`) {
		t.Errorf("en-fr: %v", diags)
	}
}

// paragraphLabels lists the labels of the fixture's paragraphs (depth 1).
func paragraphLabels(t *testing.T, res *Result) []string {
	t.Helper()
	doc := res.Project.Documents[0]
	l, err := res.Engine.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	in, err := lower.Lower(doc, l, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, b := range in.Blocks {
		if u, ok := b.(*lower.Unit); ok && u.Depth == 1 && u.Label != "" {
			labels = append(labels, u.Label)
		}
	}
	if len(labels) < 15 {
		t.Fatalf("only %d paragraph labels", len(labels))
	}
	return labels
}

// TestParallelPDF reads the parallel PDFs with pdftotext -layout: every
// paragraph's label stands on one line in every column (4.1 facing 4.1).
func TestParallelPDF(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	res := parallelBuild(t, false, "pdf")
	dir := t.TempDir()
	for name, columns := range map[string]int{"agr.en-ru.pdf": 2, "agr.en-ru-kk.pdf": 3} {
		var data []byte
		for _, o := range res.Outputs {
			if o.Name == name {
				data = o.Data
			}
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		lines := strings.Split(string(out), "\n")
		for _, label := range paragraphLabels(t, res) {
			q := regexp.QuoteMeta(label)
			re := regexp.MustCompile(`^\s*` + q + strings.Repeat(`\s.*\s`+q, columns-1) + `\s`)
			if !slices.ContainsFunc(lines, re.MatchString) {
				t.Errorf("%s: no line has %s in all %d columns", name, label, columns)
			}
		}
		if !strings.Contains(string(out), "DRAFT / ПРОЕКТ") {
			t.Errorf("%s: no marking in the page head", name)
		}
	}
}

// TestParallelDOCX converts the parallel DOCX with LibreOffice: it opens,
// and every paragraph's three versions follow each other, en, ru, kk.
func TestParallelDOCX(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	res := parallelBuild(t, false, "docx")
	dir := t.TempDir()
	var files []string
	for _, o := range res.Outputs {
		if o.Name == "agr.en-ru-kk.docx" || o.Name == "agr.en-ru.docx" {
			path := filepath.Join(dir, o.Name)
			if err := os.WriteFile(path, o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
	}
	convertToText(t, dir, files)
	data, err := os.ReadFile(filepath.Join(dir, "txt", "agr.en-ru-kk.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	for _, want := range []string{
		"4.1\tThe Parties shall cooperate in the following forms:\n4.1\tСтороны осуществляют сотрудничество в следующих формах:\n4.1\tТараптар мынадай нысандарда ынтымақтасады:\n",
		"8.2\tThis Agreement is concluded for a period of five (5) years",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("agr.en-ru-kk.docx as text lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "txt", "agr.en-ru.txt")); err != nil {
		t.Errorf("agr.en-ru.docx: %v", err)
	}
}

// TestParallelHTML: tidy accepts the page, every link has its target in
// the same column, and every cell says its language.
func TestParallelHTML(t *testing.T) {
	tidy := clienttest.Command(t, "tidy", "tidy")
	res := parallelBuild(t, false, "html")
	var page string
	for _, o := range res.Outputs {
		if o.Name == "agr.en-ru-kk.html" {
			page = string(o.Data)
		}
	}
	path := filepath.Join(t.TempDir(), "agr.en-ru-kk.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tidy, "-errors", "-q", path).CombinedOutput(); err != nil {
		t.Errorf("tidy: %v\n%s", err, out)
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	for _, want := range []string{`<td lang="kk">`, "<a href=\"#ru-authorities.designation\">пунктом\u00a03.1</a>", `<p class="unit d1" id="kk-areas.forms"><span class="label">4.1 </span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
