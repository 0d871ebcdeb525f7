package build

import (
	"encoding/xml"
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
	marks := map[string]string{}
	for _, r := range refs {
		marks[r[1]] = r[2]
	}
	opened := footnoteMarks(t, notes, true)
	if len(opened) != len(refs) {
		t.Errorf("%d notes in footnotes.xml, %d cited", len(opened), len(refs))
	}
	for _, n := range opened {
		if n.mark != marks[n.id] {
			t.Errorf("note %s opens with the mark %q, its reference has %q", n.id, n.mark, marks[n.id])
		}
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

// openedNote is a footnote of word/footnotes.xml: its id, the mark that
// opens it and the start of its text.
type openedNote struct{ id, mark, text string }

// xmlNode is any element of a parsed XML part.
type xmlNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xmlNode  `xml:",any"`
	Text    string     `xml:",chardata"`
}

// child returns n's first child element named local in namespace space.
func (n xmlNode) child(space, local string) (xmlNode, bool) {
	for _, c := range n.Nodes {
		if c.XMLName.Space == space && c.XMLName.Local == local {
			return c, true
		}
	}
	return xmlNode{}, false
}

// attr returns the value of n's attribute local (in any namespace).
func (n xmlNode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// text is the character data of n's w:t elements, in order, with a
// hyphen for each w:noBreakHyphen.
func (n xmlNode) text() string {
	if n.XMLName.Space == nsWML && n.XMLName.Local == "t" {
		return n.Text
	}
	if n.XMLName.Space == nsWML && n.XMLName.Local == "noBreakHyphen" {
		return "-"
	}
	var b strings.Builder
	for _, c := range n.Nodes {
		b.WriteString(c.text())
	}
	return b.String()
}

// has reports whether n or an element under it is named local in space.
func (n xmlNode) has(space, local string) bool {
	if n.XMLName.Space == space && n.XMLName.Local == local {
		return true
	}
	for _, c := range n.Nodes {
		if c.has(space, local) {
			return true
		}
	}
	return false
}

const (
	nsWML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// footnoteMarks parses word/footnotes.xml of a parallel edition and checks
// that every note (not the separators) opens with its custom mark as Word
// writes one: a run of the footnote reference style holding the mark's
// text, inside an mc:AlternateContent whose only choice requires w15 and
// whose fallback is empty, and nowhere a w:footnoteRef; with strict false
// it reports nothing and takes the mark from the note's first run.
//
// Word prints that mark once: a note cited with w:customMarkFollows takes
// no number and gets no label of Word's (ECMA-376 Part 1 §17.11.14); Word
// 2013 and later understand w15 and so process the choice (Part 3 §10.2),
// the run with the mark, before the note's text. A w:footnoteRef there
// would print the count the note does not take. LibreOffice, which does not
// claim w15, takes the empty fallback and prints the label it read after
// the reference: TestParallelEditionFootnotesLibreOffice.
func footnoteMarks(t *testing.T, part string, strict bool) []openedNote {
	t.Helper()
	errorf := func(format string, args ...any) {
		t.Helper()
		if strict {
			t.Errorf(format, args...)
		}
	}
	var root xmlNode
	if err := xml.Unmarshal([]byte(part), &root); err != nil {
		t.Fatalf("footnotes.xml: %v", err)
	}
	var out []openedNote
	for _, fn := range root.Nodes {
		if fn.XMLName.Local != "footnote" || fn.attr("type") != "" {
			continue
		}
		id := fn.attr("id")
		if fn.has(nsWML, "footnoteRef") {
			errorf("note %s has a w:footnoteRef", id)
		}
		p, _ := fn.child(nsWML, "p")
		var content []xmlNode
		for _, c := range p.Nodes {
			if c.XMLName.Local != "pPr" {
				content = append(content, c)
			}
		}
		if len(content) == 0 {
			errorf("note %s is empty", id)
			continue
		}
		run := content[0]
		if ac := content[0]; ac.XMLName.Space != nsMC || ac.XMLName.Local != "AlternateContent" {
			errorf("note %s does not open with an mc:AlternateContent", id)
		} else {
			choice, ok := ac.child(nsMC, "Choice")
			fallback, hasFallback := ac.child(nsMC, "Fallback")
			if !ok || choice.attr("Requires") != "w15" || len(ac.Nodes) != 2 || !hasFallback || len(fallback.Nodes) != 0 || strings.TrimSpace(fallback.Text) != "" {
				errorf("note %s: the mark's mc:AlternateContent is not one choice requiring w15 and an empty fallback", id)
			}
			if len(choice.Nodes) != 1 {
				errorf("note %s: the choice is not one run", id)
			}
			run, _ = choice.child(nsWML, "r")
		}
		rPr, _ := run.child(nsWML, "rPr")
		if style, _ := rPr.child(nsWML, "rStyle"); style.attr("val") != "FootnoteReference" {
			errorf("note %s: the mark is not in the footnote reference style", id)
		}
		var text strings.Builder
		for _, c := range content[1:] {
			text.WriteString(c.text())
		}
		out = append(out, openedNote{id: id, mark: run.text(), text: strings.TrimSpace(text.String())})
	}
	return out
}

// TestParallelEditionFootnotesLibreOffice converts the parallel DOCX to
// PDF with LibreOffice: in pdftotext's text of it every note's text is
// preceded by its mark once, not by LibreOffice's label and then the mark
// again (which 7.4 printed for every note but the first when the mark
// stood in the note as plain text).
func TestParallelEditionFootnotesLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	data := footnotesParallel(t)[".docx"]
	notes := footnoteMarks(t, docxPart(t, data, "word/footnotes.xml"), false)
	converted := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"memo.docx": data}, "pdf")
	out, err := exec.Command(pdftotext, "-layout", converted["memo.docx"], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext and the DOCX may differ in no-break spaces and hyphens.
	plain := strings.NewReplacer("\u00a0", " ", "\u2011", "-").Replace
	text := plain(string(out))
	if len(notes) == 0 {
		t.Fatal("no notes in footnotes.xml")
	}
	for _, n := range notes {
		// The note's first two words, and what stands before them on their line.
		words := strings.Fields(plain(n.text))
		if len(words) < 2 {
			t.Fatalf("note %s has too short a text: %q", n.id, n.text)
		}
		start := strings.Join(words[:2], " ")
		m := regexp.MustCompile(`(?m)^\s*(\S*?)\s*`+regexp.QuoteMeta(start)).FindAllStringSubmatch(text, -1)
		if len(m) != 1 {
			t.Errorf("note %s: %d lines of LibreOffice's PDF start with %q, want 1:\n%s", n.id, len(m), start, text)
			continue
		}
		if m[0][1] != n.mark {
			t.Errorf("note %s: LibreOffice prints %q before %q, want its mark %q once", n.id, m[0][1], start, n.mark)
		}
	}
}
