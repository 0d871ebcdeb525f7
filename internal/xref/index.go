// Package xref owns cross-references: it indexes the ids of a document
// (and the aliases kept for renamed ids), resolves every {ref:...} of every
// language to the units' current numbers, and phrases the result through
// the language engine ("paragraph 2.1, subparagraph iii.", "подпункту iii.
// пункта 2.1"). Numbering must have run first.
package xref

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// MaxAliasChain bounds how many aliases a reference may follow.
const MaxAliasChain = 64

// Index maps the ids of one document to its units.
type Index struct {
	doc     *model.Document
	sources map[string]*model.Source
	units   map[string]*model.Unit
	order   map[*model.Unit]int
	ids     []string // in document order, for hints
	others  map[string]diag.Pos
}

// NewIndex indexes doc's units and reports ids defined twice. sources are
// the project's source documents, for {ref:source@path}.
func NewIndex(doc *model.Document, sources map[string]*model.Source) (*Index, diag.List) {
	var diags diag.List
	ix := &Index{doc: doc, sources: sources, units: map[string]*model.Unit{}, order: map[*model.Unit]int{}, others: map[string]diag.Pos{}}
	defined := map[string]diag.Pos{}
	define := func(id string, pos diag.Pos) bool {
		if id == "" {
			return false
		}
		if first, dup := defined[id]; dup {
			d := diags.Errorf(pos, "duplicate-id", "id %q is defined twice", id)
			d.Hint = "first defined at " + first.String() + "; ids must be unique in a document"
			return false
		}
		defined[id] = pos
		return true
	}
	for _, p := range doc.Parties {
		if define(p.ID, p.Pos) {
			ix.others[p.ID] = p.Pos
		}
	}
	for _, r := range doc.Recitals {
		if define(r.ID, r.Pos) {
			ix.others[r.ID] = r.Pos
		}
	}
	n := 0
	doc.Walk(func(u *model.Unit) {
		n++
		ix.order[u] = n
		if define(u.ID, u.Pos) {
			ix.units[u.ID] = u
			ix.ids = append(ix.ids, u.ID)
		}
	})
	ix.checkAliases(defined, &diags)
	return ix, diags
}

// checkAliases reports aliases that would silently change what an id
// means: one named like a unit (a reference must not go anywhere but to
// the unit that carries the id), and cycles, whether or not anything cites
// them.
func (ix *Index) checkAliases(defined map[string]diag.Pos, diags *diag.List) {
	names := make([]string, 0, len(ix.doc.Aliases))
	for name := range ix.doc.Aliases {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		a := ix.doc.Aliases[name]
		if at, ok := defined[name]; ok {
			d := diags.Errorf(a.KeyPos, "alias-shadows", "alias %q has the id of a unit defined at %s", name, at)
			d.Hint = fmt.Sprintf("an alias keeps an old id working and cannot redirect a current one; remove the alias, or rename the unit and keep %q as its alias", name)
		}
	}
	inCycle := map[string]bool{}
	dangling := map[string]bool{} // aliases reported as leading nowhere
	for _, name := range names {
		if inCycle[name] {
			continue
		}
		path := []string{name}
		for id := ix.doc.Aliases[name].To; ; id = ix.doc.Aliases[id].To {
			if _, shadowed := defined[id]; shadowed {
				break
			}
			if i := slices.Index(path, id); i >= 0 {
				cycle := path[i:]
				for _, c := range cycle {
					inCycle[c] = true
				}
				// Reported once, at the alias of the cycle that sorts
				// first, starting from it.
				first := slices.Index(cycle, slices.Min(cycle))
				cycle = append(slices.Clone(cycle[first:]), cycle[:first]...)
				cycle = append(cycle, cycle[0])
				d := diags.Errorf(ix.doc.Aliases[cycle[0]].KeyPos, "alias-cycle", "aliases form a cycle: %s", strings.Join(cycle, " → "))
				d.Hint = "an alias must lead to a unit; point one of them at the unit's current id"
				break
			}
			if _, ok := ix.doc.Aliases[id]; !ok {
				if _, known := defined[id]; !known && !dangling[path[len(path)-1]] {
					dangling[path[len(path)-1]] = true
					last := ix.doc.Aliases[path[len(path)-1]]
					d := diags.Errorf(last.Pos, "alias-target", "alias %q leads to %q, which no unit has", path[len(path)-1], id)
					if h := suggest.Hint(id, ix.ids); h != "" {
						d.Hint = h
					} else {
						d.Hint = "point the alias at the unit's current id (chancery refs lists them), or remove it"
					}
				}
				break
			}
			if len(path) > MaxAliasChain+1 {
				break
			}
			path = append(path, id)
		}
	}
}

