// Package pdfwords reads the words of a PDF with their boxes, as poppler's
// pdftotext -bbox gives them: what tests check positions, margins and type
// sizes with. pdftotext is found through clienttest, so a test skips on a
// machine without poppler-utils and fails under CI=true.
package pdfwords

import (
	"cmp"
	"encoding/xml"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// Word is a word and its box, in points from the page's top left corner.
type Word struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// Page is a page's size in points and its words in reading order.
type Page struct {
	Width  float64 `xml:"width,attr"`
	Height float64 `xml:"height,attr"`
	Words  []Word  `xml:"word"`
}

// Text is the page's words joined by single spaces.
func (p Page) Text() string {
	ws := make([]string, len(p.Words))
	for i, w := range p.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

// Read returns the pages of the PDF data; args are further arguments of
// pdftotext, such as "-f", "1", "-l", "1" for page 1 alone.
func Read(t testing.TB, data []byte, args ...string) []Page {
	t.Helper()
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ReadFile(t, file, args...)
}

// ReadFile is Read of a PDF file.
func ReadFile(t testing.TB, file string, args ...string) []Page {
	t.Helper()
	tool := clienttest.Command(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, append(append([]string{"-bbox", "-enc", "UTF-8"}, args...), file, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", file, err)
	}
	var doc struct {
		Pages []Page `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", file, err)
	}
	return doc.Pages
}

// LeftEdge is the smallest XMin of words (+Inf for none).
func LeftEdge(words []Word) float64 {
	x := math.Inf(1)
	for _, w := range words {
		x = min(x, w.XMin)
	}
	return x
}

// BodyHeight is the most frequent height of the words' boxes, to a tenth
// of a point: that of the body type (the first such height on a tie).
func BodyHeight(words []Word) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for _, w := range words {
		h := math.Round((w.YMax-w.YMin)*10) / 10
		count[h]++
		if count[h] > bestN {
			best, bestN = h, count[h]
		}
	}
	return best
}

// Lines groups words into lines of text: words whose boxes' vertical
// middles lie within 2 points of the line's first word are one line,
// lines ordered top to bottom and each line's words left to right. Words
// side by side in columns are one line.
func Lines(words []Word) [][]Word {
	mid := func(w Word) float64 { return (w.YMin + w.YMax) / 2 }
	sorted := slices.Clone(words)
	slices.SortStableFunc(sorted, func(a, b Word) int { return cmp.Compare(mid(a), mid(b)) })
	var lines [][]Word
	for _, w := range sorted {
		if n := len(lines); n > 0 && mid(w)-mid(lines[n-1][0]) <= 2 {
			lines[n-1] = append(lines[n-1], w)
			continue
		}
		lines = append(lines, []Word{w})
	}
	for _, l := range lines {
		slices.SortStableFunc(l, func(a, b Word) int { return cmp.Compare(a.XMin, b.XMin) })
	}
	return lines
}
