package pdf_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/redline/marked"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// TestRedlineRefusesWhatItCannotPrint: no language, or a character the
// font lacks in a deleted span, is an error and nothing is written.
func TestRedlineRefusesWhatItCannotPrint(t *testing.T) {
	d := &marked.Doc{Lang: "en", Paras: []marked.Para{{Depth: 1, Label: "1.",
		Spans: []marked.Span{{Text: "Snow"}, {Text: " ☃", Mark: marked.Deleted}}}}}
	var buf bytes.Buffer
	if _, err := pdf.WriteRedline(&buf, d, pdf.Options{}); err == nil || buf.Len() > 0 {
		t.Errorf("no language: err %v, %d bytes written", err, buf.Len())
	}
	_, e := assemble(t, repoRoot, example(t).Enclosure, false)
	_, err := pdf.WriteRedline(&buf, d, pdf.Options{Lang: language(t, e, "en")})
	if err == nil || !strings.Contains(err.Error(), "U+2603") || buf.Len() > 0 {
		t.Errorf("missing glyph: err %v, %d bytes written", err, buf.Len())
	}
	d.Paras[0].Spans[1].Text = " snowman"
	pages, err := pdf.WriteRedline(&buf, d, pdf.Options{Lang: language(t, e, "en")})
	if err != nil || pages != 1 || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("printable redline: %d pages, err %v", pages, err)
	}
}
