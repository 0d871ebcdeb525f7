package build

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/gen"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// wordProjects are the projects whose outputs must read alike: the
// example, the trilingual fixture and a generated 1,000-paragraph treaty.
func wordProjects() []struct {
	name string
	fsys fs.FS
} {
	return []struct {
		name string
		fsys fs.FS
	}{
		{"example", os.DirFS(repoRoot)},
		{"agreement", os.DirFS(repoRoot + "/testdata/agreement")},
		{"treaty", gen.Treaty(1000)},
	}
}

// TestEveryFormatPrintsTheSameWords builds every document of the projects
// in every language and copy (draft, final or original 1 and 2) and
// checks that the text output, pdftotext on the PDF, the DOCX as
// LibreOffice converts it to text (so that Word list numbers count) and
// the HTML with its tags stripped give the same words in the same order,
// once page furniture (lines holding only the copy's marking or a page
// number) is set aside. Two differences of spelling are folded: a token
// of punctuation alone joins the word before it (LibreOffice writes "12
// :" for a list number with a trailer), and runs of underscores (the
// text copy's signature rules) are not words. The signature table is laid
// out in columns, which every format reads in its own order (the text by
// party, the others row by row), so its words are compared as a
// multiset; everything before it must match word for word.
func TestEveryFormatPrintsTheSameWords(t *testing.T) {
	if testing.Short() {
		t.Skip("converts every output with LibreOffice")
	}
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	type built struct {
		project string
		name    string // output name without extension
		lang    string
		sigAt   int // where the signature table starts in the text copy's words
		text    []string
		marking []string
	}
	var all []built
	var docxFiles []string
	formats := []string{"txt", "pdf", "docx"}
	if _, ok := format.Lookup("html"); ok {
		formats = append(formats, "html")
	}
	for _, p := range wordProjects() {
		for _, final := range []bool{false, true} {
			res, diags := Build(p.fsys, Options{Final: final, Formats: formats})
			if diags.HasErrors() {
				t.Fatalf("%s (final %v): %v", p.name, final, diags)
			}
			for _, o := range res.Outputs {
				doc, tag, ok := ofDocument(res.Project, o.Name)
				if !ok || hasFootnotes(doc) {
					// A note verbale; or a document with footnotes, which
					// each format places in its own way (at the foot of
					// the page, at the end, as linked notes): they have
					// tests of their own.
					continue
				}
				stem := p.name + map[bool]string{false: ".draft.", true: ".final."}[final] + strings.TrimSuffix(o.Name, filepath.Ext(o.Name))
				if err := os.WriteFile(filepath.Join(dir, stem+filepath.Ext(o.Name)), o.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				switch filepath.Ext(o.Name) {
				case ".docx":
					docxFiles = append(docxFiles, filepath.Join(dir, stem+".docx"))
				case ".txt":
					l, err := res.Engine.Language(tag)
					if err != nil {
						t.Fatal(err)
					}
					b := built{project: p.name, name: stem, lang: tag, marking: furniture(t, l, doc)}
					b.text = words(string(o.Data), b.marking, l)
					b.sigAt = signatureStart(doc, tag, b.text)
					all = append(all, b)
				}
			}
		}
	}
	// The example and the treaty: a draft and a final copy in one
	// language; the agreement: a draft and two originals in three.
	if len(all) != 2+2+3*3 {
		t.Fatalf("%d text outputs, want 13", len(all))
	}
	convertToText(t, dir, docxFiles)
	engine, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		l, _ := engine.Language(b.lang)
		others := map[string]string{}
		out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", filepath.Join(dir, b.name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", b.name, err)
		}
		others["pdf"] = string(out)
		data, err := os.ReadFile(filepath.Join(dir, "txt", b.name+".txt"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no text of %s.docx: %v", b.name, err)
		}
		// The DOCX joins a number to its suffix ("3.1-тармағына") with a
		// non-breaking hyphen, which LibreOffice writes as U+2011.
		others["docx"] = strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\u2011", "-")
		if slices.Contains(formats, "html") {
			data, err := os.ReadFile(filepath.Join(dir, b.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			others["html"] = htmlText(string(data))
		}
		for _, f := range slices.Sorted(mapsKeys(others)) {
			got := words(others[f], b.marking, l)
			if msg := compareWords(b.text, got, b.sigAt); msg != "" {
				t.Errorf("%s: the %s reads differently from the text copy: %s", b.name, f, msg)
			}
		}
	}
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// hasFootnotes reports whether a text of doc has a footnote.
func hasFootnotes(doc *model.Document) bool {
	found := false
	doc.Texts(func(t model.Text) {
		for _, loc := range t {
			found = found || len(model.Footnotes(loc.Runs)) > 0
		}
	})
	return found
}

// ofDocument finds the document and language an output name belongs to:
// <id>.<lang>[.original-N].<ext>.
func ofDocument(p *model.Project, name string) (*model.Document, string, bool) {
	parts := strings.Split(name, ".")
	if len(parts) < 3 {
		return nil, "", false
	}
	doc := p.Document(parts[0])
	if doc == nil || !slices.Contains(doc.Languages, parts[1]) {
		return nil, "", false
	}
	return doc, parts[1], true
}

// furniture lists the lines that may stand on their own as page
// furniture: the DRAFT word and the markings of the originals.
func furniture(t *testing.T, l *lang.Language, doc *model.Document) []string {
	t.Helper()
	draft, err := l.Word("draft")
	if err != nil {
		t.Fatal(err)
	}
	out := []string{draft}
	for n := 1; n <= doc.Final.Originals; n++ {
		m, err := l.Expand("original-of", map[string]string{"n": fmt.Sprint(n), "total": fmt.Sprint(doc.Final.Originals)})
		if err != nil {
			t.Fatal(err)
		}
		// pdftotext and LibreOffice may give a no-break space ("№ 1") as
		// a space.
		out = append(out, m, strings.ReplaceAll(m, lang.NoBreakSpace, " "))
	}
	return out
}

// words splits text into words, leaving out furniture lines (markings and
// "Page n of N" in l's words), runs of underscores, and gluing a token of
// punctuation alone to the word before it.
func words(text string, marking []string, l *lang.Language) []string {
	pageOf, _ := l.Word("page-of")
	folio := regexp.MustCompile("^" + strings.NewReplacer(`\{page\}`, `[0-9]+`, `\{total\}`, `[0-9]+`).Replace(regexp.QuoteMeta(pageOf)) + "$")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(strings.Trim(line, "\f"))
		if slices.Contains(marking, trimmed) || (pageOf != "" && folio.MatchString(trimmed)) {
			continue
		}
		for _, w := range strings.Fields(line) {
			switch {
			case strings.Trim(w, "_") == "":
				continue
			case len(out) > 0 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsPunct(r) }) < 0:
				out[len(out)-1] += w
			default:
				out = append(out, w)
			}
		}
	}
	return out
}

