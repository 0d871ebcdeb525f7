package pdfwords

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestReadFindsWordsWhereTheyArePainted paints two words with fpdf, one
// larger and further right, and reads their boxes back.
func TestReadFindsWordsWhereTheyArePainted(t *testing.T) {
	f := fpdf.New("P", "pt", "A4", "")
	f.AddPage()
	f.SetFont("Times", "", 12)
	f.Text(72, 100, "Left")
	f.Text(72, 120, "body")
	f.Text(72, 140, "text")
	f.SetFont("Times", "", 24)
	f.Text(200, 200, "Right")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pages := Read(t, buf.Bytes())
	if len(pages) != 1 || pages[0].Width < 595 || pages[0].Width > 596 || pages[0].Height < 841 || pages[0].Height > 842 {
		t.Fatalf("pages = %+v, want one A4 page", pages)
	}
	p := pages[0]
	if got := p.Text(); got != "Left body text Right" {
		t.Errorf("Text = %q", got)
	}
	if x := LeftEdge(p.Words); x < 71.5 || x > 72.5 {
		t.Errorf("LeftEdge = %.2f, want 72", x)
	}
	right := p.Words[3]
	if right.XMin < 199.5 || right.XMin > 200.5 || right.YMax-right.YMin <= 2*(p.Words[0].YMax-p.Words[0].YMin)-1 {
		t.Errorf("the 24 pt word is at %+v", right)
	}
	if h := BodyHeight(p.Words); h != BodyHeight(p.Words[:1]) {
		t.Errorf("BodyHeight = %.1f, want the 12 pt words' %.1f", h, BodyHeight(p.Words[:1]))
	}
}

// TestLinesGroupsWordsByTheirMiddles paints two lines, the second of a
// smaller word and a larger one on one baseline, out of order, and finds
// the lines, each read left to right.
func TestLinesGroupsWordsByTheirMiddles(t *testing.T) {
	words := []Word{
		{XMin: 150, YMin: 118, XMax: 180, YMax: 132, Text: "large"},
		{XMin: 80, YMin: 90, XMax: 100, YMax: 102, Text: "line"},
		{XMin: 72, YMin: 121, XMax: 100, YMax: 130, Text: "second"},
		{XMin: 72, YMin: 90, XMax: 78, YMax: 102, Text: "A"},
	}
	var got []string
	for _, l := range Lines(words) {
		s := ""
		for i, w := range l {
			if i > 0 {
				s += " "
			}
			s += w.Text
		}
		got = append(got, s)
	}
	if len(got) != 2 || got[0] != "A line" || got[1] != "second large" {
		t.Errorf("Lines = %q, want [\"A line\" \"second large\"]", got)
	}
}
