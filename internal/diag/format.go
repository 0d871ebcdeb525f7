package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes one "path:line:col: severity: message [code]" line per
// diagnostic, with the hint indented on the next line when there is one.
func WriteText(w io.Writer, l List) error {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
		if d.Hint != "" {
			for line := range strings.SplitSeq(d.Hint, "\n") {
				b.WriteString("\t")
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// WriteJSON writes a stable JSON array of objects with the keys file, line,
// column, severity, code, message and hint; an empty list is "[]".
func WriteJSON(w io.Writer, l List) error {
	out := make([]jsonDiagnostic, 0, len(l))
	for _, d := range l {
		out = append(out, jsonDiagnostic{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Code, d.Message, d.Hint})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteGitHub writes GitHub Actions workflow commands
// ("::error file=F,line=L,col=C,title=CODE::message"), leaving out the
// file, line and column when they are unknown.
func WriteGitHub(w io.Writer, l List) error {
	var b strings.Builder
	for _, d := range l {
		var props []string
		if d.Pos.File != "" {
			props = append(props, "file="+ghProperty(d.Pos.File))
			if d.Pos.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
				if d.Pos.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
				}
			}
		}
		props = append(props, "title="+ghProperty(d.Code))
		fmt.Fprintf(&b, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), ghData(ghMessage(d)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ghMessage(d Diagnostic) string {
	if d.Hint == "" {
		return d.Message
	}
	return d.Message + "\n" + d.Hint
}

// ghData escapes a workflow command's message as the runner expects.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
