package redline

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"

	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lower"
)

func writeDOCX(t *testing.T, d *Document, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	m, err := MarkedFor(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := format.Lookup("docx")
	if _, err := f.Redline(&buf, m, opt); err != nil {
		t.Fatalf("docx redline: %v", err)
	}
	return buf.Bytes()
}

// summaryRows returns the rows of the document's last table, the summary.
func summaryRows(t *testing.T, doc *xmlNode) [][]string {
	t.Helper()
	tables := doc.all("tbl")
	if len(tables) == 0 {
		t.Fatal("the redline has no summary table")
	}
	var rows [][]string
	for _, tr := range tables[len(tables)-1].all("tr") {
		var row []string
		for _, tc := range tr.all("tc") {
			row = append(row, tc.text(true))
		}
		rows = append(rows, row)
	}
	return rows
}

func TestDOCXTracksTheChangedWords(t *testing.T) {
	d := compareEdited(t, shorterTerm(t))
	data := writeDOCX(t, d, testOptions(t))
	doc, ps := paragraphs(t, data)

	dels, inss := doc.all("del"), doc.all("ins")
	if len(dels) != 1 || len(inss) != 1 {
		t.Fatalf("%d w:del and %d w:ins, want one of each", len(dels), len(inss))
	}
	if got := dels[0].text(false); strings.TrimSpace(got) != "five (5)" || len(dels[0].all("delText")) == 0 || len(dels[0].all("t")) != 0 {
		t.Errorf("w:del holds %q (w:delText %d, w:t %d), want the words five (5) in w:delText",
			got, len(dels[0].all("delText")), len(dels[0].all("t")))
	}
	if got := inss[0].text(true); strings.TrimSpace(got) != "three (3)" {
		t.Errorf("w:ins holds %q, want three (3)", got)
	}
	for _, mark := range []*xmlNode{dels[0], inss[0]} {
		if mark.attr("author") != testAuthor || mark.attr("date") != testDate || mark.attr("id") == "" {
			t.Errorf("%s: author %q date %q id %q, want %q at %q with an id", mark.XMLName.Local,
				mark.attr("author"), mark.attr("date"), mark.attr("id"), testAuthor, testDate)
		}
	}
	if dels[0].attr("id") == inss[0].attr("id") {
		t.Error("w:del and w:ins share an id")
	}

	// Accepting every change gives the new text, rejecting every one the
	// old, with the label as plain text and the paragraph mark kept.
	p := paragraphStarting(t, ps, "8.2\t")
	const (
		accepted = "8.2\tThis Agreement is concluded for a period of three (3) years and shall be automatically extended for successive five-year periods unless either Party notifies the other Party in writing of its intention to terminate it not later than sixty (60) days before the expiry of the current period."
		rejected = "8.2\tThis Agreement is concluded for a period of five (5) years and shall be automatically extended for successive five-year periods unless either Party notifies the other Party in writing of its intention to terminate it not later than sixty (60) days before the expiry of the current period."
	)
	if got := p.text(true); got != accepted {
		t.Errorf("accepted:\n got %q\nwant %q", got, accepted)
	}
	if got := p.text(false); got != rejected {
		t.Errorf("rejected:\n got %q\nwant %q", got, rejected)
	}
	if ppr := p.child("pPr"); ppr == nil || ppr.child("pStyle").attr("val") != "Paragraph" || ppr.child("rPr") != nil {
		t.Error("8.2 is not a kept paragraph in the Paragraph style")
	}

	// Every run is in the document's language.
	for _, r := range doc.all("r") {
		if l := r.child("rPr"); l == nil || l.child("lang") == nil || l.child("lang").attr("val") != "en-GB" {
			t.Fatalf("a run holding %q has no w:lang en-GB", r.text(true)+r.text(false))
		}
	}

	// The summary ends the document.
	heading := paragraphStarting(t, ps, summaryHeading)
	if heading.child("pPr").child("pStyle").attr("val") != "Heading1" {
		t.Error("the summary heading is not a section heading")
	}
	paragraphStarting(t, ps, "0 added, 0 removed, 1 changed, 0 renumbered.")
	want := [][]string{{"Change", "Clause", "Number"}, {"changed", "final.duration", "8.2"}}
	if got := summaryRows(t, doc); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("summary table = %q, want %q", got, want)
	}
}

