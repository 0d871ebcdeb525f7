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
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository root seen from this package.
const repoRoot = "../../.."

// example is what the tests know of the example, read from the project:
// its instrument is the enclosure of its note.
func example(t testing.TB) projecttest.Example {
	t.Helper()
	return projecttest.ReadExample(t, repoRoot)
}

// letterhead returns the lines of the example note's letterhead, by
// language, as its issuer's letterhead field in the project gives them.
func letterhead(t testing.TB) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(repoRoot + "/" + example(t).NoteFile())
	if err != nil {
		t.Fatal(err)
	}
	var note struct {
		Issuer struct {
			Letterhead map[string][]string `yaml:"letterhead"`
		} `yaml:"issuer"`
	}
	if err := yaml.Unmarshal(data, &note); err != nil {
		t.Fatal(err)
	}
	if len(note.Issuer.Letterhead) == 0 {
		t.Fatal("the example's note has no letterhead")
	}
	return note.Issuer.Letterhead
}

// expected returns a file of testdata/example/render.txtar, what the
// render tests expect of the example's wording, without its final newline.
func expected(t testing.TB, name string) string {
	t.Helper()
	return projecttest.ExpectedText(t, repoRoot, "render.txtar", name)
}

// expectedLines returns the lines of a file of expected.
func expectedLines(t testing.TB, name string) []string {
	t.Helper()
	return projecttest.ExpectedLines(t, repoRoot, "render.txtar", name)
}

// expectedByLang returns the lines of a file of expected that begin with
// a language tag, by that tag, with "~" read as a no-break space.
func expectedByLang(t testing.TB, name string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range expectedLines(t, name) {
		tag, text, _ := strings.Cut(line, " ")
		m[tag] = tie(text)
	}
	return m
}

// signatories returns the paragraphs of each party's cell of the
// example instrument's signature table: the "For …:" line, the
// signatory's name and office.
func signatories(t testing.TB) [][]string {
	t.Helper()
	var cells [][]string
	for _, line := range expectedLines(t, "enclosure-signatories") {
		cells = append(cells, strings.Split(line, " | "))
	}
	return cells
}

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
	id := example(t).Enclosure
	doc := res.Project.Document(id)
	if doc == nil {
		t.Fatalf("no document %s", id)
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
