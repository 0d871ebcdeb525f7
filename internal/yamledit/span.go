package yamledit

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// end returns the byte offset just past node n's text. flow tells whether
// n stands inside a flow collection (where a plain scalar ends at , ] }).
func (f *File) end(n *yaml.Node, flow bool) (int, error) {
	start := f.start(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return f.scalarEnd(n, start, flow)
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 || (start < len(f.src) && (f.src[start] == '{' || f.src[start] == '[')) {
			return f.flowEnd(start)
		}
		if len(n.Content) == 0 {
			return start, nil
		}
		return f.end(n.Content[len(n.Content)-1], false)
	case yaml.AliasNode:
		return start + 1 + len(n.Value), nil
	}
	return 0, fmt.Errorf("line %d: cannot find the end of this node", n.Line)
}

// flowEnd returns the offset past the bracket that closes the flow
// collection opening at start.
func (f *File) flowEnd(start int) (int, error) {
	depth := 0
	s := f.src
	for i := start; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case '"':
			e, err := quotedEnd(s, i)
			if err != nil {
				return 0, err
			}
			i = e - 1
		case '\'':
			e, err := singleEnd(s, i)
			if err != nil {
				return 0, err
			}
			i = e - 1
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				for i < len(s) && s[i] != '\n' {
					i++
				}
			}
		}
	}
	return 0, fmt.Errorf("unclosed flow collection at byte %d", start)
}

func quotedEnd(s []byte, start int) (int, error) {
	for i := start + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("unclosed double quote at byte %d", start)
}

func singleEnd(s []byte, start int) (int, error) {
	for i := start + 1; i < len(s); i++ {
		if s[i] == '\'' {
			if i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("unclosed single quote at byte %d", start)
}

func (f *File) scalarEnd(n *yaml.Node, start int, flow bool) (int, error) {
	s := f.src
	if start >= len(s) {
		return start, nil
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return quotedEnd(s, start)
	case n.Style&yaml.SingleQuotedStyle != 0:
		return singleEnd(s, start)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return f.blockScalarEnd(start), nil
	}
	if n.Tag == "!!null" && n.Value == "" {
		return start, nil
	}
	// A plain scalar on one line is its own text, up to a key's colon, a
	// comment, a flow indicator or the end of the line.
	if v := n.Value; start+len(v) <= len(s) && string(s[start:start+len(v)]) == v {
		if e := start + len(v); e == len(s) || strings.IndexByte(":,]} \t\r\n", s[e]) >= 0 {
			return e, nil
		}
	}
	// Else it runs over lines: try ends of growing length until the text
	// read equals the value yaml.v3 gave it.
	line := f.lineOf(start)
	first := f.plainLineEnd(start, f.lineEnd(line), flow)
	if strings.TrimRight(string(s[start:first]), " \t") == n.Value {
		return start + len(strings.TrimRight(string(s[start:first]), " \t")), nil
	}
	parts := []string{strings.TrimSpace(string(s[start:first]))}
	for l := line + 1; l < len(f.lines); l++ {
		e := f.plainLineEnd(f.lines[l], f.lineEnd(l), flow)
		parts = append(parts, strings.TrimSpace(string(s[f.lines[l]:e])))
		if foldPlain(parts) == n.Value {
			text := bytes.TrimRight(s[f.lines[l]:e], " \t")
			return f.lines[l] + len(text), nil
		}
		if len(foldPlain(parts)) > len(n.Value)+1 {
			break
		}
	}
	return 0, fmt.Errorf("line %d: cannot find the end of the plain scalar", n.Line)
}

// plainLineEnd returns where a plain scalar's text on one line stops: at a
// comment, or in flow context at , ] }.
func (f *File) plainLineEnd(from, to int, flow bool) int {
	s := f.src
	for i := from; i < to; i++ {
		switch s[i] {
		case '#':
			if i > from && (s[i-1] == ' ' || s[i-1] == '\t') {
				return i
			}
		case ',', ']', '}':
			if flow {
				return i
			}
		}
	}
	return to
}

// foldPlain joins the lines of a multi-line plain scalar as YAML folds
// them: a single break becomes a space, an empty line a newline.
func foldPlain(parts []string) string {
	var b strings.Builder
	pendingBreaks := 0
	for i, p := range parts {
		if p == "" {
			pendingBreaks++
			continue
		}
		if i > 0 && b.Len() > 0 {
			if pendingBreaks > 0 {
				b.WriteString(strings.Repeat("\n", pendingBreaks))
			} else {
				b.WriteByte(' ')
			}
		}
		pendingBreaks = 0
		b.WriteString(p)
	}
	return b.String()
}

// blockScalarEnd returns the end of the last non-empty content line of the
// literal or folded scalar whose indicator is at start.
func (f *File) blockScalarEnd(start int) int {
	line := f.lineOf(start)
	end := f.lineEnd(line)
	contentIndent := -1
	for l := line + 1; l < len(f.lines); l++ {
		if len(bytes.TrimSpace(f.lineText(l))) == 0 {
			continue
		}
		ind := f.indent(l)
		if contentIndent < 0 {
			contentIndent = ind
			if ind <= f.indent(line) && !f.lineStartsItem(line) {
				break
			}
		}
		if ind < contentIndent {
			break
		}
		end = f.lineEnd(l)
	}
	return end
}

// lineStartsItem reports whether line l begins with "- ", where a block
// scalar's content may sit at the dash's own indentation plus two.
func (f *File) lineStartsItem(l int) bool {
	t := bytes.TrimLeft(f.lineText(l), " ")
	return len(t) > 0 && t[0] == '-'
}

// blockIndentOf returns the indentation of block scalar content starting
// after the indicator at start, or -1 when it has no content lines.
func (f *File) blockIndentOf(start int) int {
	line := f.lineOf(start)
	for l := line + 1; l < len(f.lines); l++ {
		if len(bytes.TrimSpace(f.lineText(l))) != 0 {
			return f.indent(l)
		}
	}
	return -1
}
