// Package build runs the pipeline over a whole project: load, number,
// resolve references, check, and render every document in every language
// and format. It returns the outputs in memory; writing them (atomically,
// and only when the build succeeded) is the caller's job.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/chancery-dev/chancery/internal/deflate"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	house "github.com/chancery-dev/chancery/internal/style"
	"github.com/chancery-dev/chancery/internal/xref"
)

// Options control a build.
type Options struct {
	Final   bool     // signature-ready: inserts folded, no DRAFT marking
	Formats []string // names in the format registry; nil for its defaults
	// Time stamps the outputs' metadata (PDF and DOCX creation dates). The
	// CLI sets it from SOURCE_DATE_EPOCH, or a fixed date, never the clock,
	// so that builds are reproducible.
	Time time.Time
	// BaseText lets the freshness check show how a base text changed since
	// a translation of it was confirmed (see check.Options).
	BaseText func(u *model.Unit, lang, fp string) (text string, ok bool)
	// Parallel asks for parallel editions besides those the documents
	// list (parallel: in document.yaml): language sets such as "en-ru",
	// or "all" for all the languages of each document that has two or
	// more.
	Parallel []string
	// compressors lends the compressors of the PDF and DOCX writers,
	// shared by the files of one build (Build sets it).
	compressors *deflate.Pool
}

// Output is one rendered file, named relative to the output directory.
type Output struct {
	Name  string
	Data  []byte
	Pages int // pages of a paged format (PDF); 0 for the others
}

// Result is what a build produced.
type Result struct {
	Engine  *lang.Engine
	Project *model.Project
	Indexes map[string]*xref.Index // by document id
	Notes   []*model.Note          // notes verbales (clauses/notes)
	Outputs []Output
	// Styles are the house styles the documents are laid out in, by
	// document id.
	Styles map[string]*house.Style
	// NoteStyles are the styles the notes are set in, by the name a note
	// gives ("" for the project default).
	NoteStyles map[string]*house.Style
	// Checks are the findings of the checks (verbatim, brackets, ...),
	// also among the diagnostics Assemble returns: a version whose only
	// errors are findings still assembles, and can be compared.
	Checks diag.List
	// ahead are the page counts of enclosures laid out as soon as their
	// documents were resolved (see building).
	ahead map[enclosureKey]*pageCount
}

// Assemble loads, numbers and resolves the project without rendering. The
// result's documents are ready for checks and writers.
func Assemble(fsys fs.FS, opt Options) (*Result, diag.List) {
	return assemble(fsys, opt, nil)
}

// building is what a build asks of assemble besides Assemble's work: it
// renders the notes itself, so that assemble only checks their
// enclosures, and it wants an enclosure that no PDF job will lay out to be
// laid out for its page count as soon as its document is resolved.
type building struct {
	want []format.Format // the formats asked for
}

