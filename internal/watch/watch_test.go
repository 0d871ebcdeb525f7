package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Changes():
		return b
	case <-time.After(60 * time.Second):
		t.Fatal("no batch of changes")
		return nil
	}
}

// A burst of saves is one batch; renames over a file and files in skipped
// or hidden directories are handled as the package says.
func TestBatches(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"clauses/doc", "out", ".git"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := New(root, Options{Debounce: 200 * time.Millisecond, Skip: func(rel string) bool { return rel == "out" }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	part := filepath.Join(root, "clauses/doc/a.yaml")
	for i := range 5 {
		if err := os.WriteFile(part, []byte{byte('a' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := next(t, w); !slices.Equal(got, []string{"clauses/doc/a.yaml"}) {
		t.Errorf("burst of saves: batch %v", got)
	}

	tmp := filepath.Join(root, "clauses/doc/a.yaml.new")
	os.WriteFile(tmp, []byte("new"), 0o644)
	if err := os.Rename(tmp, part); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); !slices.Contains(got, "clauses/doc/a.yaml") {
		t.Errorf("rename over the file: batch %v", got)
	}

	// Writes in skipped and hidden directories make no batch; the next
	// batch holds only the project's file.
	os.WriteFile(filepath.Join(root, "out/doc.en.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, ".git/index"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "clauses/doc/b.yaml"), []byte("x"), 0o644)
	if got := next(t, w); !slices.Equal(got, []string{"clauses/doc/b.yaml"}) {
		t.Errorf("skipped directories: batch %v", got)
	}
}
