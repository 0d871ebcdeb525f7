package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/redline/marked"
	"github.com/chancery-dev/chancery/internal/render/docx"
)

// TestRedlineWithoutLanguageOrAuthor writes a redline with no language
// (the runs take the document's tag), no author (chancery) and no time
// (the fixed date), and a footer without the page-of words.
func TestRedlineWithoutLanguageOrAuthor(t *testing.T) {
	d := &marked.Doc{Lang: "ru", Paras: []marked.Para{{
		Label: "1.", Depth: 1,
		Spans: []marked.Span{{Text: "Срок"}, {Text: " пять", Mark: marked.Deleted}, {Text: " три", Mark: marked.Inserted}},
	}}}
	var buf bytes.Buffer
	if err := docx.WriteRedline(&buf, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	body := string(parts["word/document.xml"])
	for _, s := range []string{
		`<w:del w:id="1" w:author="chancery" w:date="2000-01-01T00:00:00Z"><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr><w:delText xml:space="preserve"> пять</w:delText></w:r></w:del>`,
		`<w:ins w:id="2" w:author="chancery" w:date="2000-01-01T00:00:00Z"><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr><w:t xml:space="preserve"> три</w:t></w:r></w:ins>`,
	} {
		if !strings.Contains(body, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	if _, ok := parts["word/header1.xml"]; ok {
		t.Error("a header without a marking")
	}
	if footer := string(parts["word/footer1.xml"]); !strings.Contains(footer, "PAGE") || strings.Contains(footer, "NUMPAGES") {
		t.Errorf("footer without page-of words: %s", footer)
	}
}
