package load

import (
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// validateDocument checks what needs the whole document: every text is
// given in every language of the document, item schemes exist, and there is
// something to build.
func validateDocument(doc *model.Document, r *reader) {
	if len(doc.Sections) == 0 && len(doc.Recitals) == 0 && !r.diags.HasErrors() {
		r.diags.Errorf(doc.Pos, "empty", "document %q has no sections", doc.ID).Hint = "add a section part (section:, heading:, paragraphs:) to parts:"
	}
	doc.Walk(func(u *model.Unit) {
		if u.ChildScheme != "" && doc.Numbering.Schemes[u.ChildScheme] == nil {
			d := r.diags.Errorf(u.ChildSchemePos, "unknown-scheme", "unknown numbering scheme %q", u.ChildScheme)
			d.Hint = "schemes: " + strings.Join(sortedKeys(doc.Numbering.Schemes), ", ")
		}
	})
	for i, set := range doc.Parallel {
		langs, err := model.ParallelLangs(doc.Languages, set)
		if err != nil {
			d := r.diags.Errorf(doc.ParallelPos, "bad-value", "%v", err)
			d.Hint = "write parallel: [" + strings.Join(doc.Languages, "-") + "] (languages joined by hyphens)"
			continue
		}
		doc.Parallel[i] = langs
	}
	for _, lang := range doc.Languages {
		missing := func(t model.Text, at diag.Pos, what string) {
			if t != nil && t[lang] == nil {
				if p := firstPos(t); p.File != "" {
					at = p
				}
				d := r.diags.Errorf(at, "missing-language", "%s has no %s text, and the document is built in %s", what, lang, strings.Join(doc.Languages, ", "))
				d.Hint = "add " + lang + ": to this text, or remove " + lang + " from the document's languages"
			}
		}
		for _, t := range doc.Title {
			missing(t, doc.Pos, "title line")
		}
		for _, f := range doc.Fields {
			missing(f.Label, f.Pos, "field label")
			for _, l := range f.Lines {
				missing(l, f.Pos, "field value")
			}
		}
		for _, p := range doc.Parties {
			for what, t := range map[string]model.Text{"name": p.Name, "description": p.Description, "for-line": p.For, "signatory": p.Signatory, "office": p.Office} {
				missing(t, p.Pos, "party "+p.ID+" "+what)
			}
		}
		missing(doc.PartiesIntro, doc.Pos, "parties_intro")
		missing(doc.PartiesJoiner, doc.Pos, "parties_joiner")
		missing(doc.PartiesOutro, doc.Pos, "parties_outro")
		for _, rc := range doc.Recitals {
			missing(rc.Lead, rc.Pos, "recital "+rc.ID+" lead")
			missing(rc.Text, rc.Pos, "recital "+rc.ID)
		}
		missing(doc.Transition, doc.Pos, "transition")
		doc.Walk(func(u *model.Unit) {
			missing(u.Heading, u.Pos, "heading of section "+u.ID)
			missing(u.Text, u.Pos, "clause "+u.ID)
		})
		missing(doc.Closing, doc.Pos, "closing")
	}
}

func firstPos(t model.Text) diag.Pos {
	for _, l := range t.Langs() {
		return t[l].Pos
	}
	return diag.Pos{}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
