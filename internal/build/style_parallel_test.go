package build

import (
	"cmp"
	"encoding/xml"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// styledParallel builds the trilingual fixture's parallel edition of all
// three languages, PDF and DOCX, in the house style given (none for the
// built-in one) and returns them.
func styledParallel(t *testing.T, styleYAML string) (pdfData, docxData []byte) {
	t.Helper()
	return styledOutputs(t, styleYAML, []string{"all"}, ".en-ru-kk")
}

// pdfPageSize returns the width and height of a PDF's pages in points, as
// pdfinfo gives them.
func pdfPageSize(t *testing.T, data []byte) (width, height float64) {
	t.Helper()
	tool := clienttest.Command(t, "pdfinfo", "poppler-utils")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", out)
	}
	width, _ = strconv.ParseFloat(string(m[1]), 64)
	height, _ = strconv.ParseFloat(string(m[2]), 64)
	return width, height
}

// TestStyleDrivesParallelEdition builds the parallel edition (and the
// English instrument) in the
// built-in style and in a Letter style with other margins and type: the
// PDF is on the style's paper turned landscape (pdfinfo) in its body size
// (pdftotext -bbox), its text starting at the style's left margin (25 mm
// built in, 30 mm in the Letter style) as in the DOCX; the DOCX has the
// landscape paper, the style's margins (w:pgSz, w:pgMar) and its body size
// (the default w:sz).
func TestStyleDrivesParallelEdition(t *testing.T) {
	basePDF, baseDOCX := styledParallel(t, "")
	const house = `page:
  size: Letter
  margins: {top: 25mm, bottom: 20mm, left: 30mm, right: 20mm}
type:
  body: 11pt
  leading: 13pt
`
	pdfData, docxData := styledParallel(t, house)

	if w, h := pdfPageSize(t, basePDF); w < 841.8 || w > 842 || h < 595.2 || h > 595.4 {
		t.Errorf("built-in style: page %.2f x %.2f pt, want A4 landscape (841.89 x 595.28)", w, h)
	}
	if w, h := pdfPageSize(t, pdfData); w != 792 || h != 612 {
		t.Errorf("Letter style: page %.2f x %.2f pt, want Letter landscape (792 x 612)", w, h)
	}
	// The instrument itself is on Letter too (it used to be A4 whatever
	// the style).
	instrument, _ := styledBuild(t, house)
	if w, h := pdfPageSize(t, instrument); w != 612 || h != 792 {
		t.Errorf("Letter style: the instrument's page is %.2f x %.2f pt, want Letter (612 x 792)", w, h)
	}
	base, styled := pdfWords(t, basePDF), pdfWords(t, pdfData)
	const mm = 72 / 25.4
	for _, c := range []struct {
		name   string
		words  []pdfwords.Word
		margin float64 // mm
	}{{"built-in style", base, 25}, {"Letter style", styled, 30}} {
		if x := pdfwords.LeftEdge(c.words); x < c.margin*mm-0.5 || x > c.margin*mm+0.5 {
			t.Errorf("%s: page 1's text starts at %.1f pt, want the style's %g mm (%.1f pt)", c.name, x, c.margin, c.margin*mm)
		}
	}
	hb, hs := pdfwords.BodyHeight(base), pdfwords.BodyHeight(styled)
	if r := hs / hb; r < 11.0/12-0.03 || r > 11.0/12+0.03 {
		t.Errorf("body word height %.1f pt in the Letter style, %.1f pt built in: ratio %.3f, want 11/12", hs, hb, r)
	}

	for _, c := range []struct {
		data                   []byte
		part, elem, attr, want string
	}{
		{baseDOCX, "word/document.xml", "pgSz", "w", "16838"},
		{baseDOCX, "word/document.xml", "pgSz", "h", "11906"},
		{baseDOCX, "word/document.xml", "pgMar", "left", "1418"},
		{baseDOCX, "word/styles.xml", "sz", "val", "24"},
		{docxData, "word/document.xml", "pgSz", "w", "15840"},
		{docxData, "word/document.xml", "pgSz", "h", "12240"},
		{docxData, "word/document.xml", "pgSz", "orient", "landscape"},
		{docxData, "word/document.xml", "pgMar", "left", "1701"},
		{docxData, "word/document.xml", "pgMar", "right", "1134"},
		{docxData, "word/document.xml", "pgMar", "top", "1418"},
		{docxData, "word/document.xml", "pgMar", "bottom", "1134"},
		{docxData, "word/styles.xml", "sz", "val", "22"},
	} {
		if got := docxAttr(t, c.data, c.part, c.elem, c.attr); got != c.want {
			t.Errorf("%s w:%s %s = %s, want %s", c.part, c.elem, c.attr, got, c.want)
		}
	}
}

