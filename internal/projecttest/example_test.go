package projecttest

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestReadExampleFindsTheNoteItsEnclosureAndTheRest(t *testing.T) {
	dir := t.TempDir()
	for name, f := range (fstest.MapFS{
		"clauses/notes/b-note.yaml":       {Data: []byte("id: b-note\nenclosure: {document: treaty}\n")},
		"clauses/notes/c-note.yaml":       {Data: []byte("id: c-note\nenclosure: {document: report}\n")},
		"clauses/treaty/document.yaml":    {Data: []byte("id: treaty\n")},
		"clauses/report/document.yaml":    {Data: []byte("id: report\n")},
		"clauses/annex/document.yaml":     {Data: []byte("id: annex\n")},
		"clauses/sources/plan.yaml":       {Data: []byte("id: plan\n")},
		"clauses/sources/convention.yaml": {Data: []byte("id: convention\n")},
	}) {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := ReadExample(t, dir)
	if e.Note != "b-note" || e.Enclosure != "treaty" || e.NoteFile() != "clauses/notes/b-note.yaml" {
		t.Errorf("note %q encloses %q (%s), want b-note, treaty", e.Note, e.Enclosure, e.NoteFile())
	}
	if len(e.Others) != 2 || e.Others[0] != "annex" || e.Others[1] != "report" || e.Report() != "annex" {
		t.Errorf("others %q, report %q", e.Others, e.Report())
	}
	if len(e.Sources) != 2 || e.Sources[0] != "convention" || e.Sources[1] != "plan" {
		t.Errorf("sources %q", e.Sources)
	}
}
