package pdfa

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/fonts"
)

// sample writes a two-page PDF with a link annotation, prepared for PDF/A
// with info.
func sample(t *testing.T, info Info) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	ttf, err := fonts.TTF(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	f.AddUTF8FontFromBytes("serif", "", ttf)
	f.SetFont("serif", "", 12)
	Prepare(f, info)
	f.SetCatalogSort(true)
	f.AddPage()
	f.Text(20, 20, "one")
	link := f.AddLink()
	f.Link(20, 30, 40, 10, link)
	f.AddPage()
	f.SetLink(link, 0, -1)
	f.Text(20, 20, "two")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sampleInfo() Info {
	return Info{Title: "Title <&> “quoted”", Author: "Секретариат", Subject: "Subject", Creator: "chancery", Producer: "chancery", Lang: "ru", Time: time.Date(2024, 5, 13, 10, 30, 0, 0, time.UTC)}
}

func TestFinish(t *testing.T) {
	raw := sample(t, sampleInfo())
	// What fpdf writes by itself, and Finish must mend.
	if !bytes.Contains(raw, []byte("/Group <</Type /Group /S /Transparency")) || bytes.Contains(raw, []byte("/ID [")) {
		t.Fatalf("fpdf's output changed: the test no longer shows what Finish mends")
	}
	out, err := Finish(raw)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"/CreationDate (D:20240513103000Z)",
		"/ModDate (D:20240513103000Z)",
		"<</F 4 /Type /Annot /Subtype /Link",
		"<pdfaid:part>2</pdfaid:part>",
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Title &lt;&amp;&gt; “quoted”</rdf:li></rdf:Alt></dc:title>",
		"<dc:creator><rdf:Seq><rdf:li>Секретариат</rdf:li></rdf:Seq></dc:creator>",
		"<xmp:CreateDate>2024-05-13T10:30:00Z</xmp:CreateDate>",
		"/S /GTS_PDFA1",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(s, "/S /Transparency") {
		t.Error("a page keeps its transparency group")
	}
	if !regexp.MustCompile(`/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`).MatchString(s) {
		t.Error("no trailer /ID")
	}
	// The trailer's /Info names the information dictionary, not the
	// output intent's profile as fpdf's does.
	m := regexp.MustCompile(`/Info (\d+) 0 R`).FindStringSubmatch(s)
	if m == nil || !regexp.MustCompile(`(?s)\n`+m[1]+` 0 obj\s*<<\s*/Producer`).MatchString(s) {
		t.Errorf("trailer /Info does not point at the information dictionary")
	}
	again, err := Finish(raw)
	if err != nil || !bytes.Equal(again, out) {
		t.Error("Finish is not deterministic")
	}
	qpdf := clienttest.Command(t, "qpdf", "qpdf")
	path := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, msg)
	}
	python := clienttest.Python(t, "pikepdf", "python3-pikepdf")
	if msg, err := exec.Command(python, "testdata/check_pdfa.py", path).CombinedOutput(); err != nil {
		t.Errorf("PDF/A check: %v\n%s", err, msg)
	}
}

func TestFinishRefusesWhatItCannotRead(t *testing.T) {
	for _, tt := range []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "pdfa: no startxref at the end of the file"},
		{"no xref", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n", "pdfa: no cross-reference table at startxref (an incrementally updated or compressed file?)"},
		{"xref elsewhere", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000001 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n29\n%%EOF\n", "pdfa: object 1: the cross-reference table points elsewhere"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Finish([]byte(tt.data)); err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<</Type /Annot /Subtype /Link /A <</S /URI /URI (x)>>>>", "<</F 4 /Type /Annot /Subtype /Link /A <</S /URI /URI (x)>>>>"},
		{"<</Type /Annot /F 6 /Subtype /Link>>", "<</Type /Annot /F 6 /Subtype /Link>>"},
		// A flag of a nested dictionary is not the annotation's own.
		{"[<</Type /Annot /A <</F 1>>>> <</Type /Annot>>]", "[<</F 4 /Type /Annot /A <</F 1>>>> <</F 4 /Type /Annot>>]"},
	} {
		if got := string(printable([]byte(tt.in))); got != tt.want {
			t.Errorf("printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSRGB(t *testing.T) {
	icc := SRGB()
	if len(icc) < 128 || string(icc[36:40]) != "acsp" || string(icc[16:20]) != "RGB " {
		t.Fatalf("sRGB.icc is not an RGB ICC profile")
	}
	icc[0] = 0xFF
	if SRGB()[0] == 0xFF {
		t.Error("SRGB returned shared data")
	}
	lic, err := os.ReadFile("LICENSE-sRGB.txt")
	if err != nil || !bytes.Contains(lic, []byte("Files: LCMS* compat* Gray* Cine* ITUL* sRGB.icc")) {
		t.Errorf("LICENSE-sRGB.txt does not carry sRGB.icc's licence (%v)", err)
	}
}
