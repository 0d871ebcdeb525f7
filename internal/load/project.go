// Package load reads a chancery project: the instruments under
// clauses/<id>/document.yaml with their part files, and the source
// documents under clauses/sources/. It turns YAML (through yaml.v3 nodes,
// which keep line and column) into an unnumbered model, reporting every
// problem at file:line:col. It never touches the OS directly: it reads an
// fs.FS rooted at the project directory.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// Directories of a project, relative to its root.
const (
	ClausesDir = "clauses"
	SourcesDir = "clauses/sources"
)

// Project loads every document and source of the project rooted at fsys.
func Project(fsys fs.FS) (*model.Project, diag.List) {
	var diags diag.List
	proj := &model.Project{Sources: map[string]*model.Source{}}
	entries, err := fs.ReadDir(fsys, ClausesDir)
	if err != nil {
		d := diags.Errorf(diag.Pos{File: ClausesDir}, "no-project", "no clauses directory here")
		d.Hint = "run chancery in a project directory (one that holds clauses/<document>/document.yaml)"
		return proj, diags
	}
	// The documents load at the same time, and are taken in the order of
	// their directories.
	type loaded struct {
		doc   *model.Document
		diags diag.List
	}
	docs := make([]loaded, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		dir := path.Join(ClausesDir, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			// A link is followed only inside the project; one that
			// leads out would otherwise make a document vanish.
			info, err := fs.Stat(fsys, dir)
			if err != nil {
				linkOutside(&docs[i].diags, dir, err)
				continue
			}
			if !info.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		if dir == SourcesDir {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(dir, DocumentFile)); err != nil {
			continue
		}
		wg.Go(func() { docs[i].doc, docs[i].diags = Document(fsys, dir) })
	}
	wg.Wait()
	for _, l := range docs {
		diags.Append(l.diags)
		doc := l.doc
		if doc == nil {
			continue
		}
		if other := proj.Document(doc.ID); other != nil && doc.ID != "" {
			diags.Errorf(doc.Pos, "duplicate-id", "document id %q is also used by %s", doc.ID, other.Pos)
			continue
		}
		proj.Documents = append(proj.Documents, doc)
	}
	sources, err := fs.ReadDir(fsys, SourcesDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		linkOutside(&diags, SourcesDir, err)
	}
	if err == nil {
		for _, e := range sources {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
				continue
			}
			if e.Type()&fs.ModeSymlink != 0 {
				if _, err := fs.Stat(fsys, path.Join(SourcesDir, e.Name())); err != nil {
					linkOutside(&diags, path.Join(SourcesDir, e.Name()), err)
					continue
				}
			}
			src, ds := Source(fsys, path.Join(SourcesDir, e.Name()))
			diags.Append(ds)
			if src != nil && src.ID != "" {
				proj.Sources[src.ID] = src
			}
		}
	}
	if len(proj.Documents) == 0 && !diags.HasErrors() && !hasNotes(fsys) {
		d := diags.Errorf(diag.Pos{File: ClausesDir}, "no-documents", "no documents in clauses/")
		d.Hint = "create clauses/<id>/document.yaml, or a note in clauses/notes/<id>.yaml"
	}
	slices.SortFunc(proj.Documents, func(a, b *model.Document) int { return strings.Compare(a.ID, b.ID) })
	return proj, diags
}

// hasNotes tells whether the project has notes (clauses/notes/*.yaml): a
// project of correspondence alone needs no instrument.
func hasNotes(fsys fs.FS) bool {
	entries, err := fs.ReadDir(fsys, NotesDir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			return true
		}
	}
	return false
}

// linkOutside reports a directory or file of the project that cannot be
// opened, most often a symbolic link leading outside the project.
func linkOutside(diags *diag.List, name string, err error) {
	err = unwrapPathError(err)
	msg := fmt.Sprintf("%s cannot be opened: %v", name, err)
	if strings.Contains(err.Error(), "escapes") {
		msg = name + " is a symbolic link that leads outside the project"
	}
	d := diags.Errorf(diag.Pos{File: name}, "bad-path", "%s", msg)
	d.Hint = "the project is read only through its own directory; a symbolic link may not lead outside it: copy or move the files into the project"
}
