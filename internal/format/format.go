// Package format is the registry of output formats: one entry per format
// with its name, file extension and writers, and what it serves
// (instruments, notes verbales, redlines). The build, `chancery diff` and
// the --formats flag read this table, so that a new format is one entry
// here and a writer package; nothing else switches on format names.
package format

import (
	"io"
	"slices"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/redline/marked"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/render/html"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	"github.com/chancery-dev/chancery/internal/render/text"
)

// Format is one output format. A nil writer means the format does not
// serve that kind of document. Writers return the number of pages of a
// paged format, 0 for the others.
type Format struct {
	Name string // as --formats names it: "pdf"
	Ext  string // of the files written, without the dot
	// Default formats are written when neither --formats nor the project
	// chooses.
	Default bool
	// Paged formats lay out pages; the notes' text copies follow the pages
	// of the paged format that LaysOutNotes (see WriteNote).
	Paged      bool
	Instrument func(w io.Writer, in *lower.Instrument, opt lower.Options) (pages int, err error)
	Note       func(w io.Writer, eds []*model.NoteEdition, opt lower.Options) (pages int, err error)
	Redline    func(w io.Writer, d *marked.Doc, opt lower.Options) (pages int, err error)
	// Parallel writes a parallel edition (languages side by side); opt's
	// language is the first column's.
	Parallel func(w io.Writer, p *lower.Parallel, opt lower.Options) (pages int, err error)
}

// All returns the formats in the order outputs are listed.
func All() []Format {
	return []Format{
		{
			Name: "txt", Ext: "txt", Default: true,
			Instrument: unpaged(text.WriteInstrument),
			Note: func(w io.Writer, eds []*model.NoteEdition, opt lower.Options) (int, error) {
				return 0, text.WriteNote(w, eds, opt.PageBreaks)
			},
			Redline: func(w io.Writer, d *marked.Doc, _ lower.Options) (int, error) {
				return 0, text.WriteRedline(w, d)
			},
		},
		{
			Name: "pdf", Ext: "pdf", Default: true, Paged: true,
			Instrument: pdf.WriteInstrument,
			Note: func(w io.Writer, eds []*model.NoteEdition, opt lower.Options) (int, error) {
				layout, err := pdf.WriteNote(w, eds, opt)
				return layout.Pages, err
			},
			Redline:  pdf.WriteRedline,
			Parallel: pdf.WriteParallel,
		},
		{
			Name: "docx", Ext: "docx", Default: true,
			Instrument: unpaged(docx.WriteInstrument),
			Note:       unpagedNote(docx.WriteNote),
			Redline: func(w io.Writer, d *marked.Doc, opt lower.Options) (int, error) {
				return 0, docx.WriteRedline(w, d, opt)
			},
			Parallel: func(w io.Writer, p *lower.Parallel, opt lower.Options) (int, error) {
				return 0, docx.WriteParallel(w, p, opt)
			},
		},
		{
			Name: "html", Ext: "html",
			Instrument: unpaged(html.WriteInstrument),
			Note:       unpagedNote(html.WriteNote),
			Parallel: func(w io.Writer, p *lower.Parallel, opt lower.Options) (int, error) {
				return 0, html.WriteParallel(w, p, opt)
			},
		},
	}
}

func unpaged(fn func(io.Writer, *lower.Instrument, lower.Options) error) func(io.Writer, *lower.Instrument, lower.Options) (int, error) {
	return func(w io.Writer, in *lower.Instrument, opt lower.Options) (int, error) {
		return 0, fn(w, in, opt)
	}
}

func unpagedNote(fn func(io.Writer, []*model.NoteEdition, lower.Options) error) func(io.Writer, []*model.NoteEdition, lower.Options) (int, error) {
	return func(w io.Writer, eds []*model.NoteEdition, opt lower.Options) (int, error) {
		return 0, fn(w, eds, opt)
	}
}

// Names returns the names of every format, in order.
func Names() []string {
	var out []string
	for _, f := range All() {
		out = append(out, f.Name)
	}
	return out
}

// Defaults returns the names of the default formats, in order.
func Defaults() []string {
	var out []string
	for _, f := range All() {
		if f.Default {
			out = append(out, f.Name)
		}
	}
	return out
}

// Lookup returns the format named name.
func Lookup(name string) (Format, bool) {
	all := All()
	i := slices.IndexFunc(all, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return all[i], true
}

// ByExt returns the format whose files end in ext (without the dot).
func ByExt(ext string) (Format, bool) {
	all := All()
	i := slices.IndexFunc(all, func(f Format) bool { return f.Ext == ext })
	if i < 0 {
		return Format{}, false
	}
	return all[i], true
}

// Redlines returns the extensions of the formats that write redlines.
func Redlines() []string {
	var out []string
	for _, f := range All() {
		if f.Redline != nil {
			out = append(out, f.Ext)
		}
	}
	return out
}