// columnStarts returns where the n columns of a parallel edition's page
// start, left to right, in points: the n left edges (to half a point) that
// most lines of text start at, as pdftotext -bbox gives the words.
func columnStarts(t *testing.T, words []pdfwords.Word, n int) []float64 {
	t.Helper()
	count := map[float64]int{}
	for _, w := range words {
		count[math.Round(w.XMin*2)/2]++
	}
	xs := slices.Collect(maps.Keys(count))
	slices.SortFunc(xs, func(a, b float64) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	if len(xs) < n {
		t.Fatalf("the words start at %d places, fewer than %d columns", len(xs), n)
	}
	xs = xs[:n]
	slices.Sort(xs)
	return xs
}

// parallelTable is the part of the parallel DOCX's table that places its
// columns: the table's indent, its cells' side margins and its grid.
type parallelTable struct {
	Ind    twips   `xml:"tblPr>tblInd"`
	Left   twips   `xml:"tblPr>tblCellMar>left"`
	Right  twips   `xml:"tblPr>tblCellMar>right"`
	Widths []twips `xml:"tblGrid>gridCol"`
}

// twips is an element's w:w (a tblInd, a cell margin, a gridCol).
type twips struct {
	W int `xml:"w,attr"`
}

// docxParallelTable parses the first table of the DOCX's body.
func docxParallelTable(t *testing.T, data []byte) parallelTable {
	t.Helper()
	var doc struct {
		Tables []parallelTable `xml:"body>tbl"`
	}
	if err := xml.Unmarshal([]byte(docxPart(t, data, "word/document.xml")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("the parallel DOCX has %d tables in its body, want 1", len(doc.Tables))
	}
	return doc.Tables[0]
}

// checkColumnGap checks that the three columns of a parallel edition's
// PDF page, whose words are given, are gap millimetres apart: their text
// starts at the left margin and every (landscape A4) third of the width
// between the margins and a gap further (pdftotext -bbox), and no word
// stands in a gap.
func checkColumnGap(t *testing.T, name string, words []pdfwords.Word, gap float64) {
	t.Helper()
	const mm = 72 / 25.4
	const textWidth = (297 - 25 - 25) * mm
	starts := columnStarts(t, words, 3)
	if math.Abs(starts[0]-25*mm) > 0.5 {
		t.Errorf("%s: the first column starts at %.1f pt, want the left margin (%.1f pt)", name, starts[0], 25*mm)
	}
	// Each column and the gap after it take a third of the width between
	// the margins and one gap.
	for i := 1; i < len(starts); i++ {
		measured := (3*(starts[i]-starts[i-1]) - textWidth) / mm
		if math.Abs(measured-gap) > 0.5 {
			t.Errorf("%s: columns %d and %d start %.1f pt apart, a gap of %.2f mm; want %g mm", name, i, i+1, starts[i]-starts[i-1], measured, gap)
		}
	}
	colW := (textWidth - 2*gap*mm) / 3
	for _, w := range words {
		c := 0
		for c+1 < len(starts) && w.XMin >= starts[c+1]-0.5 {
			c++
		}
		if w.XMax > starts[c]+colW+0.5 {
			t.Errorf("%s: %q of column %d ends at %.1f pt, in the gap after the column (which ends at %.1f pt)", name, w.Text, c+1, w.XMax, starts[c]+colW)
		}
	}
}

// TestColumnGapDrivesParallelEdition builds the trilingual parallel
// edition in the built-in style (8 mm between columns) and in one whose
// page.column_gap is 20 mm: the PDF's columns are the gap apart
// (checkColumnGap), and the DOCX's table makes the same gap of its cells'
// margins (w:tblCellMar left and right), stands out into the margins by
// the left one (w:tblInd) and spans the width between the margins and one
// gap (w:gridCol), so that its texts stand where the PDF's do.
func TestColumnGapDrivesParallelEdition(t *testing.T) {
	for _, c := range []struct {
		name, style string
		gap         float64 // mm
		cellMargin  int     // twips: half the gap
	}{
		{"built-in style", "", 8, 227},
		{"column_gap 20mm", "page:\n  column_gap: 20mm\n", 20, 567},
	} {
		pdfData, docxData := styledParallel(t, c.style)
		checkColumnGap(t, c.name, pdfWords(t, pdfData), c.gap)

		tbl := docxParallelTable(t, docxData)
		if tbl.Left.W != c.cellMargin || tbl.Right.W != c.cellMargin {
			t.Errorf("%s: DOCX cell margins %d and %d twips, want %d each (%g mm between the texts)", c.name, tbl.Left.W, tbl.Right.W, c.cellMargin, c.gap)
		}
		if tbl.Ind.W != -tbl.Left.W {
			t.Errorf("%s: DOCX w:tblInd %d twips, want %d (the first text at the margin)", c.name, tbl.Ind.W, -tbl.Left.W)
		}
		total := 0
		for _, w := range tbl.Widths {
			total += w.W
		}
		// 297 mm less two 25 mm margins, in twips, and the gap.
		want := 16838 - 2*1418 + tbl.Left.W + tbl.Right.W
		if len(tbl.Widths) != 3 || total < want-3 || total > want {
			t.Errorf("%s: DOCX grid %v (%d twips), want three columns of %d twips in all", c.name, tbl.Widths, total, want)
		}
	}
}

// TestParallelColumnsAgreeInLibreOffice converts the parallel DOCX of a
// style with a 20 mm column gap to PDF with LibreOffice: its columns start
// where chancery's PDF's do, to a point.
func TestParallelColumnsAgreeInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	pdfData, docxData := styledParallel(t, "page:\n  column_gap: 20mm\n")
	converted := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"parallel.docx": docxData}, "pdf")
	lo := pdfwords.ReadFile(t, converted["parallel.docx"], "-f", "1", "-l", "1")
	if len(lo) == 0 {
		t.Fatal("LibreOffice's PDF has no page")
	}
	checkColumnGap(t, "LibreOffice", lo[0].Words, 20)
	want, got := columnStarts(t, pdfWords(t, pdfData), 3), columnStarts(t, lo[0].Words, 3)
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1 {
			t.Errorf("column %d starts at %.1f pt in LibreOffice's PDF, at %.1f pt in chancery's", i+1, got[i], want[i])
		}
	}
	// The columns break their lines as LibreOffice does (first fit, the
	// style's default): line by line, each column's lines begin with the
	// same words.
	ours, theirs := columnLines(pdfWords(t, pdfData), want), columnLines(lo[0].Words, want)
	for i := range ours {
		n := min(len(ours[i]), len(theirs[i]))
		same := 0
		for k := range n {
			if ours[i][k] == theirs[i][k] {
				same++
			}
		}
		t.Logf("column %d: %d of %d lines of page 1 begin alike", i+1, same, n)
		if n < 10 || same != n {
			t.Errorf("column %d: %d of %d lines of page 1 begin alike in LibreOffice's PDF and chancery's\nours:   %q\ntheirs: %q", i+1, same, n, ours[i], theirs[i])
		}
	}
}

