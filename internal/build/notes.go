package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/note"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	house "github.com/chancery-dev/chancery/internal/style"
)

// noteEnv is what package note needs of an assembled project.
func (res *Result) noteEnv(fsys fs.FS) note.Env {
	return note.Env{FS: fsys, Engine: res.Engine, Project: res.Project, Indexes: res.Indexes, Styles: res.NoteStyles}
}

// resolveNoteStyles reads the style of every note once (a note names its
// style, or has the project's default).
func resolveNoteStyles(fsys fs.FS, res *Result, notes []*model.Note) diag.List {
	var diags diag.List
	res.NoteStyles = map[string]*house.Style{}
	for _, n := range notes {
		if res.NoteStyles[n.Style] != nil {
			continue
		}
		st, err := house.Resolve(fsys, n.Style)
		if err != nil {
			var se *house.Error
			if errors.As(err, &se) {
				diags.Append(se.Diags)
			} else {
				diags.Errorf(n.StylePos, "style", "%v", err)
			}
			continue
		}
		res.NoteStyles[n.Style] = st
	}
	return diags
}

// assembleNotes checks the project's notes verbales (res.Notes, loaded
// with diagnostics diags) when the documents assembled without errors
// (docsOK): each against the documents and, when render is set, against
// its templates, rendering every language with a placeholder page count.
// A build renders the notes itself, with the page count of the enclosure.
func assembleNotes(fsys fs.FS, res *Result, diags diag.List, docsOK, render bool) diag.List {
	notes := res.Notes
	if diags.HasErrors() || !docsOK {
		return diags
	}
	if diags.Append(resolveNoteStyles(fsys, res, notes)); diags.HasErrors() {
		return diags
	}
	env := res.noteEnv(fsys)
	for _, n := range notes {
		if render {
			diags.Append(note.Validate(n, env))
		} else {
			diags.Append(note.CheckEnclosure(n, env))
		}
	}
	return diags
}

// noteJob is one copy of a note to render: one edition, or all of a
// note's editions in one file (<id>.trilingual.*).
type noteJob struct {
	note *model.Note
	eds  []*model.NoteEdition
	name string // file name without the extension
	// breaks are the editions' page breaks when they are known already:
	// when no PDF of the note is made, each edition is laid out once, for
	// every copy it is in (nil: the copy is laid out when written).
	breaks [][]model.NoteBreak
}

// notePlan is a note's copies to write and, once rendered, their outputs
// and diagnostics.
type notePlan struct {
	diags    diag.List // rendering the editions
	jobs     []noteJob
	outs     [][]Output // by job
	outDiags []diag.List
}

// startNotes starts, for every note, a goroutine that waits for the page
// count of its enclosure, renders the note's editions in every language
// and gives the pool a job per copy to write: every language on its own
// (<id>.<lang>.txt, .pdf, .docx) and, for a note in several languages,
// all of them in one copy (<id>.trilingual.txt, .pdf, .docx). The plans
// are complete when the pool's Wait returns.
func (res *Result) startNotes(fsys fs.FS, opt Options, want []format.Format, enclosures map[enclosureKey]*pageCount, p *pool) []*notePlan {
	env := res.noteEnv(fsys)
	plans := make([]*notePlan, len(res.Notes))
	for k, n := range res.Notes {
		pl := &notePlan{}
		plans[k] = pl
		p.Waiting(func() {
			pl.jobs, pl.diags = res.planNote(n, env, opt, enclosures, !wantsNotePDF(want))
			pl.outs = make([][]Output, len(pl.jobs))
			pl.outDiags = make([]diag.List, len(pl.jobs))
			for i, j := range pl.jobs {
				p.Go(func() { pl.outs[i], pl.outDiags[i] = res.renderNote(j, want, opt) })
			}
		})
	}
	return plans
}

