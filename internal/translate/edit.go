package translate

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
	"go.yaml.in/yaml/v3"
)

// Edited is a YAML file with its new content.
type Edited struct {
	Name string // project-relative, slash-separated
	Data []byte
}

// editor edits the project's YAML files in memory.
type editor struct {
	fsys  fs.FS
	files map[string]*yamledit.File
	orig  map[string][]byte
}

func newEditor(fsys fs.FS) *editor {
	return &editor{fsys: fsys, files: map[string]*yamledit.File{}, orig: map[string][]byte{}}
}

func (ed *editor) file(name string) (*yamledit.File, error) {
	if f := ed.files[name]; f != nil {
		return f, nil
	}
	data, err := fs.ReadFile(ed.fsys, name)
	if err != nil {
		return nil, err
	}
	f, err := yamledit.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ed.files[name], ed.orig[name] = f, data
	return f, nil
}

// setText writes the text of entry e in lang.
func (ed *editor) setText(e Entry, lang, text string) error {
	f, err := ed.file(e.File)
	if err != nil {
		return err
	}
	if err := f.SetString(e.Path.Append(yamledit.Key(lang)), text); err != nil {
		return fmt.Errorf("%s: %w", e.File, err)
	}
	return nil
}

// setMark records in the unit of e that its lang text translates the base
// text with fingerprint fp: the one line "ru: fp" under translated:, or a
// new line "translated: {ru: fp}" when the unit has none.
func (ed *editor) setMark(e Entry, lang, fp string) error {
	f, err := ed.file(e.File)
	if err != nil {
		return err
	}
	tp := e.unitPath().Append(yamledit.Key("translated"))
	if f.Exists(tp) {
		err = f.SetString(tp.Append(yamledit.Key(lang)), fp)
	} else {
		err = f.Set(tp, &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: lang},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: fp},
		}})
	}
	if err != nil {
		return fmt.Errorf("%s: %w", e.File, err)
	}
	return nil
}

// changed lists the files whose bytes changed, by name.
func (ed *editor) changed() []Edited {
	var out []Edited
	for name, f := range ed.files {
		if b := f.Bytes(); string(b) != string(ed.orig[name]) {
			out = append(out, Edited{Name: name, Data: b})
		}
	}
	slices.SortFunc(out, func(a, b Edited) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// UsageError is a request that cannot be carried out as asked: an unknown
// id or language.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Confirm records, for each unit id, that its lang text translates the
// current base text: it writes the base text's fingerprint under the
// unit's translated:. It returns the files that changed (none when every
// mark is current).
func Confirm(fsys fs.FS, proj *model.Project, ids []string, lang string) ([]Edited, error) {
	ed := newEditor(fsys)
	for _, id := range ids {
		doc, e, ok := findUnit(proj, id)
		if !ok {
			return nil, &UsageError{fmt.Sprintf("no unit has the id %q", id)}
		}
		base := doc.Languages[0]
		switch {
		case lang == base:
			return nil, &UsageError{fmt.Sprintf("%s is the base language of %s; confirm a translation into %s", lang, doc.ID, strings.Join(doc.Languages[1:], " or "))}
		case !slices.Contains(doc.Languages, lang):
			return nil, &UsageError{fmt.Sprintf("%s is not written in %s (its languages: %s)", doc.ID, lang, strings.Join(doc.Languages, ", "))}
		case e.Text[base] == nil || e.Text[lang] == nil:
			return nil, &UsageError{fmt.Sprintf("%s has no %s text to confirm", id, lang)}
		}
		if err := ed.setMark(e, lang, fingerprint.Of(e.Text[base].Raw)); err != nil {
			return nil, err
		}
	}
	return ed.changed(), nil
}

// findUnit finds the unit entry with the given id in any document.
func findUnit(proj *model.Project, id string) (*model.Document, Entry, bool) {
	for _, doc := range proj.Documents {
		for _, e := range Entries(doc) {
			if e.Unit != nil && e.Unit.ID == id {
				return doc, e, true
			}
		}
	}
	return nil, Entry{}, false
}
