package projecttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// ExampleDir is where the project at root keeps what tests expect of its
// example: wording, diagnostics and the list of its reference texts.
func ExampleDir(root string) string { return filepath.Join(root, "testdata", "example") }

// ReadExpected returns the file name under testdata/example of the
// project at root, failing the test when it cannot be read.
func ReadExpected(tb testing.TB, root, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(ExampleDir(root), name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// ReadExpectedArchive returns the files of the txtar archive name under
// testdata/example, by name, failing the test when it cannot be read.
func ReadExpectedArchive(tb testing.TB, root, name string) map[string]string {
	tb.Helper()
	a := txtar.Parse([]byte(ReadExpected(tb, root, name)))
	files := make(map[string]string, len(a.Files))
	for _, f := range a.Files {
		files[f.Name] = string(f.Data)
	}
	return files
}

// Expected returns the file name of an archive read by
// ReadExpectedArchive, failing the test when it has none.
func Expected(tb testing.TB, archive map[string]string, name string) string {
	tb.Helper()
	s, ok := archive[name]
	if !ok {
		tb.Fatalf("no file %q in the archive of expectations", name)
	}
	return s
}

// ExpectedText returns the file name of the txtar archive under
// testdata/example of the project at root, without its final newline.
func ExpectedText(tb testing.TB, root, archive, name string) string {
	tb.Helper()
	return strings.TrimSuffix(Expected(tb, ReadExpectedArchive(tb, root, archive), name), "\n")
}

// ExpectedLines returns the lines of the file name of the txtar archive
// under testdata/example of the project at root.
func ExpectedLines(tb testing.TB, root, archive, name string) []string {
	tb.Helper()
	return strings.Split(ExpectedText(tb, root, archive, name), "\n")
}

// NoteReference is the path of the reference text the example's note
// (with its enclosure) reproduces.
func (e Example) NoteReference(tb testing.TB, root string) string {
	tb.Helper()
	return Reference(tb, root, e.Note)
}

// ReportReference is the path of the reference text the example's report
// reproduces.
func (e Example) ReportReference(tb testing.TB, root string) string {
	tb.Helper()
	return Reference(tb, root, e.Report())
}

// Reference is the path of the reference text (under testdata/reference)
// that the note or document id of the project at root reproduces, as its
// testdata/example/references.txt lists it.
func Reference(tb testing.TB, root, id string) string {
	tb.Helper()
	for line := range strings.SplitSeq(ReadExpected(tb, root, "references.txt"), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == id && !strings.HasPrefix(line, "#") {
			return filepath.Join(root, "testdata", "reference", f[1])
		}
	}
	tb.Fatalf("testdata/example/references.txt lists no reference text of %q", id)
	return ""
}
