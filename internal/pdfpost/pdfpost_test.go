package pdfpost

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/clienttest"
)

// raw writes a PDF with uncompressed page streams and a metadata stream.
func raw(t *testing.T) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.SetCatalogSort(true)
	f.SetXmpMetadata([]byte("<x:xmpmeta/>"))
	f.SetFont("Helvetica", "", 12)
	for _, s := range []string{"first page", "second page"} {
		f.AddPage()
		f.Text(20, 20, s)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCompressed(t *testing.T) {
	in := raw(t)
	out, err := Compressed(in)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(out)
	if err != nil {
		t.Fatalf("the output does not parse: %v", err)
	}
	pages := 0
	for _, o := range f.Objects {
		d := o.Dict()
		switch {
		case bytes.Contains(d, []byte("/Type /Metadata")):
			if bytes.Contains(d, []byte("/Filter")) || !bytes.Contains(o.Body, []byte("<x:xmpmeta/>")) {
				t.Errorf("the metadata stream was compressed")
			}
		case o.HasStream():
			if !bytes.Contains(d, []byte("/Filter /FlateDecode")) {
				t.Errorf("object %d: stream left uncompressed: %s", o.Num, d)
				continue
			}
			n := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(d)
			data := o.Body[len(d)+len("stream\n"):]
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("object %d: %v", o.Num, err)
			}
			plain, _ := io.ReadAll(zr)
			if bytes.Contains(plain, []byte("page) Tj")) {
				pages++
			}
			if end := bytes.Index(data, []byte("\nendstream")); n == nil || string(n[1]) != strconv.Itoa(end) {
				t.Errorf("object %d: /Length %s, the stream has %d bytes", o.Num, n[1], end)
			}
		}
	}
	if pages != 2 {
		t.Errorf("found the text of %d pages in the compressed streams, want 2", pages)
	}
	if again, _ := Compressed(in); !bytes.Equal(again, out) {
		t.Error("not deterministic")
	}
	if !regexp.MustCompile(`/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`).Match(out) {
		t.Error("no trailer /ID")
	}
	qpdf := clienttest.Command(t, "qpdf", "qpdf")
	p := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(p, out, 0o644)
	if msg, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, msg)
	}
	text, err := exec.Command(clienttest.Command(t, "pdftotext", "poppler-utils"), p, "-").Output()
	if err != nil || !bytes.Contains(text, []byte("first page")) || !bytes.Contains(text, []byte("second page")) {
		t.Errorf("pdftotext: %v\n%s", err, text)
	}
}
