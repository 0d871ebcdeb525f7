package xref

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// Resolve resolves every reference of doc in every language the document
// is built in, filling Ref.Targets and Ref.Resolved. Numbering must have
// run first.
func Resolve(doc *model.Document, sources map[string]*model.Source, engine *lang.Engine) (*Index, diag.List) {
	ix, diags := NewIndex(doc, sources)
	for _, tag := range doc.Languages {
		l, err := engine.Language(tag)
		if err != nil {
			diags.Errorf(doc.Pos, "unknown-language", "%v", err)
			continue
		}
		ix.resolveTexts(l, &diags)
	}
	return ix, diags
}

// resolveTexts walks the texts in reading order, knowing which unit each
// belongs to so that "above"/"below" can be decided.
func (ix *Index) resolveTexts(l *lang.Language, diags *diag.List) {
	at := 0 // order of the unit the text belongs to; 0 before the first unit
	visit := func(t model.Text, self *model.Unit) {
		loc := t[l.Tag()]
		if loc == nil {
			return
		}
		model.WalkInline(loc.Runs, func(in model.Inline) {
			switch in := in.(type) {
			case *model.Ref:
				ix.resolveRef(l, in, at, self, diags)
			case *model.Plain:
				if in.Field != "" {
					ix.fillField(l, in, diags)
				}
			}
		})
		collapseStops(loc.Runs)
	}
	doc := ix.doc
	for _, t := range doc.Title {
		visit(t, nil)
	}
	visit(doc.PartiesIntro, nil)
	for _, p := range doc.Parties {
		visit(p.Description, nil)
	}
	visit(doc.PartiesOutro, nil)
	for _, r := range doc.Recitals {
		visit(r.Text, nil)
	}
	visit(doc.Transition, nil)
	doc.Walk(func(u *model.Unit) {
		at = ix.order[u]
		visit(u.Heading, u)
		visit(u.Text, u)
	})
	at = len(ix.order) + 1
	visit(doc.Closing, nil)
}

// resolveRef phrases one reference in language l. at is the document order
// of the text holding it.
func (ix *Index) resolveRef(l *lang.Language, r *model.Ref, at int, self *model.Unit, diags *diag.List) {
	r.Targets, r.Resolved = nil, ""
	opt := lang.RefOptions{Capital: r.Capital, Possessed: r.Possessed, ContainerNominative: r.ContainerNominative}
	if r.Case != "" {
		c, err := lang.ParseCase(r.Case)
		if err != nil {
			diags.Errorf(r.Pos, "unknown-case", "%v", err)
			return
		}
		opt.Case = c
	}
	chains, targets, ok := ix.chains(r.IDs, r.Pos, self, diags)
	if !ok {
		return
	}
	if r.Rel {
		rel, err := ix.relative(r.IDs, targets, at)
		if err != nil {
			diags.Errorf(r.Pos, "ref-phrase", "%v", err)
			return
		}
		opt.Rel = rel
	}
	text, err := phrase(l, chains, opt)
	if err != nil {
		phraseError(diags, r.Pos, r.IDs, l, err)
		return
	}
	r.Targets = targets
	r.Resolved = text
}

// Phrase resolves ids (units of the document, or source@path) to their
// current numbers and phrases them in l: "paragraph 2.1, subparagraph
// iii.", "подпункту iii. пункта 2.1". self, when not nil, is the unit the
// reference is written in, which may not cite itself. It reports at pos and
// returns false when any id cannot be resolved.
func (ix *Index) Phrase(l *lang.Language, ids []string, opt lang.RefOptions, pos diag.Pos, self *model.Unit, diags *diag.List) (string, []*model.Unit, bool) {
	chains, targets, ok := ix.chains(ids, pos, self, diags)
	if !ok {
		return "", nil, false
	}
	text, err := phrase(l, chains, opt)
	if err != nil {
		phraseError(diags, pos, ids, l, err)
		return "", nil, false
	}
	return text, targets, true
}

// chains resolves ids to the steps that cite them and to the units of
// this document among them, reporting at pos what cannot be resolved.
func (ix *Index) chains(ids []string, pos diag.Pos, self *model.Unit, diags *diag.List) ([][]lang.Step, []*model.Unit, bool) {
	var chains [][]lang.Step
	var targets []*model.Unit
	ok := true
	for _, id := range ids {
		chain, unit := ix.chain(id, pos, diags)
		if chain == nil {
			ok = false
			continue
		}
		if unit != nil && unit == self {
			d := diags.Errorf(pos, "self-ref", "%s refers to itself", id)
			d.Hint = "write \"this paragraph\" as text instead of a reference"
			ok = false
			continue
		}
		if unit != nil {
			targets = append(targets, unit)
		}
		chains = append(chains, chain)
	}
	return chains, targets, ok
}

// errMixedUnits refuses a reference to several units that cannot be cited
// together.
var errMixedUnits = errors.New("a reference to several units needs units of one kind in one container")

// phraseError reports a reference that cannot be phrased.
func phraseError(diags *diag.List, pos diag.Pos, ids []string, l *lang.Language, err error) {
	d := diags.Errorf(pos, "ref-phrase", "cannot phrase %s in %s: %v", strings.Join(ids, ","), l.Tag(), err)
	if errors.Is(err, errMixedUnits) {
		d.Hint = "cite the others in a reference of their own"
	}
}

