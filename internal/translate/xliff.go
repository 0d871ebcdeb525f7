package translate

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/xliff"
)

// Target states (XLIFF 1.2) that export writes and import reads.
const (
	StateTranslated  = "translated"               // the translation translates the current base text
	StateNeedsReview = "needs-review-translation" // the base text changed since the translation was confirmed
)

// confirmed reports whether an imported target is taken as a translation
// of its source, so that import records the source's fingerprint: its
// state is translated, final or signed-off, or it is approved (as
// translate-toolkit marks a unit that is not fuzzy), and not unapproved.
func confirmed(u xliff.Unit) bool {
	switch {
	case u.Approved == "no":
		return false
	case u.Approved == "yes":
		return !strings.HasPrefix(u.State, "needs-") && u.State != "new"
	}
	return slices.Contains([]string{"translated", "final", "signed-off"}, u.State)
}

// Export makes the XLIFF file of doc's texts into lang: one unit per text
// address, the base text as source, the current translation (if any) as
// target, translated or, when the base text changed since the translation
// was confirmed, needs-review-translation. Each unit carries the source's
// fingerprint (extradata), which import records.
func Export(doc *model.Document, lang string) (xliff.File, error) {
	base := doc.Languages[0]
	if err := checkTarget(doc, lang); err != nil {
		return xliff.File{}, err
	}
	f := xliff.File{Original: doc.ID, SourceLanguage: base, TargetLanguage: lang}
	for _, e := range Entries(doc) {
		src := e.Text[base]
		if src == nil {
			continue
		}
		fp := fingerprint.Of(src.Raw)
		u := xliff.Unit{ID: e.Address, Extradata: fp, Source: toSegment(src.Raw)}
		if tgt := e.Text[lang]; tgt != nil {
			u.HasTarget, u.State, u.Approved = true, StateTranslated, "yes"
			u.Target = toSegment(tgt.Raw)
			matchIDs(u.Source, u.Target)
			if e.Unit != nil {
				if m, ok := e.Unit.Translated[lang]; ok && m.Fingerprint != fp {
					u.State, u.Approved = StateNeedsReview, ""
					u.Notes = append(u.Notes, fmt.Sprintf("The %s text changed since this translation was confirmed.", base))
				}
			}
		}
		f.Units = append(f.Units, u)
	}
	return f, nil
}

func checkTarget(doc *model.Document, lang string) error {
	switch {
	case !slices.Contains(doc.Languages, lang):
		return &UsageError{fmt.Sprintf("%s is not written in %s (its languages: %s)", doc.ID, lang, strings.Join(doc.Languages, ", "))}
	case lang == doc.Languages[0]:
		return &UsageError{fmt.Sprintf("%s is the base language of %s, the language translations are made from", lang, doc.ID)}
	}
	return nil
}

