package redline

import (
	"bytes"
	"cmp"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/pdfwords"
	house "github.com/chancery-dev/chancery/internal/style"
)

// letterStyle is a house style unlike the built-in one in page, margins
// and type: US Letter, 30 mm at the left, 20 mm at the right, 11 pt.
const letterStyle = `page:
  size: Letter
  margins: {top: 25mm, bottom: 20mm, left: 30mm, right: 20mm}
type:
  body: 11pt
  leading: 13pt
`

// parseStyle reads a style.yaml given as text.
func parseStyle(t *testing.T, yaml string) *house.Style {
	t.Helper()
	st, err := house.Parse("templates/house/style.yaml", []byte(yaml), func(string) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// firstPage returns the width and height of a PDF's first page and its
// words, in points, as pdftotext -bbox gives them.
func firstPage(t *testing.T, data []byte) (width, height float64, words []pdfwords.Word) {
	t.Helper()
	file := writeTemp(t, "redline.pdf", data)
	info := run(t, "pdfinfo", file)
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	pages := pdfwords.ReadFile(t, file, "-f", "1", "-l", "1")
	if len(pages) == 0 || len(pages[0].Words) == 0 {
		t.Fatal("pdftotext finds no words on page 1")
	}
	return num(t, m[1]), num(t, m[2]), pages[0].Words
}

// TestRedlineTakesTheHouseStyle writes the same redline in the built-in
// style and in a Letter style with other margins and type, and finds the
// style's page size (pdfinfo), left margin and body size (pdftotext
// -bbox) in the PDF, and its w:pgSz, w:pgMar and default w:sz in the DOCX.
func TestRedlineTakesTheHouseStyle(t *testing.T) {
	d := compareEdited(t, shorterTerm(t))
	opt := testOptions(t)
	opt.Style = parseStyle(t, letterStyle)
	const mm = 72 / 25.4

	bw, bh, base := firstPage(t, writePDF(t, d, testOptions(t)))
	w, h, styled := firstPage(t, writePDF(t, d, opt))
	if math.Abs(bw-595.28) > 0.1 || math.Abs(bh-841.89) > 0.1 {
		t.Errorf("built-in style: page %.2f x %.2f pt, want A4 (595.28 x 841.89)", bw, bh)
	}
	if math.Abs(w-612) > 0.1 || math.Abs(h-792) > 0.1 {
		t.Errorf("Letter style: page %.2f x %.2f pt, want Letter (612 x 792)", w, h)
	}
	if x := pdfwords.LeftEdge(base); math.Abs(x-25*mm) > 0.5 {
		t.Errorf("built-in style: text starts at %.1f pt, want 25 mm (%.1f pt)", x, 25*mm)
	}
	if x := pdfwords.LeftEdge(styled); math.Abs(x-30*mm) > 0.5 {
		t.Errorf("Letter style: text starts at %.1f pt, want 30 mm (%.1f pt)", x, 30*mm)
	}
	if r := pdfwords.BodyHeight(styled) / pdfwords.BodyHeight(base); math.Abs(r-11.0/12) > 0.03 {
		t.Errorf("body word height %.1f pt in the Letter style, %.1f pt built in: ratio %.3f, want 11/12",
			pdfwords.BodyHeight(styled), pdfwords.BodyHeight(base), r)
	}

	parts, _ := docxParts(t, writeDOCX(t, d, opt))
	sect := parseXML(t, parts["word/document.xml"]).all("sectPr")
	if len(sect) != 1 {
		t.Fatalf("%d w:sectPr, want 1", len(sect))
	}
	sz, mar := sect[0].child("pgSz"), sect[0].child("pgMar")
	defaults := parseXML(t, parts["word/styles.xml"]).all("docDefaults")
	if sz == nil || mar == nil || len(defaults) != 1 || len(defaults[0].all("sz")) == 0 {
		t.Fatal("the DOCX has no w:pgSz, w:pgMar or default w:sz")
	}
	for _, c := range []struct{ what, got, want string }{
		{"w:pgSz w", sz.attr("w"), "12240"},
		{"w:pgSz h", sz.attr("h"), "15840"},
		{"w:pgMar left", mar.attr("left"), "1701"},
		{"w:pgMar right", mar.attr("right"), "1134"},
		{"w:pgMar top", mar.attr("top"), "1418"},
		{"w:pgMar bottom", mar.attr("bottom"), "1134"},
		{"default w:sz", defaults[0].all("sz")[0].attr("val"), "22"},
	} {
		if c.got != c.want {
			t.Errorf("DOCX redline: %s = %s, want %s", c.what, c.got, c.want)
		}
	}
}

// lineStarts returns the first two words of every line of every page of
// a PDF (pdftotext -bbox), its running lines (marking, page numbers)
// left out: where the PDF breaks its paragraphs into lines.
func lineStarts(t *testing.T, data []byte, marking string) []string {
	t.Helper()
	var starts []string
	for _, p := range pdfwords.Read(t, data) {
		for _, l := range pdfwords.Lines(p.Words) {
			var ws []string
			for _, w := range l {
				ws = append(ws, w.Text)
			}
			line := strings.Join(ws, " ")
			if line == marking || folio.MatchString(line) {
				continue
			}
			starts = append(starts, strings.Join(ws[:min(2, len(ws))], " "))
		}
	}
	return starts
}

// folio is the page number at the foot of an instrument's and a
// redline's pages.
var folio = regexp.MustCompile(`^Page \d+ of \d+$`)

// TestRedlineBreaksLinesAsTheStyleSays compares the example with itself
// and writes the redline PDF and the instrument PDF in a style that
// breaks lines by first fit and in one that breaks them by total fit: in
// each, every line of the redline down to the signature block (which the
// instrument sets side by side, the redline one party under the other)
// starts with the words the instrument's line does, and the two styles
// break some line apart.
func TestRedlineBreaksLinesAsTheStyleSays(t *testing.T) {
	doc := assemble(t, exampleFS(t))
	d := compare(t, doc, doc)
	f, _ := format.Lookup("pdf")
	var bodies [][]string
	for _, breaking := range []string{house.BreakFirstFit, house.BreakTotalFit} {
		opt := testOptions(t)
		opt.Style = parseStyle(t, "type: {line_breaking: "+breaking+"}\n")
		in, err := lower.Lower(doc, opt.Lang, lower.Copy{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.Instrument(&buf, in, opt); err != nil {
			t.Fatal(err)
		}
		m, err := MarkedFor(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		instrument := lineStarts(t, buf.Bytes(), in.Marking)
		redline := lineStarts(t, writePDF(t, d, opt), m.Marking)

		// The signature block starts with the first party's "For ..." line:
		// the instrument's last line starting so.
		sig, ok := in.Blocks[len(in.Blocks)-1].(*lower.Signatures)
		if !ok || len(sig.Parties) == 0 || sig.Parties[0].For == nil {
			t.Fatal("the example ends with no signature block")
		}
		forWords := strings.Fields(lower.Plain(sig.Parties[0].For))
		forStart := strings.Join(forWords[:min(2, len(forWords))], " ")
		body := -1
		for i, s := range instrument {
			if s == forStart {
				body = i
			}
		}
		if body < len(instrument)/2 {
			t.Fatalf("%s: the instrument's signature block (%q) starts at line %d of %d", breaking, forStart, body+1, len(instrument))
		}
		if len(redline) <= body || redline[body] != forStart {
			t.Errorf("%s: the redline's signature block does not start at line %d, as the instrument's does", breaking, body+1)
		}
		for i := range min(body, len(redline)) {
			if redline[i] != instrument[i] {
				t.Errorf("%s: the redline's line %d starts %q, the instrument's %q", breaking, i+1, redline[i], instrument[i])
				break
			}
		}
		bodies = append(bodies, instrument[:body])
	}
	if slices.Equal(bodies[0], bodies[1]) {
		t.Error("first fit and total fit break every line of the example alike: the test shows nothing")
	}
}

// spacedStyle is a house style with a leading and paragraph spacing of
// its own: 11 pt on 18 pt, 14 pt between paragraphs, 20 pt above
// headings, 6 pt between title lines and 24 pt after the title.
const spacedStyle = `type: {body: 11pt, leading: 18pt}
spacing: {paragraph: 14pt, heading: 20pt, title: 6pt, after_title: 24pt}
`

// styleSpacing returns the attributes of the w:spacing of the paragraph
// style id in a parsed styles.xml ("" for the document defaults), and
// whether Normal's widow control is on.
func styleSpacing(t *testing.T, styles *xmlNode, id string) map[string]string {
	t.Helper()
	var ppr *xmlNode
	if id == "" {
		for _, d := range styles.all("pPrDefault") {
			ppr = d.child("pPr")
		}
	} else {
		for _, s := range styles.all("style") {
			if s.attr("styleId") == id {
				ppr = s.child("pPr")
			}
		}
	}
	out := map[string]string{}
	if ppr == nil {
		return out
	}
	if sp := ppr.child("spacing"); sp != nil {
		for _, a := range []string{"before", "after", "line", "lineRule"} {
			out[a] = sp.attr(a)
		}
	}
	if wc := ppr.child("widowControl"); wc != nil {
		out["widowControl"] = cmp.Or(wc.attr("val"), "1")
	}
	return out
}

// TestRedlineDOCXSpacedAsTheInstrument writes the redline DOCX and the
// instrument DOCX in spacedStyle: the redline's styles.xml sets the
// leading exactly (w:line 360, w:lineRule exact, in the document defaults
// and Normal, where it was single spacing), with the instrument's widow
// control, and every paragraph style the redline uses is spaced as the
// instrument's (w:spacing before and after); the redline's title block
// ends in the Title Last Line style, as the instrument's does, with the
// style's 24 pt after it.
func TestRedlineDOCXSpacedAsTheInstrument(t *testing.T) {
	doc := assembleAgreement(t, agreementFS(t))
	opt := testOptions(t)
	opt.Style = parseStyle(t, spacedStyle)
	in, err := lower.Lower(doc, opt.Lang, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := format.Lookup("docx")
	var buf bytes.Buffer
	if _, err := f.Instrument(&buf, in, opt); err != nil {
		t.Fatal(err)
	}
	instrumentParts, _ := docxParts(t, buf.Bytes())
	redlineData := writeDOCX(t, compareEdited(t, shorterTerm(t)), opt)
	redlineParts, _ := docxParts(t, redlineData)
	instrument, redline := parseXML(t, instrumentParts["word/styles.xml"]), parseXML(t, redlineParts["word/styles.xml"])

	for _, c := range []struct{ id, attr, want string }{
		{"", "line", "360"}, {"", "lineRule", "exact"},
		{"Normal", "line", "360"}, {"Normal", "lineRule", "exact"},
		{"Paragraph", "before", "280"}, {"Heading1", "before", "400"},
		{"Title", "after", "120"}, {"TitleLast", "after", "480"},
	} {
		if got := styleSpacing(t, redline, c.id)[c.attr]; got != c.want {
			t.Errorf("redline DOCX: %s w:spacing %s = %q, want %q", cmp.Or(c.id, "the default"), c.attr, got, c.want)
		}
	}
	_, ps := paragraphs(t, redlineData)
	used := map[string]bool{"": true, "Normal": true}
	var titles []string
	for i, p := range ps {
		ppr := p.child("pPr")
		if ppr == nil || ppr.child("pStyle") == nil {
			continue
		}
		id := ppr.child("pStyle").attr("val")
		used[id] = true
		if i == len(titles) && (id == "Title" || id == "TitleLast") {
			titles = append(titles, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(used)) {
		got, want := styleSpacing(t, redline, id), styleSpacing(t, instrument, id)
		if !maps.Equal(got, want) {
			t.Errorf("redline DOCX: %s spaced %v, the instrument's %v", cmp.Or(id, "the default"), got, want)
		}
	}
	if len(titles) < 2 || titles[len(titles)-1] != "TitleLast" || slices.Contains(titles[:len(titles)-1], "TitleLast") {
		t.Errorf("redline DOCX: the title block's styles are %v, want Title ... TitleLast", titles)
	}
}
