package redline

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// Marked turns the comparison into the form the redline writers take: a
// paragraph per block, its words in spans kept, deleted or inserted, the
// changes attributed to author at date, the marking of every page
// ("REDLINE") and the summary of changes. A block added whole (or removed
// whole) is marked so as a paragraph, its label too; a renumbered unit
// shows its new label. The words are l's.
func Marked(d *Document, author string, date time.Time, l *lang.Language) (*marked.Doc, error) {
	out := &marked.Doc{Lang: d.Lang, Author: author, Date: date, Numbering: d.Numbering}
	var title []string
	for _, blk := range d.Blocks {
		mark := marked.Kept
		switch {
		case blk.Added:
			mark = marked.Inserted
		case blk.Removed:
			mark = marked.Deleted
		}
		p := marked.Para{
			Label:    blk.Label,
			OldLabel: blk.OldLabel,
			Depth:    blk.Depth,
			Title:    blk.Title,
			Mark:     mark,
			Spans:    Spans(blk.Ops),
		}
		if p.Title {
			title = append(title, p.Text(true))
		}
		out.Paras = append(out.Paras, p)
	}
	out.Title = strings.Join(title, " ")
	if out.Title == "" {
		out.Title = d.ID
	}
	summary, err := summaryOf(d, l)
	if err != nil {
		return nil, err
	}
	out.Summary = summary
	mark, err := l.Word("redline")
	out.Title += " (" + mark + ")"
	out.Marking = mark
	return out, err
}

// MarkedFor is Marked with the author, date and language of opt: the
// author opt.Who(), the date opt.Stamp().
func MarkedFor(d *Document, opt lower.Options) (*marked.Doc, error) {
	if opt.Lang == nil {
		return nil, errors.New("redline: no language")
	}
	return Marked(d, opt.Who(), opt.Stamp(), opt.Lang)
}

// Options say how to write a redline (see lower.Options).
type Options = lower.Options

// Spans turns ops into spans whose white space is right in both
// versions: the space before a word belongs to the word's version, and to
// the other one too only when that version has text before it. Accepting
// every change (kept and inserted spans) gives the new text, rejecting
// every one (kept and deleted spans) the old text, neither with a space
// too many or too few. Kept words carry the new text's spacing; a kept
// word that starts the new text but not the old one is taken to follow a
// space there. A space is in the style of the words on both its sides in
// its version, else plain.
func Spans(ops []Op) []marked.Span {
	var out []marked.Span
	add := func(text string, mk marked.Mark, st marked.Style) {
		if n := len(out); n > 0 && out[n-1].Mark == mk && out[n-1].Style == st {
			out[n-1].Text += text
			return
		}
		out = append(out, marked.Span{Text: text, Mark: mk, Style: st})
	}
	// Whether each version has text so far, and the style of its last word.
	seenOld, seenNew := false, false
	prevOld, prevNew := marked.Plain, marked.Plain
	for _, op := range ops {
		inOld, inNew := op.Kind != Insert, op.Kind != Delete
		mk := opMark(op.Kind)
		for _, t := range op.Tokens {
			st := tokenStyle(t.Style)
			spaceOld := inOld && seenOld && (t.Space || op.Kind == Equal && !seenNew)
			spaceNew := inNew && seenNew && t.Space
			switch {
			case spaceOld && spaceNew:
				add(" ", marked.Kept, spaceStyle(st, prevOld == st && prevNew == st))
			case spaceOld:
				add(" ", marked.Deleted, spaceStyle(st, prevOld == st))
			case spaceNew:
				add(" ", marked.Inserted, spaceStyle(st, prevNew == st))
			}
			if t.Text != "" {
				add(t.Text, mk, st)
			}
			if inOld {
				seenOld, prevOld = true, st
			}
			if inNew {
				seenNew, prevNew = true, st
			}
		}
	}
	return out
}

// spaceStyle is st for a space between two words in st, else plain.
func spaceStyle(st marked.Style, same bool) marked.Style {
	if same {
		return st
	}
	return marked.Plain
}

func opMark(k OpKind) marked.Mark {
	switch k {
	case Delete:
		return marked.Deleted
	case Insert:
		return marked.Inserted
	}
	return marked.Kept
}

func tokenStyle(s string) marked.Style {
	switch s {
	case "em":
		return marked.Emphasis
	case "b":
		return marked.Strong
	}
	return marked.Plain
}

// summaryOf is the summary of changes in l's words: the counts by kind,
// the aligned clauses touched, and a row per change in reading order.
func summaryOf(d *Document, l *lang.Language) (marked.Summary, error) {
	w := &wordList{l: l}
	s := marked.Summary{Heading: w.word("summary-of-changes")}
	counts := map[ChangeKind]int{}
	var aligned []string
	rows := [][]string{{w.word("change"), w.word("clause"), w.word("number")}}
	for _, c := range d.Changes {
		counts[c.Kind]++
		if c.Aligned && c.Kind != Renumbered {
			aligned = append(aligned, c.Address)
		}
		number := c.NewNumber
		switch c.Kind {
		case Removed:
			if c.OldNumber != "" {
				number = w.expand("was", map[string]string{"n": c.OldNumber})
			}
		case Renumbered:
			number = c.OldNumber + " → " + c.NewNumber
		}
		rows = append(rows, []string{w.word("change-" + string(c.Kind)), c.Address, number})
	}
	if len(d.Changes) == 0 {
		s.Lines = append([]string{w.word("no-changes")}, findingLines(d)...)
		return s, w.err
	}
	s.Lines = []string{w.expand("changes-count", map[string]string{
		"added": strconv.Itoa(counts[Added]), "removed": strconv.Itoa(counts[Removed]),
		"changed": strconv.Itoa(counts[Changed]), "renumbered": strconv.Itoa(counts[Renumbered]),
	})}
	if len(aligned) > 0 {
		s.Lines = append(s.Lines, w.expand("aligned-touched", map[string]string{"ids": strings.Join(aligned, ", ")}))
	}
	s.Lines = append(s.Lines, findingLines(d)...)
	s.Table = rows
	return s, w.err
}

// findingLines are the check findings of either version, one line each.
func findingLines(d *Document) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, f.Version+": "+f.Diagnostic)
	}
	return out
}

// wordList looks words up in a language, keeping the first error.
type wordList struct {
	l   *lang.Language
	err error
}

func (w *wordList) word(key string) string {
	s, err := w.l.Word(key)
	if err != nil && w.err == nil {
		w.err = err
	}
	return s
}

func (w *wordList) expand(key string, vars map[string]string) string {
	s, err := w.l.Expand(key, vars)
	if err != nil && w.err == nil {
		w.err = err
	}
	return s
}