// planNote renders a note's editions, in every language, with the page
// count of its enclosure, and lists the copies to write.
//
// When layOut is set (no PDF of the note is asked for), each edition is
// laid out here, once, and its page breaks serve every copy it is in: an
// edition breaks alike on its own and in a multilingual copy, where each
// edition starts a new page.
func (res *Result) planNote(n *model.Note, env note.Env, opt Options, enclosures map[enclosureKey]*pageCount, layOut bool) ([]noteJob, diag.List) {
	var diags diag.List
	pages := 0
	if n.Enclosure != nil && n.Enclosure.Document != "" {
		var err error
		if pages, err = res.enclosurePages(n, opt, enclosures); err != nil {
			diags.Errorf(n.Enclosure.Pos, "render", "counting the pages of enclosure %s: %v", n.Enclosure.Document, err)
			return nil, diags
		}
	}
	// The languages render at the same time.
	eds := make([]*model.NoteEdition, len(n.Languages))
	edBreaks := make([][]model.NoteBreak, len(n.Languages))
	edDiags := make([]diag.List, len(n.Languages))
	var wg sync.WaitGroup
	for i, tag := range n.Languages {
		wg.Go(func() {
			ed, ds := note.Render(n, tag, env, pages)
			// Every copy is laid out in the PDF font: a character it
			// lacks is reported where it is written, not at the note.
			if ed != nil {
				if gd := noteGlyphs(n, tag, env, res.NoteStyles[n.Style]); len(gd) > 0 {
					ds.Append(gd)
					ed = nil
				}
			}
			if ed != nil && layOut {
				l, err := res.Engine.Language(tag)
				var layout pdf.NoteLayout
				if err == nil {
					layout, err = pdf.LayoutNote([]*model.NoteEdition{ed}, res.noteOptions(n, l, opt))
				}
				if err != nil {
					ds.Errorf(n.Pos, "render", "laying out %s.%s: %v", n.ID, tag, err)
					ed = nil
				} else {
					edBreaks[i] = layout.Breaks[0]
				}
			}
			eds[i], edDiags[i] = ed, ds
		})
	}
	wg.Wait()
	for _, ds := range edDiags {
		diags.Append(ds)
	}
	if slices.Contains(eds, nil) {
		return nil, diags
	}
	// A copy's breaks: none when each copy is laid out when written.
	breaksOf := func(from, to int) [][]model.NoteBreak {
		if !layOut {
			return nil
		}
		return edBreaks[from:to]
	}
	var jobs []noteJob
	for i, ed := range eds {
		jobs = append(jobs, noteJob{note: n, eds: eds[i : i+1], name: n.ID + "." + ed.Lang, breaks: breaksOf(i, i+1)})
	}
	if len(eds) > 1 {
		// The multilingual copy: every edition, each from a new page.
		jobs = append(jobs, noteJob{note: n, eds: eds, name: n.ID + "." + copyName(len(eds)), breaks: breaksOf(0, len(eds))})
	}
	return jobs, diags
}

// renderNote writes one copy of a note in the formats asked for, in the
// order of want. Each copy is laid out as its PDF would be, PDF or not:
// the text and DOCX copies follow the printed pages, the foot of the
// first (enclosure line, addressee block) included; the PDF itself is
// made only when a paged format is asked for. A final build's note PDFs
// are PDF/A.
func (res *Result) renderNote(j noteJob, want []format.Format, opt Options) ([]Output, diag.List) {
	var diags diag.List
	l, err := res.Engine.Language(j.eds[0].Lang)
	if err != nil {
		diags.Errorf(j.note.Pos, "render", "rendering %s: %v", j.name, err)
		return nil, diags
	}
	lopt := res.noteOptions(j.note, l, opt)
	var paged []byte
	var layout pdf.NoteLayout
	switch {
	case wantsNotePDF(want):
		var buf bytes.Buffer
		layout, err = pdf.WriteNote(&buf, j.eds, lopt)
		paged = buf.Bytes()
	case j.breaks == nil:
		layout, err = pdf.LayoutNote(j.eds, lopt)
	default:
		layout.Breaks = j.breaks
	}
	if err != nil {
		diags.Errorf(j.note.Pos, "render", "rendering %s.pdf: %v", j.name, err)
		return nil, diags
	}
	lopt.PageBreaks = layout.Breaks
	var outs []Output
	for _, f := range want {
		if f.Note == nil {
			continue
		}
		if f.Paged {
			outs = append(outs, Output{Name: j.name + "." + f.Ext, Data: paged, Pages: layout.Pages})
			continue
		}
		var buf bytes.Buffer
		if _, err := f.Note(&buf, j.eds, lopt); err != nil {
			diags.Errorf(j.note.Pos, "render", "rendering %s.%s: %v", j.name, f.Ext, err)
			continue
		}
		outs = append(outs, Output{Name: j.name + "." + f.Ext, Data: buf.Bytes()})
	}
	return outs, diags
}

