package importer

import (
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
)

// BenchmarkInferKazakhDOCX imports the trilingual fixture's Kazakh DOCX
// (with references above and below, relativeFixture): reading the
// paragraphs, inferring the structure and recognising the references.
func BenchmarkInferKazakhDOCX(b *testing.B) {
	res, diags := build.Build(relativeFixture(b), build.Options{Formats: []string{"docx"}})
	if diags.HasErrors() {
		b.Fatalf("build: %v", diags)
	}
	var data []byte
	for _, o := range res.Outputs {
		if o.Name == "agr.kk.docx" {
			data = o.Data
		}
	}
	if data == nil {
		b.Fatal("no agr.kk.docx")
	}
	for b.Loop() {
		paras, err := ReadDOCX("agr.kk.docx", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Infer(paras, Options{ID: "imported", Lang: "kk"}); err != nil {
			b.Fatal(err)
		}
	}
}
