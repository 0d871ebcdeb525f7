package note

import "strings"

// normalize joins the lines of a block into one line: runs of spaces,
// tabs and line breaks become one space (other spaces, such as no-break
// spaces, are kept), and the ends are trimmed.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs splits a block into paragraphs at blank lines; the lines of a
// paragraph are joined, so that a template may wrap its text.
func paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if p := normalize(strings.Join(cur, " ")); p != "" {
			out = append(out, p)
		}
		cur = nil
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Trim(line, " \t\r") == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// lines splits a block into its non-blank lines, each normalized.
func lines(s string) []string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if l := normalize(line); l != "" {
			out = append(out, l)
		}
	}
	return out
}
