package html_test

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/pdfwords"
)

// Chromium prints the pages of instruments with every label in its
// column: no word left of the page's margin, and on a labelled line the
// text starting where the label column ends (2.5em), as the paragraph's
// other lines do. Before, a label's box took its paragraph's hanging
// indent a second time (on screen the label stood 2.5em into the margin,
// in print its text started up to 40 pt off the column) and a justified
// line stretched the space after it.
func TestLabelsStayInTheirColumnInChromium(t *testing.T) {
	chromium := clienttest.Command(t, "chromium", "chromium")
	dir := t.TempDir()
	margin := regexp.MustCompile(`@page \{[^}]*margin: \S+ \S+ \S+ ([0-9.]+)mm`)
	// A label of one word and the word its text starts with.
	labelled := regexp.MustCompile(`<span class="label">([^<\s]+) ?</span> ?([^\s<]+)`)
	checked := 0
	for name, data := range pages(t) {
		if !strings.Contains(name, "/draft/") || !strings.Contains(string(data), `<p class="unit d1"`) {
			continue
		}
		m := margin.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s: no left margin in the @page rule", name)
		}
		mm, _ := strconv.ParseFloat(string(m[1]), 64)
		left := mm / 25.4 * 72
		starts := map[[2]string]bool{}
		for _, m := range labelled.FindAllSubmatch(data, -1) {
			starts[[2]string{string(m[1]), string(m[2])}] = true
		}
		base := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(base, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(),
			"--no-pdf-header-footer", "--print-to-pdf="+base+".pdf", "file://"+base)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: chromium: %v\n%s", name, err, out)
		}
		found := 0
		for p, page := range pdfwords.ReadFile(t, base+".pdf") {
			for _, line := range pdfwords.Lines(page.Words) {
				if first := line[0]; first.XMin < left-0.5 {
					t.Errorf("%s, page %d: %q starts at %.1f pt, left of the %.1f pt margin", name, p+1, first.Text, first.XMin, left)
				}
				first := line[0]
				if len(line) < 2 || !starts[[2]string{first.Text, line[1].Text}] || first.XMax-first.XMin > 24 {
					continue
				}
				found++
				if gap := line[1].XMin - first.XMin; math.Abs(gap-30) > 0.75 {
					t.Errorf("%s, page %d: after label %q the text starts %.1f pt from it, not at the 30 pt (2.5em) column", name, p+1, first.Text, gap)
				}
			}
		}
		if found < 5 {
			t.Errorf("%s: only %d labelled lines found in Chromium's print", name, found)
		}
		checked++
	}
	if checked < 2 {
		t.Fatalf("only %d instrument pages checked", checked)
	}
}