// columnLines returns, for each column starting at starts, the first word
// of each of its lines, top to bottom.
func columnLines(words []pdfwords.Word, starts []float64) [][]string {
	out := make([][]string, len(starts))
	for _, line := range pdfwords.Lines(words) {
		last := -1
		for _, w := range line {
			col := 0
			for c, x := range starts {
				if w.XMin >= x-1 {
					col = c
				}
			}
			if col != last {
				out[col] = append(out[col], w.Text)
				last = col
			}
		}
	}
	return out
}

// TestParallelDOCXSpacedAsTheInstrument builds the parallel edition and
// the English instrument in a style with a leading and paragraph spacing
// of its own: the parallel DOCX sets the leading exactly (Normal's
// w:spacing w:line 360, w:lineRule exact, where it was single spacing)
// and spaces its paragraph styles as the instrument's DOCX does; its text
// is ragged right (Normal's w:jc left), as the PDF's columns are.
func TestParallelDOCXSpacedAsTheInstrument(t *testing.T) {
	const house = `type: {body: 11pt, leading: 18pt}
spacing: {paragraph: 14pt, heading: 20pt, title: 6pt}
`
	_, parallel := styledParallel(t, house)
	_, instrument := styledBuild(t, house)
	for _, c := range []struct{ id, elem, attr, want string }{
		{"Normal", "spacing", "line", "360"},
		{"Normal", "spacing", "lineRule", "exact"},
		{"Paragraph", "spacing", "before", "280"},
		{"Heading1", "spacing", "before", "400"},
		{"Recital", "spacing", "before", "280"},
		{"Title", "spacing", "after", "120"},
	} {
		got, want := docxStyleAttr(t, parallel, c.id, c.elem, c.attr), docxStyleAttr(t, instrument, c.id, c.elem, c.attr)
		if got != c.want || want != c.want {
			t.Errorf("%s's w:%s %s = %s in the parallel DOCX, %s in the instrument's; want %s in both", c.id, c.elem, c.attr, got, want, c.want)
		}
	}
	// Ragged right in narrow columns, as the PDF's, where the instrument
	// justifies.
	if got := docxStyleAttr(t, parallel, "Normal", "jc", "val"); got != "left" {
		t.Errorf("the parallel DOCX's Normal w:jc = %s, want left (ragged right, as the PDF's columns)", got)
	}
	if got := docxAttr(t, parallel, "word/styles.xml", "spacing", "lineRule"); got != "exact" {
		t.Errorf("the parallel DOCX's default w:spacing lineRule = %s, want exact", got)
	}
}
