package build

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/pdfwords"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// styledBuild builds the trilingual fixture's English PDF and DOCX in the
// house style given (none for the built-in one) and returns them.
func styledBuild(t *testing.T, styleYAML string) (pdfData, docxData []byte) {
	t.Helper()
	return styledOutputs(t, styleYAML, nil, ".en")
}

// styledOutputs builds the trilingual fixture, with the parallel editions
// asked for, in the house style given (none for the built-in one) and
// returns the PDF and the DOCX whose names end in stem (".en", or
// ".en-ru-kk" for a parallel edition).
func styledOutputs(t *testing.T, styleYAML string, parallel []string, stem string) (pdfData, docxData []byte) {
	t.Helper()
	fsys := projecttest.Copy(t, filepath.Join(repoRoot, "testdata", "agreement"))
	if styleYAML != "" {
		fsys["templates/house/style.yaml"] = &fstest.MapFile{Data: []byte(styleYAML)}
	}
	res, diags := Build(fsys, Options{Formats: []string{"pdf", "docx"}, Parallel: parallel})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	for _, o := range res.Outputs {
		switch {
		case strings.HasSuffix(o.Name, stem+".pdf"):
			pdfData = o.Data
		case strings.HasSuffix(o.Name, stem+".docx"):
			docxData = o.Data
		}
	}
	if pdfData == nil || docxData == nil {
		t.Fatalf("no %s PDF or DOCX among the outputs", stem)
	}
	return pdfData, docxData
}

// pdfWords returns the words of page 1 with their boxes (points), as
// pdftotext -bbox gives them.
func pdfWords(t *testing.T, data []byte) []pdfwords.Word {
	t.Helper()
	pages := pdfwords.Read(t, data, "-f", "1", "-l", "1")
	if len(pages) == 0 || len(pages[0].Words) == 0 {
		t.Fatal("pdftotext found no words on page 1")
	}
	return pages[0].Words
}

// docxAttr returns the value of attribute attr of the first element named
// elem (local names) in part of the package.
func docxAttr(t *testing.T, data []byte, part, elem, attr string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(docxPart(t, data, part)))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			t.Fatalf("%s: no %s", part, elem)
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == elem {
			for _, a := range se.Attr {
				if a.Name.Local == attr {
					return a.Value
				}
			}
			t.Fatalf("%s: %s has no %s", part, elem, attr)
		}
	}
}

// TestStyleDrivesPDFAndDOCX changes the left margin and the body size in a
// project's style.yaml and finds both in the PDF (word positions and
// heights) and the DOCX (w:pgMar, the default w:sz).
func TestStyleDrivesPDFAndDOCX(t *testing.T) {
	basePDF, baseDOCX := styledBuild(t, "")
	const house = `page:
  size: A4
  margins: {top: 25mm, bottom: 22mm, left: 40mm, right: 20mm}
type:
  body: 14pt
  leading: 16pt
`
	pdfData, docxData := styledBuild(t, house)

	if got := docxAttr(t, baseDOCX, "word/document.xml", "pgMar", "left"); got != "1418" {
		t.Errorf("built-in style: w:pgMar left = %s, want 1418 (25 mm)", got)
	}
	if got := docxAttr(t, docxData, "word/document.xml", "pgMar", "left"); got != "2268" {
		t.Errorf("house style: w:pgMar left = %s, want 2268 (40 mm)", got)
	}
	if got := docxAttr(t, docxData, "word/document.xml", "pgMar", "right"); got != "1134" {
		t.Errorf("house style: w:pgMar right = %s, want 1134 (20 mm)", got)
	}
	if got := docxAttr(t, baseDOCX, "word/styles.xml", "sz", "val"); got != "24" {
		t.Errorf("built-in style: default w:sz = %s, want 24 (12 pt)", got)
	}
	if got := docxAttr(t, docxData, "word/styles.xml", "sz", "val"); got != "28" {
		t.Errorf("house style: default w:sz = %s, want 28 (14 pt)", got)
	}

	base, styled := pdfWords(t, basePDF), pdfWords(t, pdfData)
	const mm = 72 / 25.4
	if x := pdfwords.LeftEdge(base); x < 25*mm-0.5 || x > 25*mm+0.5 {
		t.Errorf("built-in style: page 1's text starts at %.1f pt, want 25 mm (%.1f pt)", x, 25*mm)
	}
	if x := pdfwords.LeftEdge(styled); x < 40*mm-0.5 || x > 40*mm+0.5 {
		t.Errorf("house style: page 1's text starts at %.1f pt, want 40 mm (%.1f pt)", x, 40*mm)
	}
	hb, hs := pdfwords.BodyHeight(base), pdfwords.BodyHeight(styled)
	if r := hs / hb; r < 14.0/12-0.03 || r > 14.0/12+0.03 {
		t.Errorf("body word height %.1f pt in the house style, %.1f pt built in: ratio %.3f, want 14/12", hs, hb, r)
	}
}

