package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// TestBadInputs runs chancery build on every project in testdata/bad and
// compares its diagnostics with the archive's "want" file: each bad input
// gives one clear diagnostic at file:line:col, exit status 1, and writes
// nothing.
func TestBadInputs(t *testing.T) {
	files, err := filepath.Glob("../../testdata/bad/*.txtar")
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 bad inputs, found %d (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var want []byte
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = f.Data
					continue
				}
				path := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := Run([]string{"build"}, Env{Dir: dir, Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
			if code != ExitErrors {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, ExitErrors, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout not empty: %q", stdout.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
				t.Errorf("out/ was created by a failed build")
			}
			got := stderr.Bytes()
			if n := bytes.Count(got, []byte(": error: ")); n != 1 {
				t.Errorf("%d error diagnostics, want exactly one:\n%s", n, got)
			}
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = got
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