// phrase phrases the chains of one reference: one unit ("подпункту iii.
// пункта 2.1"), or several units of one kind in the same container, cited
// together ("пунктам 1 и 2", "подпунктах ii. и iii. пункта 2.1").
func phrase(l *lang.Language, chains [][]lang.Step, opt lang.RefOptions) (string, error) {
	container := chains[0][:len(chains[0])-1]
	targets := make([]lang.Step, 0, len(chains))
	for _, c := range chains {
		last := c[len(c)-1]
		if len(c) != len(chains[0]) || last.Term != chains[0][len(c)-1].Term || !slices.Equal(c[:len(c)-1], container) {
			return "", errMixedUnits
		}
		targets = append(targets, last)
	}
	return l.RefGroup(container, targets, opt)
}

// relative says whether the targets of a reference stand above or below
// the text at order at.
func (ix *Index) relative(ids []string, targets []*model.Unit, at int) (lang.Relative, error) {
	if len(targets) == 0 {
		return lang.NotRelative, fmt.Errorf("{ref:%s|rel}: only references to units of this document can say above or below", strings.Join(ids, ","))
	}
	above, below := false, false
	for _, t := range targets {
		if ix.order[t] < at {
			above = true
		} else {
			below = true
		}
	}
	if above && below {
		return lang.NotRelative, fmt.Errorf("{ref:%s|rel}: the units are both above and below this text", strings.Join(ids, ","))
	}
	if above {
		return lang.Above, nil
	}
	return lang.Below, nil
}

// chain returns the steps that cite id: the target last, preceded by the
// containers needed to make its number unambiguous. unit is nil for a
// source paragraph.
func (ix *Index) chain(id string, pos diag.Pos, diags *diag.List) ([]lang.Step, *model.Unit) {
	if srcID, path, ok := strings.Cut(id, "@"); ok {
		return ix.sourceChain(srcID, path, pos, diags), nil
	}
	u := ix.lookup(id, pos, diags)
	if u == nil {
		return nil, nil
	}
	steps := []lang.Step{{Term: u.Scheme.Term, Number: u.RefNumber}}
	for c := u; !isQualified(c); {
		c = c.Parent
		term := c.Scheme.ContainerTerm
		if term == "" {
			term = c.Scheme.Term
		}
		steps = append([]lang.Step{{Term: term, Number: c.RefNumber}}, steps...)
	}
	return steps, u
}

func (ix *Index) sourceChain(srcID, path string, pos diag.Pos, diags *diag.List) []lang.Step {
	src := ix.sources[srcID]
	if src == nil {
		d := diags.Errorf(pos, "unknown-source", "unknown source document %q", srcID)
		if h := suggest.Hint(srcID, sortedIDs(ix.sources)); h != "" {
			d.Hint = h
		} else {
			d.Hint = "sources live in clauses/sources/<id>.yaml"
		}
		return nil
	}
	units, ok := src.Lookup(path)
	if !ok {
		d := diags.Errorf(pos, "unknown-ref", "source %s has no unit %q", srcID, path)
		if h := suggest.Hint(path, src.Paths()); h != "" {
			d.Hint = h
		}
		return nil
	}
	if len(units) > len(src.Levels) {
		diags.Errorf(pos, "unknown-ref", "source %s names %d levels but %q has %d", srcID, len(src.Levels), path, len(units))
		return nil
	}
	steps := make([]lang.Step, len(units))
	for i, u := range units {
		steps[i] = lang.Step{Term: src.Levels[i], Number: u.Number}
	}
	return steps
}

// collapseStops drops the full stop that ends a resolved reference
// ("subparagraph iii.") when the text goes on with one, so that a sentence
// never ends in "..".
func collapseStops(runs []model.Inline) {
	for i, in := range runs {
		r, ok := in.(*model.Ref)
		if !ok || i+1 >= len(runs) || !strings.HasSuffix(r.Resolved, ".") {
			continue
		}
		if next, ok := runs[i+1].(*model.Plain); ok && strings.HasPrefix(next.Text, ".") {
			r.Resolved = strings.TrimSuffix(r.Resolved, ".")
		}
	}
}

// fillField writes the document data a field names: {originals} the
// number of originals as a word, {languages} the names of the document's
// languages ("English", "английском", "ағылшын").
func (ix *Index) fillField(l *lang.Language, p *model.Plain, diags *diag.List) {
	c := lang.Case(p.FieldCase)
	var err error
	switch p.Field {
	case "originals":
		if ix.doc.Final.Originals == 0 {
			d := diags.Errorf(p.Pos, "missing-field", "{originals} is used but the document does not say how many originals there are")
			d.Hint = "add to document.yaml: final: {originals: 2}"
			return
		}
		p.Text, err = l.Cardinal(ix.doc.Final.Originals, c)
	case "languages":
		p.Text, err = l.LanguageList(ix.doc.Languages, c)
	}
	if err != nil {
		diags.Errorf(p.Pos, "ref-phrase", "{%s}: %v", p.Field, err)
	}
}