// docxStyleAttr returns attribute attr of the first element elem inside
// the w:style whose styleId is id, in styles.xml.
func docxStyleAttr(t *testing.T, data []byte, id, elem, attr string) string {
	t.Helper()
	styles := zipParts(t, data)["word/styles.xml"]
	i := strings.Index(styles, `w:styleId="`+id+`"`)
	if i < 0 {
		t.Fatalf("styles.xml has no style %s", id)
	}
	style := styles[i:]
	style = style[:strings.Index(style, "</w:style>")]
	m := regexp.MustCompile(`<w:` + elem + ` [^>]*w:` + attr + `="([^"]*)"`).FindStringSubmatch(style)
	if m == nil {
		t.Fatalf("style %s has no %s with %s", id, elem, attr)
	}
	return m[1]
}

// TestStyleIndentsAndSpacingDrivePDFAndDOCX changes the label column, the
// paragraph spacing and the leading in style.yaml and finds them in the
// DOCX (the Paragraph style's w:ind and w:spacing, Normal's exact
// w:line) and in the PDF (where numbered paragraphs' text starts, the
// distance between the baselines of a paragraph's lines).
func TestStyleIndentsAndSpacingDrivePDFAndDOCX(t *testing.T) {
	basePDF, baseDOCX := styledBuild(t, "")
	const house = `type: {leading: 18pt}
spacing: {paragraph: 14pt}
indents: {label_column: 30mm, label_rule: fixed}
`
	pdfData, docxData := styledBuild(t, house)
	for _, c := range []struct {
		data                 []byte
		id, elem, attr, want string
	}{
		{baseDOCX, "Paragraph", "ind", "left", "709"},
		{docxData, "Paragraph", "ind", "left", "1701"},
		{docxData, "Paragraph", "ind", "hanging", "1701"},
		{baseDOCX, "Paragraph", "spacing", "before", "160"},
		{docxData, "Paragraph", "spacing", "before", "280"},
		{baseDOCX, "Normal", "spacing", "line", "276"},
		{docxData, "Normal", "spacing", "line", "360"},
		{docxData, "Normal", "spacing", "lineRule", "exact"},
	} {
		if got := docxStyleAttr(t, c.data, c.id, c.elem, c.attr); got != c.want {
			t.Errorf("%s's w:%s %s = %s, want %s", c.id, c.elem, c.attr, got, c.want)
		}
	}

	const mm = 72 / 25.4
	base, styled := pdfWords(t, basePDF), pdfWords(t, pdfData)
	// Numbered paragraphs' text starts at the label column: the leftmost
	// start of a word right after a label ("1.1") on page 1.
	textStart := func(words []pdfwords.Word) float64 {
		label := regexp.MustCompile(`^\d+\.\d+$`)
		for i, w := range words[:len(words)-1] {
			if label.MatchString(w.Text) && words[i+1].YMin == w.YMin {
				return words[i+1].XMin
			}
		}
		t.Fatal("no numbered paragraph on page 1")
		return 0
	}
	if x := textStart(base); x < 37.5*mm-0.5 || x > 37.5*mm+0.5 {
		t.Errorf("built-in style: numbered text at %.1f pt, want 37.5 mm (25 + 12.5)", x)
	}
	if x := textStart(styled); x < 55*mm-0.5 || x > 55*mm+0.5 {
		t.Errorf("house style: numbered text at %.1f pt, want 55 mm (25 + 30)", x)
	}
	// The least distance between successive lines' tops is the leading
	// (more between paragraphs).
	leading := func(words []pdfwords.Word) float64 {
		least, last := 1000.0, -1.0
		for _, w := range words {
			if w.YMin > last+1 {
				if last >= 0 {
					least = min(least, w.YMin-last)
				}
				last = w.YMin
			}
		}
		return least
	}
	if l := leading(base); l < 13.7 || l > 13.9 {
		t.Errorf("built-in style: leading %.1f pt, want 13.8", l)
	}
	if l := leading(styled); l < 17.9 || l > 18.1 {
		t.Errorf("house style: leading %.1f pt, want 18", l)
	}
}
