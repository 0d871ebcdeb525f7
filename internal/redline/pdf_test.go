package redline

import (
	"bytes"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

func writePDF(t *testing.T, d *Document, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	m, err := MarkedFor(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := format.Lookup("pdf")
	if _, err := f.Redline(&buf, m, opt); err != nil {
		t.Fatalf("pdf redline: %v", err)
	}
	return buf.Bytes()
}

// flatText is the PDF's text with runs of white space as one space.
func flatText(t *testing.T, file string, flags ...string) string {
	t.Helper()
	args := append(flags, "-enc", "UTF-8", file, "-")
	return strings.Join(strings.Fields(run(t, "pdftotext", args...)), " ")
}

// summaryText is the text from the summary heading to the end, without
// the page furniture (the marking and page number of every page).
func summaryText(t *testing.T, text string) string {
	t.Helper()
	pageFurniture := regexp.MustCompile(` ?(REDLINE|Page \d+ of \d+) ?`)
	i := strings.Index(text, summaryHeading)
	if i < 0 {
		t.Fatal("the PDF has no summary")
	}
	return pageFurniture.ReplaceAllString(text[i:], " ")
}

// between returns the text from start up to end.
func between(t *testing.T, text, start, end string) string {
	t.Helper()
	i := strings.Index(text, start)
	if i < 0 {
		t.Fatalf("text lacks %q", start)
	}
	j := strings.Index(text[i:], end)
	if j < 0 {
		t.Fatalf("text lacks %q after %q", end, start)
	}
	return text[i : i+j]
}

func TestPDFShowsBothVersionsOfTheChange(t *testing.T) {
	file := writeTemp(t, "redline.pdf", writePDF(t, compareEdited(t, shorterTerm(t)), testOptions(t)))
	text := flatText(t, file)
	const want = "8.2 This Agreement is concluded for a period of five (5) three (3) years and shall be"
	if got := between(t, text, "8.2 ", "8.3 "); !strings.HasPrefix(got, want) {
		t.Errorf("paragraph 8.2 reads %q, want it to start %q", got, want)
	}
	summary := summaryText(t, flatText(t, file, "-layout"))
	for _, s := range []string{"0 added, 0 removed, 1 changed, 0 renumbered.", "Change Clause Number", "changed final.duration 8.2"} {
		if !strings.Contains(summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, summary)
		}
	}
}

// find returns the page and boxes of the first run of the words seq.
func find(t *testing.T, text []pdfwords.Page, seq ...string) (int, []pdfwords.Word) {
	t.Helper()
	for p, page := range text {
		ws := page.Words
		for i := 0; i+len(seq) <= len(ws); i++ {
			match := true
			for k, w := range seq {
				match = match && ws[i+k].Text == w
			}
			if match {
				return p, ws[i : i+len(seq)]
			}
		}
	}
	t.Fatalf("the PDF has no words %q", seq)
	return 0, nil
}

// painted is what a page's content stream draws in colour: line segments
// in their stroke colour and strings at their start in their fill colour,
// in points from the page's bottom left corner.
type painted struct {
	segments []segment
	texts    []segment // x1, y1 and the colour only
}

type segment struct {
	colour         string // "r g b" as the operator writes it
	x1, y1, x2, y2 float64
}

// paintedPages decompresses the PDF with qpdf --qdf and reads each page's
// coloured strokes and strings.
func paintedPages(t *testing.T, file string) []painted {
	t.Helper()
	var (
		strokeRE = regexp.MustCompile(`^([\d.]+ [\d.]+ [\d.]+) RG$`)
		lineRE   = regexp.MustCompile(`^([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S$`)
		textRE   = regexp.MustCompile(`^q ([\d.]+ [\d.]+ [\d.]+) rg BT ([\d.]+) ([\d.]+) Td `)
	)
	qdf := writeTemp(t, "qdf.pdf", nil)
	run(t, "qpdf", "--qdf", "--object-streams=disable", file, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	data := string(raw)
	var pages []painted
	for _, chunk := range strings.Split(data, "%% Contents for page ")[1:] {
		var p painted
		stroke := ""
		for _, line := range strings.Split(chunk, "\n") {
			if m := strokeRE.FindStringSubmatch(line); m != nil {
				stroke = m[1]
			} else if m := lineRE.FindStringSubmatch(line); m != nil {
				p.segments = append(p.segments, segment{stroke, num(t, m[1]), num(t, m[2]), num(t, m[3]), num(t, m[4])})
			} else if m := textRE.FindStringSubmatch(line); m != nil {
				p.texts = append(p.texts, segment{colour: m[1], x1: num(t, m[2]), y1: num(t, m[3])})
			}
		}
		pages = append(pages, p)
	}
	return pages
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The colours of the marks as fpdf writes them (200, 0, 0 and 0, 60, 200
// out of 255).
const (
	red  = "0.784 0.000 0.000"
	blue = "0.000 0.235 0.784"
)

// crossing tells whether a segment of colour spans the word's width at a
// height (from the page's top) between lo and hi, given as shares of the
// word box's height from its top.
func crossing(segs []segment, colour string, w pdfwords.Word, pageH, lo, hi float64) bool {
	h := w.YMax - w.YMin
	for _, s := range segs {
		y := pageH - s.y1
		if s.colour == colour && s.y1 == s.y2 && s.x1 <= w.XMin+0.5 && s.x2 >= w.XMax-0.5 &&
			y > w.YMin+lo*h && y < w.YMin+hi*h {
			return true
		}
	}
	return false
}

// filled tells whether a string starting at the word's left edge is
// painted in colour.
func filled(texts []segment, colour string, w pdfwords.Word) bool {
	for _, s := range texts {
		if s.colour == colour && math.Abs(s.x1-w.XMin) < 0.5 {
			return true
		}
	}
	return false
}

// TestPDFStrikesDeletionsAndUnderlinesInsertions finds the words of the
// change on the page and the lines drawn over them: a red line through
// the middle of "five" and "(5)", printed in red, and a blue line under
// "three" and "(3)", printed in blue; the words around them in black,
// without lines.
func TestPDFStrikesDeletionsAndUnderlinesInsertions(t *testing.T) {
	file := writeTemp(t, "redline.pdf", writePDF(t, compareEdited(t, shorterTerm(t)), testOptions(t)))
	text := pdfwords.ReadFile(t, file)
	pages := paintedPages(t, file)
	if len(pages) != len(text) {
		t.Fatalf("qpdf shows %d pages, pdftotext %d", len(pages), len(text))
	}
	p, boxes := find(t, text, "of", "five", "(5)", "three", "(3)", "years", "and")
	pg, h := pages[p], text[p].Height
	for _, box := range boxes {
		struck := crossing(pg.segments, red, box, h, 0.35, 0.8)
		underlined := crossing(pg.segments, blue, box, h, 0.8, 1.1)
		switch w := box.Text; w {
		case "five", "(5)":
			if !struck || underlined || !filled(pg.texts, red, box) {
				t.Errorf("%q: struck %v, underlined %v, red %v; want struck through in red", w, struck, underlined, filled(pg.texts, red, box))
			}
		case "three", "(3)":
			if struck || !underlined || !filled(pg.texts, blue, box) {
				t.Errorf("%q: struck %v, underlined %v, blue %v; want underlined in blue", w, struck, underlined, filled(pg.texts, blue, box))
			}
		default:
			if struck || underlined || filled(pg.texts, red, box) || filled(pg.texts, blue, box) {
				t.Errorf("%q is marked; it did not change", w)
			}
		}
	}
}

func TestPDFIsValidEmbeddedAndDeterministic(t *testing.T) {
	d := compareEdited(t, shorterTerm(t))
	data := writePDF(t, d, testOptions(t))
	if again := writePDF(t, d, testOptions(t)); !bytes.Equal(data, again) {
		t.Error("two renders of the same redline differ")
	}
	file := writeTemp(t, "redline.pdf", data)
	run(t, "qpdf", "--check", file)
	info := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-isodates", file), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	for k, v := range map[string]string{"CreationDate": testDate, "ModDate": testDate, "Author": testAuthor} {
		if info[k] != v {
			t.Errorf("pdfinfo: %s is %q, want %q", k, info[k], v)
		}
	}
	fonts := strings.Split(strings.TrimSpace(run(t, "pdffonts", file)), "\n")[2:]
	if len(fonts) == 0 {
		t.Fatal("no fonts")
	}
	for _, f := range fonts {
		if fs := strings.Fields(f); !strings.Contains(strings.ToLower(fs[0]), "liberationserif") || fs[len(fs)-5] != "yes" {
			t.Errorf("font not embedded Liberation Serif: %s", f)
		}
	}
}

// TestPDFInsertedParagraph shows an added paragraph underlined in blue,
// its label too, the next paragraph under its new label unmarked, and the
// summary of one addition and two renumberings.
func TestPDFInsertedParagraph(t *testing.T) {
	file := writeTemp(t, "redline.pdf", writePDF(t, compareEdited(t, newReview(t)), testOptions(t)))
	text := flatText(t, file)
	if !strings.Contains(text, "8.3 The Parties may review the implementation of this Agreement at their meetings. 8.4 By mutual written consent") {
		t.Error("the added paragraph is not 8.3 before 8.4")
	}
	summary := summaryText(t, flatText(t, file, "-layout"))
	for _, s := range []string{"1 added, 0 removed, 0 changed, 2 renumbered.", "added final.review 8.3", "renumbered final.amendment 8.3 → 8.4"} {
		if !strings.Contains(summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, summary)
		}
	}
	words := pdfwords.ReadFile(t, file)
	pages := paintedPages(t, file)
	p, boxes := find(t, words, "8.3", "The", "Parties", "may", "review", "the", "implementation", "of", "this", "Agreement", "at", "their", "meetings.")
	for _, box := range boxes {
		if !crossing(pages[p].segments, blue, box, words[p].Height, 0.8, 1.1) || !filled(pages[p].texts, blue, box) {
			t.Errorf("%q is not underlined in blue", box.Text)
		}
	}
	p, boxes = find(t, words, "8.4", "By", "mutual", "written", "consent")
	for _, box := range boxes {
		if crossing(pages[p].segments, blue, box, words[p].Height, 0, 1.1) || crossing(pages[p].segments, red, box, words[p].Height, 0, 1.1) {
			t.Errorf("%q of the renumbered paragraph 8.4 is marked", box.Text)
		}
	}
}
