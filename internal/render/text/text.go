// Package text writes an assembled instrument as plain UTF-8 text: one
// paragraph per line, blank lines between blocks, items indented by depth.
// It is the reading copy, the basis of golden tests and of redlines.
package text

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write (see lower.Options).
type Options = lower.Options

// SignatureRule is what follows a signature line's word in the text copy.
const SignatureRule = "______________________"

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
func WriteInstrument(w io.Writer, in *lower.Instrument, _ Options) error {
	tw := &writer{w: bufio.NewWriter(w)}
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
			title = append(title, lower.Plain(b.Text))
			continue
		}
		flushTitle()
		switch b := b.(type) {
		case *lower.Party:
			tw.block(0, joinSpace(lower.Plain(b.Intro), lower.Plain(b.Text)))
		case *lower.Joiner:
			tw.block(0, lower.Plain(b.Text))
		case *lower.PartiesOutro:
			tw.block(0, lower.Plain(b.Text))
		case *lower.Recital:
			tw.block(0, joinSpace(lower.Plain(b.Lead), lower.Plain(b.Text)))
		case *lower.Transition:
			tw.block(0, lower.Plain(b.Text))
		case *lower.Unit:
			indent := 0
			if b.Depth > 1 {
				indent = 4 * (b.Depth - 1)
			}
			tw.block(indent, joinSpace(b.Label, lower.Plain(b.Text)))
		case *lower.Closing:
			tw.block(0, lower.Plain(b.Text))
		case *lower.Signatures:
			tw.signatures(b)
		}
	}
	flushTitle()
	return tw.w.Flush()
}

type writer struct {
	w       *bufio.Writer
	started bool
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
func (tw *writer) signatures(s *lower.Signatures) {
	for _, p := range s.Parties {
		var lines []string
		for _, loc := range []*model.Localized{p.For, p.Name, p.Office} {
			if loc != nil {
				lines = append(lines, lower.Plain(loc))
			}
		}
		tw.block(0, lines...)
		var sig []string
		for _, word := range s.Lines {
			sig = append(sig, word+": "+SignatureRule)
		}
		if len(sig) > 0 {
			tw.block(0, sig...)
		}
	}
}
