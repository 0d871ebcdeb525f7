package yamledit

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// renderScalar writes value as a scalar in style (falling back to double
// quotes when the style cannot hold it) for a place in flow or block
// context; indent is the indentation for the lines of a literal block.
func renderScalar(value string, style yaml.Style, flow bool, indent int) string {
	return renderTagged(value, "", style, flow, indent)
}

// renderTagged is renderScalar for a scalar of a given tag: a number, a
// boolean or a null is written plain.
func renderTagged(value, tag string, style yaml.Style, flow bool, indent int) string {
	if tag != "" && tag != "!!str" && style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return value
	}
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
	case style&yaml.SingleQuotedStyle != 0:
		if t := "'" + strings.ReplaceAll(value, "'", "''") + "'"; !strings.ContainsAny(value, "\n\r\t") && readsAs(t, value, flow) {
			return t
		}
	case style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		if t, ok := literal(value, indent); ok && !flow && readsAs(t, value, false) {
			return t
		}
	default:
		if value != "" && !strings.ContainsAny(value, "\n\r\t") && readsAs(value, value, flow) {
			return value
		}
	}
	return doubleQuote(value)
}

// readsAs reports whether text, placed as a mapping value, is read back as
// the string value.
func readsAs(text, value string, flow bool) bool {
	doc := "k: " + text + "\n"
	if flow {
		doc = "{k: " + text + "}\n"
	}
	if strings.HasPrefix(text, "|") {
		doc = "k: " + strings.ReplaceAll(text, "\n", "\n ") + "\n"
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil || len(n.Content) != 1 {
		return false
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	v := m.Content[1]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == value
}

func literal(value string, indent int) (string, bool) {
	if value == "" || strings.HasPrefix(value, " ") || strings.ContainsAny(value, "\r\t") {
		return "", false
	}
	chomp := "-"
	body := value
	if strings.HasSuffix(value, "\n") {
		chomp = ""
		body = strings.TrimSuffix(value, "\n")
		if strings.HasSuffix(body, "\n") || body == "" {
			return "", false
		}
	}
	var b strings.Builder
	b.WriteString("|" + chomp)
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(body, "\n") {
		b.WriteByte('\n')
		if l != "" {
			b.WriteString(pad + l)
		}
	}
	return b.String(), true
}

// doubleQuote writes value as a YAML double-quoted scalar, escaping only
// what must be escaped so that the text stays readable.
func doubleQuote(value string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range value {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError && !strings.HasPrefix(value[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02X`, value[i])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 || r == 0xfeff:
			if r <= 0xff {
				fmt.Fprintf(&b, `\x%02X`, r)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// inline renders n on one line: a scalar, or a collection in flow style.
func inline(n *yaml.Node) (string, error) {
	if n.Kind == yaml.ScalarNode {
		return renderTagged(n.Value, n.Tag, n.Style, true, 0), nil
	}
	c := *n
	c.Style |= yaml.FlowStyle
	lines, err := encode(&c)
	if err != nil {
		return "", err
	}
	if len(lines) != 1 {
		return "", fmt.Errorf("a flow collection rendered on %d lines", len(lines))
	}
	return lines[0], nil
}

// encode renders n as YAML lines (indentation 2, no line folding).
func encode(n *yaml.Node) ([]string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n"), nil
}

// isBlockCollection reports whether n renders over several lines.
func isBlockCollection(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0
}

// itemLines renders n as a block sequence item whose dash stands at column
// dash: "- first line", then the rest indented under it.
func itemLines(n *yaml.Node, dash int) ([]string, error) {
	var lines []string
	if isBlockCollection(n) {
		enc, err := encode(n)
		if err != nil {
			return nil, err
		}
		lines = enc
	} else {
		t, err := inline(n)
		if err != nil {
			return nil, err
		}
		lines = []string{t}
	}
	pad := strings.Repeat(" ", dash)
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = pad + "- " + l
		case l == "":
		default:
			lines[i] = pad + "  " + l
		}
	}
	return lines, nil
}

// valueLines renders n as the value of key at indentation indent:
// "key: value" on one line, or "key:" and the block lines below it.
func valueLines(key string, n *yaml.Node, indent int) ([]string, error) {
	pad := strings.Repeat(" ", indent)
	k := renderScalar(key, 0, false, 0)
	if !isBlockCollection(n) {
		var t string
		if n.Kind == yaml.ScalarNode {
			t = renderTagged(n.Value, n.Tag, n.Style, false, indent+2)
		} else {
			var err error
			if t, err = inline(n); err != nil {
				return nil, err
			}
		}
		return strings.Split(pad+k+": "+t, "\n"), nil
	}
	enc, err := encode(n)
	if err != nil {
		return nil, err
	}
	out := []string{pad + k + ":"}
	for _, l := range enc {
		if l == "" {
			out = append(out, "")
			continue
		}
		out = append(out, pad+"  "+l)
	}
	return out, nil
}
