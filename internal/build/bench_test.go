package build

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"testing"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/gen"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/number"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	"github.com/chancery-dev/chancery/internal/render/text"
	"github.com/chancery-dev/chancery/internal/xref"
)

// benchProjects are the example and generated treaties of growing size.
func benchProjects() []struct {
	name string
	fsys fs.FS
} {
	out := []struct {
		name string
		fsys fs.FS
	}{{"example", os.DirFS(repoRoot)}}
	for _, n := range []int{100, 1000, 10000} {
		out = append(out, struct {
			name string
			fsys fs.FS
		}{fmt.Sprintf("treaty-%d", n), gen.Treaty(n)})
	}
	return out
}

// BenchmarkStages measures each stage of the pipeline on the example and
// on generated treaties of 100, 1,000 and 10,000 paragraphs.
func BenchmarkStages(b *testing.B) {
	engine, err := lang.New()
	if err != nil {
		b.Fatal(err)
	}
	en, _ := engine.Language("en")
	for _, p := range benchProjects() {
		proj, diags := load.Project(p.fsys)
		if diags.HasErrors() {
			b.Fatalf("%s: %v", p.name, diags)
		}
		doc := proj.Documents[0]
		b.Run("load/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				load.Project(p.fsys)
			}
		})
		b.Run("number/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				number.Document(doc, number.Options{})
			}
		})
		b.Run("resolve/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				xref.Resolve(doc, proj.Sources, engine)
			}
		})
		b.Run("check/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				check.Document(doc, proj.Sources, check.Options{})
			}
		})
		b.Run("pdf/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pdf.Write(io.Discard, doc, pdf.Options{Lang: en}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("docx/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := docx.Write(io.Discard, doc, docx.Options{Lang: en}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("text/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := text.Write(io.Discard, doc, text.Options{Lang: en}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuild measures a whole build, every format, and a build of
// text only (txt/...).
func BenchmarkBuild(b *testing.B) {
	for _, p := range benchProjects() {
		for _, v := range []struct {
			name    string
			formats []string
		}{{"", nil}, {"txt/", []string{"txt"}}} {
			b.Run(v.name+p.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, diags := Build(p.fsys, Options{Formats: v.formats}); diags.HasErrors() {
						b.Fatal(diags)
					}
				}
			})
		}
	}
}
