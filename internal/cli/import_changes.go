package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/importer"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/chancery-dev/chancery/internal/redline"
)

// memProject copies the project's clauses/ and templates/ into memory, so
// that edited files can be laid over it and built before anything is
// written.
func memProject(fsys fs.FS) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	for _, dir := range []string{"clauses", "templates"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return m, nil
}

// chooseDocument picks --document, or the project's only document.
func chooseDocument(proj *model.Project, id string) (*model.Document, error) {
	if id != "" {
		if d := proj.Document(id); d != nil {
			return d, nil
		}
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("the project has no document %q", id)}
	}
	if len(proj.Documents) != 1 {
		var ids []string
		for _, d := range proj.Documents {
			ids = append(ids, d.ID)
		}
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("the project has %d documents (%s): choose one with --document", len(ids), strings.Join(ids, ", "))}
	}
	return proj.Documents[0], nil
}

func runImportChanges(o *ImportOptions) error {
	if strings.ToLower(filepath.Ext(o.File)) != ".docx" {
		_, err := importer.ReadFile(o.File, nil)
		if err == nil {
			err = fmt.Errorf("tracked changes come in a .docx")
		}
		var diags diag.List
		d := diags.Errorf(diag.Pos{File: o.File}, "unsupported-input", "--changes reads tracked changes from a .docx: %v", err)
		d.Hint = "open the returned file in LibreOffice or Word and save it as .docx, keeping the tracked changes"
		diag.WriteText(o.Env.Stderr, diags)
		return failed("nothing imported")
	}
	fsys, err := openProject(o.Env.Dir)
	if err != nil {
		return err
	}
	res, diags := build.Assemble(fsys, build.Options{})
	if err := reportAs(o.Env, diags, "the project"); err != nil {
		return err
	}
	doc, err := chooseDocument(res.Project, o.Document)
	if err != nil {
		return err
	}
	data, err := o.readDraft()
	if err != nil {
		return err
	}
	returned, err := docxread.Read(data, docxread.DefaultLimits())
	if err != nil {
		return o.readError(err)
	}
	tag := o.Lang
	if tag == "" {
		tag = doc.Languages[0]
		if len(doc.Languages) > 1 {
			guess := importer.GuessLanguage(importer.FromDOCX(o.File, returned))
			if slices.Contains(doc.Languages, guess) {
				tag = guess
			}
		}
	}
	if !slices.Contains(doc.Languages, tag) {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("document %s is not written in %s (its languages: %s)", doc.ID, tag, strings.Join(doc.Languages, ", "))}
	}
	l, err := res.Engine.Language(tag)
	if err != nil {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("--lang %s: %v", tag, err)}
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
	cs, err := importer.Changes(doc, tag, l, returned, filepath.Base(o.File), read)
	if err != nil {
		return failed("%s: %v", o.File, err)
	}
	mem, err := memProject(fsys)
	if err != nil {
		return failed("reading the project: %v", err)
	}
	for name, data := range cs.Files {
		mem[name] = &fstest.MapFile{Data: data}
	}
	after, adiags := build.Assemble(mem, build.Options{})
	w := o.Env.Stdout
	if adiags.HasErrors() {
		diag.WriteText(o.Env.Stderr, adiags)
		writeChangeReport(w, cs.Report)
		return failed("with these changes the project would not build; nothing written")
	}
	if newDoc := after.Project.Document(doc.ID); newDoc != nil {
		d, err := redline.Compare(doc, newDoc, l)
		if err != nil {
			return failed("comparing %s: %v", doc.ID, err)
		}
		redline.WriteSummary(w, d)
	}
	writeChangeReport(w, cs.Report)
	if o.DryRun {
		fmt.Fprintf(w, "dry run: %d files would change; nothing written\n", len(cs.Files))
		return nil
	}
	return writeFiles(o, o.Env.Dir, cs.Files)
}

func writeChangeReport(w io.Writer, r *importer.ChangeReport) {
	writeNotes(w, "changes taken in", r.Applied)
	writeNotes(w, "changes NOT taken in (do them by hand)", r.Unplaced)
	writeNotes(w, "comments", r.Comments)
}

// writeNotes lists an import's notes under a title with their count;
// nothing when there are none.
func writeNotes(w io.Writer, title string, notes []importer.Note) {
	if len(notes) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", title, len(notes))
	for _, n := range notes {
		fmt.Fprintf(w, "  %s: %s: %s\n", n.Where, n.What, n.Why)
	}
}

// runImportVersion writes a draft in another language into the document
// of the project at --into, matched unit by unit.
func runImportVersion(o *ImportOptions, paras []*importer.Para) error {
	dir := o.abs(o.Into)
	fsys, err := openProject(dir)
	if err != nil {
		return err
	}
	res, diags := build.Assemble(fsys, build.Options{})
	if err := reportAs(o.Env, diags, displayPath(o.Env.Dir, dir)); err != nil {
		return err
	}
	doc, err := chooseDocument(res.Project, o.Document)
	if err != nil {
		return err
	}
	if _, err := res.Engine.Language(o.Lang); err != nil {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("--lang %s: %v", o.Lang, err)}
	}
	imported, err := importer.Infer(paras, importer.Options{Lang: o.Lang, ID: doc.ID, Engine: res.Engine})
	if err != nil {
		return o.readError(err)
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
	files, rep, err := importer.Version(doc, imported, o.Lang, read)
	if err != nil {
		return failed("%s: %v", o.File, err)
	}
	mem, err := memProject(fsys)
	if err != nil {
		return failed("reading the project: %v", err)
	}
	for name, data := range files {
		mem[name] = &fstest.MapFile{Data: data}
	}
	if _, adiags := build.Assemble(mem, build.Options{}); adiags.HasErrors() {
		diag.WriteText(o.Env.Stderr, adiags)
		return failed("with the %s version the project would not build; nothing written", o.Lang)
	}
	w := o.Env.Stdout
	fmt.Fprintf(w, "imported %s as the %s version of %s: %d texts matched\n", o.File, o.Lang, doc.ID, rep.Matched)
	writeNotes(w, "references", rep.Refs)
	writeNotes(w, "not matched", rep.Unmatched)
	return writeFiles(o, dir, files)
}

// writeFiles writes project files (by slash path under dir), each
// directory's files together.
func writeFiles(o *ImportOptions, dir string, files map[string][]byte) error {
	byDir := map[string][]output.File{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		d, file := path.Split(name)
		byDir[d] = append(byDir[d], output.File{Name: file, Data: files[name]})
	}
	for _, d := range slices.Sorted(maps.Keys(byDir)) {
		paths, err := output.WriteAll(filepath.Join(dir, filepath.FromSlash(d)), byDir[d])
		if err != nil {
			return failed("writing %s: %v", d, err)
		}
		for _, p := range paths {
			fmt.Fprintln(o.Env.Stdout, "wrote", displayPath(o.Env.Dir, p))
		}
	}
	return nil
}
