package build

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/note"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// noteEnv is what package note needs of an assembled project.
func (res *Result) noteEnv(fsys fs.FS) note.Env {
	return note.Env{FS: fsys, Engine: res.Engine, Project: res.Project, Indexes: res.Indexes}
}

// assembleNotes loads the project's notes verbales (clauses/notes/*.yaml)
// and, when the documents assembled without errors (docsOK), checks each
// against them and its templates, rendering every language with a
// placeholder page count.
func assembleNotes(fsys fs.FS, res *Result, docsOK bool) diag.List {
	notes, diags := load.Notes(fsys)
	res.Notes = notes
	if diags.HasErrors() || !docsOK {
		return diags
	}
	env := res.noteEnv(fsys)
	for _, n := range notes {
		diags.Append(note.Validate(n, env))
	}
	return diags
}

// buildNotes renders the notes after the documents, so that the page
// count of each enclosure is known: every language on its own
// (<id>.<lang>.txt, .pdf, .docx) and, for a note in several languages, all
// of them in one copy (<id>.trilingual.txt, .pdf, .docx). Each edition is
// laid out as a PDF even for a text-only build: the text copy follows the
// printed pages, the foot of the first (enclosure line, addressee block)
// included.
func buildNotes(fsys fs.FS, res *Result, want []format.Format, opt Options) diag.List {
	var diags diag.List
	env := res.noteEnv(fsys)
	for _, n := range res.Notes {
		pages := 0
		if n.Enclosure != nil {
			var err error
			if pages, err = res.enclosurePages(n, opt); err != nil {
				diags.Errorf(n.Enclosure.Pos, "render", "counting the pages of enclosure %s: %v", n.Enclosure.Document, err)
				continue
			}
		}
		var eds []*model.NoteEdition
		for _, tag := range n.Languages {
			ed, ds := note.Render(n, tag, env, pages)
			diags.Append(ds)
			if ed != nil {
				eds = append(eds, ed)
			}
		}
		if len(eds) != len(n.Languages) {
			continue
		}
		copies := make([][]*model.NoteEdition, 0, len(eds)+1)
		names := make([]string, 0, len(eds)+1)
		for _, ed := range eds {
			copies = append(copies, []*model.NoteEdition{ed})
			names = append(names, n.ID+"."+ed.Lang)
		}
		if len(eds) > 1 {
			// The multilingual copy records its own page breaks: its
			// editions are copies, so that it can be laid out at the
			// same time as the single editions.
			all := make([]*model.NoteEdition, len(eds))
			for i, ed := range eds {
				clone := *ed
				all[i] = &clone
			}
			copies = append(copies, all)
			names = append(names, n.ID+"."+copyName(len(eds)))
		}
		pdfs := make([]Output, len(copies))
		errs := make([]error, len(copies))
		parallel(len(copies), func(i int) {
			data, pages, err := res.notePDF(copies[i], opt)
			pdfs[i], errs[i] = Output{Name: names[i] + ".pdf", Data: data, Pages: pages}, err
		})
		for i, err := range errs {
			if err != nil {
				diags.Errorf(n.Pos, "render", "rendering %s.pdf: %v", names[i], err)
			}
		}
		for _, f := range want {
			if f.Note == nil {
				continue
			}
			for i, c := range copies {
				if f.Paged {
					res.Outputs = append(res.Outputs, pdfs[i])
					continue
				}
				l, err := res.Engine.Language(c[0].Lang)
				if err != nil {
					diags.Errorf(n.Pos, "render", "rendering %s.%s: %v", names[i], f.Ext, err)
					continue
				}
				var buf bytes.Buffer
				if _, err := f.Note(&buf, c, lower.Options{Lang: l, Time: opt.Time}); err != nil {
					diags.Errorf(n.Pos, "render", "rendering %s.%s: %v", names[i], f.Ext, err)
					continue
				}
				res.Outputs = append(res.Outputs, Output{Name: names[i] + "." + f.Ext, Data: buf.Bytes()})
			}
		}
	}
	return diags
}

// notePDF renders editions as a PDF and records in each edition where
// its pages break, for the text copy.
func (res *Result) notePDF(eds []*model.NoteEdition, opt Options) ([]byte, int, error) {
	l, err := res.Engine.Language(eds[0].Lang)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	layout, err := pdf.WriteNote(&buf, eds, pdf.Options{Lang: l, Time: opt.Time})
	if err != nil {
		return nil, 0, err
	}
	for i, ed := range eds {
		ed.PageBreaks = layout.Breaks[i]
	}
	return buf.Bytes(), layout.Pages, nil
}

// copyName names a multilingual copy by its number of languages.
func copyName(n int) string {
	switch n {
	case 2:
		return "bilingual"
	case 3:
		return "trilingual"
	}
	return "multilingual"
}

// enclosurePages is the page count of the note's enclosure as a PDF: the
// built one when the build writes PDF, otherwise one rendered for counting
// and thrown away. Only a rendered PDF says how many pages there are.
func (res *Result) enclosurePages(n *model.Note, opt Options) (int, error) {
	doc := res.Project.Document(n.Enclosure.Document)
	if doc == nil {
		return 0, fmt.Errorf("no document %q", n.Enclosure.Document)
	}
	tag := note.EnclosureLang(n, doc)
	name := fmt.Sprintf("%s.%s.pdf", doc.ID, tag)
	if i := slices.IndexFunc(res.Outputs, func(o Output) bool { return o.Name == name }); i >= 0 && res.Outputs[i].Pages > 0 {
		return res.Outputs[i].Pages, nil
	}
	l, err := res.Engine.Language(tag)
	if err != nil {
		return 0, err
	}
	return pdf.Write(io.Discard, doc, pdf.Options{Lang: l, Time: opt.Time})
}
