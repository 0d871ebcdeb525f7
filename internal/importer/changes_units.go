package importer

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
	"go.yaml.in/yaml/v3"
)

// unitRef names a unit by id with what inserting after it needs.
type unitRef struct {
	id       string
	file     string
	depth    int
	numbered bool
	section  bool
}

func (c *changer) anchor(prev *target, prevNew *unitRef) (*unitRef, error) {
	if prevNew != nil {
		return prevNew, nil
	}
	if prev == nil || prev.unit == nil {
		return nil, fmt.Errorf("it stands outside the numbered units (before the first section); chancery takes in new paragraphs among the units only — add it by hand")
	}
	u := prev.unit
	return &unitRef{id: u.ID, file: u.Pos.File, depth: u.Depth, numbered: u.Numbered, section: u.Depth == 0}, nil
}

// place returns the sequence and index where a unit goes after anchor: as
// the first paragraph of a section, or as the anchor's next sibling.
func (c *changer) place(a *unitRef) (*yamledit.File, yamledit.Path, int, error) {
	f, err := c.file(a.file)
	if err != nil {
		return nil, nil, 0, err
	}
	if a.section {
		return f, yamledit.Path{yamledit.Key("paragraphs")}, 0, nil
	}
	if a.id == "" {
		return nil, nil, 0, fmt.Errorf("a paragraph goes beside a bullet without an id: add it to %s by hand", a.file)
	}
	p, ok := f.FindID(a.id)
	if !ok {
		return nil, nil, 0, fmt.Errorf("unit %s is not in %s any more", a.id, a.file)
	}
	idx, err := indexOf(f, p)
	if err != nil {
		return nil, nil, 0, err
	}
	return f, p.Parent(), idx + 1, nil
}

// indexOf is the index of the sequence item at p.
func indexOf(f *yamledit.File, p yamledit.Path) (int, error) {
	seq, err := f.Lookup(p.Parent())
	if err != nil {
		return 0, err
	}
	item, err := f.Lookup(p)
	if err != nil {
		return 0, err
	}
	for i, n := range seq.Content {
		if n == item {
			return i, nil
		}
	}
	return 0, fmt.Errorf("cannot find the item %s", p)
}

// insertUnit writes a paragraph the counterpart inserted as a new unit
// after the anchor; a number typed with bis, ter ... makes it an insert.
func (c *changer) insertUnit(p *docxread.Paragraph, text string, prev *target, prevNew *unitRef) (*unitRef, error) {
	a, err := c.anchor(prev, prevNew)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\t", " "))
	insert := ""
	if lab, rest, ok := parseLabel(text, true); ok {
		text, insert = rest, lab.insert
	}
	f, seq, idx, err := c.place(a)
	if err != nil {
		return nil, err
	}
	depth := a.depth
	parentID := a.id[:max(0, strings.LastIndexByte(a.id, '.'))]
	if a.section {
		depth, parentID = 1, a.id
	}
	id := c.newID(parentID, text)
	u := &model.Unit{ID: id, Depth: depth, Numbered: a.numbered || a.section, Insert: insert, Inserted: insert != "", Text: model.Text{}}
	for _, tag := range c.doc.Languages {
		t := text
		if tag != c.tag {
			t = "[" + text + "]"
		}
		u.Text[tag] = &model.Localized{Runs: []model.Inline{&model.Plain{Text: t}}}
	}
	// The new unit's own words, with the references typed in them.
	raw := c.markup(text, nil, c.where(p))
	node := UnitNode(u)
	setText(node, c.tag, raw)
	if err := f.Insert(seq, idx, node); err != nil {
		return nil, err
	}
	what := "inserted paragraph " + quoteShort(text)
	if insert != "" {
		what += " (insert: " + insert + ")"
	}
	if len(c.doc.Languages) > 1 {
		what += "; its other languages are the same words in [brackets], to translate"
	}
	c.report.Applied = append(c.report.Applied, Note{Where: c.where(p), What: what, Why: "new unit " + id + " after " + a.id})
	return &unitRef{id: id, file: a.file, depth: depth, numbered: u.Numbered}, nil
}

