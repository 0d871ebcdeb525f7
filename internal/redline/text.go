package redline

import (
	"fmt"
	"io"
	"strings"
)

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

// WriteSummary writes, for d, the blocks added, removed, changed and
// renumbered by address (with their numbers for units), the aligned
// clauses touched, and the check findings of either version.
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
			fmt.Fprintf(&b, "  added       %s%s\n", c.Address, paren(c.NewNumber))
		case Removed:
			fmt.Fprintf(&b, "  removed     %s%s\n", c.Address, paren(prefixed("was ", c.OldNumber)))
		case Changed:
			fmt.Fprintf(&b, "  changed     %s%s\n", c.Address, paren(c.NewNumber))
		case Renumbered:
			fmt.Fprintf(&b, "  renumbered  %s %s → %s\n", c.Address, c.OldNumber, c.NewNumber)
		}
		if c.Aligned && c.Kind != Renumbered {
			aligned = append(aligned, c.Address)
		}
	}
	if len(aligned) > 0 {
		fmt.Fprintf(&b, "  aligned clauses touched: %s\n", strings.Join(aligned, ", "))
	}
	for _, f := range d.Findings {
		fmt.Fprintf(&b, "  %s: %s\n", f.Version, f.Diagnostic)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// paren is " (s)", or "" for an empty s.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
