package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer that a command may write while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// initProject runs chancery init in a new directory and returns it.
func initProject(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "proj")
	var out, errs bytes.Buffer
	env := Env{Dir: filepath.Dir(dir), Stdout: &out, Stderr: &errs, Getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1700000000"
		}
		return ""
	}}
	if code := Run(append([]string{"init", dir}, args...), env); code != 0 {
		t.Fatalf("chancery init: exit %d\n%s", code, errs.String())
	}
	return dir
}

// eventually polls cond until it holds, failing after a generous limit:
// the test asserts what happens, never how fast.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	return string(data)
}

func replaceInFile(t *testing.T, p, from, to string) string {
	t.Helper()
	old := readFile(t, p)
	if !strings.Contains(old, from) {
		t.Fatalf("%s does not contain %q", p, from)
	}
	return strings.Replace(old, from, to, 1)
}

func TestWatchRebuildsOnEveryKindOfSave(t *testing.T) {
	dir := initProject(t)
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	env := Env{Dir: dir, Stdout: stdout, Stderr: stderr, Getenv: func(string) string { return "" }}
	ready := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runWatch(ctx, &WatchOptions{Env: env, OutputOptions: OutputOptions{Output: "out", Formats: []string{"txt"}}, Debounce: 50 * time.Millisecond, Ready: func() { close(ready) }})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("watch ended with %v", err)
		}
	}()
	select {
	case <-ready:
	case <-time.After(60 * time.Second):
		t.Fatal("watch never became ready")
	}
	out := filepath.Join(dir, "out", "proj.en.txt")
	if !strings.Contains(readFile(t, out), "1.1 The purpose of this Memorandum") {
		t.Fatalf("the first build wrote no text edition:\n%s", stderr.String())
	}
	part := filepath.Join(dir, "clauses", "proj", "01-purpose.yaml")

	// Written in place.
	if err := os.WriteFile(part, []byte(replaceInFile(t, part, "The purpose of this Memorandum", "The aim of this Memorandum")), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the in-place edit in the output", func() bool {
		return strings.Contains(readFile(t, out), "1.1 The aim of this Memorandum")
	})

	// Written to a new file renamed over the old one, as many editors save.
	tmp := filepath.Join(dir, "clauses", "proj", ".01-purpose.yaml.swp")
	if err := os.WriteFile(tmp, []byte(replaceInFile(t, part, "The aim of", "The object of")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, part); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the renamed file in the output", func() bool {
		return strings.Contains(readFile(t, out), "1.1 The object of this Memorandum")
	})

	// A broken edit prints its diagnostic and leaves the last good output.
	good := readFile(t, out)
	if err := os.WriteFile(part, []byte(replaceInFile(t, part, "The object of", "{ref:purpose.mandat} of")), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the diagnostic of the broken edit", func() bool {
		return strings.Contains(stderr.String(), "clauses/proj/01-purpose.yaml:6:") &&
			strings.Contains(stderr.String(), `error: unknown reference "purpose.mandat" [unknown-ref]`) &&
			strings.Contains(stderr.String(), "the outputs of the last good build are kept")
	})
	if got := readFile(t, out); got != good {
		t.Errorf("a failed build changed the output:\n%s", got)
	}

	// Repaired, it builds again.
	if err := os.WriteFile(part, []byte(replaceInFile(t, part, "{ref:purpose.mandat} of", "{ref:purpose.mandate|cap} states the object of")), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the repaired edit in the output", func() bool {
		return strings.Contains(readFile(t, out), "1.1 Sub-paragraph\u00a01.2 states the object of this Memorandum")
	})

	// A directory made after the start is watched too.
	extra := filepath.Join(dir, "clauses", "drafts", "later")
	if err := os.MkdirAll(extra, 0o755); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new directory to be reported", func() bool {
		return strings.Contains(stderr.String(), "changed: clauses/drafts")
	})
	if err := os.WriteFile(filepath.Join(extra, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a file in the new directory to be reported", func() bool {
		return strings.Contains(stderr.String(), "clauses/drafts/later/notes.txt")
	})
	if strings.Contains(stderr.String(), "changed: out/") || strings.Contains(stderr.String(), ", out/") {
		t.Errorf("the output directory is watched:\n%s", stderr.String())
	}
}
