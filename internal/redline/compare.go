// Package redline compares two builds of the same documents and shows what
// changed: a word-level diff of every text, and a summary by id of the
// units added, removed, changed and renumbered. Units are matched by id, so
// a paragraph inserted in the middle of a section is one addition plus the
// renumbering of the paragraphs after it, not a change of each; references
// are compared by the ids they cite, so renumbering never shows as a change
// of wording. Writers for text, DOCX and PDF redlines use the Blocks.
package redline

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/chancery-dev/chancery/internal/model"
)

// ChangeKind classifies a unit's change.
type ChangeKind string

// The kinds of Change.
const (
	Added      ChangeKind = "added"
	Removed    ChangeKind = "removed"
	Changed    ChangeKind = "changed"
	Renumbered ChangeKind = "renumbered"
)

// Change is one entry of the summary.
type Change struct {
	Kind      ChangeKind
	ID        string
	OldNumber string
	NewNumber string
	Aligned   bool // the unit quotes a source (aligned:), in either version
}

// Block is one paragraph of the redline, in reading order: its label (the
// new one, or the old one for a removed unit), its depth, and the diff of
// its text.
type Block struct {
	Key      string
	Label    string
	OldLabel string
	Depth    int  // 0 section heading, 1 paragraph, 2+ item; -1 front and end matter
	Heading  bool // a section heading
	Ops      []Op
}

// Document is the comparison of one document in one language.
type Document struct {
	ID      string
	Lang    string
	Blocks  []Block
	Changes []Change
}

// item is a comparable piece of a document: a unit or a piece of front or
// end matter.
type item struct {
	key     string
	label   string
	depth   int
	heading bool
	tokens  []Token
	unit    *model.Unit
}

// Compare diffs old and new in language tag. Both must be numbered and
// resolved.
func Compare(old, new *model.Document, tag string) *Document {
	a, b := items(old, tag), items(new, tag)
	out := &Document{ID: new.ID, Lang: tag}
	for _, step := range align(a, b) {
		x, y := step.old, step.new
		switch {
		case x == nil:
			out.Blocks = append(out.Blocks, Block{Key: y.key, Label: y.label, Depth: y.depth, Heading: y.heading, Ops: []Op{{Kind: Insert, Tokens: y.tokens}}})
			if y.unit != nil && y.unit.ID != "" {
				out.Changes = append(out.Changes, Change{Kind: Added, ID: y.unit.ID, NewNumber: y.unit.RefNumber, Aligned: y.unit.Aligned != nil})
			}
		case y == nil:
			out.Blocks = append(out.Blocks, Block{Key: x.key, Label: x.label, OldLabel: x.label, Depth: x.depth, Heading: x.heading, Ops: []Op{{Kind: Delete, Tokens: x.tokens}}})
			if x.unit != nil && x.unit.ID != "" {
				out.Changes = append(out.Changes, Change{Kind: Removed, ID: x.unit.ID, OldNumber: x.unit.RefNumber, Aligned: x.unit.Aligned != nil})
			}
		default:
			ops := Words(x.tokens, y.tokens)
			out.Blocks = append(out.Blocks, Block{Key: y.key, Label: y.label, OldLabel: x.label, Depth: y.depth, Heading: y.heading, Ops: ops})
			if y.unit == nil || y.unit.ID == "" {
				continue
			}
			aligned := x.unit.Aligned != nil || y.unit.Aligned != nil
			if HasChanges(ops) {
				out.Changes = append(out.Changes, Change{Kind: Changed, ID: y.unit.ID, OldNumber: x.unit.RefNumber, NewNumber: y.unit.RefNumber, Aligned: aligned})
			}
			if x.unit.RefNumber != y.unit.RefNumber {
				out.Changes = append(out.Changes, Change{Kind: Renumbered, ID: y.unit.ID, OldNumber: x.unit.RefNumber, NewNumber: y.unit.RefNumber, Aligned: aligned})
			}
		}
	}
	return out
}

// items flattens a document into comparable pieces in reading order.
func items(doc *model.Document, tag string) []item {
	var out []item
	text := func(t model.Text) []Token {
		if loc := t[tag]; loc != nil {
			return Tokens(loc.Runs)
		}
		return nil
	}
	front := func(key string, t model.Text) {
		if t != nil {
			out = append(out, item{key: key, depth: -1, tokens: text(t)})
		}
	}
	for i, t := range doc.Title {
		front("title."+strconv.Itoa(i+1), t)
	}
	front("parties.intro", doc.PartiesIntro)
	for _, p := range doc.Parties {
		front("party."+p.ID, p.Description)
	}
	front("parties.outro", doc.PartiesOutro)
	for i, r := range doc.Recitals {
		key := "recital." + r.ID
		if r.ID == "" {
			key = "recital#" + strconv.Itoa(i+1)
		}
		out = append(out, item{key: key, depth: -1, tokens: append(text(r.Lead), text(r.Text)...)})
	}
	front("transition", doc.Transition)
	anon := 0
	doc.Walk(func(u *model.Unit) {
		key := u.ID
		if key == "" {
			anon++
			key = fmt.Sprintf("#%d", anon)
		}
		it := item{key: "unit." + key, label: u.Label, depth: u.Depth, unit: u}
		if u.Depth == 0 {
			it.heading = true
			it.tokens = text(u.Heading)
		} else {
			it.tokens = text(u.Text)
		}
		out = append(out, it)
	})
	front("closing", doc.Closing)
	return out
}

type step struct{ old, new *item }

// align matches items by key. Keys are unique within a document, so the
// longest common subsequence is the longest increasing run of new
// positions taken in old order (found in O(n log n), which keeps a
// 10,000-paragraph treaty cheap); items outside it are removed or added.
func align(a, b []item) []step {
	pos := make(map[string]int, len(b))
	for j, it := range b {
		pos[it.key] = j
	}
	// seq holds, for the old items also in new, their new positions.
	var seq, from []int
	for i, it := range a {
		if j, ok := pos[it.key]; ok {
			seq = append(seq, j)
			from = append(from, i)
		}
	}
	keep := longestIncreasing(seq)
	var out []step
	i, j := 0, 0
	for _, k := range keep {
		oi, nj := from[k], seq[k]
		for ; i < oi; i++ {
			out = append(out, step{old: &a[i]})
		}
		for ; j < nj; j++ {
			out = append(out, step{new: &b[j]})
		}
		out = append(out, step{&a[i], &b[j]})
		i, j = i+1, j+1
	}
	for ; i < len(a); i++ {
		out = append(out, step{old: &a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, step{new: &b[j]})
	}
	return out
}

// longestIncreasing returns the indexes of a longest strictly increasing
// subsequence of seq.
func longestIncreasing(seq []int) []int {
	var tails []int // tails[l] = index in seq of the smallest tail of a run of length l+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		l, _ := slices.BinarySearchFunc(tails, v, func(t, v int) int { return seq[t] - v })
		if l > 0 {
			prev[i] = tails[l-1]
		} else {
			prev[i] = -1
		}
		if l == len(tails) {
			tails = append(tails, i)
		} else {
			tails[l] = i
		}
	}
	out := make([]int, len(tails))
	for k, i := len(tails)-1, -1; k >= 0; k-- {
		if k == len(tails)-1 {
			i = tails[k]
		}
		out[k] = i
		i = prev[i]
	}
	return out
}

// Summary counts the changes by kind.
func (d *Document) Summary() map[ChangeKind][]string {
	out := map[ChangeKind][]string{}
	for _, c := range d.Changes {
		out[c.Kind] = append(out[c.Kind], c.ID)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}