// wantsNotePDF tells whether a paged format of notes is among want.
func wantsNotePDF(want []format.Format) bool {
	return slices.ContainsFunc(want, func(f format.Format) bool { return f.Paged && f.Note != nil })
}

// noteOptions are the writers' options for a copy of n in language l
// (that of its first edition).
func (res *Result) noteOptions(n *model.Note, l *lang.Language, opt Options) lower.Options {
	return lower.Options{Lang: l, Time: opt.Time, PDFA: opt.Final, Style: res.NoteStyles[n.Style], Compressors: opt.compressors}
}

// noteOutputs puts the notes' outputs in the order of the files of a
// note: by format (in the order of want), then by copy.
func noteOutputs(jobs []noteJob, outs [][]Output, want []format.Format) []Output {
	var all []Output
	for start := 0; start < len(jobs); {
		end := start + 1
		for end < len(jobs) && jobs[end].note == jobs[start].note {
			end++
		}
		for _, f := range want {
			for k := start; k < end; k++ {
				for _, o := range outs[k] {
					if strings.HasSuffix(o.Name, "."+f.Ext) {
						all = append(all, o)
					}
				}
			}
		}
		start = end
	}
	return all
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

// enclosureKey names an enclosure as laid out for its page count: a
// document in a language.
type enclosureKey struct{ doc, lang string }

// pageCount is a page count that one goroutine sets and others wait for.
type pageCount struct {
	owned bool // set by a render job; otherwise by the first note to ask
	once  sync.Once
	done  chan struct{}
	pages int
	err   error
}

func newPageCount() *pageCount { return &pageCount{done: make(chan struct{})} }

// set records the count (or the error that prevented it); only the first
// call counts.
func (c *pageCount) set(pages int, err error) {
	c.compute(func() (int, error) { return pages, err })
}

// compute sets the count to what count returns, unless it is set or being
// set: the first caller computes it, the others wait for it.
func (c *pageCount) compute(count func() (int, error)) {
	c.once.Do(func() {
		c.pages, c.err = count()
		close(c.done)
	})
}

// wait returns the count once it is set.
func (c *pageCount) wait() (int, error) {
	<-c.done
	return c.pages, c.err
}

// enclosures returns a page count for every document a note encloses, in
// the language of the enclosure, and hands it to the job that writes that
// document's PDF (its first copy), if there is one: the notes then take
// the count from its layout instead of laying the document out again.
// Counts with no job are computed by the first note that needs them.
func (res *Result) enclosures(opt Options, jobs []renderJob) map[enclosureKey]*pageCount {
	out := maps.Clone(res.ahead)
	if out == nil {
		out = map[enclosureKey]*pageCount{}
	}
	for _, n := range res.Notes {
		if n.Enclosure == nil || n.Enclosure.Document == "" {
			continue // none, or one named by its title, its pages stated
		}
		doc := res.Project.Document(n.Enclosure.Document)
		key := enclosureKey{n.Enclosure.Document, note.EnclosureLang(n, doc)}
		if _, ok := out[key]; ok {
			continue
		}
		c := newPageCount()
		out[key] = c
		for i := range jobs {
			j := &jobs[i]
			if j.in != nil && j.in.ID == key.doc && j.in.Lang == key.lang && j.in.Copy == (lower.Copy{}) && isPDF(j.format) && j.pages == nil {
				j.pages, c.owned = c, true
				break
			}
		}
	}
	return out
}

// enclosuresAhead returns a page count, not yet set, for every enclosure
// of a note (a document in a language) of which no PDF is asked for among
// want: no PDF job will lay it out, so it is laid out on its own as soon as
// its document is resolved (see layAhead), while the rest of the project
// is still being checked.
func (res *Result) enclosuresAhead(opt Options, want []format.Format) map[enclosureKey]*pageCount {
	out := map[enclosureKey]*pageCount{}
	for _, n := range res.Notes {
		if n.Enclosure == nil || n.Enclosure.Document == "" {
			continue
		}
		doc := res.Project.Document(n.Enclosure.Document)
		if doc == nil {
			continue // reported by the note's checks
		}
		key := enclosureKey{doc.ID, note.EnclosureLang(n, doc)}
		fs, err := documentFormats(doc, want, opt)
		if err != nil || !slices.Contains(doc.Languages, key.lang) || slices.ContainsFunc(fs, isPDF) {
			continue
		}
		out[key] = newPageCount()
	}
	return out
}

// isPDF tells the format whose job lays a document out as the notes count
// its pages.
func isPDF(f format.Format) bool { return f.Paged && f.Name == "pdf" }

// layAhead starts laying doc out for every count of ahead that is of doc:
// the count is set when the layout is done, unless a note needed it first
// and laid the document out itself.
func (res *Result) layAhead(doc *model.Document, ahead map[enclosureKey]*pageCount, opt Options) {
	for key, c := range ahead {
		if key.doc == doc.ID {
			go c.compute(func() (int, error) { return res.layoutPages(doc, key.lang, opt) })
		}
	}
}

// enclosurePages is the page count of the note's enclosure as a PDF, from
// its layout: no PDF is made for counting. It is the count the
// enclosure's PDF job tells (see enclosures), or else one the first note
// to ask lays out for.
func (res *Result) enclosurePages(n *model.Note, opt Options, enclosures map[enclosureKey]*pageCount) (int, error) {
	doc := res.Project.Document(n.Enclosure.Document)
	if doc == nil {
		return 0, fmt.Errorf("no document %q", n.Enclosure.Document)
	}
	key := enclosureKey{n.Enclosure.Document, note.EnclosureLang(n, doc)}
	c := enclosures[key]
	if c != nil && c.owned {
		if pages, err := c.wait(); err == nil {
			return pages, nil
		}
		// The PDF job failed (and reports why): lay out here, so that
		// the note's own diagnostics are those of a build without it.
		return res.layoutPages(doc, key.lang, opt)
	}
	if c == nil {
		c = newPageCount()
	}
	c.compute(func() (int, error) { return res.layoutPages(doc, key.lang, opt) })
	return c.wait()
}

// layoutPages lays doc out in language tag and returns its page count.
func (res *Result) layoutPages(doc *model.Document, tag string, opt Options) (int, error) {
	l, err := res.Engine.Language(tag)
	if err != nil {
		return 0, err
	}
	in, err := lower.Lower(doc, l, lower.Copy{})
	if err != nil {
		return 0, err
	}
	return pdf.Pages(in, lower.Options{Lang: l, Time: opt.Time, Style: res.Styles[doc.ID]})
}

// noteGlyphs checks edition tag of n against the PDF font.
func noteGlyphs(n *model.Note, tag string, env note.Env, st *house.Style) diag.List {
	faces, err := st.FontSet()
	if err != nil {
		var diags diag.List
		diags.Errorf(n.Pos, "internal", "fonts: %v", err)
		return diags
	}
	return note.CheckGlyphs(n, tag, env, faces.Family(), func(r rune) bool { return faces.Lacking(r) != nil })
}
