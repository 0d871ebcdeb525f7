package importer

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

// File is one file of the project Write lays out, relative to the
// document's directory.
type File struct {
	Name string
	Data []byte
}

// Markup writes inline runs as chancery markup: **strong**, *emphasis*,
// {ref:...}, with \ * { } escaped in plain text.
func Markup(runs []model.Inline) string {
	var b strings.Builder
	writeMarkup(&b, runs)
	return b.String()
}

func writeMarkup(b *strings.Builder, runs []model.Inline) {
	esc := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `{`, `\{`, `}`, `\}`)
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			b.WriteString(esc.Replace(r.Text))
		case *model.Strong:
			b.WriteString("**")
			writeMarkup(b, r.Runs)
			b.WriteString("**")
		case *model.Emphasis:
			b.WriteString("*")
			writeMarkup(b, r.Runs)
			b.WriteString("*")
		case *model.Ref:
			b.WriteString(refMarkup(r))
		case *model.Placeholder:
			b.WriteString("{fill:" + r.Name + "}")
		case *model.Footnote:
			b.WriteString("{fn:")
			writeMarkup(b, r.Runs)
			b.WriteString("}")
		case *model.Link:
			// A bare address links itself when loaded again.
			text := model.PlainText(r.Runs)
			if r.Target == text || r.Target == "mailto:"+text || r.Target == "https://"+text {
				writeMarkup(b, r.Runs)
			} else {
				b.WriteString("{link:" + r.Target + "|" + esc.Replace(text) + "}")
			}
		}
	}
}

func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}

func dq(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: s}
}

func mapping(pairs ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: pairs}
}

// TextNode writes a Text as the flow mapping the project's files use:
// {en: "..."}.
func TextNode(t model.Text) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, tag := range t.Langs() {
		m.Content = append(m.Content, scalar(tag), dq(Markup(t[tag].Runs)))
	}
	return m
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	if v != nil {
		m.Content = append(m.Content, scalar(key), v)
	}
}

func addText(m *yaml.Node, key string, t model.Text) {
	if t != nil {
		add(m, key, TextNode(t))
	}
}

