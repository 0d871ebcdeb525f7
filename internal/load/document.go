package load

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

// DocumentFile is the name of an instrument's main file.
const DocumentFile = "document.yaml"

// Document loads the instrument whose document.yaml is in dir (a
// slash-separated path inside fsys) with all its parts. It returns nil when
// the main file cannot be read at all.
func Document(fsys fs.FS, dir string) (*model.Document, diag.List) {
	var diags diag.List
	file := path.Join(dir, DocumentFile)
	root := parseFile(fsys, file, &diags)
	if root == nil {
		return nil, diags
	}
	r := &reader{file: file, diags: &diags}
	doc := &model.Document{Pos: r.pos(root), Dir: dir, Status: model.StatusDraft, Numbering: model.DefaultNumbering()}
	var parts []*yaml.Node
	r.mapping(root, "document.yaml", fields{
		"id":        func(v *yaml.Node) { doc.ID, _ = r.id(v, "document id") },
		"status":    func(v *yaml.Node) { doc.Status = r.status(v) },
		"languages": func(v *yaml.Node) { doc.Languages = r.languages(v) },
		"issuer":    func(v *yaml.Node) { doc.Issuer = r.text(v, "issuer") },
		"subject":   func(v *yaml.Node) { doc.Subject = r.text(v, "subject") },
		"title": func(v *yaml.Node) {
			r.list(v, "title", func(c *yaml.Node) { doc.Title = append(doc.Title, r.text(c, "title line")) })
		},
		"fields": func(v *yaml.Node) {
			r.list(v, "fields", func(c *yaml.Node) { doc.Fields = append(doc.Fields, r.field(c)) })
		},
		"parties": func(v *yaml.Node) {
			r.list(v, "parties", func(c *yaml.Node) { doc.Parties = append(doc.Parties, r.party(c)) })
		},
		"parties_intro":  func(v *yaml.Node) { doc.PartiesIntro = r.text(v, "parties_intro") },
		"parties_joiner": func(v *yaml.Node) { doc.PartiesJoiner = r.text(v, "parties_joiner") },
		"parties_outro":  func(v *yaml.Node) { doc.PartiesOutro = r.text(v, "parties_outro") },
		"parts":          func(v *yaml.Node) { r.list(v, "parts", func(c *yaml.Node) { parts = append(parts, c) }) },
		"closing":        func(v *yaml.Node) { doc.Closing = r.text(v, "closing") },
		"signature":      func(v *yaml.Node) { doc.Signature.Lines = r.strList(v, "signature") },
		"numbering":      func(v *yaml.Node) { doc.Numbering = r.numbering(v) },
		"aliases":        func(v *yaml.Node) { doc.Aliases = r.aliases(v) },
		"final":          func(v *yaml.Node) { doc.Final = r.final(v) },
		"pdfa":           func(v *yaml.Node) { doc.PDFA, _ = r.boolean(v, "pdfa") },
		"style":          func(v *yaml.Node) { doc.Style, _ = r.str(v, "style"); doc.StylePos = r.pos(v) },
		"formats": func(v *yaml.Node) {
			doc.Formats = r.strList(v, "formats")
			doc.FormatsPos = r.pos(v)
		},
		"parallel": func(v *yaml.Node) { doc.ParallelPos = r.pos(v); doc.Parallel = r.parallel(v) },
	}, "id", "languages", "parts")
	if len(parts) == 0 && !diags.HasErrors() {
		r.errorf(root, "empty", "document has no parts").Hint = "list the part files under parts:, e.g. parts: [preamble.yaml, 01-purpose.yaml]"
	}
	// Every part is checked in the order listed, then all are parsed at
	// the same time (parsing is most of loading), then read in order.
	loads := make([]partLoad, len(parts))
	seenPart := map[string]bool{}
	for i, p := range parts {
		pl := &loads[i]
		pr := &reader{file: file, diags: &pl.diags}
		name, ok := pr.str(p, "part")
		if !ok {
			continue
		}
		if !partName().MatchString(name) {
			pr.errorf(p, "bad-path", "part %q must be a .yaml file name in the document's directory", name).Hint = "write a plain file name such as 02-areas.yaml; parts cannot be in other directories"
			continue
		}
		if name == DocumentFile {
			pr.errorf(p, "bad-path", "%s cannot be a part of itself", DocumentFile).Hint = "list the section and preamble files here, not " + DocumentFile
			continue
		}
		if seenPart[name] {
			pr.errorf(p, "duplicate-part", "part %q is listed twice", name)
			continue
		}
		seenPart[name] = true
		if _, err := fs.Stat(fsys, path.Join(dir, name)); errors.Is(err, fs.ErrNotExist) {
			pr.errorf(p, "missing-file", "part %q does not exist in %s", name, dir)
			continue
		} else if err != nil {
			why := unwrapPathError(err).Error()
			if strings.Contains(why, "escapes") {
				why = "it is a symbolic link that leads outside the project"
			}
			d := pr.errorf(p, "bad-path", "part %q cannot be read: %s", name, why)
			d.Hint = "parts must be files inside the project; a symbolic link may not lead outside it"
			continue
		}
		if err := checkReadable(fsys, path.Join(dir, name)); err != nil {
			d := pr.errorf(p, "read", "part %q cannot be read: %v", name, err)
			d.Hint = readHint(err)
			continue
		}
		pl.file = path.Join(dir, name)
	}
	var wg sync.WaitGroup
	for i := range loads {
		if pl := &loads[i]; pl.file != "" {
			wg.Go(func() { pl.root = parseFile(fsys, pl.file, &pl.diags) })
		}
	}
	wg.Wait()
	for _, pl := range loads {
		diags.Append(pl.diags)
		if pl.root != nil {
			readPart(pl.file, pl.root, doc, &diags)
		}
	}
	validateDocument(doc, r)
	return doc, diags
}

