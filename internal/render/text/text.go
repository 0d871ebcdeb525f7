// Package text writes an assembled instrument as plain UTF-8 text: one
// paragraph per line, blank lines between blocks, items indented by depth.
// It is the reading copy, the basis of golden tests and of redlines.
package text

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// Options say what to write (see lower.Options).
type Options = lower.Options

// Write lowers doc for opt.Lang and opt.Copy and writes it to w.
// References must be resolved.
func Write(w io.Writer, doc *model.Document, opt Options) error {
	if opt.Lang == nil {
		return errors.New("text: no language")
	}
	in, err := lower.Lower(doc, opt.Lang, opt.Copy)
	if err != nil {
		return err
	}
	return WriteInstrument(w, in, opt)
}

// WriteInstrument writes the blocks of in to w.
func WriteInstrument(w io.Writer, in *lower.Instrument, opt Options) error {
	tw := &writer{w: bufio.NewWriter(w), mark: footnoteMarker(opt.Style)}
	plain := func(loc *model.Localized) string { return in.PlainMarked(loc, tw.mark) }
	var title []string // the draft marking and the title lines, one paragraph
	flushTitle := func() {
		if len(title) > 0 {
			tw.block(0, title...)
			title = nil
		}
	}
	for _, b := range in.Blocks {
		switch b := b.(type) {
		case *lower.Marking:
			if b.Draft {
				title = append(title, b.Text)
			} else {
				tw.block(0, b.Text)
			}
			continue
		case *lower.TitleLine:
			title = append(title, plain(b.Text))
			continue
		}
		flushTitle()
		switch b := b.(type) {
		case *lower.Fields:
			tw.fields(b, plain)
		case *lower.Party:
			tw.block(0, joinSpace(plain(b.Intro), plain(b.Text)))
		case *lower.Joiner:
			tw.block(0, plain(b.Text))
		case *lower.PartiesOutro:
			tw.block(0, plain(b.Text))
		case *lower.Recital:
			first, second := b.Parts()
			tw.block(0, joinSpace(plain(first), plain(second)))
		case *lower.Transition:
			tw.block(0, plain(b.Text))
		case *lower.Unit:
			indent := 0
			if b.Depth > 1 {
				indent = 4 * (b.Depth - 1)
			}
			tw.block(indent, joinSpace(b.Label, plain(b.Text)))
		case *lower.Closing:
			tw.block(0, plain(b.Text))
		case *lower.Signatures:
			tw.signatures(b, plain)
		}
	}
	flushTitle()
	tw.footnotes(in, plain)
	return tw.w.Flush()
}

// footnoteMarker returns the mark of footnote n in running text, in the
// style's marks: "[1]", "[†]". A text copy has no pages: the marks count
// through the document even when the style restarts them on every page.
func footnoteMarker(st *house.Style) func(n int) string {
	return func(n int) string { return "[" + st.FootnoteMark(n) + "]" }
}

// FootnoteRule separates the text from its footnotes at the end of a text
// copy.
const FootnoteRule = "__________"

// footnotes writes the document's footnotes after its text, under a short
// rule, each after its mark.
func (tw *writer) footnotes(in *lower.Instrument, plain func(*model.Localized) string) {
	if len(in.Footnotes) == 0 {
		return
	}
	tw.block(0, FootnoteRule)
	for _, f := range in.Footnotes {
		text := plain(&model.Localized{Runs: f.Note.Runs})
		tw.w.WriteString(tw.mark(f.N) + " " + text + "\n")
	}
}

// fields writes labelled fields with their values hanging in a column
// after the longest label.
func (tw *writer) fields(b *lower.Fields, plain func(*model.Localized) string) {
	width := 0
	for _, r := range b.Rows {
		width = max(width, utf8.RuneCountInString(plain(r.Label)))
	}
	var lines []string
	for _, r := range b.Rows {
		label := plain(r.Label)
		for i, l := range r.Lines {
			head := strings.Repeat(" ", width+1)
			if i == 0 {
				head = label + strings.Repeat(" ", width+1-utf8.RuneCountInString(label))
			}
			lines = append(lines, head+plain(l))
		}
	}
	tw.block(0, lines...)
}

type writer struct {
	w       *bufio.Writer
	started bool
	// mark prints footnote n's mark (see footnoteMarker); nil for a
	// writer of notes, which have no footnotes.
	mark func(n int) string
}

// block writes one paragraph, preceded by a blank line unless it is the
// first, and indented by indent spaces.
func (tw *writer) block(indent int, lines ...string) {
	if tw.started {
		tw.w.WriteByte('\n')
	}
	tw.started = true
	for _, l := range lines {
		tw.w.WriteString(strings.Repeat(" ", indent))
		tw.w.WriteString(l)
		tw.w.WriteByte('\n')
	}
}

// joinSpace joins two pieces of a paragraph with a space, leaving out an
// empty one.
func joinSpace(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// signatures writes each party's column one after the other, then its
// signature lines.
func (tw *writer) signatures(s *lower.Signatures, plain func(*model.Localized) string) {
	for _, p := range s.Parties {
		var lines []string
		for _, loc := range []*model.Localized{p.For, p.Name, p.Office} {
			if loc != nil {
				lines = append(lines, plain(loc))
			}
		}
		tw.block(0, lines...)
		var sig []string
		for _, word := range s.Lines {
			sig = append(sig, word+": "+lower.SignatureRule)
		}
		if len(sig) > 0 {
			tw.block(0, sig...)
		}
	}
}
