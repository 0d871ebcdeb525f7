package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/suggest"
	"github.com/chancery-dev/chancery/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds every YAML file read, so that a hostile input cannot
// exhaust memory.
const MaxFileSize = 8 << 20

// reader walks the yaml.Node tree of one file and reports what is wrong
// with it at file:line:col.
type reader struct {
	file  string
	diags *diag.List
}

func (r *reader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *reader) errorf(n *yaml.Node, code, format string, args ...any) *diag.Diagnostic {
	return r.diags.Errorf(r.pos(n), code, format, args...)
}

var yamlLine = lazyre.New(`^yaml: line (\d+): (.*)$`)

// parseFile reads and parses file from fsys into its root mapping node; it
// returns nil after reporting when the file cannot be used.
func parseFile(fsys fs.FS, file string, diags *diag.List) *yaml.Node {
	data, err := readLimited(fsys, file)
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "read", "cannot read file: %v", err).Hint = readHint(err)
		return nil
	}
	return parseBytes(file, data, diags)
}

// Why a file cannot be read, for readHint.
var (
	errNotRegular = errors.New("it is not a regular file")
	errTooLarge   = errors.New("it is larger than the limit")
)

// unreadable says why in words and is one of the errors above.
type unreadable struct {
	why  string
	kind error
}

func (u unreadable) Error() string { return u.why }
func (u unreadable) Unwrap() error { return u.kind }

func readLimited(fsys fs.FS, file string) ([]byte, error) {
	if err := checkReadable(fsys, file); err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(fsys, file)
	return data, unwrapPathError(err)
}

// checkReadable opens file to see that it is a regular file within the
// size limit that this process may read, without reading it.
func checkReadable(fsys fs.FS, file string) error {
	info, err := fs.Stat(fsys, file)
	if err != nil {
		return unwrapPathError(err)
	}
	switch {
	case info.IsDir():
		return unreadable{"it is a directory", errNotRegular}
	case !info.Mode().IsRegular():
		return unreadable{"it is " + fileKind(info.Mode()) + ", not a regular file", errNotRegular}
	case info.Size() > MaxFileSize:
		return unreadable{fmt.Sprintf("it is %d bytes, more than the limit of %d (8 MiB)", info.Size(), MaxFileSize), errTooLarge}
	}
	f, err := fsys.Open(file)
	if err != nil {
		return unwrapPathError(err)
	}
	return f.Close()
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// readHint says what to do about a file that cannot be read.
func readHint(err error) string {
	switch {
	case errors.Is(err, errNotRegular):
		return "clause files must be ordinary files; replace it with one"
	case errors.Is(err, errTooLarge):
		return "split the text over several part files"
	case errors.Is(err, fs.ErrPermission):
		return "make the file readable (chmod a+r)"
	}
	return ""
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func parseBytes(file string, data []byte, diags *diag.List) *yaml.Node {
	r := &reader{file: file, diags: diags}
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "encoding", "file is UTF-16, not UTF-8 (it starts with a UTF-16 byte order mark)").Hint = "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
		return nil
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, "encoding", "file is not valid UTF-8").Hint = "save the file as UTF-8"
		return nil
	}
	if i := strings.IndexByte(string(data), 0); i >= 0 {
		line, col := lineCol(data, i)
		diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, "encoding", "file contains a NUL byte").Hint = "remove it: no text contains one (a file full of them was saved as UTF-16; save it as UTF-8)"
		return nil
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		r.syntaxError(data, err)
		return nil
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		at := diag.Pos{File: file, Line: second.Line, Col: second.Column}
		if len(second.Content) > 0 {
			at = r.pos(second.Content[0])
		}
		d := diags.Errorf(at, "yaml-syntax", "file holds a second YAML document (after ---), which would be ignored")
		d.Hint = "one file is one part: move what follows --- into a file of its own and list it under parts:"
		return nil
	} else if !errors.Is(err, io.EOF) {
		r.syntaxError(data, err)
		return nil
	}
	if root.Kind == 0 || len(root.Content) == 0 || root.Content[0].Kind == yaml.ScalarNode && root.Content[0].Tag == "!!null" {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "empty", "file is empty").Hint = "write the document's fields, or remove the file"
		return nil
	}
	doc := root.Content[0]
	if alias := findAlias(doc); alias != nil {
		r.errorf(alias, "yaml-alias", "YAML aliases and anchors are not allowed in chancery's files").Hint = "write the text out in full"
		return nil
	}
	if tagged := findTag(doc); tagged != nil {
		d := r.errorf(tagged, "yaml-tag", "YAML tag %s is not allowed in chancery's files", tagged.Tag)
		d.Hint = "remove the tag and write the value as plain text; chancery reads only strings, numbers, lists and mappings"
		return nil
	}
	if doc.Kind != yaml.MappingNode {
		r.errorf(doc, "type", "expected a mapping of fields at the top of the file, found %s", kindName(doc))
		return nil
	}
	return doc
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// findTag finds the first node with an explicit tag (!!binary, !secret,
// even !!str): a tag changes what a value means, and chancery would print
// its text as if it were not there.
func findTag(n *yaml.Node) *yaml.Node {
	if n.Style&yaml.TaggedStyle != 0 {
		return n
	}
	for _, c := range n.Content {
		if t := findTag(c); t != nil {
			return t
		}
	}
	return nil
}