var partName = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$`)

func (r *reader) status(v *yaml.Node) string {
	s, ok := r.str(v, "status")
	if ok && s != model.StatusDraft && s != model.StatusFinal {
		r.errorf(v, "bad-value", "status must be draft or final, found %q", s)
		return model.StatusDraft
	}
	return s
}

func (r *reader) languages(v *yaml.Node) []string {
	var out []string
	reported := false
	r.list(v, "languages", func(c *yaml.Node) {
		s, ok := r.str(c, "language")
		switch {
		case !ok:
			reported = true
		case !slices.Contains(Languages(), s):
			r.unknownLanguage(c, s, "")
			reported = true
		case slices.Contains(out, s):
			r.errorf(c, "duplicate-language", "language %q is listed twice", s)
		default:
			out = append(out, s)
		}
	})
	if len(out) == 0 && v.Kind == yaml.SequenceNode && !reported {
		r.errorf(v, "empty", "languages is empty").Hint = "list at least one language, e.g. [en]"
	}
	return out
}

// field reads one labelled field: {label: TEXT, value: TEXT} or a value
// of several lines, value: [TEXT, TEXT].
func (r *reader) field(n *yaml.Node) *model.Field {
	f := &model.Field{Pos: r.pos(n)}
	r.mapping(n, "field", fields{
		"label": func(v *yaml.Node) { f.Label = r.text(v, "field label") },
		"value": func(v *yaml.Node) {
			if v.Kind == yaml.SequenceNode {
				r.list(v, "field value", func(c *yaml.Node) { f.Lines = append(f.Lines, r.text(c, "field value line")) })
				if len(v.Content) == 0 {
					r.errorf(v, "empty", "field value is empty").Hint = "write the value, or remove the field"
				}
				return
			}
			f.Lines = []model.Text{r.text(v, "field value")}
		},
	}, "label", "value")
	return f
}

func (r *reader) party(n *yaml.Node) *model.Party {
	p := &model.Party{Pos: r.pos(n)}
	r.mapping(n, "party", fields{
		"id":          func(v *yaml.Node) { p.ID, _ = r.id(v, "party id") },
		"name":        func(v *yaml.Node) { p.Name = r.text(v, "party name") },
		"description": func(v *yaml.Node) { p.Description = r.text(v, "party description") },
		"for":         func(v *yaml.Node) { p.For = r.text(v, "party for-line") },
		"signatory":   func(v *yaml.Node) { p.Signatory = r.text(v, "signatory") },
		"office":      func(v *yaml.Node) { p.Office = r.text(v, "signatory's office") },
	}, "id", "name", "description")
	return p
}

// partLoad is one part of a document being loaded: its file, once found
// usable, its parsed root and what was wrong with it.
type partLoad struct {
	file  string
	root  *yaml.Node
	diags diag.List
}

// readPart reads the parsed root of one part file: a preamble or a
// section.
func readPart(file string, root *yaml.Node, doc *model.Document, diags *diag.List) {
	r := &reader{file: file, diags: diags}
	if hasKey(root, "section") {
		if s := r.unit(root, 0, nil); s != nil {
			doc.Sections = append(doc.Sections, s)
		}
		return
	}
	if !hasKey(root, "recitals") && !hasKey(root, "transition") {
		d := r.errorf(root, "part-kind", "a part is either a section (with section:) or a preamble (with recitals:)")
		d.Hint = "add section: <id> and heading:, or recitals:"
		return
	}
	r.mapping(root, "preamble", fields{
		"recitals": func(v *yaml.Node) {
			r.list(v, "recitals", func(c *yaml.Node) { doc.Recitals = append(doc.Recitals, r.recital(c)) })
		},
		"transition": func(v *yaml.Node) { doc.Transition = r.text(v, "transition") },
	})
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (r *reader) recital(n *yaml.Node) *model.Recital {
	rc := &model.Recital{Pos: r.pos(n)}
	r.mapping(n, "recital", fields{
		"id":   func(v *yaml.Node) { rc.ID, _ = r.id(v, "recital id") },
		"lead": func(v *yaml.Node) { rc.Lead = r.text(v, "recital lead") },
		"text": func(v *yaml.Node) { rc.Text = r.text(v, "recital text") },
	}, "text")
	return rc
}

// MaxDepth bounds how deeply items may nest (sections are depth 0).
const MaxDepth = 12

// unit reads a section (depth 0), paragraph (1) or item (2 and more).
func (r *reader) unit(n *yaml.Node, depth int, parent *model.Unit) *model.Unit {
	if depth > MaxDepth {
		d := r.errorf(n, "too-deep", "items nest more than %d levels deep", MaxDepth-1)
		d.Hint = "split the clause; no instrument needs sub-items that deep"
		return nil
	}
	u := &model.Unit{Pos: r.pos(n), Depth: depth, Numbered: true, Parent: parent}
	what := [...]string{"section", "paragraph"}[min(depth, 1)]
	if depth >= 2 {
		what = "item"
	}
	children := func(v *yaml.Node) {
		if len(u.Children) > 0 {
			r.errorf(v, "bad-value", "a %s has either numbered children or bullets, not both", what).Hint = "make the bullets items of their own paragraph, or number them"
			return
		}
		if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
			d := r.diags.Warnf(r.pos(v), "empty", "%s has an empty list of %s", what, [...]string{"paragraphs", "items"}[min(depth, 1)])
			d.Hint = "add the text, or remove the empty list"
		}
		r.list(v, what+" children", func(c *yaml.Node) {
			if cu := r.unit(c, depth+1, u); cu != nil {
				u.Children = append(u.Children, cu)
			}
		})
	}
	bullets := func(v *yaml.Node) {
		if len(u.Children) > 0 {
			r.errorf(v, "bad-value", "a %s has either numbered children or bullets, not both", what).Hint = "make the bullets items of their own paragraph, or number them"
			return
		}
		r.list(v, "bullets", func(c *yaml.Node) {
			if cu := r.bullet(c, depth+1, u); cu != nil {
				u.Children = append(u.Children, cu)
			}
		})
	}
	fs := fields{
		"text":         func(v *yaml.Node) { u.Text = r.text(v, what+" text") },
		"numbered":     func(v *yaml.Node) { u.Numbered, _ = r.boolean(v, "numbered") },
		"items_scheme": func(v *yaml.Node) { u.ChildScheme, _ = r.str(v, "items_scheme"); u.ChildSchemePos = r.pos(v) },
	}
	required := []string{"text"}
	if depth == 0 {
		fs = fields{
			"section":           func(v *yaml.Node) { u.ID, _ = r.id(v, "section id") },
			"heading":           func(v *yaml.Node) { u.Heading = r.text(v, "section heading") },
			"numbered":          fs["numbered"],
			"paragraphs":        children,
			"paragraphs_scheme": func(v *yaml.Node) { u.ChildScheme, _ = r.str(v, "paragraphs_scheme"); u.ChildSchemePos = r.pos(v) },
			"bullets":           bullets,
		}
		required = []string{"section", "heading"}
	} else {
		fs["id"] = func(v *yaml.Node) { u.ID, _ = r.id(v, what+" id") }
		fs["items"] = children
		fs["bullets"] = bullets
		fs["insert"] = func(v *yaml.Node) { r.insert(v, u) }
		fs["aligned"] = func(v *yaml.Node) { u.Aligned = r.alignment(v) }
		fs["translated"] = func(v *yaml.Node) { u.Translated = r.translated(v) }
	}
	fs["suppress"] = func(v *yaml.Node) { u.Suppress = r.suppressions(v) }
	r.mapping(n, what, fs, required...)
	if u.Numbered && u.ID == "" && depth > 0 && !hasKey(n, "id") {
		d := r.errorf(n, "missing-id", "numbered %s has no id", what)
		d.Hint = "give it a stable id (id: areas.new-topic), or mark it numbered: false"
	}
	if !u.Numbered && u.Inserted {
		r.errorf(n, "bad-value", "an unnumbered %s cannot be an insert", what)
	}
	return u
}

// bullet reads an item of a bullet list: {text: TEXT}, with an optional id
// and a nested list under bullets:.
func (r *reader) bullet(n *yaml.Node, depth int, parent *model.Unit) *model.Unit {
	if depth > MaxDepth {
		d := r.errorf(n, "too-deep", "items nest more than %d levels deep", MaxDepth-1)
		d.Hint = "split the list; no document needs bullets that deep"
		return nil
	}
	u := &model.Unit{Pos: r.pos(n), Depth: depth, Bullet: true, Parent: parent}
	r.mapping(n, "bullet", fields{
		"id":   func(v *yaml.Node) { u.ID, _ = r.id(v, "bullet id") },
		"text": func(v *yaml.Node) { u.Text = r.text(v, "bullet text") },
		"bullets": func(v *yaml.Node) {
			r.list(v, "bullets", func(c *yaml.Node) {
				if cu := r.bullet(c, depth+1, u); cu != nil {
					u.Children = append(u.Children, cu)
				}
			})
		},
		"suppress": func(v *yaml.Node) { u.Suppress = r.suppressions(v) },
	}, "text")
	return u
}

func (r *reader) insert(v *yaml.Node, u *model.Unit) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		u.Inserted, _ = r.boolean(v, "insert")
		return
	}
	s, ok := r.str(v, "insert")
	if !ok {
		return
	}
	if !slices.Contains(model.InsertSuffixes(), s) {
		r.errorf(v, "bad-value", "insert must be true or one of %s, found %q", strings.Join(model.InsertSuffixes(), ", "), s)
		return
	}
	u.Inserted, u.Insert = true, s
}

func (r *reader) alignment(n *yaml.Node) *model.Alignment {
	a := &model.Alignment{Pos: r.pos(n), Mode: "exact"}
	r.mapping(n, "aligned", fields{
		"source": func(v *yaml.Node) { a.Source, _ = r.id(v, "source") },
		"at":     func(v *yaml.Node) { a.At, _ = r.str(v, "aligned at") },
		"mode": func(v *yaml.Node) {
			a.Mode, _ = r.str(v, "mode")
			if a.Mode != "exact" && a.Mode != "excerpt" {
				r.errorf(v, "bad-value", "mode must be exact or excerpt, found %q", a.Mode)
			}
		},
	}, "source", "at")
	return a
}

// parallel reads a document's parallel: list of language sets, each
// written as the languages joined by hyphens ("en-ru", "en-ru-kk"). Whether
// the document has those languages is checked with the whole document.
func (r *reader) parallel(n *yaml.Node) [][]string {
	var out [][]string
	for _, s := range r.strList(n, "parallel") {
		out = append(out, strings.Split(s, "-"))
	}
	return out
}

// translated reads a unit's translated: mapping of language to the
// fingerprint of the base text its translation translates.
func (r *reader) translated(n *yaml.Node) map[string]model.TranslationMark {
	out := map[string]model.TranslationMark{}
	r.perLanguage(n, "translated", func(lang string, v *yaml.Node) bool {
		s, ok := r.nonEmpty(v, "translated ("+lang+")")
		if ok {
			out[lang] = model.TranslationMark{Fingerprint: s, Pos: r.pos(v)}
		}
		return ok
	})
	return out
}

// suppressions reads a unit's suppress: list of {check, reason}. Whether
// the check name exists is package check's business.
func (r *reader) suppressions(n *yaml.Node) []model.Suppression {
	var out []model.Suppression
	r.list(n, "suppress", func(c *yaml.Node) {
		s := model.Suppression{Pos: r.pos(c)}
		r.mapping(c, "suppression", fields{
			"check":  func(v *yaml.Node) { s.Check, _ = r.str(v, "check") },
			"reason": func(v *yaml.Node) { s.Reason, _ = r.str(v, "reason") },
		}, "check", "reason")
		out = append(out, s)
	})
	return out
}

func (r *reader) aliases(n *yaml.Node) map[string]model.Alias {
	out := map[string]model.Alias{}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "type", "aliases must be a mapping from old id to new id, found %s", kindName(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		from, okFrom := r.id(n.Content[i], "alias")
		to, okTo := r.id(n.Content[i+1], "alias target")
		if !okFrom || !okTo {
			continue
		}
		if _, dup := out[from]; dup {
			r.errorf(n.Content[i], "duplicate-key", "alias %q appears twice", from)
			continue
		}
		out[from] = model.Alias{To: to, Pos: r.pos(n.Content[i+1]), KeyPos: r.pos(n.Content[i])}
	}
	return out
}

func (r *reader) final(n *yaml.Node) model.Final {
	f := model.Final{Pos: r.pos(n)}
	r.mapping(n, "final", fields{
		"originals": func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&f.Originals) != nil || f.Originals < 1 || f.Originals > 99 {
				r.errorf(v, "type", "originals must be a number from 1 to 99, found %s", kindName(v))
			}
		},
		"mark":      func(v *yaml.Node) { f.Mark, _ = r.boolean(v, "mark") },
		"signature": func(v *yaml.Node) { f.Signature = r.strList(v, "final signature") },
		"subject":   func(v *yaml.Node) { f.Subject = r.text(v, "final subject") },
	})
	if f.Mark && f.Originals == 0 {
		r.errorf(n, "missing-field", "final: mark needs originals (how many originals to mark)")
	}
	return f
}