func TestDOCXPackageIsDatedAndDeterministic(t *testing.T) {
	d := compareEdited(t, shorterTerm(t))
	opt := testOptions(t)
	data := writeDOCX(t, d, opt)
	if again := writeDOCX(t, d, opt); !bytes.Equal(data, again) {
		t.Error("two writes of the same redline differ")
	}
	parts, files := docxParts(t, data)
	for _, f := range files {
		if !f.Modified.Equal(testTime(t)) {
			t.Errorf("%s is dated %v, want %v", f.Name, f.Modified, testTime(t))
		}
	}
	core := parseXML(t, parts["docProps/core.xml"])
	var created, creator string
	for _, n := range core.Nodes {
		switch n.XMLName.Local {
		case "created":
			created = n.Text
		case "creator":
			creator = n.Text
		}
	}
	if created != testDate || creator != testAuthor {
		t.Errorf("core.xml: created %q by %q, want %q by %q", created, creator, testDate, testAuthor)
	}
	// Without a time, the fixed date, never the clock.
	plain := writeDOCX(t, d, Options{Lang: english(t)})
	doc, _ := paragraphs(t, plain)
	if del := doc.all("del")[0]; del.attr("date") != "2000-01-01T00:00:00Z" || del.attr("author") != lower.DefaultAuthor {
		t.Errorf("default w:del: author %q date %q", del.attr("author"), del.attr("date"))
	}
}

// TestDOCXInsertedParagraph inserts a paragraph in the middle of section
// 8: its paragraph mark and all its runs are insertions, the paragraphs
// after it show their new labels unmarked, and the summary reports one
// addition and two renumberings.
func TestDOCXInsertedParagraph(t *testing.T) {
	d := compareEdited(t, newReview(t))
	doc, ps := paragraphs(t, writeDOCX(t, d, testOptions(t)))

	p := paragraphStarting(t, ps, "8.3\tThe Parties may review")
	if got := p.text(false); got != "" {
		t.Errorf("rejecting the added paragraph leaves %q", got)
	}
	if ppr := p.child("pPr"); ppr.child("rPr") == nil || ppr.child("rPr").child("ins") == nil {
		t.Error("the added paragraph's mark is not inserted (w:pPr/w:rPr/w:ins)")
	}
	for _, name := range []string{"del", "delText"} {
		if len(p.all(name)) > 0 {
			t.Errorf("the added paragraph has w:%s", name)
		}
	}
	// The paragraphs after it are renumbered by the list, unmarked: 8.4
	// with every change accepted, 8.3 again with every change rejected.
	next := paragraphStarting(t, ps, "8.4\tBy mutual written consent")
	if len(next.all("ins"))+len(next.all("del")) > 0 {
		t.Error("the renumbered paragraph 8.4 is marked as changed")
	}
	if !strings.HasPrefix(next.text(false), "8.3\tBy mutual written consent") {
		t.Errorf("with every change rejected the paragraph reads %q, want 8.3", next.text(false))
	}
	if p.child("pPr").child("numPr") != nil || next.child("pPr").child("numPr") != nil {
		t.Error("a paragraph of the outline carries its own numPr: its style numbers it")
	}

	paragraphStarting(t, ps, "1 added, 0 removed, 0 changed, 2 renumbered.")
	rows := summaryRows(t, doc)
	want := [][]string{
		{"Change", "Clause", "Number"},
		{"added", "final.review", "8.3"},
		{"renumbered", "final.amendment", "8.3 → 8.4"},
		{"renumbered", "final.projects", "8.4 → 8.5"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("summary table:\n got %q\nwant %q", rows, want)
	}
}

// TestDOCXRemovedParagraph removes 8.3: its label and text are deleted
// and so is its paragraph mark, so that accepting the change leaves no
// empty paragraph.
func TestDOCXRemovedParagraph(t *testing.T) {
	d := compareEdited(t, noAmendment(t))
	doc, ps := paragraphs(t, writeDOCX(t, d, testOptions(t)))
	p := paragraphStarting(t, ps, "8.3\tBy mutual written consent")
	if got := p.text(true); got != "" {
		t.Errorf("accepting the removal leaves %q", got)
	}
	ppr := p.child("pPr")
	if ppr.child("rPr") == nil || ppr.child("rPr").child("del") == nil {
		t.Error("the removed paragraph's mark is not deleted (w:pPr/w:rPr/w:del)")
	}
	if len(p.all("t")) > 0 {
		t.Error("the removed paragraph has w:t (deleted text belongs in w:delText)")
	}
	paragraphStarting(t, ps, "0 added, 1 removed, 0 changed, 1 renumbered.")
	if rows := summaryRows(t, doc); !slices.Equal(rows[1], []string{"removed", "final.amendment", "was 8.3"}) {
		t.Errorf("first change = %q, want the removal", rows[1])
	}
}

// convertWithLibreOffice converts a .docx with LibreOffice headless to
// format ("pdf", "odt") and returns the file's path.
func convertWithLibreOffice(t *testing.T, data []byte, format string) string {
	t.Helper()
	return clienttest.ConvertWithLibreOffice(t, map[string][]byte{"redline.docx": data}, format)["redline.docx"]
}

// TestDOCXOpensInLibreOffice converts the redline to PDF with LibreOffice
// headless, whose text shows the inserted words, and to ODT, which keeps
// the changes as tracked changes by the author.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	needTool(t, "pdftotext")
	data := writeDOCX(t, compareEdited(t, shorterTerm(t)), testOptions(t))
	pdf := convertWithLibreOffice(t, data, "pdf")
	text := strings.Join(strings.Fields(run(t, "pdftotext", pdf, "-")), " ")
	if !strings.Contains(text, "three (3) years") {
		t.Errorf("LibreOffice's PDF lacks the inserted words:\n%s", text)
	}
	if !strings.Contains(text, summaryHeading) || !strings.Contains(text, "final.duration") {
		t.Error("LibreOffice's PDF lacks the summary")
	}

	odt := convertWithLibreOffice(t, data, "odt")
	zr, err := zip.OpenReader(odt)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	content, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	changes := tracked(t, content)
	want := []odtChange{{"deletion", testAuthor, "five (5)"}, {"insertion", testAuthor, ""}}
	if !slices.Equal(changes, want) {
		t.Errorf("LibreOffice reads the tracked changes as %q, want %q", changes, want)
	}
}

