package docx_test

import (
	"io"
	"testing"

	"github.com/chancery-dev/chancery/internal/render/docx"
)

func BenchmarkWriteMoU(b *testing.B) {
	a := assembleMoU(b, false)
	opt := docx.Options{Lang: a.lang, Time: testTime()}
	b.ReportAllocs()
	for b.Loop() {
		if err := docx.Write(io.Discard, a.doc, opt); err != nil {
			b.Fatal(err)
		}
	}
}
