package yamledit

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Step is one step of a Path: a mapping key, a sequence index, or the
// sequence item whose "id" key has a given value.
type Step struct {
	key   string
	index int
	id    string
	kind  stepKind
}

type stepKind int

const (
	keyStep stepKind = iota
	indexStep
	idStep
)

// Key selects the value of a mapping key.
func Key(k string) Step { return Step{key: k, kind: keyStep} }

// Index selects the i-th item (from 0) of a sequence.
func Index(i int) Step { return Step{index: i, kind: indexStep} }

// ID selects the item of a sequence that is a mapping whose "id" is id.
func ID(id string) Step { return Step{id: id, kind: idStep} }

// Path addresses a node from the document's root.
type Path []Step

// String renders the path as key.key[2][id=x] for messages.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		switch s.kind {
		case keyStep:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
		case indexStep:
			fmt.Fprintf(&b, "[%d]", s.index)
		case idStep:
			fmt.Fprintf(&b, "[id=%s]", s.id)
		}
	}
	if b.Len() == 0 {
		return "(root)"
	}
	return b.String()
}

// Parent is the path without its last step.
func (p Path) Parent() Path { return p[: len(p)-1 : len(p)-1] }

// Append returns p followed by steps, without sharing p's storage.
func (p Path) Append(steps ...Step) Path {
	out := make(Path, 0, len(p)+len(steps))
	return append(append(out, p...), steps...)
}

// ParsePath reads the form String writes: keys separated by dots, [N] for
// an index and [id=X] for an item by id (X may contain dots).
func ParsePath(s string) (Path, error) {
	var p Path
	for len(s) > 0 {
		switch {
		case s[0] == '.':
			s = s[1:]
		case s[0] == '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return nil, fmt.Errorf("path %q: unclosed [", s)
			}
			inner := s[1:end]
			s = s[end+1:]
			if id, ok := strings.CutPrefix(inner, "id="); ok {
				p = append(p, ID(id))
				continue
			}
			n, err := strconv.Atoi(inner)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("path: [%s] is neither an index nor id=", inner)
			}
			p = append(p, Index(n))
		default:
			end := strings.IndexAny(s, ".[")
			if end < 0 {
				end = len(s)
			}
			p = append(p, Key(s[:end]))
			s = s[end:]
		}
	}
	return p, nil
}

// lookup follows path from root (a document's content node). It returns the
// node, its parent and, for a mapping key, the key node.
func lookup(root *yaml.Node, path Path) (node, parent, key *yaml.Node, index int, err error) {
	l, err := locate(root, path)
	return l.node, l.parent, l.key, l.index, err
}

// located is where a path leads: the node, its parent, the key node when
// the parent is a mapping, the index among the parent's entries, and
// whether the parent or an ancestor is a flow collection.
type located struct {
	node, parent, key *yaml.Node
	index             int
	flow              bool
}

func locate(root *yaml.Node, path Path) (located, error) {
	node, parent, key, index, flow, err := walkPath(root, path)
	return located{node, parent, key, index, flow}, err
}

func walkPath(root *yaml.Node, path Path) (node, parent, key *yaml.Node, index int, flow bool, err error) {
	node = root
	for i, s := range path {
		if parent != nil && parent.Style&yaml.FlowStyle != 0 {
			flow = true
		}
		if node.Style&yaml.FlowStyle != 0 {
			flow = true
		}
		parent, key, index = node, nil, -1
		switch s.kind {
		case keyStep:
			if node.Kind != yaml.MappingNode {
				return nil, nil, nil, 0, flow, fmt.Errorf("%s is not a mapping", path[:i])
			}
			next := -1
			for j := 0; j+1 < len(node.Content); j += 2 {
				if node.Content[j].Value == s.key {
					next = j
				}
			}
			if next < 0 {
				return nil, parent, nil, 0, flow, &missingError{path: path[:i+1]}
			}
			key, index, node = node.Content[next], next/2, node.Content[next+1]
		case indexStep:
			if node.Kind != yaml.SequenceNode {
				return nil, nil, nil, 0, flow, fmt.Errorf("%s is not a sequence", path[:i])
			}
			if s.index >= len(node.Content) {
				return nil, parent, nil, 0, flow, &missingError{path: path[:i+1]}
			}
			index, node = s.index, node.Content[s.index]
		case idStep:
			if node.Kind != yaml.SequenceNode {
				return nil, nil, nil, 0, flow, fmt.Errorf("%s is not a sequence", path[:i])
			}
			found := -1
			for j, item := range node.Content {
				if idOf(item) == s.id {
					found = j
					break
				}
			}
			if found < 0 {
				return nil, parent, nil, 0, flow, &missingError{path: path[:i+1]}
			}
			index, node = found, node.Content[found]
		}
	}
	return node, parent, key, index, flow, nil
}

type missingError struct{ path Path }

func (e *missingError) Error() string { return fmt.Sprintf("%s: no such node", e.path) }

func idOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == "id" && n.Content[j+1].Kind == yaml.ScalarNode {
			return n.Content[j+1].Value
		}
	}
	return ""
}

// concrete returns path with every [id=X] step replaced by the index it
// selects now, so that it still leads to the same place after an edit that
// changes ids.
func concrete(root *yaml.Node, path Path) Path {
	out := make(Path, len(path))
	for i, s := range path {
		out[i] = s
		if s.kind == idStep {
			if l, err := locate(root, path[:i+1]); err == nil {
				out[i] = Index(l.index)
			}
		}
	}
	return out
}