// assemble is Assemble, for a build when b is set.
func assemble(fsys fs.FS, opt Options, b *building) (*Result, diag.List) {
	// The language data, the documents and the notes load at the same
	// time: none needs the others.
	var (
		proj   *model.Project
		notes  []*model.Note
		ld, nd diag.List
		wg     sync.WaitGroup
	)
	wg.Go(func() { proj, ld = load.Project(fsys) })
	wg.Go(func() { notes, nd = load.Notes(fsys) })
	engine, diags := Engine(fsys)
	wg.Wait()
	if diags.HasErrors() {
		return &Result{Engine: engine, Project: &model.Project{}}, diags
	}
	diags.Append(ld)
	res := &Result{Engine: engine, Project: proj, Indexes: map[string]*xref.Index{}, Styles: map[string]*house.Style{}}
	if diags.HasErrors() {
		diags.Sort()
		return res, diags
	}
	res.Notes = notes
	styles := map[string]*house.Style{}
	for _, doc := range proj.Documents {
		if st, ok := resolveStyle(fsys, styles, doc, &diags); ok {
			res.Styles[doc.ID] = st
		}
		if opt.Final {
			doc.Status = model.StatusFinal
		}
		if doc.Status == model.StatusFinal && len(doc.Final.Signature) > 0 {
			doc.Signature.Lines = doc.Final.Signature
		}
		if doc.Status == model.StatusFinal && doc.Final.Subject != nil {
			doc.Subject = doc.Final.Subject
		}
	}
	var ahead map[enclosureKey]*pageCount
	if b != nil && !diags.HasErrors() {
		ahead = res.enclosuresAhead(opt, b.want)
	}
	// Documents are numbered, resolved and checked each on its own core;
	// an enclosure laid out ahead starts once its document is resolved.
	type assembled struct {
		ix            *xref.Index
		diags, checks diag.List
	}
	done := make([]assembled, len(proj.Documents))
	p := newPool()
	for i, doc := range proj.Documents {
		p.Go(func() {
			a := &done[i]
			a.diags.Append(number.Document(doc, number.Options{Final: doc.Status == model.StatusFinal}))
			var xd diag.List
			a.ix, xd = xref.Resolve(doc, proj.Sources, engine)
			a.diags.Append(xd)
			if !a.diags.HasErrors() {
				res.layAhead(doc, ahead, opt)
			}
			a.checks = check.Document(doc, proj.Sources, check.Options{Final: opt.Final, Engine: engine, BaseText: opt.BaseText})
			a.diags.Append(a.checks)
		})
	}
	p.Wait()
	for i, doc := range proj.Documents {
		diags.Append(done[i].diags)
		res.Checks.Append(done[i].checks)
		res.Indexes[doc.ID] = done[i].ix
	}
	diags.Append(assembleNotes(fsys, res, nd, !diags.HasErrors(), b == nil))
	res.ahead = ahead
	diags.Sort()
	return res, diags
}

// Build assembles the project and renders every document. When there are
// errors it returns no outputs.
func Build(fsys fs.FS, opt Options) (*Result, diag.List) {
	want, wantErr := formats(opt.Formats)
	var b *building
	if wantErr == nil {
		b = &building{want: want}
	}
	res, diags := assemble(fsys, opt, b)
	if diags.HasErrors() {
		return res, diags
	}
	if wantErr != nil {
		diags.Errorf(diag.Pos{}, "usage", "%v", wantErr)
		return res, diags
	}
	engine := res.Engine
	opt.compressors = new(deflate.Pool)
	var jobs []renderJob
	for _, doc := range res.Project.Documents {
		docFormats, err := documentFormats(doc, want, opt)
		if err != nil {
			diags.Errorf(doc.FormatsPos, "unknown-format", "%v", err)
			continue
		}
		sets, err := parallelSets(doc, opt.Parallel)
		if err != nil {
			diags.Errorf(diag.Pos{}, "usage", "%v", err)
			continue
		}
		editions := map[string][]*lower.Instrument{}
		for _, tag := range doc.Languages {
			l, err := engine.Language(tag)
			if err != nil {
				diags.Errorf(doc.Pos, "unknown-language", "%v", err)
				continue
			}
			var lowered []*lower.Instrument
			for _, c := range lower.Copies(doc) {
				in, err := lower.Lower(doc, l, c)
				if err != nil {
					diags.Errorf(doc.Pos, "render", "rendering %s (%s): %v", doc.ID, tag, err)
					break
				}
				lowered = append(lowered, in)
			}
			if len(lowered) == 0 {
				continue
			}
			editions[tag] = lowered
			glyphs := diag.List(nil)
			for _, f := range docFormats {
				if f.Paged && glyphs == nil {
					glyphs = pdf.CheckInstrument(lowered[0], l, res.Styles[doc.ID])
					diags.Append(glyphs)
				}
				if f.Paged && glyphs.HasErrors() {
					continue
				}
				for _, in := range lowered {
					jobs = append(jobs, renderJob{in: in, l: l, format: f, style: res.Styles[doc.ID]})
				}
			}
		}
		jobs = append(jobs, parallelJobs(doc, sets, editions, engine, docFormats, &diags, res.Styles[doc.ID])...)
	}
	// Documents and notes render together, on every core. A note waits
	// only for its enclosure's page count, which the enclosure's PDF job
	// tells as soon as its layout is done (or, when no PDF of it is made,
	// a layout of its own gives).
	notesOK := !diags.HasErrors()
	enclosures := res.enclosures(opt, jobs)
	p := newPool()
	outs := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	for _, i := range renderOrder(jobs) {
		p.Go(func() { outs[i], errs[i] = renderOne(jobs[i], opt) })
	}
	var plans []*notePlan
	if notesOK {
		plans = res.startNotes(fsys, opt, want, enclosures, p)
	}
	p.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			in, langs := j.in, ""
			if in == nil {
				in, langs = j.par.Editions[0], strings.Join(j.par.Langs, "-")
			} else {
				langs = in.Lang
			}
			diags.Errorf(in.Source.Pos, "render", "rendering %s (%s, %s): %v", in.ID, langs, j.format.Name, errs[i])
			continue
		}
		res.Outputs = append(res.Outputs, outs[i])
	}
	for _, pl := range plans {
		diags.Append(pl.diags)
		res.Outputs = append(res.Outputs, noteOutputs(pl.jobs, pl.outs, want)...)
		for _, d := range pl.outDiags {
			diags.Append(d)
		}
	}
	if diags.HasErrors() {
		res.Outputs = nil
	}
	return res, diags
}