// UnitNode writes a unit (not a section) as an item of paragraphs: or
// items:.
func UnitNode(u *model.Unit) *yaml.Node {
	m := mapping()
	if u.Bullet {
		if u.ID != "" {
			add(m, "id", scalar(u.ID))
		}
		addText(m, "text", u.Text)
		addChildren(m, "bullets", u)
		return m
	}
	add(m, "id", scalar(u.ID))
	if !u.Numbered {
		add(m, "numbered", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
	}
	if u.Insert != "" {
		add(m, "insert", scalar(u.Insert))
	}
	addText(m, "text", u.Text)
	if u.ChildScheme != "" {
		add(m, "items_scheme", scalar(u.ChildScheme))
	}
	addChildren(m, "items", u)
	return m
}

// addChildren writes the unit's children under key, or under bullets:
// when they are bullets; nothing when it has none.
func addChildren(m *yaml.Node, key string, u *model.Unit) {
	if len(u.Children) == 0 {
		return
	}
	if u.Children[0].Bullet {
		key = "bullets"
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range u.Children {
		seq.Content = append(seq.Content, UnitNode(c))
	}
	add(m, key, seq)
}

func encode(comment string, n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	for _, line := range strings.Split(comment, "\n") {
		buf.WriteString("# " + line + "\n")
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write lays the document out as the files of clauses/<id>/: document.yaml,
// preamble.yaml when there are recitals or a transition, and one part per
// section, NN-<section id>.yaml. source names the draft in the comments.
func Write(doc *model.Document, source string) ([]File, error) {
	var files []File
	var parts []string
	if len(doc.Recitals) > 0 || doc.Transition != nil {
		pre := mapping()
		if len(doc.Recitals) > 0 {
			seq := &yaml.Node{Kind: yaml.SequenceNode}
			for _, r := range doc.Recitals {
				m := mapping()
				add(m, "id", scalar(r.ID))
				addText(m, "lead", r.Lead)
				addText(m, "text", r.Text)
				seq.Content = append(seq.Content, m)
			}
			add(pre, "recitals", seq)
		}
		addText(pre, "transition", doc.Transition)
		data, err := encode("Preamble imported from "+source+": the recitals and the transition.", pre)
		if err != nil {
			return nil, err
		}
		files = append(files, File{"preamble.yaml", data})
		parts = append(parts, "preamble.yaml")
	}
	for i, s := range doc.Sections {
		m := mapping()
		add(m, "section", scalar(s.ID))
		addText(m, "heading", s.Heading)
		if s.ChildScheme != "" {
			add(m, "items_scheme", scalar(s.ChildScheme))
		}
		if len(s.Children) > 0 {
			addChildren(m, "paragraphs", s)
		} else {
			add(m, "paragraphs", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle})
		}
		name := fmt.Sprintf("%02d-%s.yaml", i+1, strings.ReplaceAll(s.ID, ".", "-"))
		data, err := encode(fmt.Sprintf("Section %d imported from %s.", i+1, source), m)
		if err != nil {
			return nil, err
		}
		files = append(files, File{name, data})
		parts = append(parts, name)
	}
	d := mapping()
	add(d, "id", scalar(doc.ID))
	add(d, "status", scalar(doc.Status))
	langs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range doc.Languages {
		langs.Content = append(langs.Content, scalar(l))
	}
	add(d, "languages", langs)
	if len(doc.Title) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, t := range doc.Title {
			seq.Content = append(seq.Content, TextNode(t))
		}
		add(d, "title", seq)
	}
	if len(doc.Fields) > 0 {
		add(d, "fields", fieldsNode(doc.Fields))
	}
	if len(doc.Parties) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range doc.Parties {
			m := mapping()
			add(m, "id", scalar(p.ID))
			addText(m, "name", p.Name)
			addText(m, "description", p.Description)
			addText(m, "for", p.For)
			addText(m, "signatory", p.Signatory)
			addText(m, "office", p.Office)
			seq.Content = append(seq.Content, m)
		}
		add(d, "parties", seq)
	}
	addText(d, "parties_intro", doc.PartiesIntro)
	addText(d, "parties_joiner", doc.PartiesJoiner)
	addText(d, "parties_outro", doc.PartiesOutro)
	if doc.Numbering.Levels != nil && !isDefault(doc.Numbering) {
		add(d, "numbering", numberingNode(doc.Numbering))
	}
	ps := &yaml.Node{Kind: yaml.SequenceNode}
	for _, p := range parts {
		ps.Content = append(ps.Content, scalar(p))
	}
	add(d, "parts", ps)
	addText(d, "closing", doc.Closing)
	if len(doc.Signature.Lines) > 0 {
		sl := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, l := range doc.Signature.Lines {
			sl.Content = append(sl.Content, scalar(l))
		}
		add(d, "signature", sl)
	}
	data, err := encode("Imported by chancery import from "+source+".\nIds were made from headings and first words: rename them freely, chancery check\nfinds every reference to fix.", d)
	if err != nil {
		return nil, err
	}
	return append([]File{{"document.yaml", data}}, files...), nil
}

// fieldsNode writes the labelled fields: a value of one line as a text,
// of several as a list of texts.
func fieldsNode(fields []*model.Field) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, f := range fields {
		m := mapping()
		addText(m, "label", f.Label)
		if len(f.Lines) == 1 {
			addText(m, "value", f.Lines[0])
		} else {
			lines := &yaml.Node{Kind: yaml.SequenceNode}
			for _, l := range f.Lines {
				lines.Content = append(lines.Content, TextNode(l))
			}
			add(m, "value", lines)
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func isDefault(n model.Numbering) bool {
	def := model.DefaultNumbering()
	if strings.Join(n.Levels, ",") != strings.Join(def.Levels, ",") || len(n.Schemes) != len(def.Schemes) {
		return false
	}
	if len(n.Bullets) > 0 && strings.Join(n.Bullets, "\x00") != strings.Join(def.Bullets, "\x00") {
		return false
	}
	for name, s := range n.Schemes {
		d := def.Schemes[name]
		if d == nil || d.Label != s.Label || d.Ref != s.Ref || d.Insert != s.Insert || d.Term != s.Term || d.ContainerTerm != s.ContainerTerm || len(s.Labels) > 0 {
			return false
		}
	}
	return true
}

func numberingNode(n model.Numbering) *yaml.Node {
	schemes := mapping()
	for _, name := range sortedNames(n.Schemes) {
		s := n.Schemes[name]
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		add(m, "label", dq(s.Label))
		if len(s.Labels) > 0 {
			labels := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			for _, tag := range slices.Sorted(maps.Keys(s.Labels)) {
				add(labels, tag, dq(s.Labels[tag]))
			}
			add(m, "labels", labels)
		}
		if s.Ref != "" {
			add(m, "ref", dq(s.Ref))
		}
		if s.Insert != "" {
			add(m, "insert", dq(s.Insert))
		}
		if s.Term != "" {
			add(m, "term", scalar(s.Term))
		}
		if s.ContainerTerm != "" {
			add(m, "container_term", scalar(s.ContainerTerm))
		}
		add(schemes, name, m)
	}
	levels := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range n.Levels {
		levels.Content = append(levels.Content, scalar(l))
	}
	out := mapping(scalar("schemes"), schemes, scalar("levels"), levels)
	if len(n.Bullets) > 0 && strings.Join(n.Bullets, "\x00") != strings.Join(model.DefaultBullets(), "\x00") {
		bullets := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, b := range n.Bullets {
			bullets.Content = append(bullets.Content, dq(b))
		}
		add(out, "bullets", bullets)
	}
	return out
}

func sortedNames(m map[string]*model.Scheme) []string {
	return slices.Sorted(maps.Keys(m))
}
