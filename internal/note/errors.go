package note

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// text/template reports "template: NAME:LINE:COL: ..." when executing and
// "template: NAME:LINE: ..." when parsing; COL is a 0-based byte offset.
// The message may run over several lines (a function's error quoting a
// value), hence (?s).
var (
	tmplLoc    = lazyre.New(`(?s)^template: ([^:]*):(\d+):(?:(\d+):)? (.*)$`)
	tmplExec   = lazyre.New(`(?s)^executing "[^"]*" at <(.*?)>: (.*)$`)
	tmplNoKey  = lazyre.New(`^map has no entry for key "(.*)"$`)
	tmplField  = lazyre.New(`^can't evaluate field (\S+) in type (.*)$`)
	tmplQuoted = lazyre.New(`"([^"]+)"`)
)

// report turns a text/template error into a diagnostic at the file, line
// and column of the template (or the note YAML string) it comes from. dot
// is the data the template ran with, for "did you mean" hints.
func (ss sources) report(err error, dot map[string]any, diags *diag.List) {
	msg := err.Error()
	m := tmplLoc().FindStringSubmatch(msg)
	if m == nil || ss[m[1]] == nil {
		diags.Errorf(diag.Pos{}, "template", "%s", strings.TrimPrefix(msg, "template: "))
		return
	}
	src := ss[m[1]]
	line, _ := strconv.Atoi(m[2])
	rest := m[4]
	if m[3] == "" {
		ss.parseError(src, line, rest, diags)
		return
	}
	col, _ := strconv.Atoi(m[3])
	off := src.offset(line, col)
	context, detail := "", rest
	if e := tmplExec().FindStringSubmatch(rest); e != nil {
		context, detail = e[1], e[2]
	}
	var fe *funcError
	if errors.As(err, &fe) {
		d := diags.Errorf(src.at(off), fe.code, "%s", fe.msg)
		d.Hint = fe.hint
		return
	}
	key := ""
	if k := tmplNoKey().FindStringSubmatch(detail); k != nil {
		key = k[1]
	} else if k := tmplField().FindStringSubmatch(detail); k != nil {
		key = k[1]
	}
	if key == "" {
		diags.Errorf(src.at(off), "template", "%s", detail)
		return
	}
	// The error points at the last field of a chain; point at the
	// unknown one.
	if start := max(0, off-len(context)); context != "" {
		if i := strings.Index(src.text[start:], context); i >= 0 {
			if j := strings.Index(context, "."+key); j >= 0 {
				off = start + i + j
			}
		}
	}
	d := diags.Errorf(src.at(off), "template-key", "unknown key %q in {{%s}}", key, context)
	if keys := keysAt(dot, context, key); len(keys) > 0 {
		if h := suggest.Hint(key, keys); h != "" {
			d.Hint = h
		} else {
			d.Hint = "keys here: " + strings.Join(keys, ", ")
		}
	}
}

// parseError reports a syntax error, which text/template gives with a line
// but no column: the column is that of a quoted name of the message found
// on the line, or of the line's first action.
func (ss sources) parseError(src *source, line int, msg string, diags *diag.List) {
	start, text := src.lineText(line)
	col := strings.Index(text, "{{")
	if q := tmplQuoted().FindStringSubmatch(msg); q != nil {
		if i := strings.Index(text, q[1]); i >= 0 {
			col = i
		}
	}
	d := diags.Errorf(src.at(start+max(col, 0)), "template-syntax", "%s", msg)
	d.Hint = "see the text/template syntax; note templates may call " + strings.Join(FuncNames(), ", ")
}

// keysAt lists the keys of the map reached by following context's fields
// up to key: for ".Issuer.Nam" and "Nam", the keys of .Issuer.
func keysAt(dot map[string]any, context, key string) []string {
	context = strings.TrimPrefix(context, "$")
	if !strings.HasPrefix(context, ".") || dot == nil {
		return nil
	}
	cur := dot
	for f := range strings.SplitSeq(context[1:], ".") {
		if f == key {
			break
		}
		next, ok := cur[f].(map[string]any)
		if !ok {
			return nil
		}
		cur = next
	}
	keys := make([]string, 0, len(cur))
	for k := range cur {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