// Import writes the targets of an XLIFF file back into the clause YAML:
// a target whose text differs from the current translation replaces it,
// and a target in a confirmed state (translated, final, signed-off)
// records the fingerprint of its source under the unit's translated:.
// name is the XLIFF file's name for diagnostics. A target whose inline
// codes do not match its source's, an unknown unit, document or language
// is an error at the XLIFF file's line and column, and nothing is written.
func Import(fsys fs.FS, proj *model.Project, x *xliff.Doc, name string) ([]Edited, diag.List) {
	var diags diag.List
	at := func(p xliff.Pos) diag.Pos { return diag.Pos{File: name, Line: p.Line, Col: p.Col} }
	ed := newEditor(fsys)
	for _, xf := range x.Files {
		doc := findDocument(proj, xf.Original)
		if doc == nil {
			pos := diag.Pos{File: name}
			if len(xf.Units) > 0 {
				pos = at(xf.Units[0].Pos)
			}
			diags.Errorf(pos, "xliff-document", "the XLIFF file is of document %q, which the project does not have", xf.Original)
			continue
		}
		lang := xf.TargetLanguage
		if err := checkTarget(doc, lang); err != nil {
			diags.Errorf(diag.Pos{File: name}, "xliff-language", "%v", err)
			continue
		}
		if xf.SourceLanguage != doc.Languages[0] {
			diags.Errorf(diag.Pos{File: name}, "xliff-language", "the XLIFF file translates from %s, but the base language of %s is %s", xf.SourceLanguage, doc.ID, doc.Languages[0])
			continue
		}
		entries := map[string]Entry{}
		for _, e := range Entries(doc) {
			entries[e.Address] = e
		}
		for _, u := range xf.Units {
			e, ok := entries[u.ID]
			if !ok {
				diags.Errorf(at(u.Pos), "xliff-unit", "%s has no text %q", doc.ID, u.ID).Hint = "the unit's id is the address of a text: a unit id, title.1, recital.2, closing ..."
				continue
			}
			if !u.HasTarget || strings.TrimSpace(u.Target.PlainText()) == "" {
				continue
			}
			if !codesMatch(u, at, &diags) {
				continue
			}
			text := fromSegment(u.Target)
			if !validMarkup(text, at(u.TargetPos), &diags) {
				continue
			}
			changed := false
			if cur := e.Text[lang]; cur == nil || fromSegment(toSegment(cur.Raw)) != text {
				if err := ed.setText(e, lang, text); err != nil {
					diags.Errorf(diag.Pos{File: e.File}, "yaml-edit", "%s (%s): %v", u.ID, lang, err)
					continue
				}
				changed = true
			}
			// A confirmed target records the fingerprint of its source when
			// it changed the text or when the unit records another one.
			if e.Unit != nil && confirmed(u) && u.Extradata != "" {
				if m, ok := e.Unit.Translated[lang]; (!ok && changed) || (ok && m.Fingerprint != u.Extradata) {
					if err := ed.setMark(e, lang, u.Extradata); err != nil {
						diags.Errorf(diag.Pos{File: e.File}, "yaml-edit", "%s (%s): %v", u.ID, lang, err)
					}
				}
			}
		}
	}
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags
	}
	return ed.changed(), diags
}

func findDocument(proj *model.Project, id string) *model.Document {
	for _, d := range proj.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// codesMatch reports whether the target of u has each inline code of its
// source once, standing for the same thing (a reference to the same ids;
// its case may differ), and no other.
func codesMatch(u xliff.Unit, at func(xliff.Pos) diag.Pos, diags *diag.List) bool {
	src := map[string]*xliff.Code{}
	for _, c := range u.Source.Codes() {
		src[c.ID] = c
	}
	ok := true
	seen := map[string]bool{}
	for _, c := range u.Target.Codes() {
		s, found := src[c.ID]
		switch {
		case !found:
			d := diags.Errorf(at(c.Pos), "xliff-code", "%s: the target has an inline code %q that its source does not have", u.ID, c.ID)
			d.Hint = "keep the source's codes (references, placeholders, emphasis) as they are: copy them from the source"
			ok = false
		case seen[c.ID]:
			diags.Errorf(at(c.Pos), "xliff-code", "%s: inline code %q appears twice in the target", u.ID, c.ID).Hint = "each code of the source appears once in the target"
			ok = false
		case s.Pair != c.Pair || codeKey(s) != codeKey(c):
			d := diags.Errorf(at(c.Pos), "xliff-code", "%s: inline code %q stands for %s in the source but for %s in the target", u.ID, c.ID, describe(s), describe(c))
			d.Hint = "copy the code from the source; a reference may change its case only"
			ok = false
		}
		seen[c.ID] = true
	}
	var missing []string
	for _, c := range u.Source.Codes() {
		if !seen[c.ID] {
			missing = append(missing, fmt.Sprintf("%s (%s)", c.ID, describe(c)))
		}
	}
	if len(missing) > 0 {
		d := diags.Errorf(at(u.TargetPos), "xliff-code", "%s: the target lacks the inline %s %s of its source", u.ID, plural(len(missing), "code"), strings.Join(missing, ", "))
		d.Hint = "every reference, placeholder and emphasis of the source must be in the translation"
		ok = false
	}
	return ok
}

func describe(c *xliff.Code) string {
	switch {
	case c.Pair && c.CType == CTypeBold:
		return "bold text"
	case c.Pair:
		return "italic text"
	case c.Content == "":
		return "an empty code"
	}
	return c.Content
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// validMarkup parses text as chancery markup, reporting what is wrong at
// the target's position.
func validMarkup(text string, at diag.Pos, diags *diag.List) bool {
	var l diag.List
	load.ParseInline(text, func(int) diag.Pos { return at }, &l)
	for _, d := range l {
		d.Message = "the target's markup: " + d.Message
		*diags = append(*diags, d)
	}
	return !l.HasErrors()
}
