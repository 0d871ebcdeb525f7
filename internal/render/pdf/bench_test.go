package pdf_test

import (
	"io"
	"testing"

	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// BenchmarkWriteMoU renders the example MoU, fonts, layout and output
// included.
func BenchmarkWriteMoU(b *testing.B) {
	doc, e := assemble(b, repoRoot, example(b).Enclosure, false)
	opt := pdf.Options{Lang: language(b, e, "en"), Time: stamp()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Write(io.Discard, doc, opt); err != nil {
			b.Fatal(err)
		}
	}
}
