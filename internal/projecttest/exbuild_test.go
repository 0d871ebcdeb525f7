package projecttest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNotedReferenceIsTheTextBesideTheNoteSpans(t *testing.T) {
	dir := t.TempDir()
	ref := filepath.Join(dir, "testdata", "reference")
	if err := os.MkdirAll(ref, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"other.txt", "note-and-treaty.txt", "note-and-treaty.notes"} {
		if err := os.WriteFile(filepath.Join(ref, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := NotedReference(t, dir), filepath.Join(ref, "note-and-treaty.txt"); got != want {
		t.Errorf("NotedReference = %s, want %s", got, want)
	}
}
