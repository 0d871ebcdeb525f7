package docx_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/docx"
)

// renderReport renders the example's report, an information note with a
// footnote, labelled fields, bullet lists and links.
func renderReport(t *testing.T) []byte {
	t.Helper()
	reportID := example(t).Report()
	res, diags := build.Assemble(os.DirFS(repoRoot), build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	l, err := res.Engine.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := docx.Write(&buf, res.Project.Document(reportID), docx.Options{Lang: l, Time: testTime(), Style: res.Styles[reportID]}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReportHasNativeFootnotes: the footnote is a Word footnote in
// word/footnotes.xml, referenced from the title paragraph, and the
// package relates the part; the links are hyperlinks to external
// relationships.
func TestReportHasNativeFootnotes(t *testing.T) {
	_, parts := unzip(t, renderReport(t))
	notes, ok := parts["word/footnotes.xml"]
	if !ok {
		t.Fatal("no word/footnotes.xml")
	}
	var fx struct {
		Notes []struct {
			ID    string   `xml:"id,attr"`
			Type  string   `xml:"type,attr"`
			Texts []string `xml:"p>r>t"`
		} `xml:"footnote"`
	}
	if err := xml.Unmarshal(notes, &fx); err != nil {
		t.Fatal(err)
	}
	var ids, text []string
	for _, n := range fx.Notes {
		ids = append(ids, n.ID+":"+n.Type)
		if n.ID == "1" {
			text = n.Texts
		}
	}
	if strings.Join(ids, " ") != "-1:separator 0:continuationSeparator 1:" {
		t.Errorf("footnotes %v", ids)
	}
	if got := strings.TrimSpace(strings.Join(text, "")); !strings.HasPrefix(got, expected(t, "report-footnote-begins")) {
		t.Errorf("footnote 1 reads %q", got)
	}
	body := string(parts["word/document.xml"])
	title := body[:strings.Index(body, "</w:p>")]
	if !strings.Contains(title, expected(t, "report-title")) || !strings.Contains(title, `<w:footnoteReference w:id="1"/>`) {
		t.Errorf("the title paragraph has no reference to footnote 1:\n%s", title)
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	wants := []string{`Target="footnotes.xml"`}
	for _, link := range expectedLines(t, "report-links") {
		wants = append(wants, `Target="`+link+`" TargetMode="External"`)
	}
	for _, want := range wants {
		if !strings.Contains(rels, want) {
			t.Errorf("document relationships lack %s", want)
		}
	}
	if !strings.Contains(string(parts["[Content_Types].xml"]), "wordprocessingml.footnotes+xml") {
		t.Error("no content type for the footnotes")
	}
	if strings.Count(body, "<w:hyperlink ") != 3 {
		t.Errorf("%d hyperlinks, want 3", strings.Count(body, "<w:hyperlink "))
	}
}

// TestLibreOfficeShowsTheFootnoteOnPageOne converts the report with
// LibreOffice: page 1 holds the footnote, below the body.
func TestLibreOfficeShowsTheFootnoteOnPageOne(t *testing.T) {
	clienttest.Command(t, "soffice", "libreoffice-writer-nogui")
	clienttest.Command(t, "pdftotext", "poppler-utils")
	pdf := convertWithLibreOffice(t, renderReport(t))
	out, err := exec.Command("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	note, bullet := strings.Index(page, expected(t, "report-footnote-begins")), strings.Index(page, expected(t, "report-first-bullet"))
	if note < 0 || bullet < 0 || note < bullet {
		t.Errorf("page 1 has the footnote at %d and the first bullet at %d:\n%s", note, bullet, page)
	}
	// The label column is as wide as the widest label: it stands on one
	// line, its value beside it.
	field := expectedLines(t, "report-widest-field") // label, value
	if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(field[0]) + `\s+` + regexp.QuoteMeta(field[1]) + `$`).MatchString(page) {
		t.Errorf("the widest label wraps or stands apart from its value:\n%s", page)
	}
}

// TestPythonDocxReadsBullets: python-docx sees the bullet items as List
// Bullet paragraphs numbered on a list whose format is a bullet.
func TestPythonDocxReadsBullets(t *testing.T) {
	python := clienttest.Python(t, "docx", "python3-docx")
	const script = `
import json, sys
import docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
numbering = d.part.numbering_part.element
def fmt(num_id, ilvl):
    for n in numbering.findall(qn("w:num")):
        if n.get(qn("w:numId")) == str(num_id):
            abs_id = n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for a in numbering.findall(qn("w:abstractNum")):
                if a.get(qn("w:abstractNumId")) == abs_id:
                    for l in a.findall(qn("w:lvl")):
                        if l.get(qn("w:ilvl")) == str(ilvl):
                            return l.find(qn("w:numFmt")).get(qn("w:val")) + " " + l.find(qn("w:lvlText")).get(qn("w:val"))
out = []
for p in d.paragraphs:
    n = p._p.pPr.find(qn("w:numPr")) if p._p.pPr is not None else None
    if p.style.name == "List Bullet" and n is not None:
        out.append({"text": p.text[:20], "format": fmt(n.find(qn("w:numId")).get(qn("w:val")), n.find(qn("w:ilvl")).get(qn("w:val")))})
print(json.dumps(out))
`
	path := writeTemp(t, "report.docx", renderReport(t))
	var stderr bytes.Buffer
	cmd := exec.Command(python, "-c", script, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, stderr.String())
	}
	var bullets []struct{ Text, Format string }
	if err := json.Unmarshal(out, &bullets); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(bullets) != 8 {
		t.Fatalf("%d bullet paragraphs, want 8: %+v", len(bullets), bullets)
	}
	for _, b := range bullets {
		if b.Format != "bullet -" {
			t.Errorf("bullet %q is numbered %q, want the bullet format with \"-\"", b.Text, b.Format)
		}
	}
	// The script reads a bullet's first 20 characters.
	if first := []rune(expected(t, "report-first-bullet")); bullets[0].Text != string(first[:min(20, len(first))]) {
		t.Errorf("first bullet %q", bullets[0].Text)
	}
}

// TestReportIsSetInItsHouseStyle: the report's DOCX takes the page of its
// own style (templates/information-note: 20 mm sides, 1 in head and foot,
// 12 pt), not the instruments' 25 mm margins.
func TestReportIsSetInItsHouseStyle(t *testing.T) {
	_, parts := unzip(t, renderReport(t))
	var doc struct {
		Mar struct {
			Top    int `xml:"top,attr"`
			Bottom int `xml:"bottom,attr"`
			Left   int `xml:"left,attr"`
			Right  int `xml:"right,attr"`
		} `xml:"body>sectPr>pgMar"`
	}
	if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	if m := doc.Mar; m.Left != 1134 || m.Right != 1134 || m.Top != 1440 || m.Bottom != 1440 {
		t.Errorf("margins %+v twips, want 1134 at the sides and 1440 at head and foot", m)
	}
}

// TestReportFieldsAndBulletsTakeTheStylesColumns: the label column of the
// fields is the widest label in bold plus the style's gutter (at least
// the cell's 2 mm margin), rounded up to half a millimetre, as in the PDF;
// each level of the bullet lists indents by the style's label column
// (5.5 mm, 312 twips).
func TestReportFieldsAndBulletsTakeTheStylesColumns(t *testing.T) {
	_, parts := unzip(t, renderReport(t))
	var doc struct {
		Grid []struct {
			W int `xml:"w,attr"`
		} `xml:"body>tbl>tblGrid>gridCol"`
	}
	if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	// The widest label in Liberation Serif Bold 12 pt, with the 2 mm
	// gutter, rounded up to half a millimetre, in twips.
	label := projecttest.ExpectedLines(t, repoRoot, "render.txtar", "report-widest-field")[0]
	bold, err := fonts.LoadMetrics(fonts.Bold)
	if err != nil {
		t.Fatal(err)
	}
	mm := math.Ceil((bold.Width(label, 12)*25.4/72+2)*2) / 2
	want := int(math.Round(mm / 25.4 * 1440))
	if len(doc.Grid) != 2 || doc.Grid[0].W != want || doc.Grid[0].W+doc.Grid[1].W != 11906-2*1134 {
		t.Errorf("field table columns %+v, want %d twips (%q, %.1f mm) and the rest of the 170 mm", doc.Grid, want, label, mm)
	}
	var num struct {
		Abstracts []struct {
			Levels []struct {
				Ilvl string `xml:"ilvl,attr"`
				Fmt  struct {
					Val string `xml:"val,attr"`
				} `xml:"numFmt"`
				Ind struct {
					Left    int `xml:"left,attr"`
					Hanging int `xml:"hanging,attr"`
				} `xml:"pPr>ind"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
	}
	if err := xml.Unmarshal(parts["word/numbering.xml"], &num); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range num.Abstracts {
		if len(a.Levels) < 2 || a.Levels[0].Fmt.Val != "bullet" {
			continue
		}
		found = true
		for k, l := range a.Levels[:2] {
			if l.Ind.Left != 312*(k+1) || l.Ind.Hanging != 312 {
				t.Errorf("bullet level %s indents %d, hangs %d; want %d, 312", l.Ilvl, l.Ind.Left, l.Ind.Hanging, 312*(k+1))
			}
		}
	}
	if !found {
		t.Error("no bullet list in numbering.xml")
	}
}
