package text

import (
	"bufio"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/redline/marked"
)

// WriteRedline writes a redline as plain text: one paragraph per line,
// blank lines between them, items indented by depth as in the document,
// deletions as [-old words-] and insertions as {+new words+}. Labels are
// printed as they are: a unit added whole shows as its label and its
// text inserted.
func WriteRedline(w io.Writer, d *marked.Doc) error {
	bw := bufio.NewWriter(w)
	for i, p := range d.Paras {
		if i > 0 {
			bw.WriteByte('\n')
		}
		if p.Depth > 1 {
			bw.WriteString(strings.Repeat(" ", 4*(p.Depth-1)))
		}
		if p.Label != "" {
			bw.WriteString(p.Label)
			bw.WriteByte(' ')
		}
		for _, sp := range p.Spans {
			bw.WriteString(markedText(sp.Text, sp.Mark))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// markedText puts the marks of mk round s, white space at either end
// staying outside them.
func markedText(s string, mk marked.Mark) string {
	if mk == marked.Kept {
		return s
	}
	body := strings.TrimSpace(s)
	if body == "" {
		return s
	}
	i := strings.Index(s, body)
	open, close := "{+", "+}"
	if mk == marked.Deleted {
		open, close = "[-", "-]"
	}
	return s[:i] + open + body + close + s[i+len(body):]
}
