package pdf_test

import (
	"bytes"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// stamp is the time the tests render with.
func stamp() time.Time { return time.Date(2024, 5, 13, 10, 30, 0, 0, time.UTC) }

// repoRoot is the project holding the example: a note and the MoU it
// encloses, and a report.
const repoRoot = "../../.."

// example is what the tests know of the example, read from the project.
func example(t testing.TB) projecttest.Example {
	t.Helper()
	return projecttest.ReadExample(t, repoRoot)
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

// assemble loads, numbers and resolves the project in dir and returns its
// document with the given id and the language engine.
func assemble(t testing.TB, dir, id string, final bool) (*model.Document, *lang.Engine) {
	t.Helper()
	res, diags := build.Assemble(os.DirFS(dir), build.Options{Final: final})
	if diags.HasErrors() {
		t.Fatalf("assembling %s: %v", dir, diags)
	}
	doc := res.Project.Document(id)
	if doc == nil {
		t.Fatalf("%s has no document %q", dir, id)
	}
	return doc, res.Engine
}

// language returns a language of the engine.
func language(t testing.TB, e *lang.Engine, tag string) *lang.Language {
	t.Helper()
	l, err := e.Language(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// render writes doc in l and returns the PDF and its page count.
func render(t testing.TB, doc *model.Document, l *lang.Language) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	pages, err := pdf.Write(&buf, doc, pdf.Options{Lang: l, Time: stamp()})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), pages
}

// mou renders the example MoU in English.
func mou(t testing.TB) ([]byte, int) {
	doc, e := assemble(t, repoRoot, example(t).Enclosure, false)
	return render(t, doc, language(t, e, "en"))
}

// needTool skips the test when a command-line tool is not installed (and
// fails it under CI=true, naming the Debian package).
func needTool(t *testing.T, name string) {
	t.Helper()
	clienttest.Tool(t, name)
}

// runTool runs a tool on the PDF, written to a temporary file that
// replaces the argument "{}", and returns its standard output. A non-zero
// exit fails the test.
func runTool(t *testing.T, data []byte, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	file := t.TempDir() + "/doc.pdf"
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args = slices.Clone(args)
	for i, a := range args {
		if a == "{}" {
			args[i] = file
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// pdftotext extracts the text of the PDF as UTF-8, with extra flags such
// as -layout or -f 2 -l 2.
func pdftotext(t *testing.T, data []byte, flags ...string) string {
	t.Helper()
	return runTool(t, data, "pdftotext", append(flags, "-enc", "UTF-8", "{}", "-")...)
}
