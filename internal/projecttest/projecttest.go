// Package projecttest gives tests an in-memory copy of a chancery project
// (its clauses/ and templates/) that they can change without touching the
// repository, a checked way to edit a file of it, and what a test needs
// to know of the repository's example (Example), read from the project so
// that no Go code names it.
package projecttest

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// Copy reads the project at root (clauses/ and, when present, templates/)
// into memory.
func Copy(tb testing.TB, root string) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	src := os.DirFS(root)
	for _, dir := range []string{"clauses", "templates"} {
		err := fs.WalkDir(src, dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, path)
			m[path] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil && !(dir == "templates" && errors.Is(err, fs.ErrNotExist)) {
			tb.Fatal(err)
		}
	}
	return m
}

// Edit replaces the first occurrence of from with to in file, failing the
// test when file does not contain from.
func Edit(tb testing.TB, fsys fstest.MapFS, file, from, to string) {
	tb.Helper()
	f, ok := fsys[file]
	if !ok {
		tb.Fatalf("no file %s", file)
	}
	s := string(f.Data)
	if !strings.Contains(s, from) {
		tb.Fatalf("%s lacks %q", file, from)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, from, to, 1))}
}