func (r *reader) syntaxError(data []byte, err error) {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLine().FindStringSubmatch(msg)
	if m == nil {
		r.diags.Errorf(diag.Pos{File: r.file, Line: 1, Col: 1}, "yaml-syntax", "%s", strings.TrimPrefix(msg, "yaml: "))
		return
	}
	line, _ := strconv.Atoi(m[1])
	line = yamlpos.ProblemLine(data, line)
	text := m[2]
	col := 1
	lines := strings.Split(string(data), "\n")
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		if i := strings.IndexByte(l, '\t'); i >= 0 && strings.TrimLeft(l[:i], " ") == "" {
			col = utf8.RuneCountInString(l[:i]) + 1
			text = "tab character in indentation"
			d := r.diags.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, "yaml-syntax", "%s", text)
			d.Hint = "indent with spaces; YAML does not allow tabs"
			return
		}
		col = yamlpos.Indent(data, line)
	}
	d := r.diags.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, "yaml-syntax", "%s", text)
	d.Hint = syntaxHint(text)
}

// syntaxHint says what usually causes a YAML parser message.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "end of stream"):
		return "a quoted string or a {...} / [...] is opened on or before this line and never closed"
	case strings.Contains(msg, "mapping values are not allowed"):
		return `a text containing ": " must be quoted: {en: "..."}`
	case strings.Contains(msg, "did not find expected"):
		return "check the indentation and the quotes and brackets of this line"
	case strings.Contains(msg, "cannot start any token"):
		return "quote the text; characters such as @ ` % cannot start a plain YAML value"
	}
	return "check the YAML syntax of this line"
}

func invalidUTF8At(data []byte) (int, int) {
	for i := 0; i < len(data); {
		rn, size := utf8.DecodeRune(data[i:])
		if rn == utf8.RuneError && size <= 1 {
			return lineCol(data, i)
		}
		i += size
	}
	return 1, 1
}

func lineCol(data []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "an alias"
}

// fields maps each key to the function reading its value.
type fields map[string]func(v *yaml.Node)

// mapping reads a mapping node: every key must be known to fs, none may
// repeat, and the keys in required must be present. It reports and returns
// false when n is not a mapping.
func (r *reader) mapping(n *yaml.Node, what string, fs fields, required ...string) bool {
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "type", "%s must be a mapping of fields, found %s", what, kindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			r.errorf(k, "duplicate-key", "field %q appears twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		fn, ok := fs[k.Value]
		if !ok {
			known := make([]string, 0, len(fs))
			for name := range fs {
				known = append(known, name)
			}
			slices.Sort(known)
			d := r.errorf(k, "unknown-field", "unknown field %q in %s", k.Value, what)
			if h := suggest.Hint(k.Value, known); h != "" {
				d.Hint = h
			} else {
				d.Hint = "known fields: " + strings.Join(known, ", ")
			}
			continue
		}
		fn(v)
	}
	for _, req := range required {
		if !seen[req] {
			r.errorf(n, "missing-field", "%s lacks the required field %q", what, req)
		}
	}
	return true
}

// str reads a scalar string.
func (r *reader) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.errorf(n, "type", "%s must be a string, found %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// boolean reads true or false.
func (r *reader) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	}
	r.errorf(n, "type", "%s must be true or false, found %s", what, kindName(n))
	return false, false
}

// list reads a sequence and calls fn for each element.
func (r *reader) list(n *yaml.Node, what string, fn func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "type", "%s must be a list, found %s", what, kindName(n))
		return
	}
	for _, c := range n.Content {
		fn(c)
	}
}

// strList reads a list of strings.
func (r *reader) strList(n *yaml.Node, what string) []string {
	var out []string
	r.list(n, what, func(c *yaml.Node) {
		if s, ok := r.str(c, what+" entry"); ok {
			out = append(out, s)
		}
	})
	return out
}

var idPattern = lazyre.New(`^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$`)

// id reads an identifier: lower-case words separated by dots and hyphens.
func (r *reader) id(n *yaml.Node, what string) (string, bool) {
	s, ok := r.str(n, what)
	if !ok {
		return "", false
	}
	if !idPattern().MatchString(s) {
		d := r.errorf(n, "bad-id", "%s %q is not a valid id", what, s)
		d.Hint = "use lower-case letters, digits, hyphens and dots, starting with a letter (e.g. areas.basis)"
		return "", false
	}
	return s, true
}
