package build

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// headFootStyle gives the example's enclosed instrument a first page of
// its own (only "Page 1 of N" at the foot) and the following pages the
// marking at the left of the head and "-n-" at the foot.
const headFootStyle = `
headers_footers:
  instrument:
    first:
      footer: {center: "{page-of}"}
    following:
      header: {left: "{marking}", bold: true}
      footer: {center: "-{page}-"}
`

// headFootBuild builds the example with headFootStyle added to the style
// of its enclosed instrument and returns the outputs by name.
func headFootBuild(t *testing.T) map[string][]byte {
	t.Helper()
	fsys := exampleFS(t)
	plain, diags := Assemble(fsys, Options{})
	st := plain.Styles[example(t).Enclosure]
	if diags.HasErrors() || st == nil {
		t.Fatalf("the enclosure has no style: %v", diags)
	}
	file := st.File
	fsys[file] = &fstest.MapFile{Data: append(bytes.Clone(fsys[file].Data), headFootStyle...)}
	res, diags := Build(fsys, Options{Formats: []string{"pdf", "docx"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	out := map[string][]byte{}
	for _, o := range res.Outputs {
		out[o.Name] = o.Data
	}
	return out
}

// pdfFilePages returns the text of every page of a PDF file, as pdftotext
// -layout gives it.
func pdfFilePages(t *testing.T, file string) []string {
	t.Helper()
	tool := clienttest.Command(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// nonEmptyLines are a page's lines with text, trimmed.
func nonEmptyLines(page string) []string {
	var lines []string
	for _, l := range strings.Split(page, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// checkRunning checks the head and foot of every page of an instrument
// laid out in headFootStyle: page 1 "Page 1 of N" as its last line and no
// DRAFT, the others DRAFT as their first line and "-n-" as their last.
func checkRunning(t *testing.T, what string, pages []string) {
	t.Helper()
	if len(pages) < 2 {
		t.Fatalf("%s: %d pages, want several", what, len(pages))
	}
	for i, p := range pages {
		lines := nonEmptyLines(p)
		if len(lines) == 0 {
			t.Errorf("%s: page %d is empty", what, i+1)
			continue
		}
		first, last := lines[0], lines[len(lines)-1]
		if i == 0 {
			if want := "Page 1 of " + strconv.Itoa(len(pages)); last != want {
				t.Errorf("%s: page 1 ends with %q, want %q", what, last, want)
			}
			if strings.HasPrefix(first, "DRAFT") && len(lines) > 1 && strings.HasPrefix(lines[1], "DRAFT") {
				t.Errorf("%s: page 1 has the marking in its header", what)
			}
			continue
		}
		if want := "-" + strconv.Itoa(i+1) + "-"; last != want {
			t.Errorf("%s: page %d ends with %q, want %q", what, i+1, last, want)
		}
		if first != "DRAFT" {
			t.Errorf("%s: page %d starts with %q, want the marking DRAFT", what, i+1, first)
		}
	}
}

// TestHeadersFootersPerPageRange sets the example's headers and footers
// in its style.yaml by page range and finds them where they belong in the
// PDF (pdftotext), in the DOCX's parts (a first-page footer, w:titlePg,
// PAGE fields) and in LibreOffice's rendering of the DOCX.
func TestHeadersFootersPerPageRange(t *testing.T) {
	out := headFootBuild(t)
	dir := t.TempDir()
	for name, data := range out {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	base := example(t).Enclosure + ".en."
	checkRunning(t, "instrument PDF", pdfFilePages(t, filepath.Join(dir, base+"pdf")))

	parts := zipParts(t, out[base+"docx"])
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:headerReference w:type="default" r:id="rId4"/>`,
		`<w:footerReference w:type="default" r:id="rId5"/>`,
		`<w:footerReference w:type="first" r:id="rId8"/>`,
		`<w:titlePg/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("instrument DOCX: document.xml lacks %s", want)
		}
	}
	if f := parts["word/footer1.xml"]; !strings.Contains(f, ">-</w:t>") || !strings.Contains(f, " PAGE ") || strings.Contains(f, "NUMPAGES") {
		t.Errorf("instrument DOCX: footer1.xml is not -PAGE-: %s", f)
	}
	if f := parts["word/footer2.xml"]; !strings.Contains(f, ">Page </w:t>") || !strings.Contains(f, " NUMPAGES ") {
		t.Errorf("instrument DOCX: footer2.xml is not Page PAGE of NUMPAGES: %s", f)
	}
	if h := parts["word/header2.xml"]; h == "" || strings.Contains(h, "DRAFT") {
		t.Errorf("instrument DOCX: the first page's header (header2.xml) is missing or not empty: %q", h)
	}
	if testing.Short() {
		return
	}
	lo := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"instrument.docx": out[base+"docx"]}, "pdf")["instrument.docx"]
	checkRunning(t, "instrument DOCX in LibreOffice", pdfFilePages(t, lo))
}

// zipParts returns the text of every part of a package.
func zipParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}
