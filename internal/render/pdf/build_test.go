package pdf_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
)

// TestBuildWritesThePDF checks the wiring into the build: the MoU's PDF
// output, its page count and its bytes, the same as a direct render's.
func TestBuildWritesThePDF(t *testing.T) {
	res, diags := build.Build(os.DirFS(repoRoot), build.Options{Formats: []string{"pdf"}, Time: stamp()})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want, pages := mou(t)
	name := example(t).Enclosure + ".en.pdf"
	for _, o := range res.Outputs {
		if o.Name != name {
			continue
		}
		if o.Pages != pages || !bytes.Equal(o.Data, want) {
			t.Errorf("build output: %d pages, %d bytes; direct render: %d pages, %d bytes", o.Pages, len(o.Data), pages, len(want))
		}
		return
	}
	t.Errorf("no %s among %d outputs", name, len(res.Outputs))
}

func TestBuildTextOutputsHaveNoPages(t *testing.T) {
	res, diags := build.Build(os.DirFS(repoRoot), build.Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, o := range res.Outputs {
		if o.Pages != 0 {
			t.Errorf("%s: Pages = %d", o.Name, o.Pages)
		}
	}
}
