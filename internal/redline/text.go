package redline

import (
	"fmt"
	"io"
	"strings"
)

// WriteText writes the redline of d as plain text: one paragraph per block,
// deletions as [-old words-] and insertions as {+new words+}.
func WriteText(w io.Writer, d *Document) error {
	var b strings.Builder
	for i, blk := range d.Blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		if blk.Depth > 1 {
			b.WriteString(strings.Repeat(" ", 4*(blk.Depth-1)))
		}
		if blk.Label != "" {
			b.WriteString(blk.Label)
			b.WriteByte(' ')
		}
		b.WriteString(MarkedText(blk.Ops))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MarkedText renders ops with [-deleted-] and {+inserted+} marks.
func MarkedText(ops []Op) string {
	var b strings.Builder
	for i, op := range ops {
		if i > 0 && len(op.Tokens) > 0 && op.Tokens[0].Space {
			b.WriteByte(' ')
		}
		words := JoinTokens(op.Tokens)
		switch op.Kind {
		case Delete:
			words = "[-" + words + "-]"
		case Insert:
			words = "{+" + words + "+}"
		}
		b.WriteString(words)
	}
	return b.String()
}

// JoinTokens writes tokens back as text, with the white space they had.
func JoinTokens(ts []Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.Space {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// WriteSummary writes, for d, the ids added, removed, changed and
// renumbered, and the aligned clauses touched.
func WriteSummary(w io.Writer, d *Document) error {
	var b strings.Builder
	count := func(k ChangeKind) int {
		n := 0
		for _, c := range d.Changes {
			if c.Kind == k {
				n++
			}
		}
		return n
	}
	fmt.Fprintf(&b, "%s (%s): %d added, %d removed, %d changed, %d renumbered\n", d.ID, d.Lang, count(Added), count(Removed), count(Changed), count(Renumbered))
	var aligned []string
	for _, c := range d.Changes {
		switch c.Kind {
		case Added:
			fmt.Fprintf(&b, "  added       %s (%s)\n", c.ID, c.NewNumber)
		case Removed:
			fmt.Fprintf(&b, "  removed     %s (was %s)\n", c.ID, c.OldNumber)
		case Changed:
			fmt.Fprintf(&b, "  changed     %s (%s)\n", c.ID, c.NewNumber)
		case Renumbered:
			fmt.Fprintf(&b, "  renumbered  %s %s → %s\n", c.ID, c.OldNumber, c.NewNumber)
		}
		if c.Aligned && c.Kind != Renumbered {
			aligned = append(aligned, c.ID)
		}
	}
	if len(aligned) > 0 {
		fmt.Fprintf(&b, "  aligned clauses touched: %s\n", strings.Join(aligned, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
