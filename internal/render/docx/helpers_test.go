package docx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/render/docx"
)

// repoRoot is the repository root seen from this package.
const repoRoot = "../../.."

// mouID is the example instrument.
const mouID = "unoct-cica-mou"

// testTime stamps test builds.
func testTime() time.Time { return time.Date(2024, 5, 13, 9, 30, 0, 0, time.UTC) }

// assembled is a numbered, resolved document with its language.
type assembled struct {
	doc  *model.Document
	lang *lang.Language
}

// assembleMoU assembles the example project; final folds inserts.
func assembleMoU(t testing.TB, final bool) assembled {
	t.Helper()
	res, diags := build.Assemble(os.DirFS(repoRoot), build.Options{Final: final})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	doc := res.Project.Document(mouID)
	if doc == nil {
		t.Fatalf("no document %s", mouID)
	}
	l, err := res.Engine.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	return assembled{doc: doc, lang: l}
}

// render writes a document as a .docx.
func render(t testing.TB, a assembled) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, a.doc, docx.Options{Lang: a.lang, Time: testTime()}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// unzip returns the parts of a package in order, and their contents.
func unzip(t testing.TB, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var names []string
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

// writeTemp writes data into a file of the test's temporary directory.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tie writes the no-break spaces of an expected text, marked "~" as in
// TeX: tie("пункт~4.1") is "пункт\u00a04.1".
func tie(s string) string { return strings.ReplaceAll(s, "~", lang.NoBreakSpace) }