// resolveStyle finds the house style doc names (the project default when
// it names none), reading each style once into seen; a style that cannot
// be read is reported in diags.
func resolveStyle(fsys fs.FS, seen map[string]*house.Style, doc *model.Document, diags *diag.List) (*house.Style, bool) {
	if st, ok := seen[doc.Style]; ok {
		return st, st != nil
	}
	st, err := house.Resolve(fsys, doc.Style)
	seen[doc.Style] = st
	var se *house.Error
	switch {
	case errors.As(err, &se):
		diags.Append(se.Diags)
	case err != nil:
		diags.Errorf(doc.StylePos, "style", "%v", err)
	}
	return st, err == nil
}

// renderJob is one file to render: a lowered copy of a document in one
// language, or a parallel edition of one, and a format.
type renderJob struct {
	in     *lower.Instrument
	par    *lower.Parallel // instead of in
	l      *lang.Language
	format format.Format
	style  *house.Style
	// pages, when set, is told the page count as soon as it is known:
	// notes enclosing the document wait for it.
	pages *pageCount
}

// renderOne renders a document job; the writers only read the lowered
// documents.
func renderOne(j renderJob, opt Options) (Output, error) {
	var buf bytes.Buffer
	if j.par != nil {
		pages, err := j.format.Parallel(&buf, j.par, lower.Options{Lang: j.l, Time: opt.Time, Copy: j.par.Copy, Style: j.style, Compressors: opt.compressors})
		name := fmt.Sprintf("%s%s.%s", j.par.Name(), j.par.Copy.Suffix(), j.format.Ext)
		return Output{Name: name, Data: buf.Bytes(), Pages: pages}, err
	}
	lopt := lower.Options{Lang: j.l, Time: opt.Time, Style: j.style, Compressors: opt.compressors}
	if j.pages != nil {
		lopt.Paginated = func(n int) { j.pages.set(n, nil) }
	}
	pages, err := j.format.Instrument(&buf, j.in, lopt)
	if j.pages != nil {
		j.pages.set(pages, err) // when the writer failed before its layout was done
	}
	name := fmt.Sprintf("%s.%s%s.%s", j.in.ID, j.in.Lang, j.in.Copy.Suffix(), j.format.Ext)
	return Output{Name: name, Data: buf.Bytes(), Pages: pages}, err
}

