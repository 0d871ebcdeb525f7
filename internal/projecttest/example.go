package projecttest

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Example is what a test of a project like the repository's example needs
// to know of it, read from the project rather than written into the test
// (no Go code knows the example): its note, the document the note
// encloses, its other documents and its sources, by id.
type Example struct {
	Note      string   // the first note of clauses/notes, by file name
	Enclosure string   // the document that note encloses
	Others    []string // the other documents, by directory name
	Sources   []string // the sources of clauses/sources
}

// NoteFile is the note's file, relative to the project.
func (e Example) NoteFile() string { return "clauses/notes/" + e.Note + ".yaml" }

// Report is the first of the other documents: in the repository's
// example, the report with labelled fields and bullets.
func (e Example) Report() string {
	if len(e.Others) == 0 {
		return ""
	}
	return e.Others[0]
}

// ReadExample reads what Example holds from the project at root, failing
// the test when the project has no note with an enclosure.
func ReadExample(tb testing.TB, root string) Example {
	tb.Helper()
	fsys := os.DirFS(root)
	var e Example
	notes, _ := fs.Glob(fsys, "clauses/notes/*.yaml")
	if len(notes) == 0 {
		tb.Fatalf("%s has no note in clauses/notes", root)
	}
	slices.Sort(notes)
	data, err := fs.ReadFile(fsys, notes[0])
	if err != nil {
		tb.Fatal(err)
	}
	var note struct {
		ID        string `yaml:"id"`
		Enclosure struct {
			Document string `yaml:"document"`
		} `yaml:"enclosure"`
	}
	if err := yaml.Unmarshal(data, &note); err != nil {
		tb.Fatalf("%s: %v", notes[0], err)
	}
	if note.Enclosure.Document == "" {
		tb.Fatalf("%s encloses no document", notes[0])
	}
	e.Note, e.Enclosure = note.ID, note.Enclosure.Document
	docs, _ := fs.Glob(fsys, "clauses/*/document.yaml")
	for _, d := range docs {
		if id := path.Base(path.Dir(d)); id != e.Enclosure {
			e.Others = append(e.Others, id)
		}
	}
	slices.Sort(e.Others)
	sources, _ := fs.Glob(fsys, "clauses/sources/*.yaml")
	for _, s := range sources {
		e.Sources = append(e.Sources, strings.TrimSuffix(path.Base(s), ".yaml"))
	}
	slices.Sort(e.Sources)
	return e
}
