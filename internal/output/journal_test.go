package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dirContents reads every file of dir, hidden ones included.
func dirContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(data)
	}
	return got
}

func wantContents(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := dirContents(t, dir)
	if len(got) != len(want) {
		t.Errorf("directory holds %v, want %v", got, want)
		return
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q, want %q (directory: %v)", name, got[name], data, got)
		}
	}
}

// A run killed before its journal was written leaves new files and backup
// links; the next run removes them and the outputs stay the old ones.
func TestRecoverRemovesUndecidedBuild(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "old a", ".chancery-new.0": "new a", ".chancery-new.1": "new b", ".chancery-journal~": "chancery output"})
	if err := os.Link(filepath.Join(dir, "a.txt"), filepath.Join(dir, ".chancery-old.0")); err != nil {
		t.Fatal(err)
	}
	r, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Removed != 4 || len(r.Finished)+len(r.RolledBack) != 0 {
		t.Errorf("recovery = %+v, want 4 files removed and nothing else", r)
	}
	wantContents(t, dir, map[string]string{"a.txt": "old a"})
}

// A run killed after its journal was written, half-way through the
// renames, is finished by the next run.
func TestRecoverFinishesDecidedSwap(t *testing.T) {
	dir := t.TempDir()
	// a.txt was already renamed in (its backup still exists), b.txt and
	// c.txt are waiting.
	writeFiles(t, dir, map[string]string{
		"a.txt": "new a", ".chancery-old.0": "old a",
		"b.txt": "old b", ".chancery-new.1": "new b",
		".chancery-new.2":   "new c",
		".chancery-journal": "chancery output journal 1\nstate commit\nreplace a.txt\nreplace b.txt\ncreate c.txt\n",
	})
	if err := os.Link(filepath.Join(dir, "b.txt"), filepath.Join(dir, ".chancery-old.1")); err != nil {
		t.Fatal(err)
	}
	r, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Finished, []string{"a.txt", "b.txt", "c.txt"}) {
		t.Errorf("finished %v", r.Finished)
	}
	wantContents(t, dir, map[string]string{"a.txt": "new a", "b.txt": "new b", "c.txt": "new c"})
}

// A rollback that was itself interrupted is carried on by the next run.
func TestRecoverCarriesOnRollback(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "new a", ".chancery-old.0": "old a",
		"c.txt":             "new c",
		".chancery-journal": "chancery output journal 1\nstate rollback\nreplace a.txt\ncreate c.txt\n",
	})
	r, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.RolledBack, []string{"a.txt", "c.txt"}) {
		t.Errorf("rolled back %v", r.RolledBack)
	}
	wantContents(t, dir, map[string]string{"a.txt": "old a"})
}

func TestRecoverRefusesForeignJournal(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a", ".chancery-journal": "something else\n"})
	_, err := Recover(dir)
	if err == nil || !strings.Contains(err.Error(), "unknown format; it is not chancery's") {
		t.Fatalf("error = %v", err)
	}
	wantContents(t, dir, map[string]string{"a.txt": "a", ".chancery-journal": "something else\n"})
}

// Versions before the journal moved an output aside to ".<name>.tmpN.old"
// and could be killed before the new one was renamed in: the backup is
// put back, and every other file of theirs is removed.
func TestRecoverLegacyLeftovers(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".a.txt.tmp123.old": "old a", ".a.txt.tmp123": "new a",
		"b.txt": "b", ".b.txt.tmp9": "new b", ".b.txt.tmp9.old": "older b",
		".keep-me": "a user's hidden file",
	})
	r, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Restored, []string{"a.txt"}) || r.Removed != 3 {
		t.Errorf("recovery = %+v", r)
	}
	wantContents(t, dir, map[string]string{"a.txt": "old a", "b.txt": "b", ".keep-me": "a user's hidden file"})
}

func TestWriteLeavesNoHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "old a", ".chancery-new.7": "stale"})
	if _, err := WriteAll(dir, []File{{"a.txt", []byte("new a")}, {"b.txt", []byte("new b")}}); err != nil {
		t.Fatal(err)
	}
	wantContents(t, dir, map[string]string{"a.txt": "new a", "b.txt": "new b"})
}

// An old output that a reader holds open keeps its content: the new
// version is a new file renamed over the name, never written into it.
func TestReaderOfOldOutputKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "old a"})
	f, err := os.Open(filepath.Join(dir, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := WriteAll(dir, []File{{"a.txt", []byte("new a, longer")}}); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := f.Read(buf)
	if string(buf[:n]) != "old a" {
		t.Errorf("open reader sees %q, want the old content", buf[:n])
	}
}

func TestInterruptedWriteChangesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "old a"})
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("terminated")
	cancel(cause)
	_, err := Write(ctx, dir, []File{{"a.txt", []byte("new a")}, {"b.txt", []byte("new b")}}, Options{})
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, cause) {
		t.Fatalf("error = %v, want ErrInterrupted wrapping the cause", err)
	}
	wantContents(t, dir, map[string]string{"a.txt": "old a"})
}

func TestLockWaitsThenFails(t *testing.T) {
	dir := t.TempDir()
	held, err := Lock(dir, LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	waited := false
	_, err = Write(context.Background(), dir, []File{{"a.txt", []byte("a")}}, Options{Lock: LockOptions{Wait: 100 * time.Millisecond, Waiting: func() { waited = true }}})
	if !errors.Is(err, ErrBusy) || !waited {
		t.Fatalf("error = %v (waiting called: %v), want ErrBusy after waiting", err, waited)
	}
	wantContents(t, dir, map[string]string{})
	// Released, the directory can be written; a writer that started
	// waiting before the release gets it.
	done := make(chan error)
	go func() {
		_, err := Write(context.Background(), dir, []File{{"a.txt", []byte("a")}}, Options{Lock: LockOptions{Wait: 5 * time.Second}})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	held.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	wantContents(t, dir, map[string]string{"a.txt": "a"})
}

// A rename that fails half-way through the swap (a disk error, say) puts
// every output back to its previous version, the ones already replaced
// included, and leaves no hidden file.
func TestFailedSwapRollsBack(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "old a", "b.txt": "old b"})
	l, err := Lock(dir, LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	calls := 0
	l.rename = func(from, to string) error {
		calls++
		if calls == 3 {
			return errors.New("simulated disk error")
		}
		return os.Rename(from, to)
	}
	_, err = l.Write(context.Background(), []File{{"a.txt", []byte("new a")}, {"b.txt", []byte("new b")}, {"c.txt", []byte("new c")}})
	if err == nil || !strings.Contains(err.Error(), "simulated disk error") {
		t.Fatalf("error = %v", err)
	}
	wantContents(t, dir, map[string]string{"a.txt": "old a", "b.txt": "old b"})
}

func TestOutputDirectoryIsAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	writeFiles(t, filepath.Dir(path), map[string]string{"out": "notes"})
	_, err := WriteAll(path, []File{{"a.txt", []byte("a")}})
	if err == nil || !strings.HasSuffix(err.Error(), "out is a file, not a directory: name another output directory, or move the file away") {
		t.Fatalf("error = %v", err)
	}
}
