package wordmatch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/projecttest"
)

func TestReferencePartsCutsTheThreeNotes(t *testing.T) {
	const repoRoot = "../.."
	e := projecttest.ReadExample(t, repoRoot)
	parts, err := ReferenceParts(e.NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	want := projecttest.ReadExpectedArchive(t, repoRoot, "wordmatch.txtar")
	for _, tag := range []string{"en", "ru", "kk"} {
		// How the note begins and ends, a line of another part, a line
		// of its own.
		c := map[string]string{}
		for line := range strings.SplitSeq(strings.TrimSpace(projecttest.Expected(t, want, tag)), "\n") {
			k, v, _ := strings.Cut(line, ": ")
			c[k] = v
		}
		if c["first"] == "" || c["last"] == "" || c["foreign"] == "" || c["holds"] == "" {
			t.Fatalf("wordmatch.txtar: %s lacks first, last, foreign or holds: %q", tag, c)
		}
		note := parts[tag]
		if !strings.HasPrefix(note, c["first"]) || !strings.HasSuffix(note, c["last"]) {
			t.Errorf("%s note runs from %.40q to %.40q", tag, note, note[max(len(note)-40, 0):])
		}
		if strings.Contains(note, c["foreign"]) {
			t.Errorf("%s note holds %q of another part", tag, c["foreign"])
		}
		if !strings.Contains(note, c["holds"]) {
			t.Errorf("%s note lacks %q (its number or its enclosure line)", tag, c["holds"])
		}
		if n := len(Words(note)); n < 250 {
			t.Errorf("%s note has %d words", tag, n)
		}
	}
}

func TestCutMissingParts(t *testing.T) {
	spans := []Span{{"a", "START", "END"}, {"b", "START", "FIN"}, {"c", "X", "Y"}}
	got := Cut("START x END tail", spans)
	if got["a"] != "START x END" || got["b"] != "" || got["c"] != "" {
		t.Errorf("Cut = %q", got)
	}
	if got := Cut("", spans); got["a"] != "" || got["b"] != "" || got["c"] != "" || len(got) != 3 {
		t.Errorf("Cut of nothing = %q", got)
	}
}

func TestReadSpansReportsABadLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ref.notes")
	os.WriteFile(file, []byte("# comment\n\nen\tstart\tend\nbad line\n"), 0o644)
	if _, err := ReadSpans(file); err == nil || err.Error() != file+":4: want name, start and end separated by tabs" {
		t.Errorf("ReadSpans error = %v", err)
	}
}
