package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// Codes of the verbatim check's configuration problems, which cannot be
// suppressed.
const (
	CodeUnknownSource     = "unknown-source"
	CodeUnknownSourceUnit = "unknown-source-unit"
)

// verbatim checks every clause with aligned: against its source paragraph
// in each language of the document that the source has, and reports the
// languages it has no source text to check against (verbatim-unverified).
func (r *run) verbatim() {
	r.doc.Walk(func(u *model.Unit) {
		if u.Aligned == nil {
			return
		}
		srcText, ok := r.alignedText(u)
		if !ok {
			return
		}
		for _, lang := range r.doc.Languages {
			s, c := srcText[lang], u.Text[lang]
			switch {
			case c == nil:
				continue // a clause missing a language is reported by load
			case s == nil:
				a := u.Aligned
				d := r.report(u, VerbatimUnverified, r.draftSeverity(), c.Pos, VerbatimUnverified,
					fmt.Sprintf("%s (%s) cannot be verified: %s %s has no %s text", unitName(u), lang, a.Source, a.At, lang))
				d.Hint = fmt.Sprintf("add the %s text of %s to the source, or say why it cannot be had: suppress: [{check: %s, reason: \"...\"}]", lang, a.At, VerbatimUnverified)
				continue
			}
			r.compare(u, lang, locate(s), locate(c))
		}
	})
}

// alignedText finds the source paragraph a clause is aligned to.
func (r *run) alignedText(u *model.Unit) (model.Text, bool) {
	a := u.Aligned
	src := r.sources[a.Source]
	if src == nil {
		ids := make([]string, 0, len(r.sources))
		for id := range r.sources {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		d := r.report(u, "", diag.Error, a.Pos, CodeUnknownSource, fmt.Sprintf("unknown source document %q", a.Source))
		if h := suggest.Hint(a.Source, ids); h != "" {
			d.Hint = h
		} else {
			d.Hint = "sources live in clauses/sources/<id>.yaml"
		}
		return nil, false
	}
	chain, ok := src.Lookup(a.At)
	if !ok {
		d := r.report(u, "", diag.Error, a.Pos, CodeUnknownSourceUnit, fmt.Sprintf("source %s has no unit %q", a.Source, a.At))
		if h := suggest.Hint(a.At, src.Paths()); h != "" {
			d.Hint = h
		} else {
			d.Hint = "units: " + strings.Join(src.Paths(), ", ")
		}
		return nil, false
	}
	text := chain[len(chain)-1].Text
	if len(text) == 0 {
		d := r.report(u, "", diag.Error, a.Pos, CodeUnknownSourceUnit, fmt.Sprintf("%s %s has no text to quote", a.Source, a.At))
		d.Hint = "align the clause with one of its paragraphs"
		if paths := subPaths(src.Paths(), a.At); len(paths) > 0 {
			d.Hint += ": " + strings.Join(paths, ", ")
		}
		return nil, false
	}
	return text, true
}

// subPaths lists the paths under at.
func subPaths(paths []string, at string) []string {
	var out []string
	for _, p := range paths {
		if strings.HasPrefix(p, at+".") {
			out = append(out, p)
		}
	}
	return out
}
