package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Fragment is a sequence item cut from a file: its lines, as written, with
// the comments directly above it, and its node for flow sequences.
type Fragment struct {
	lines []string // the dash at column 0
	node  *yaml.Node
}

// ID is the fragment's "id", or "" when it has none.
func (fr *Fragment) ID() string { return idOf(fr.node) }

// Insert puts n into the sequence at seqPath so that it becomes the item at
// index (len of the sequence to append). A block sequence gets n in block
// style (with the styles set on n's nodes), indented like its other items.
func (f *File) Insert(seqPath Path, index int, n *yaml.Node) error {
	lines, err := itemLines(n, 0)
	if err != nil {
		return err
	}
	return f.insertLines(seqPath, index, &Fragment{lines: lines, node: n})
}

// Cut removes the sequence item at path and returns it for Paste.
func (f *File) Cut(path Path) (*Fragment, error) {
	loc, err := locate(f.root, path)
	if err != nil {
		return nil, err
	}
	if loc.parent == nil || loc.parent.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s is not a sequence item", path)
	}
	fr := &Fragment{node: cloneNode(loc.node)}
	if loc.parent.Style&yaml.FlowStyle == 0 && !loc.flow {
		from, to, err := f.itemLines(loc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		dash := f.column(f.dashBefore(loc.node))
		text := strings.TrimSuffix(string(f.src[from:to]), "\n")
		text = strings.ReplaceAll(text, "\r\n", "\n")
		fr.lines = reindent(strings.Split(text, "\n"), -dash)
	} else {
		lines, err := itemLines(loc.node, 0)
		if err != nil {
			return nil, err
		}
		fr.lines = lines
	}
	if err := f.Delete(path); err != nil {
		return nil, err
	}
	return fr, nil
}

// Paste inserts a cut item into the sequence at seqPath at index.
func (f *File) Paste(seqPath Path, index int, fr *Fragment) error {
	return f.insertLines(seqPath, index, fr)
}

// Move moves the sequence item at from into the sequence at toSeq, where it
// becomes the item at index (counted after the item has left its place).
// Its lines and comments travel with it. On error nothing changes.
func (f *File) Move(from Path, toSeq Path, index int) error {
	saved := bytes.Clone(f.src)
	fr, err := f.Cut(from)
	if err == nil {
		err = f.Paste(toSeq, index, fr)
	}
	if err != nil {
		if rerr := f.reset(saved); rerr != nil {
			panic("yamledit: the original no longer parses: " + rerr.Error())
		}
		return err
	}
	return nil
}

func (f *File) insertLines(seqPath Path, index int, fr *Fragment) error {
	loc, err := locate(f.root, seqPath)
	if err != nil {
		return err
	}
	seq := loc.node
	if seq.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s is not a sequence", seqPath)
	}
	if index < 0 || index > len(seq.Content) {
		return fmt.Errorf("%s: index %d out of range 0..%d", seqPath, index, len(seq.Content))
	}
	before := len(seq.Content)
	if err := f.insertText(loc, seqPath, index, fr); err != nil {
		return fmt.Errorf("%s: %w", seqPath, err)
	}
	got, err := f.Lookup(seqPath)
	if err != nil || got.Kind != yaml.SequenceNode || len(got.Content) != before+1 || idOf(got.Content[index]) != idOf(fr.node) {
		return fmt.Errorf("%s: the insertion did not read back as made", seqPath)
	}
	return nil
}

func (f *File) insertText(loc located, seqPath Path, index int, fr *Fragment) error {
	seq := loc.node
	flow := seq.Style&yaml.FlowStyle != 0 || loc.flow
	if flow && len(seq.Content) == 0 && !loc.flow && loc.key != nil {
		// key: [] in block context becomes a block sequence under key.
		keyEnd, err := f.end(loc.key, false)
		if err != nil {
			return err
		}
		seqEnd, err := f.end(seq, false)
		if err != nil {
			return err
		}
		dash := f.column(f.start(loc.key)) + 2
		text := ":" + f.nl + strings.Join(reindent(fr.lines, dash), f.nl)
		return f.splice(keyEnd, seqEnd, text)
	}
	if flow {
		t, err := inline(fr.node)
		if err != nil {
			return err
		}
		switch {
		case index < len(seq.Content):
			at := f.start(seq.Content[index])
			return f.splice(at, at, t+", ")
		case len(seq.Content) > 0:
			at, err := f.end(seq.Content[len(seq.Content)-1], true)
			if err != nil {
				return err
			}
			return f.splice(at, at, ", "+t)
		default:
			at := f.start(seq) + 1
			return f.splice(at, at, t)
		}
	}
	if len(seq.Content) == 0 {
		return errors.New("an empty block sequence has nowhere to take an item")
	}
	d := f.dashBefore(seq.Content[0])
	if d < 0 {
		return errors.New("cannot find the dash of the first item")
	}
	lines := reindent(fr.lines, f.column(d))
	text := strings.Join(lines, f.nl) + f.nl
	if index < len(seq.Content) {
		from, _, err := f.itemLines(located{node: seq.Content[index], parent: seq, index: index})
		if err != nil {
			return err
		}
		return f.splice(from, from, text)
	}
	end, err := f.end(seq.Content[len(seq.Content)-1], false)
	if err != nil {
		return err
	}
	at := f.afterLine(f.lineOf(end))
	if at == len(f.src) && len(f.src) > 0 && f.src[len(f.src)-1] != '\n' {
		text = f.nl + text
	}
	return f.splice(at, at, text)
}

// reindent shifts every non-empty line by delta spaces.
func reindent(lines []string, delta int) []string {
	out := make([]string, len(lines))
	pad := strings.Repeat(" ", max(delta, 0))
	for i, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			out[i] = ""
		case delta >= 0:
			out[i] = pad + l
		default:
			cut := 0
			for cut < -delta && cut < len(l) && l[cut] == ' ' {
				cut++
			}
			out[i] = l[cut:]
		}
	}
	return out
}

func cloneNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = cloneNode(k)
	}
	return &c
}
