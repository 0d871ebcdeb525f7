package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := WriteAll(dir, []File{{"a.txt", []byte("A")}, {"b.txt", []byte("B")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[1]) != "b.txt" {
		t.Fatalf("paths = %v", paths)
	}
	got, _ := os.ReadFile(paths[0])
	if string(got) != "A" {
		t.Errorf("a.txt = %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("leftover files: %v", entries)
	}
}

func TestWriteAllRefusesEscapingNames(t *testing.T) {
	for _, name := range []string{"../x.txt", "/etc/passwd", "a/b.txt", "..", "", ".hidden"} {
		dir := t.TempDir()
		if _, err := WriteAll(dir, []File{{"ok.txt", []byte("x")}, {name, []byte("x")}}); err == nil || !strings.Contains(err.Error(), "not a plain file name") {
			t.Errorf("WriteAll(%q) error = %v", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("WriteAll(%q) wrote %v", name, entries)
		}
	}
}

func TestFailedWriteKeepsPreviousOutputs(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, []File{{"a.txt", []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// A directory where the second file should go makes its rename fail
	// after the first temp file was written.
	if err := os.Mkdir(filepath.Join(dir, "b.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt", "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := WriteAll(dir, []File{{"b.txt", []byte("new")}, {"a.txt", []byte("new")}})
	if err == nil {
		t.Fatal("expected an error")
	}
	got, _ := os.ReadFile(filepath.Join(dir, "a.txt"))
	if string(got) != "old" {
		t.Errorf("a.txt = %q after a failed build, want the previous output", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestFailureAfterSomeFilesKeepsAllPreviousOutputs puts a directory where
// the second output goes: the write fails before anything is replaced, and
// the first file keeps its previous content. (TestFailedSwapRollsBack
// fails a rename in the middle of the swap.)
func TestFailureAfterSomeFilesKeepsAllPreviousOutputs(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, []File{{"a.txt", []byte("old a")}}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "b.txt", "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteAll(dir, []File{{"a.txt", []byte("new a")}, {"b.txt", []byte("new b")}}); err == nil {
		t.Fatal("expected an error")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(got) != "old a" {
		t.Errorf("a.txt = %q after a failed build, want the previous output", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want a.txt and b.txt only", names)
	}
}

// An output that already holds its new content is not rewritten: the
// same file (inode) stays, with its modification time, while a changed
// one is replaced.
func TestUnchangedOutputIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, []File{{"same.txt", []byte("same")}, {"changed.txt", []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for _, name := range []string{"same.txt", "changed.txt"} {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.Stat(filepath.Join(dir, "same.txt"))
	paths, err := WriteAll(dir, []File{{"same.txt", []byte("same")}, {"changed.txt", []byte("new")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "same.txt" || filepath.Base(paths[1]) != "changed.txt" {
		t.Fatalf("paths = %v, want both outputs in order", paths)
	}
	after, _ := os.Stat(filepath.Join(dir, "same.txt"))
	if !os.SameFile(before, after) || !after.ModTime().Equal(old) {
		t.Errorf("same.txt was rewritten (same file %v, modified %v)", os.SameFile(before, after), after.ModTime())
	}
	changed, _ := os.Stat(filepath.Join(dir, "changed.txt"))
	if got, _ := os.ReadFile(filepath.Join(dir, "changed.txt")); string(got) != "new" || changed.ModTime().Equal(old) {
		t.Errorf("changed.txt = %q, modified %v: want the new content, written now", got, changed.ModTime())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left in the output directory: %v", entries)
	}
	// A symbolic link with the same content is replaced by the output, as
	// before: only a regular file is taken as holding it.
	target := filepath.Join(t.TempDir(), "elsewhere.txt")
	os.WriteFile(target, []byte("same"), 0o644)
	os.Remove(filepath.Join(dir, "same.txt"))
	if err := os.Symlink(target, filepath.Join(dir, "same.txt")); err != nil {
		t.Skip("no symbolic links here")
	}
	if _, err := WriteAll(dir, []File{{"same.txt", []byte("same")}}); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(filepath.Join(dir, "same.txt")); !info.Mode().IsRegular() {
		t.Errorf("same.txt is still a %v, want the output as a regular file", info.Mode().Type())
	}
}
