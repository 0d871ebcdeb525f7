package translate

import (
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/xliff"
)

// Inline code types of chancery's markup in XLIFF.
const (
	CTypeRef    = "x-chancery-ref"   // {ref:id|case}
	CTypeFill   = "x-chancery-fill"  // {fill:name}
	CTypeField  = "x-chancery-field" // {originals}, {languages|pre}
	CTypeItalic = "italic"           // *text*
	CTypeBold   = "bold"             // **text**
)

// toSegment turns a text as written in the YAML into XLIFF inline
// content: *emphasis* and **strong** become <g> pairs, {...} codes <ph>
// holding the code as written, escapes their character. Codes are
// numbered from 1 in order.
func toSegment(raw string) xliff.Segment {
	n := 0
	seg, _ := segmentUntil(raw, 0, "", &n)
	return seg
}

// segmentUntil reads raw from i up to closing ("" for the end) and returns
// the content and the offset after the closing delimiter. An unclosed
// delimiter is kept as text (load has refused such a text already).
func segmentUntil(raw string, i int, closing string, n *int) (xliff.Segment, int) {
	var seg xliff.Segment
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			seg = append(seg, xliff.Text(buf.String()))
			buf.Reset()
		}
	}
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw) && strings.IndexByte(`\*{}`, raw[i+1]) >= 0:
			buf.WriteByte(raw[i+1])
			i += 2
		case c == '*':
			delim := "*"
			if strings.HasPrefix(raw[i:], "**") && closing != "*" {
				delim = "**"
			}
			if delim == closing {
				flush()
				return seg, i + len(delim)
			}
			*n++
			code := &xliff.Code{Pair: true, ID: strconv.Itoa(*n), CType: CTypeItalic}
			if delim == "**" {
				code.CType = CTypeBold
			}
			children, end := segmentUntil(raw, i+len(delim), delim, n)
			if end < 0 {
				buf.WriteString(raw[i : i+len(delim)])
				i += len(delim)
				continue
			}
			flush()
			code.Children = children
			seg = append(seg, code)
			i = end
		case c == '{':
			end := strings.IndexByte(raw[i:], '}')
			if end < 0 {
				buf.WriteByte(c)
				i++
				continue
			}
			flush()
			*n++
			body := raw[i : i+end+1]
			seg = append(seg, &xliff.Code{ID: strconv.Itoa(*n), CType: codeType(body), Content: body})
			i += end + 1
		default:
			buf.WriteByte(c)
			i++
		}
	}
	if closing != "" {
		return nil, -1
	}
	flush()
	return seg, i
}

// codeType classifies a {...} code.
func codeType(body string) string {
	switch {
	case strings.HasPrefix(body, "{ref:"):
		return CTypeRef
	case strings.HasPrefix(body, "{fill:"):
		return CTypeFill
	}
	return CTypeField
}

// fromSegment writes XLIFF inline content back as chancery markup:
// the inverse of toSegment, escaping what the text would otherwise mean.
func fromSegment(seg xliff.Segment) string {
	var b strings.Builder
	for _, in := range seg {
		switch in := in.(type) {
		case xliff.Text:
			for _, r := range string(in) {
				if strings.ContainsRune(`\*{}`, r) {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
		case *xliff.Code:
			switch {
			case in.Pair && in.CType == CTypeBold:
				b.WriteString("**" + fromSegment(in.Children) + "**")
			case in.Pair:
				b.WriteString("*" + fromSegment(in.Children) + "*")
			default:
				b.WriteString(in.Content)
			}
		}
	}
	return b.String()
}

// codeKey is what a code must keep in a translation: a reference its ids
// (the case may change), a field its name, a placeholder and emphasis
// their kind.
func codeKey(c *xliff.Code) string {
	switch c.CType {
	case CTypeRef:
		ids, _, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(c.Content, "{ref:"), "}"), "|")
		return "ref:" + strings.ReplaceAll(ids, " ", "")
	case CTypeField:
		name, _, _ := strings.Cut(strings.Trim(c.Content, "{}"), "|")
		return "field:" + strings.TrimSpace(name)
	}
	return c.CType
}

// matchIDs numbers the codes of a translation after the source codes they
// stand for: the first unused source code with the same key lends its id;
// a code with none gets "new-N".
func matchIDs(source, target xliff.Segment) {
	used := map[string]bool{}
	src := source.Codes()
	extra := 0
	for _, c := range target.Codes() {
		c.ID = ""
		for _, s := range src {
			if !used[s.ID] && codeKey(s) == codeKey(c) {
				c.ID, used[s.ID] = s.ID, true
				break
			}
		}
		if c.ID == "" {
			extra++
			c.ID = "new-" + strconv.Itoa(extra)
		}
	}
}
