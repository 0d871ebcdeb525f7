package check

import (
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options control the checks.
type Options struct {
	// Final checks for a signature-ready build: unagreed wording and
	// placeholders are errors rather than warnings. A document whose status
	// is final is checked so whatever Final says.
	Final bool
	// Engine gives the languages' number words and dates to the
	// concordance check; without it, dates count as figures and number
	// words are not read.
	Engine *lang.Engine
	// BaseText finds the base-language text of unit u as it was when its
	// fingerprint was fp, so that a freshness warning can show what
	// changed since (the CLI looks in git); nil, or ok false, when unknown.
	BaseText func(u *model.Unit, lang, fp string) (text string, ok bool)
}

// Document runs every check over doc, whose numbering and references must
// be resolved already, and returns the findings that no suppress: entry
// silenced, together with what is wrong with the suppress: entries.
func Document(doc *model.Document, sources map[string]*model.Source, opt Options) diag.List {
	r := &run{doc: doc, sources: sources, engine: opt.Engine, baseText: opt.BaseText, final: opt.Final || doc.Status == model.StatusFinal}
	r.texts = collectTexts(doc)
	for _, c := range table() {
		c.run(r)
	}
	return r.suppress()
}

// run is the state of one Document call.
type run struct {
	doc      *model.Document
	sources  map[string]*model.Source
	engine   *lang.Engine
	baseText func(u *model.Unit, lang, fp string) (string, bool)
	final    bool
	texts    []ownedText
	findings []finding
}

// finding is a diagnostic with the clause it belongs to, so that the
// clause's suppress: entries can silence it.
type finding struct {
	unit  *model.Unit // nil for texts outside the numbered units
	check string      // the check's name; "" when it cannot be suppressed
	diag  diag.Diagnostic
}

// report records a finding and returns its diagnostic for the hint.
func (r *run) report(unit *model.Unit, check string, sev diag.Severity, pos diag.Pos, code, msg string) *diag.Diagnostic {
	r.findings = append(r.findings, finding{unit: unit, check: check, diag: diag.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg}})
	return &r.findings[len(r.findings)-1].diag
}

// draftSeverity is a warning in a draft and an error in a final check.
func (r *run) draftSeverity() diag.Severity {
	if r.final {
		return diag.Error
	}
	return diag.Warning
}
