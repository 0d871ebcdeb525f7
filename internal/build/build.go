// Package build runs the pipeline over a whole project: load, number,
// resolve references, check, and render every document in every language
// and format. It returns the outputs in memory; writing them (atomically,
// and only when the build succeeded) is the caller's job.
package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	"github.com/chancery-dev/chancery/internal/render/text"
	"github.com/chancery-dev/chancery/internal/xref"
)

// Formats returns the output formats the build knows, in the order
// outputs are listed.
func Formats() []string { return []string{"txt", "pdf", "docx"} }

// Options control a build.
type Options struct {
	Final   bool     // signature-ready: inserts folded, no DRAFT marking
	Formats []string // nil for all
	// Time stamps the outputs' metadata (PDF and DOCX creation dates). The
	// CLI sets it from SOURCE_DATE_EPOCH, or a fixed date, never the clock,
	// so that builds are reproducible.
	Time time.Time
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
}

// Assemble loads, numbers and resolves the project without rendering. The
// result's documents are ready for checks and writers.
func Assemble(fsys fs.FS, opt Options) (*Result, diag.List) {
	engine, diags := Engine(fsys)
	if diags.HasErrors() {
		return &Result{Engine: engine, Project: &model.Project{}}, diags
	}
	proj, ld := load.Project(fsys)
	diags.Append(ld)
	res := &Result{Engine: engine, Project: proj, Indexes: map[string]*xref.Index{}}
	if diags.HasErrors() {
		diags.Sort()
		return res, diags
	}
	for _, doc := range proj.Documents {
		if opt.Final {
			doc.Status = model.StatusFinal
		}
		if doc.Status == model.StatusFinal && len(doc.Final.Signature) > 0 {
			doc.Signature.Lines = doc.Final.Signature
		}
		nd := number.Document(doc, number.Options{Final: doc.Status == model.StatusFinal})
		diags.Append(nd)
		ix, xd := xref.Resolve(doc, proj.Sources, engine)
		diags.Append(xd)
		diags.Append(check.Document(doc, proj.Sources, check.Options{Final: opt.Final, Engine: engine}))
		res.Indexes[doc.ID] = ix
	}
	diags.Append(assembleNotes(fsys, res, !diags.HasErrors()))
	diags.Sort()
	return res, diags
}

// Build assembles the project and renders every document. When there are
// errors it returns no outputs.
func Build(fsys fs.FS, opt Options) (*Result, diag.List) {
	res, diags := Assemble(fsys, opt)
	if diags.HasErrors() {
		return res, diags
	}
	engine := res.Engine
	want := opt.Formats
	if want == nil {
		want = Formats()
	}
	var jobs []renderJob
	for _, doc := range res.Project.Documents {
		for _, tag := range doc.Languages {
			l, err := engine.Language(tag)
			if err != nil {
				diags.Errorf(doc.Pos, "unknown-language", "%v", err)
				continue
			}
			copies, err := originals(doc, l)
			if err != nil {
				diags.Errorf(doc.Final.Pos, "render", "%v", err)
				continue
			}
			for _, f := range want {
				if f == "pdf" {
					gd := pdf.CheckGlyphs(doc, l)
					diags.Append(gd)
					if gd.HasErrors() {
						continue
					}
				}
				for _, c := range copies {
					jobs = append(jobs, renderJob{doc: doc, l: l, format: f, copy: c})
				}
			}
		}
	}
	outs, errs := renderAll(jobs, opt)
	for i, j := range jobs {
		if errs[i] != nil {
			diags.Errorf(j.doc.Pos, "render", "rendering %s (%s, %s): %v", j.doc.ID, j.l.Tag(), j.format, errs[i])
			continue
		}
		res.Outputs = append(res.Outputs, outs[i])
	}
	if !diags.HasErrors() {
		diags.Append(buildNotes(fsys, res, want, opt))
	}
	if diags.HasErrors() {
		res.Outputs = nil
	}
	return res, diags
}

// renderJob is one file to render: a document in one language, format and
// copy.
type renderJob struct {
	doc    *model.Document
	l      *lang.Language
	format string
	copy   finalCopy
}

// renderAll renders the jobs on every core; the writers only read the
// assembled documents. Results keep the jobs' order, so that the build's
// output does not depend on scheduling.
func renderAll(jobs []renderJob, opt Options) ([]Output, []error) {
	outs := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		data, pages, err := render(j.doc, j.l, j.format, j.copy.marking, opt)
		outs[i] = Output{Name: fmt.Sprintf("%s.%s%s.%s", j.doc.ID, j.l.Tag(), j.copy.suffix, j.format), Data: data, Pages: pages}
		errs[i] = err
	})
	return outs, errs
}

// parallel calls fn(0) ... fn(n-1) on as many goroutines as there are
// cores, and returns when all have returned.
func parallel(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// finalCopy is one copy of a document to write: its file-name suffix and the
// marking at the head of its pages.
type finalCopy struct{ suffix, marking string }

// originals lists the copies of doc to write: one, or in a final build of a
// document whose originals are marked, one per original ("Original 1 of
// 2"), named <id>.<lang>.original-1.<ext>.
func originals(doc *model.Document, l *lang.Language) ([]finalCopy, error) {
	if doc.Status != model.StatusFinal || !doc.Final.Mark {
		return []finalCopy{{}}, nil
	}
	total := strconv.Itoa(doc.Final.Originals)
	out := make([]finalCopy, doc.Final.Originals)
	for i := range out {
		n := strconv.Itoa(i + 1)
		mark, err := l.Expand("original-of", map[string]string{"n": n, "total": total})
		if err != nil {
			return nil, err
		}
		out[i] = finalCopy{suffix: ".original-" + n, marking: mark}
	}
	return out, nil
}

func render(doc *model.Document, l *lang.Language, format, marking string, opt Options) ([]byte, int, error) {
	var buf bytes.Buffer
	pages := 0
	switch format {
	case "txt":
		if err := text.Write(&buf, doc, text.Options{Lang: l, Marking: marking}); err != nil {
			return nil, 0, err
		}
	case "pdf":
		n, err := pdf.Write(&buf, doc, pdf.Options{Lang: l, Time: opt.Time, Marking: marking})
		if err != nil {
			return nil, 0, err
		}
		pages = n
	case "docx":
		if err := docx.Write(&buf, doc, docx.Options{Lang: l, Time: opt.Time, Marking: marking}); err != nil {
			return nil, 0, err
		}
	default:
		return nil, 0, fmt.Errorf("unknown format %q", format)
	}
	return buf.Bytes(), pages, nil
}