// renderOrder is the order to start the jobs in: first those notes wait
// for, then paged formats (the longest), then the rest, each group in the
// order of jobs.
func renderOrder(jobs []renderJob) []int {
	rank := func(j renderJob) int {
		switch {
		case j.pages != nil:
			return 0
		case j.format.Paged:
			return 1
		}
		return 2
	}
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank(jobs[a]) - rank(jobs[b]) })
	return order
}

// pool runs functions on as many goroutines at once as there are cores;
// a function may add more while the pool runs.
type pool struct {
	wg    sync.WaitGroup
	slots chan struct{}
}

func newPool() *pool { return &pool{slots: make(chan struct{}, runtime.GOMAXPROCS(0))} }

// Go runs fn when a core is free. A function that waits on another must
// not be run by the pool: it would hold a core while it waits.
func (p *pool) Go(fn func()) {
	p.wg.Go(func() {
		p.slots <- struct{}{}
		defer func() { <-p.slots }()
		fn()
	})
}

// Waiting runs fn on a goroutine of its own, without taking a core from
// the pool: for work that waits on the pool's jobs. The pool's Wait waits
// for it too, and for the functions it gives to Go.
func (p *pool) Waiting(fn func()) { p.wg.Go(fn) }

// Wait returns when every function given to Go or Waiting has returned.
func (p *pool) Wait() { p.wg.Wait() }

// documentFormats is the formats to write doc in: those asked for (want,
// from Options.Formats), or, when none were asked for, the document's own
// choice (formats: in document.yaml) if it makes one.
func documentFormats(doc *model.Document, want []format.Format, opt Options) ([]format.Format, error) {
	if opt.Formats == nil && doc.Formats != nil {
		return formats(doc.Formats)
	}
	return want, nil
}

// formats looks the names up in the format registry; nil stands for its
// defaults.
func formats(names []string) ([]format.Format, error) {
	if names == nil {
		names = format.Defaults()
	}
	var out []format.Format
	for _, n := range names {
		f, ok := format.Lookup(n)
		if !ok {
			return nil, fmt.Errorf("unknown format %q (formats: %s)", n, strings.Join(format.Names(), ", "))
		}
		out = append(out, f)
	}
	return out, nil
}

// parallelSets lists the parallel editions of doc to write: those its
// document.yaml lists and those asked for (see Options.Parallel), each in
// the order of the document's languages, without repeats.
func parallelSets(doc *model.Document, asked []string) ([][]string, error) {
	sets := slices.Clone(doc.Parallel)
	for _, spec := range asked {
		if spec == "all" {
			if len(doc.Languages) >= 2 {
				sets = append(sets, doc.Languages)
			}
			continue
		}
		langs, err := model.ParallelLangs(doc.Languages, strings.Split(spec, "-"))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", doc.ID, err)
		}
		sets = append(sets, langs)
	}
	var out [][]string
	for _, s := range sets {
		if !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, s) }) {
			out = append(out, s)
		}
	}
	return out, nil
}

// parallelJobs aligns the editions of every copy for each parallel set and
// returns a job per format that writes parallel editions.
func parallelJobs(doc *model.Document, sets [][]string, editions map[string][]*lower.Instrument, engine *lang.Engine, want []format.Format, diags *diag.List, style *house.Style) []renderJob {
	var jobs []renderJob
	for _, set := range sets {
		l, err := engine.Language(set[0])
		if err != nil {
			continue
		}
		for c := range editions[set[0]] {
			var eds []*lower.Instrument
			for _, tag := range set {
				if c < len(editions[tag]) {
					eds = append(eds, editions[tag][c])
				}
			}
			if len(eds) != len(set) {
				continue // a language failed to lower: already reported
			}
			par, err := lower.Align(eds)
			if err != nil {
				diags.Errorf(doc.Pos, "render", "%v", err)
				continue
			}
			for _, f := range want {
				if f.Parallel != nil {
					jobs = append(jobs, renderJob{par: par, l: l, format: f, style: style})
				}
			}
		}
	}
	return jobs
}
