package docx_test

import (
	"encoding/json"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"maps"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// pythonDocx is the interpreter with python-docx (Debian's python3-docx).
const pythonDocx = "/usr/bin/python3"

// walkScript opens a .docx with python-docx and prints, as JSON, every
// body paragraph's style name, numbering and text, the document's tables
// and its core properties. A paragraph's numbering is its own numPr or,
// without one, its style's (following basedOn), as Word applies it; numId
// 0 is no numbering. Its outline level is its style's, likewise.
const walkScript = `
import json, sys
import docx
from docx.oxml.ns import qn

def numpr(ppr):
    if ppr is None:
        return None
    n = ppr.find(qn("w:numPr"))
    if n is None:
        return None
    ilvl, numid = n.find(qn("w:ilvl")), n.find(qn("w:numId"))
    return {"numId": int(numid.get(qn("w:val"))), "ilvl": int(ilvl.get(qn("w:val"))) if ilvl is not None else 0}

def from_style(style, tag):
    while style is not None:
        ppr = style.element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn(tag)) is not None:
            return ppr
        style = style.base_style
    return None

d = docx.Document(sys.argv[1])
paras = []
for p in d.paragraphs:
    num = numpr(p._p.pPr) or numpr(from_style(p.style, "w:numPr"))
    if num is not None and num["numId"] == 0:
        num = None
    outline = None
    o = from_style(p.style, "w:outlineLvl")
    if o is not None:
        outline = int(o.find(qn("w:outlineLvl")).get(qn("w:val")))
    paras.append({"style": p.style.name, "num": num, "outline": outline, "text": p.text})
tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
cp = d.core_properties
print(json.dumps({
    "paragraphs": paras,
    "tables": tables,
    "styles": sorted(s.name for s in d.styles),
    "core": {"title": cp.title, "author": cp.author, "subject": cp.subject, "language": cp.language,
             "created": cp.created.isoformat() if cp.created else None},
    "sections": [{"width": s.page_width, "height": s.page_height, "left": s.left_margin} for s in d.sections],
}))
`

type pyParagraph struct {
	Style string `json:"style"`
	Num   *struct {
		NumID int `json:"numId"`
		Ilvl  int `json:"ilvl"`
	} `json:"num"`
	Outline *int   `json:"outline"`
	Text    string `json:"text"`
}

type pyDocument struct {
	Paragraphs []pyParagraph        `json:"paragraphs"`
	Tables     [][][]string         `json:"tables"`
	Styles     []string             `json:"styles"`
	Core       map[string]string    `json:"core"`
	Sections   []map[string]float64 `json:"sections"`
}

func TestPythonDocxOpensTheMoU(t *testing.T) {
	clienttest.Python(t, "docx", "python3-docx")
	path := writeTemp(t, "mou.docx", render(t, assembleMoU(t, false)))
	out, err := exec.Command(pythonDocx, "-c", walkScript, path).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("python-docx: %v\n%s", err, msg)
	}
	var d pyDocument
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("python output: %v\n%s", err, out)
	}

	if d.Core["title"] == "" || d.Core["author"] != expected(t, "enclosure-author") ||
		d.Core["language"] != "en-GB" || !strings.HasPrefix(d.Core["created"], "2024-05-13T09:30:00") {
		t.Errorf("core properties %v", d.Core)
	}
	if len(d.Sections) != 1 || d.Sections[0]["width"] != 11906*635 || d.Sections[0]["height"] != 16838*635 || d.Sections[0]["left"] != 1418*635 {
		t.Errorf("sections %v (EMU)", d.Sections)
	}

	// Paragraph styles and numbering, as python-docx reports them.
	type seen struct{ with, without int }
	byStyle := map[string]*seen{}
	levels := map[string]map[int]bool{}
	for _, p := range d.Paragraphs {
		s := byStyle[p.Style]
		if s == nil {
			s = &seen{}
			byStyle[p.Style] = s
		}
		if p.Num == nil {
			s.without++
			continue
		}
		s.with++
		if levels[p.Style] == nil {
			levels[p.Style] = map[int]bool{}
		}
		levels[p.Style][p.Num.Ilvl] = true
	}
	want := map[string]seen{
		"Draft Mark":           {0, 1},
		"Title":                {0, 4},
		"Title Last Line":      {0, 1},
		"Parties":              {0, 3},
		"Parties Joiner":       {0, 1},
		"Recital":              {0, 15},
		"Transition":           {0, 1},
		"Heading 1":            {12, 0},
		"Paragraph":            {32, 0},
		"Paragraph Unnumbered": {0, 2},
		"Item Level 1":         {14, 1}, // the insert "(ii) (bis)" is taken out of the list
		"Closing":              {0, 1},
		"Signature Text":       {0, 1}, // the paragraph after the table
	}
	for style, w := range want {
		got := byStyle[style]
		if got == nil || *got != w {
			t.Errorf("%s: %+v paragraphs with/without numPr, want %+v", style, got, w)
		}
	}
	for style, lvl := range map[string]int{"Heading 1": 0, "Paragraph": 1, "Item Level 1": 2} {
		if len(levels[style]) != 1 || !levels[style][lvl] {
			t.Errorf("%s on levels %v, want only %d", style, levels[style], lvl)
		}
	}
	// Word's own styles for the title and the section headings, every
	// section heading on outline level 0 (Word's "Level 1").
	used := map[string]bool{}
	for _, p := range d.Paragraphs {
		used[p.Style] = true
		if p.Style == "Heading 1" && (p.Outline == nil || *p.Outline != 0) {
			t.Errorf("section heading %q has outline level %v, want 0", p.Text, p.Outline)
		}
		if p.Outline != nil && p.Style != "Heading 1" {
			t.Errorf("%s paragraph %q has outline level %d", p.Style, p.Text, *p.Outline)
		}
	}
	if !used["Title"] || !used["Heading 1"] {
		t.Errorf("python-docx lists the used styles %v, want Title and Heading 1 among them", slices.Sorted(maps.Keys(used)))
	}
	var insert *pyParagraph
	for i, p := range d.Paragraphs {
		if strings.HasPrefix(p.Text, "(ii) (bis)") {
			insert = &d.Paragraphs[i]
		}
	}
	if insert == nil || insert.Num != nil || insert.Style != "Item Level 1" {
		t.Errorf("insert paragraph %+v", insert)
	}

	// The signature table: two columns, the parties side by side.
	if len(d.Tables) != 1 || len(d.Tables[0]) != 3 || len(d.Tables[0][0]) != 2 {
		t.Fatalf("tables %q", d.Tables)
	}
	parties := signatories(t)
	if !strings.HasPrefix(d.Tables[0][0][0], parties[0][0]) ||
		!strings.HasPrefix(d.Tables[0][0][1], parties[1][0]) ||
		!strings.HasPrefix(d.Tables[0][1][0], "Signature:") || !strings.HasPrefix(d.Tables[0][2][1], "Date:") {
		t.Errorf("signature table %q", d.Tables[0])
	}
	for _, s := range []string{"Signature Table", "Emphasis", "Strong", "Closing"} {
		found := false
		for _, have := range d.Styles {
			found = found || have == s
		}
		if !found {
			t.Errorf("python-docx does not list style %q", s)
		}
	}
}
