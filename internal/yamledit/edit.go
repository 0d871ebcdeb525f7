package yamledit

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SetString sets the scalar at path to value, keeping the scalar's quoting
// style when it can hold the value. When the last step of path is a key
// missing from an existing mapping, the key is added after the mapping's
// last entry, quoted like its neighbours.
func (f *File) SetString(path Path, value string) error {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value}
	return f.set(path, n, true)
}

// Set replaces the node at path by n (rendered in n's styles), or adds it
// under a key missing from an existing mapping.
func (f *File) Set(path Path, n *yaml.Node) error {
	return f.set(path, n, false)
}

func (f *File) set(path Path, n *yaml.Node, keepStyle bool) error {
	if len(path) == 0 {
		return errors.New("cannot replace the root node")
	}
	loc, err := locate(f.root, path)
	var missing *missingError
	switch {
	case errors.As(err, &missing) && len(missing.path) == len(path) && path[len(path)-1].kind == keyStep && loc.parent != nil && loc.parent.Kind == yaml.MappingNode:
		if keepStyle {
			n.Style = siblingStyle(loc.parent)
		}
		err = f.addKey(loc.parent, loc.flow, path[len(path)-1].key, n)
	case err != nil:
		return err
	case keepStyle && loc.node.Kind == yaml.ScalarNode && loc.node.Tag == "!!str" && loc.node.Value == n.Value:
		return nil // the same value: not a byte changes
	default:
		if err := checkEditable(loc.node); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if keepStyle {
			n.Style = loc.node.Style
		}
		err = f.replace(loc, n)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if n.Kind == yaml.ScalarNode {
		got, err := f.Lookup(path)
		if err != nil || got.Value != n.Value {
			return fmt.Errorf("%s: the edit did not read back as written", path)
		}
	}
	return nil
}

// siblingStyle is the quoting of a mapping's scalar values, so that a new
// translation is quoted like the others.
func siblingStyle(m *yaml.Node) yaml.Style {
	for j := 1; j < len(m.Content); j += 2 {
		if v := m.Content[j]; v.Kind == yaml.ScalarNode {
			return v.Style
		}
	}
	return 0
}

func (f *File) replace(loc located, n *yaml.Node) error {
	old := loc.node
	start := f.start(old)
	end, err := f.end(old, loc.flow)
	if err != nil {
		return err
	}
	if old.Kind != yaml.ScalarNode && old.Style&yaml.FlowStyle == 0 && len(old.Content) > 0 {
		return f.replaceBlock(loc, n)
	}
	var text string
	switch {
	case n.Kind == yaml.ScalarNode:
		indent := f.indent(f.lineOf(start)) + 2
		if old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			if ci := f.blockIndentOf(start); ci > 0 {
				indent = ci
			}
		}
		text = renderTagged(n.Value, n.Tag, n.Style, loc.flow, indent)
	case loc.flow || !isBlockCollection(n):
		if text, err = inline(n); err != nil {
			return err
		}
	default:
		return f.replaceWithBlock(loc, start, end, n)
	}
	return f.splice(start, end, text)
}

// replaceBlock replaces a block collection: the lines it occupies are
// rewritten, the key (when there is one) stays.
func (f *File) replaceBlock(loc located, n *yaml.Node) error {
	start := f.start(loc.node)
	end, err := f.end(loc.node, false)
	if err != nil {
		return err
	}
	return f.replaceWithBlock(loc, start, end, n)
}

func (f *File) replaceWithBlock(loc located, start, end int, n *yaml.Node) error {
	if loc.key == nil {
		return errors.New("only a mapping value can be replaced by a block collection")
	}
	keyStart := f.start(loc.key)
	indent := f.column(keyStart)
	lines, err := valueLines(loc.key.Value, n, indent)
	if err != nil {
		return err
	}
	// Rewrite from the key to the end of the old value; the key's own
	// text is rendered again, unchanged in value.
	keyEnd, err := f.end(loc.key, false)
	if err != nil {
		return err
	}
	keyText := string(f.src[keyStart:keyEnd])
	lines[0] = strings.Repeat(" ", indent) + keyText + strings.TrimPrefix(lines[0], strings.Repeat(" ", indent)+renderScalar(loc.key.Value, 0, false, 0))
	text := strings.Join(lines, f.nl)
	return f.splice(keyStart, end, strings.TrimLeft(text, " "))
}

func (f *File) addKey(m *yaml.Node, flow bool, key string, n *yaml.Node) error {
	if m.Style&yaml.FlowStyle != 0 || flow {
		start := f.start(m)
		end, err := f.end(m, flow)
		if err != nil {
			return err
		}
		val, err := inline(n)
		if err != nil {
			return err
		}
		entry := renderScalar(key, 0, true, 0) + ": " + val
		if n.Kind == yaml.ScalarNode {
			entry = renderScalar(key, 0, true, 0) + ": " + renderTagged(n.Value, n.Tag, n.Style, true, 0)
		}
		closing := end - 1
		before := closing
		for before > start+1 && (f.src[before-1] == ' ') {
			before--
		}
		if len(m.Content) == 0 {
			return f.splice(start+1, closing, entry)
		}
		return f.splice(before, before, ", "+entry)
	}
	if len(m.Content) == 0 {
		return errors.New("cannot add a key to an empty block mapping")
	}
	last := m.Content[len(m.Content)-1]
	end, err := f.end(last, false)
	if err != nil {
		return err
	}
	indent := f.column(f.start(m.Content[0]))
	lines, err := valueLines(key, n, indent)
	if err != nil {
		return err
	}
	at := f.afterLine(f.lineOf(end))
	text := strings.Join(lines, f.nl) + f.nl
	if at == len(f.src) && (len(f.src) == 0 || f.src[len(f.src)-1] != '\n') {
		text = f.nl + text
	}
	return f.splice(at, at, text)
}

