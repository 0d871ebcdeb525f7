package docx_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
)

// TestNoPageBreakInRunningText builds every DOCX of the example, draft and
// final, and finds no hard page or column break in any paragraph: pages
// break by the styles (keep-with-next, keep-lines, widow control,
// page-break-before on a whole paragraph), so that an officer's edit
// never leaves a break in the middle of a sentence.
func TestNoPageBreakInRunningText(t *testing.T) {
	for _, final := range []bool{false, true} {
		res, diags := build.Build(os.DirFS(repoRoot), build.Options{Formats: []string{"docx"}, Time: testTime(), Final: final})
		if diags.HasErrors() {
			t.Fatalf("build (final %v): %v", final, diags)
		}
		n := 0
		for _, o := range res.Outputs {
			if !strings.HasSuffix(o.Name, ".docx") {
				continue
			}
			n++
			_, parts := unzip(t, o.Data)
			for name, data := range parts {
				if !strings.HasPrefix(name, "word/") || !strings.HasSuffix(name, ".xml") {
					continue
				}
				root := parseXML(t, data)
				for _, p := range root.all("p") {
					for _, br := range p.all("br") {
						if typ := br.attr("type"); typ == "page" || typ == "column" {
							t.Errorf("%s %s: a %s break in the paragraph %q", o.Name, name, typ, short(p.shown()))
						}
					}
				}
			}
		}
		if n < 5 {
			t.Errorf("final %v: only %d DOCX files built", final, n)
		}
		t.Logf("final %v: %d DOCX files without a hard page break", final, n)
	}
}