func (c *changer) newID(parent, text string) string {
	base := slug(text, 2)
	if base == "" {
		base = "new"
	}
	for n := 2; n <= 5; n++ {
		id := parent + "." + base
		if !c.ids[id] {
			c.ids[id] = true
			return id
		}
		base = slug(text, n+1)
	}
	for k := 2; ; k++ {
		id := fmt.Sprintf("%s.%s-%d", parent, slug(text, 2), k)
		if !c.ids[id] {
			c.ids[id] = true
			return id
		}
	}
}

// deleteTarget removes the unit a deleted paragraph printed.
func (c *changer) deleteTarget(p *docxread.Paragraph, t *target) error {
	if t.unit == nil {
		return fmt.Errorf("%s is not a unit; delete its text by hand", t.what)
	}
	for a := t.unit.Parent; a != nil; a = a.Parent {
		if c.deleted(a.ID) {
			return nil // gone with its parent
		}
	}
	f, err := c.file(t.file)
	if err != nil {
		return err
	}
	if t.unit.Depth == 0 {
		return fmt.Errorf("a whole section is deleted: remove %s from parts: by hand", t.file)
	}
	if t.unit.ID == "" {
		// Found by its place, a bullet would move the places of the
		// bullets after it, which other changes may address.
		return fmt.Errorf("a bullet without an id is deleted: remove it from %s by hand", t.file)
	}
	path, ok := f.FindID(t.unit.ID)
	if !ok {
		return fmt.Errorf("unit %s is not in %s any more", t.unit.ID, t.file)
	}
	if err := f.Delete(path); err != nil {
		return err
	}
	c.gone = append(c.gone, t.unit.ID)
	c.report.Applied = append(c.report.Applied, Note{Where: c.where(p), What: "deleted paragraph " + quoteShort(t.printed), Why: "unit " + t.unit.ID + " removed"})
	return nil
}

func (c *changer) deleted(id string) bool {
	for _, g := range c.gone {
		if g == id {
			return true
		}
	}
	return false
}

// move takes a unit from where the counterpart moved it from to after the
// anchor it was moved to.
func (c *changer) move(p *docxread.Paragraph, prev *target, prevNew *unitRef, from []*target) error {
	text, _ := paraText(p, docxread.Change.New)
	text, _ = strip(p, text, nil)
	var src *target
	for _, t := range from {
		if t.printed == norm(text) && t.unit != nil {
			src = t
		}
	}
	if src == nil {
		return fmt.Errorf("no moved-away paragraph reads like it")
	}
	a, err := c.anchor(prev, prevNew)
	if err != nil {
		return err
	}
	sf, err := c.file(src.file)
	if err != nil {
		return err
	}
	if src.unit.ID == "" {
		return fmt.Errorf("a bullet without an id is moved: move it in %s by hand", src.file)
	}
	path, ok := sf.FindID(src.unit.ID)
	if !ok {
		return fmt.Errorf("unit %s is not in %s any more", src.unit.ID, src.file)
	}
	fr, err := sf.Cut(path)
	if err != nil {
		return err
	}
	df, seq, idx, err := c.place(a)
	if err == nil {
		err = df.Paste(seq, idx, fr)
	}
	if err != nil {
		return err
	}
	c.report.Applied = append(c.report.Applied, Note{Where: c.where(p), What: "moved paragraph " + quoteShort(src.printed), Why: "unit " + src.unit.ID + " now after " + a.id})
	return nil
}

// setText puts raw markup as the tag text of a unit node.
func setText(unit *yaml.Node, tag, raw string) {
	for i := 0; i+1 < len(unit.Content); i += 2 {
		if unit.Content[i].Value != "text" {
			continue
		}
		m := unit.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == tag {
				m.Content[j+1].Value = raw
			}
		}
	}
}
