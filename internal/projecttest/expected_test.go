package projecttest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReferenceAndExpectations(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(ExampleDir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"references.txt": "# comment\nb-note note-b.txt\nannex annex-2001.txt\n",
		"pkg-test.txtar": "-- first --\none\n-- second --\ntwo\n",
	} {
		if err := os.WriteFile(filepath.Join(ExampleDir(dir), name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := Example{Note: "b-note", Enclosure: "treaty", Others: []string{"annex"}}
	if got, want := e.NoteReference(t, dir), filepath.Join(dir, "testdata/reference/note-b.txt"); got != want {
		t.Errorf("note reference %q, want %q", got, want)
	}
	if got, want := e.ReportReference(t, dir), filepath.Join(dir, "testdata/reference/annex-2001.txt"); got != want {
		t.Errorf("report reference %q, want %q", got, want)
	}
	a := ReadExpectedArchive(t, dir, "pkg-test.txtar")
	if Expected(t, a, "first") != "one\n" || Expected(t, a, "second") != "two\n" {
		t.Errorf("archive %q", a)
	}
	if got := ExpectedText(t, dir, "pkg-test.txtar", "first"); got != "one" {
		t.Errorf("text %q", got)
	}
	if got := ExpectedLines(t, dir, "pkg-test.txtar", "second"); len(got) != 1 || got[0] != "two" {
		t.Errorf("lines %q", got)
	}
}
