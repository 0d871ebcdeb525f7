// Package text writes an assembled instrument as plain UTF-8 text: one
// paragraph per line, blank lines between blocks, items indented by depth.
// It is the reading copy, the basis of golden tests and of redlines.
package text

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write.
type Options struct {
	Lang *lang.Language
	// Marking heads a final copy, such as "Original 1 of 2" ("" for none).
	Marking string
}

// Write writes doc in opt.Lang to w. References must be resolved.
func Write(w io.Writer, doc *model.Document, opt Options) error {
	tw := &writer{w: bufio.NewWriter(w), tag: opt.Lang.Tag()}
	if opt.Marking != "" && doc.Status == model.StatusFinal {
		tw.block(0, opt.Marking)
	}
	if err := tw.document(doc, opt.Lang); err != nil {
		return err
	}
	return tw.w.Flush()
}

type writer struct {
	w       *bufio.Writer
	tag     string
	err     error
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

// str flattens a text in the writer's language, recording a missing
// language as the writer's error.
func (tw *writer) str(t model.Text, what string) string {
	loc := t[tw.tag]
	if loc == nil {
		if tw.err == nil {
			tw.err = fmt.Errorf("%s has no %s text", what, tw.tag)
		}
		return ""
	}
	return model.PlainText(loc.Runs)
}

func (tw *writer) document(doc *model.Document, l *lang.Language) error {
	var title []string
	if doc.Status != model.StatusFinal {
		draft, err := l.Word("draft")
		if err != nil {
			return err
		}
		title = append(title, draft)
	}
	for _, t := range doc.Title {
		title = append(title, tw.str(t, "title line"))
	}
	tw.block(0, title...)
	for i, p := range doc.Parties {
		desc := tw.str(p.Description, "party "+p.ID)
		if i == 0 && doc.PartiesIntro != nil {
			desc = tw.str(doc.PartiesIntro, "parties_intro") + " " + desc
		}
		if i > 0 && doc.PartiesJoiner != nil {
			tw.block(0, tw.str(doc.PartiesJoiner, "parties_joiner"))
		}
		tw.block(0, desc)
	}
	if doc.PartiesOutro != nil {
		tw.block(0, tw.str(doc.PartiesOutro, "parties_outro"))
	}
	for _, r := range doc.Recitals {
		line := tw.str(r.Text, "recital "+r.ID)
		if r.Lead != nil {
			line = tw.str(r.Lead, "recital "+r.ID) + " " + line
		}
		tw.block(0, line)
	}
	if doc.Transition != nil {
		tw.block(0, tw.str(doc.Transition, "transition"))
	}
	for _, s := range doc.Sections {
		tw.unit(s)
	}
	if doc.Closing != nil {
		tw.block(0, tw.str(doc.Closing, "closing"))
	}
	if err := tw.signatures(doc, l); err != nil {
		return err
	}
	return tw.err
}

func (tw *writer) unit(u *model.Unit) {
	if u.Depth == 0 {
		tw.block(0, joinLabel(u.Label, tw.str(u.Heading, "heading of section "+u.ID)))
	} else {
		indent := 4 * (u.Depth - 1)
		tw.block(indent, joinLabel(u.Label, tw.str(u.Text, "clause "+u.ID)))
	}
	for _, c := range u.Children {
		tw.unit(c)
	}
}

func joinLabel(label, text string) string {
	if label == "" {
		return text
	}
	return label + " " + text
}

// signatures writes each party's column one after the other.
func (tw *writer) signatures(doc *model.Document, l *lang.Language) error {
	for _, p := range doc.Parties {
		if p.For == nil && p.Signatory == nil {
			continue
		}
		var lines []string
		for _, t := range []model.Text{p.For, p.Signatory, p.Office} {
			if t != nil {
				lines = append(lines, tw.str(t, "signature block of "+p.ID))
			}
		}
		tw.block(0, lines...)
		var sig []string
		for _, key := range doc.Signature.Lines {
			word, err := l.Word(key)
			if err != nil {
				return fmt.Errorf("signature line %q: %w", key, err)
			}
			sig = append(sig, word+": ______________________")
		}
		if len(sig) > 0 {
			tw.block(0, sig...)
		}
	}
	return nil
}
