package projecttest

import (
	"path/filepath"
	"strings"
	"testing"
)

// NotedReference is the reference text under root's testdata/reference
// that has a file of note spans beside it (named like it with ".notes"
// for ".txt", read by wordmatch.ReferenceParts): the reference of the
// example's note and its enclosure. It fails the test unless there is
// exactly one.
func NotedReference(tb testing.TB, root string) string {
	tb.Helper()
	spans, err := filepath.Glob(filepath.Join(root, "testdata", "reference", "*.notes"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(spans) != 1 {
		tb.Fatalf("%s/testdata/reference has %d files of note spans, want 1", root, len(spans))
	}
	return strings.TrimSuffix(spans[0], ".notes") + ".txt"
}