// odtChange is a tracked change as LibreOffice keeps it: its kind, its
// author and, for a deletion, the deleted text.
type odtChange struct{ Kind, Author, Text string }

// tracked lists the changes of an ODT's content.xml (text:tracked-changes).
func tracked(t *testing.T, content []byte) []odtChange {
	t.Helper()
	root := parseXML(t, content)
	var out []odtChange
	var walk func(n *xmlNode)
	walk = func(n *xmlNode) {
		if n.XMLName.Local == "insertion" || n.XMLName.Local == "deletion" {
			c := odtChange{Kind: n.XMLName.Local}
			var text strings.Builder
			var inner func(n *xmlNode)
			inner = func(n *xmlNode) {
				if n.XMLName.Local == "change-info" {
					for _, info := range n.Nodes {
						if info.XMLName.Local == "creator" {
							c.Author = info.Text
						}
					}
					return
				}
				text.WriteString(n.Text)
				for i := range n.Nodes {
					inner(&n.Nodes[i])
				}
			}
			inner(n)
			c.Text = strings.TrimSpace(text.String())
			out = append(out, c)
			return
		}
		for i := range n.Nodes {
			walk(&n.Nodes[i])
		}
	}
	walk(root)
	return out
}

// pythonDocx is the interpreter with python-docx (Debian's python3-docx).
const pythonDocx = "/usr/bin/python3"

// TestDOCXOpensInPythonDocx opens the redline with python-docx and reads
// its paragraphs' styles and its summary table.
func TestDOCXOpensInPythonDocx(t *testing.T) {
	clienttest.Python(t, "docx", "python3-docx")
	data := writeDOCX(t, compareEdited(t, newReview(t)), testOptions(t))
	const script = `
import json, sys
import docx
d = docx.Document(sys.argv[1])
print(json.dumps({
    "styles": [p.style.name for p in d.paragraphs],
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
    "author": d.core_properties.author,
}))
`
	out := run(t, pythonDocx, "-c", script, writeTemp(t, "redline.docx", data))
	var got struct {
		Styles []string     `json:"styles"`
		Tables [][][]string `json:"tables"`
		Author string       `json:"author"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("python-docx printed %q: %v", out, err)
	}
	if got.Author != testAuthor {
		t.Errorf("author = %q, want %q", got.Author, testAuthor)
	}
	for _, s := range []string{"Title", "Heading 1", "Paragraph", "Item Level 1"} {
		if !slices.Contains(got.Styles, s) {
			t.Errorf("no paragraph in style %q", s)
		}
	}
	if len(got.Tables) != 1 || len(got.Tables[0]) != 4 || !slices.Equal(got.Tables[0][1], []string{"added", "final.review", "8.3"}) {
		t.Errorf("python-docx reads the summary as %q", got.Tables)
	}
}