// signatureStart is where the signature table's words start in the text
// copy's words: after the closing clause's last word.
func signatureStart(doc *model.Document, tag string, ws []string) int {
	if doc.Closing == nil {
		return len(ws)
	}
	closing := strings.Fields(model.PlainText(doc.Closing[tag].Runs))
	last := closing[len(closing)-1]
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == last {
			return i + 1
		}
	}
	return len(ws)
}

// compareWords says how got differs from want ("" when it does not): the
// words before sigAt in order, the rest as a multiset.
func compareWords(want, got []string, sigAt int) string {
	n := min(len(want), len(got), sigAt)
	for i := range n {
		if want[i] != got[i] {
			return fmt.Sprintf("word %d is %q, want %q (after %q)", i+1, got[i], want[i], strings.Join(want[max(0, i-8):i], " "))
		}
	}
	if len(got) < sigAt {
		return fmt.Sprintf("it ends after %d words, before the signature table (word %d); last words %q", len(got), sigAt+1, strings.Join(got[max(0, len(got)-8):], " "))
	}
	a, b := slices.Clone(want[sigAt:]), slices.Clone(got[sigAt:])
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		return fmt.Sprintf("the signature table has the words %q, want %q", got[sigAt:], want[sigAt:])
	}
	return ""
}

// convertToText converts the .docx files to text with LibreOffice in one
// run, into dir/txt.
func convertToText(t *testing.T, dir string, files []string) {
	t.Helper()
	docs := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = data
	}
	if err := os.MkdirAll(filepath.Join(dir, "txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, txt := range clienttest.ConvertWithLibreOffice(t, docs, "txt:Text (encoded):UTF8") {
		data, err := os.ReadFile(txt)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "txt", strings.TrimSuffix(name, ".docx")+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// htmlText is an HTML page's text as a reader sees it: the body's
// character data, block elements on lines of their own, entities decoded.
func htmlText(page string) string {
	if i := strings.Index(page, "<body"); i >= 0 {
		page = page[i:]
	}
	block := regexp.MustCompile(`(?i)</?(p|div|h[1-6]|li|tr|td|th|table|section|header|footer|br)\b[^>]*>`)
	page = block.ReplaceAllString(page, "\n")
	page = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, "")
	return html.UnescapeString(page)
}
