package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// File is one YAML document held as its bytes and the node tree parsed
// from them. Every edit splices the bytes and parses them again.
type File struct {
	src   []byte
	root  *yaml.Node // the document's content node
	lines []int      // byte offset where each line starts
	nl    string     // the file's line ending
}

// Parse reads one YAML document. An empty document or a stream of several
// is refused: there is nothing, or too much, to address.
func Parse(src []byte) (*File, error) {
	f := &File{}
	if err := f.reset(bytes.Clone(src)); err != nil {
		return nil, err
	}
	return f, nil
}

// Bytes returns the current text of the file.
func (f *File) Bytes() []byte { return bytes.Clone(f.src) }

// Root returns the parsed content node of the document, for reading. It is
// replaced by every edit; do not keep it across one and do not modify it.
func (f *File) Root() *yaml.Node { return f.root }

// Lookup returns the node at path, for reading.
func (f *File) Lookup(path Path) (*yaml.Node, error) {
	n, _, _, _, err := lookup(f.root, path)
	return n, err
}

// Exists reports whether path addresses a node.
func (f *File) Exists(path Path) bool {
	_, err := f.Lookup(path)
	return err == nil
}

// FindID returns the path of the sequence item whose "id" is id, searching
// the whole document. An empty id finds nothing: items without an id
// (bullets) are found by their place.
func (f *File) FindID(id string) (Path, bool) {
	if id == "" {
		return nil, false
	}
	var walk func(n *yaml.Node, p Path) (Path, bool)
	walk = func(n *yaml.Node, p Path) (Path, bool) {
		switch n.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(n.Content); j += 2 {
				if got, ok := walk(n.Content[j+1], p.Append(Key(n.Content[j].Value))); ok {
					return got, true
				}
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				if idOf(item) == id {
					return p.Append(Index(i)), true
				}
				if got, ok := walk(item, p.Append(Index(i))); ok {
					return got, true
				}
			}
		}
		return nil, false
	}
	return walk(f.root, nil)
}

func (f *File) reset(src []byte) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return errors.New("parse: more than one YAML document")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return errors.New("parse: empty YAML document")
	}
	f.src, f.root = src, doc.Content[0]
	f.lines = f.lines[:0]
	f.lines = append(f.lines, 0)
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			f.lines = append(f.lines, i+1)
		}
	}
	f.nl = "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		f.nl = "\r\n"
	}
	return nil
}

// splice replaces src[from:to] with text and parses the result; on a parse
// error nothing changes.
func (f *File) splice(from, to int, text string) error {
	next := make([]byte, 0, len(f.src)-(to-from)+len(text))
	next = append(next, f.src[:from]...)
	next = append(next, text...)
	next = append(next, f.src[to:]...)
	old := f.src
	if err := f.reset(next); err != nil {
		if rerr := f.reset(old); rerr != nil {
			panic("yamledit: the original no longer parses: " + rerr.Error())
		}
		return fmt.Errorf("the edit would not give valid YAML (%v)", err)
	}
	return nil
}

// offset converts a yaml.v3 line and column (1-based, column in characters)
// into a byte offset.
func (f *File) offset(line, col int) int {
	if line < 1 || line > len(f.lines) {
		return len(f.src)
	}
	off := f.lines[line-1]
	for c := 1; c < col && off < len(f.src) && f.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	return off
}

func (f *File) start(n *yaml.Node) int { return f.offset(n.Line, n.Column) }

// lineOf returns the 0-based line holding byte offset off.
func (f *File) lineOf(off int) int {
	return sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
}

// lineEnd returns the offset of the end of line i (at its line break).
func (f *File) lineEnd(i int) int {
	end := len(f.src)
	if i+1 < len(f.lines) {
		end = f.lines[i+1] - 1
	} else if end > f.lines[i] && f.src[end-1] == '\n' {
		end--
	}
	if end > f.lines[i] && f.src[end-1] == '\r' {
		end--
	}
	return end
}

// afterLine returns the offset just past line i's line break.
func (f *File) afterLine(i int) int {
	if i+1 < len(f.lines) {
		return f.lines[i+1]
	}
	return len(f.src)
}

func (f *File) lineText(i int) []byte { return f.src[f.lines[i]:f.lineEnd(i)] }

// indent is the number of spaces starting line i.
func (f *File) indent(i int) int {
	t := f.lineText(i)
	n := 0
	for n < len(t) && t[n] == ' ' {
		n++
	}
	return n
}

func (f *File) blankOrComment(i int) bool {
	t := bytes.TrimLeft(f.lineText(i), " \t")
	return len(t) == 0 || t[0] == '#'
}

func (f *File) isComment(i int) bool {
	t := bytes.TrimLeft(f.lineText(i), " \t")
	return len(t) > 0 && t[0] == '#'
}

// column is the 0-based column, in bytes, of offset off in its line.
func (f *File) column(off int) int { return off - f.lines[f.lineOf(off)] }

func checkEditable(n *yaml.Node) error {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return errors.New("nodes with anchors or aliases are not edited")
	}
	return nil
}