// Unit returns the unit with id, or nil.
func (ix *Index) Unit(id string) *model.Unit { return ix.units[id] }

// follow resolves an id through the document's aliases.
// An id that a unit carries is that unit, even when an alias has its name
// (an error reported by NewIndex).
func (ix *Index) follow(id string, pos diag.Pos, diags *diag.List) (string, bool) {
	path := []string{id}
	for steps := 0; ; steps++ {
		if ix.units[id] != nil {
			return id, true
		}
		if _, ok := ix.others[id]; ok {
			return id, true
		}
		a, ok := ix.doc.Aliases[id]
		if !ok {
			return id, true
		}
		if steps == MaxAliasChain {
			break
		}
		id = a.To
		if slices.Contains(path, id) {
			path = append(path, id)
			d := diags.Errorf(pos, "ref-cycle", "reference cycle: %s", strings.Join(path, " → "))
			d.Hint = "an alias must lead to a unit; fix aliases: at " + a.Pos.String()
			return "", false
		}
		path = append(path, id)
	}
	d := diags.Errorf(pos, "ref-chain", "reference %q follows more than %d aliases", path[0], MaxAliasChain)
	d.Hint = "point the aliases straight at the unit's current id"
	return "", false
}

// lookup finds the numbered unit an id names.
func (ix *Index) lookup(id string, pos diag.Pos, diags *diag.List) *model.Unit {
	id, ok := ix.follow(id, pos, diags)
	if !ok {
		return nil
	}
	u := ix.units[id]
	if u == nil {
		if at, ok := ix.others[id]; ok {
			d := diags.Errorf(pos, "unnumbered-ref", "reference to %q, which is not a numbered unit (defined at %s)", id, at)
			d.Hint = "only sections, paragraphs and items carry numbers; refer to one of those"
			return nil
		}
		d := diags.Errorf(pos, "unknown-ref", "unknown reference %q", id)
		if h := suggest.Hint(id, ix.ids); h != "" {
			d.Hint = h
		} else {
			d.Hint = "no unit of document " + ix.doc.ID + " has this id; run chancery refs to list them"
		}
		return nil
	}
	if !u.Numbered || u.RefNumber == "" {
		d := diags.Errorf(pos, "unnumbered-ref", "reference to %q, which is unnumbered (defined at %s)", id, u.Pos)
		d.Hint = "number the unit (remove numbered: false) or refer to its section"
		return nil
	}
	return u
}

// Entry is one line of the numbering map.
type Entry struct {
	ID     string
	Label  string
	Number string // as cited
	Term   string
	Pos    diag.Pos
}

// Entries lists every unit with an id in document order.
func (ix *Index) Entries() []Entry {
	var out []Entry
	for _, id := range ix.ids {
		u := ix.units[id]
		term := ""
		if u.Scheme != nil {
			term = u.Scheme.Term
		}
		out = append(out, Entry{ID: id, Label: u.Label, Number: u.RefNumber, Term: term, Pos: u.Pos})
	}
	return out
}

// isQualified reports whether a unit's number names it fully on its own
// ("4.1" does, "iii." does not).
func isQualified(u *model.Unit) bool {
	if u.Parent == nil || !u.Parent.Numbered {
		return true
	}
	s := u.Scheme
	return strings.Contains(s.Label, "{up}") || strings.Contains(s.Ref, "{up}")
}

func sortedIDs(m map[string]*model.Source) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