// Delete removes the node at path: a mapping entry (key and value) or a
// sequence item, with the comment lines written directly above it.
func (f *File) Delete(path Path) error {
	if len(path) == 0 {
		return errors.New("cannot delete the root node")
	}
	loc, err := locate(f.root, path)
	if err != nil {
		return err
	}
	if err := checkEditable(loc.node); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	before := len(loc.parent.Content)
	parentPath := concrete(f.root, path.Parent())
	if loc.parent.Style&yaml.FlowStyle == 0 && !loc.flow && (before == 1 || loc.parent.Kind == yaml.MappingNode && before == 2) {
		// The last entry of a block collection: it becomes [] or {}.
		empty := &yaml.Node{Kind: loc.parent.Kind, Style: yaml.FlowStyle}
		if len(path) < 2 {
			return errors.New("cannot empty the root collection")
		}
		return f.Set(path.Parent(), empty)
	}
	from, to, text, err := f.deleteSpan(loc)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.splice(from, to, text); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	parent, err := f.Lookup(parentPath)
	if err != nil || parent.Kind != loc.parent.Kind || len(parent.Content) >= before {
		return fmt.Errorf("%s: the deletion did not read back as made", path)
	}
	return nil
}

// deleteSpan returns the bytes to replace, and by what, to delete loc.
func (f *File) deleteSpan(loc located) (from, to int, text string, err error) {
	p := loc.parent
	if p.Style&yaml.FlowStyle != 0 || loc.flow {
		return f.flowDeleteSpan(loc)
	}
	return f.itemLinesOrInline(loc)
}

// itemLinesOrInline returns the span of an entry of a block collection. An
// entry that shares its line with a dash ("- id: x", the first key of an
// item) is removed up to the next entry, which takes its place after the
// dash.
func (f *File) itemLinesOrInline(loc located) (int, int, string, error) {
	p := loc.parent
	first := loc.node
	if loc.key != nil {
		first = loc.key
	}
	if p.Kind == yaml.MappingNode && loc.index == 0 && f.dashBefore(first) >= 0 {
		next := p.Content[2]
		return f.start(first), f.start(next), "", nil
	}
	from, to, err := f.itemLines(loc)
	return from, to, "", err
}

// dashBefore returns the offset of the "- " that n follows on its line, or
// -1 when n begins its line.
func (f *File) dashBefore(n *yaml.Node) int {
	start := f.start(n)
	ls := f.lines[f.lineOf(start)]
	i := start - 1
	for i >= ls && f.src[i] == ' ' {
		i--
	}
	if i >= ls && f.src[i] == '-' {
		return i
	}
	return -1
}

// startOfEntry is where an entry begins on its line: at its dash for a
// sequence item, at its key for a mapping entry.
func (f *File) startOfEntry(n *yaml.Node) int {
	if d := f.dashBefore(n); d >= 0 {
		return d
	}
	return f.start(n)
}

// itemLines returns the whole lines of the block entry at loc, from the
// comment lines directly above it to its last line's break.
func (f *File) itemLines(loc located) (int, int, error) {
	first := loc.node
	if loc.key != nil {
		first = loc.key
	}
	begin := f.startOfEntry(first)
	if loc.parent.Kind == yaml.SequenceNode && f.dashBefore(first) < 0 {
		return 0, 0, errors.New("cannot find the dash of this item")
	}
	line := f.lineOf(begin)
	if f.indent(line) != f.column(begin) {
		return 0, 0, errors.New("the entry shares its line with another; not edited")
	}
	for line > 0 && f.isComment(line-1) && f.indent(line-1) == f.column(begin) {
		line--
	}
	end, err := f.end(loc.node, false)
	if err != nil {
		return 0, 0, err
	}
	return f.lines[line], f.afterLine(f.lineOf(end)), nil
}

func (f *File) flowDeleteSpan(loc located) (int, int, string, error) {
	p := loc.parent
	first := loc.node
	if loc.key != nil {
		first = loc.key
	}
	start := f.start(first)
	end, err := f.end(loc.node, true)
	if err != nil {
		return 0, 0, "", err
	}
	step := 1
	if p.Kind == yaml.MappingNode {
		step = 2
	}
	i := loc.index * step
	if i+step < len(p.Content) {
		return start, f.start(p.Content[i+step]), "", nil
	}
	if i == 0 {
		return start, end, "", nil
	}
	prevEnd, err := f.end(p.Content[i-1], true)
	if err != nil {
		return 0, 0, "", err
	}
	return prevEnd, end, "", nil
}
