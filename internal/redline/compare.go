// Package redline compares two versions of a document, lowered for the
// same language (package lower), and says what changed: a word-level diff
// of every block a writer prints — title lines, parties, recitals, units,
// closing clause and every part of the signature table — and a summary of
// the blocks added, removed, changed and renumbered, each named by its
// address (a unit's id, or role and position: title.1,
// party.<id>.signatory, recital.3, closing). Blocks are matched by
// address, so a paragraph inserted in the middle of a section is one
// addition plus the renumbering of the paragraphs after it, not a change
// of each; references are compared by the ids they cite, so renumbering
// never shows as a change of wording. Marked turns a comparison into the
// form the redline writers of the format registry take; this package
// writes no file format itself.
package redline

import (
	"slices"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// ChangeKind classifies a block's change.
type ChangeKind string

// The kinds of Change.
const (
	Added      ChangeKind = "added"
	Removed    ChangeKind = "removed"
	Changed    ChangeKind = "changed"
	Renumbered ChangeKind = "renumbered"
)

// Change is one entry of the summary: the block at Address (a unit's id,
// or a role and position such as party.nordavia.signatory).
type Change struct {
	Kind      ChangeKind
	Address   string
	OldNumber string // units only
	NewNumber string
	Aligned   bool // the unit quotes a source (aligned:), in either version
}

// Block is one paragraph of the redline, in reading order: its address,
// its label (the new one, or the old one for a removed unit), its depth,
// and the diff of its text.
type Block struct {
	Address  string
	Label    string
	OldLabel string
	Depth    int  // 0 section heading, 1 paragraph, 2+ item; -1 everything else
	Heading  bool // a section heading
	Title    bool // a line of the title block
	Added    bool // the block is only in the new version
	Removed  bool // the block is only in the old version
	Ops      []Op
}

// Document is the comparison of one document in one language.
type Document struct {
	ID      string
	Lang    string
	Blocks  []Block
	Changes []Change
	// Findings are the check errors of either version (a clause that no
	// longer quotes its source), listed with the summary of changes: a
	// redline is written whenever both versions assemble, checks or not.
	Findings []Finding
	// Numbering is the new version's numbering, nil when unknown.
	Numbering *model.Numbering
}

// Finding is a check finding of one version or both.
type Finding struct {
	Version    string // the versions that have it, as the command named them: "old", "new", "old, new"
	Diagnostic string // as chancery check prints it: path:line:col: severity: message [code]
	Error      bool
}

// piece is a comparable paragraph of a lowered instrument.
type piece struct {
	key     string // kind and address: unique in a document
	addr    string
	label   string
	depth   int
	heading bool
	title   bool
	tokens  []Token
	unit    *model.Unit // units only
}

// Compare lowers old and new (numbered and resolved) in language l, as
// their first copies, and compares them.
func Compare(old, new *model.Document, l *lang.Language) (*Document, error) {
	a, err := lower.Lower(old, l, lower.Copies(old)[0])
	if err != nil {
		return nil, err
	}
	b, err := lower.Lower(new, l, lower.Copies(new)[0])
	if err != nil {
		return nil, err
	}
	return CompareInstruments(a, b), nil
}

// CompareInstruments diffs two lowered versions of a document.
func CompareInstruments(old, new *lower.Instrument) *Document {
	a, b := pieces(old), pieces(new)
	out := &Document{ID: new.ID, Lang: new.Lang}
	if new.Source != nil {
		out.Numbering = &new.Source.Numbering
	}
	for _, step := range align(a, b) {
		x, y := step.old, step.new
		switch {
		case x == nil:
			out.Blocks = append(out.Blocks, Block{Address: y.addr, Label: y.label, Depth: y.depth, Heading: y.heading, Title: y.title, Added: true, Ops: []Op{{Kind: Insert, Tokens: y.tokens}}})
			out.Changes = append(out.Changes, Change{Kind: Added, Address: y.addr, NewNumber: refNumber(y.unit), Aligned: aligned(y.unit)})
		case y == nil:
			out.Blocks = append(out.Blocks, Block{Address: x.addr, Label: x.label, OldLabel: x.label, Depth: x.depth, Heading: x.heading, Title: x.title, Removed: true, Ops: []Op{{Kind: Delete, Tokens: x.tokens}}})
			out.Changes = append(out.Changes, Change{Kind: Removed, Address: x.addr, OldNumber: refNumber(x.unit), Aligned: aligned(x.unit)})
		default:
			ops := Words(x.tokens, y.tokens)
			out.Blocks = append(out.Blocks, Block{Address: y.addr, Label: y.label, OldLabel: x.label, Depth: y.depth, Heading: y.heading, Title: y.title, Ops: ops})
			al := aligned(x.unit) || aligned(y.unit)
			if HasChanges(ops) {
				out.Changes = append(out.Changes, Change{Kind: Changed, Address: y.addr, OldNumber: refNumber(x.unit), NewNumber: refNumber(y.unit), Aligned: al})
			}
			if x.unit != nil && y.unit != nil && x.unit.RefNumber != y.unit.RefNumber {
				out.Changes = append(out.Changes, Change{Kind: Renumbered, Address: y.addr, OldNumber: x.unit.RefNumber, NewNumber: y.unit.RefNumber, Aligned: al})
			}
		}
	}
	return out
}

func refNumber(u *model.Unit) string {
	if u == nil {
		return ""
	}
	return u.RefNumber
}

func aligned(u *model.Unit) bool { return u != nil && u.Aligned != nil }

// pieces flattens an instrument into comparable paragraphs in reading
// order, as the text copy prints them: a recital's lead and text (in the
// language's order, lower.Recital.Parts), the
// parties' introduction and the first party, are one paragraph each; the
// signature table gives, per party, its for-line, signatory, office and
// signature lines. The marking is not compared: the redline has its own.
func pieces(in *lower.Instrument) []piece {
	var out []piece
	add := func(kind, addr string, locs ...*model.Localized) {
		var ts []Token
		for _, loc := range locs {
			if loc == nil {
				continue
			}
			more := Tokens(loc.Runs)
			if len(ts) > 0 && len(more) > 0 {
				more[0].Space = true
			}
			ts = append(ts, more...)
		}
		out = append(out, piece{key: kind + ":" + addr, addr: addr, depth: -1, tokens: ts})
	}
	for _, b := range in.Blocks {
		switch b := b.(type) {
		case *lower.TitleLine:
			add("title", b.Address(), b.Text)
			out[len(out)-1].title = true
		case *lower.Party:
			add("party", b.Address(), b.Intro, b.Text)
		case *lower.Joiner:
			add("joiner", b.Address(), b.Text)
		case *lower.PartiesOutro:
			add("outro", b.Address(), b.Text)
		case *lower.Recital:
			first, second := b.Parts() // the Kazakh lead closes the recital
			add("recital", b.Address(), first, second)
		case *lower.Transition:
			add("transition", b.Address(), b.Text)
		case *lower.Unit:
			add("unit", b.Address(), b.Text)
			p := &out[len(out)-1]
			p.label, p.depth, p.heading, p.unit = b.Label, b.Depth, b.Heading, b.Unit
		case *lower.Closing:
			add("closing", b.Address(), b.Text)
		case *lower.Signatures:
			for _, s := range b.Parties {
				forLine, name, office, lines := s.Addresses()
				for _, part := range []struct {
					addr string
					loc  *model.Localized
				}{{forLine, s.For}, {name, s.Name}, {office, s.Office}} {
					if part.loc != nil {
						add("signature", part.addr, part.loc)
					}
				}
				if len(b.Lines) > 0 {
					var ts []Token
					for _, w := range b.Lines {
						ts = append(ts, Token{Key: w + ":", Text: w + ":", Space: len(ts) > 0}, Token{Key: lower.SignatureRule, Text: lower.SignatureRule, Space: true})
					}
					out = append(out, piece{key: "signature:" + lines, addr: lines, depth: -1, tokens: ts})
				}
			}
		}
	}
	return out
}

type step struct{ old, new *piece }

// align matches items by key. Keys are unique within a document, so the
// longest common subsequence is the longest increasing run of new
// positions taken in old order (found in O(n log n), which keeps a
// 10,000-paragraph treaty cheap); items outside it are removed or added.
func align(a, b []piece) []step {
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

// Summary lists the addresses changed, by kind.
func (d *Document) Summary() map[ChangeKind][]string {
	out := map[ChangeKind][]string{}
	for _, c := range d.Changes {
		out[c.Kind] = append(out[c.Kind], c.Address)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}
