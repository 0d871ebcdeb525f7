package load

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

// NotesDir holds a project's notes verbales, one YAML file each.
const NotesDir = "clauses/notes"

// Notes loads every clauses/notes/*.yaml of the project, sorted by file
// name. A project without notes gives none and no diagnostic.
func Notes(fsys fs.FS) ([]*model.Note, diag.List) {
	var diags diag.List
	entries, err := fs.ReadDir(fsys, NotesDir)
	if err != nil {
		return nil, nil
	}
	var notes []*model.Note
	seen := map[string]*model.Note{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		n, ds := Note(fsys, path.Join(NotesDir, e.Name()))
		diags.Append(ds)
		if n == nil {
			continue
		}
		if other := seen[n.ID]; other != nil && n.ID != "" {
			diags.Errorf(n.Pos, "duplicate-id", "note id %q is also used by %s", n.ID, other.Pos)
			continue
		}
		seen[n.ID] = n
		notes = append(notes, n)
	}
	return notes, diags
}

// Note loads one note verbale. It returns nil when the file cannot be read
// at all. The format:
//
//	id: mfa-2026-118               # = the file name; outputs are named after it
//	languages: [en, ru, kk]        # editions, in the order of the multilingual copy
//	template: note-verbale         # the form: templates/<style>/note-verbale/<lang>.tmpl
//	style: house                   # optional; the project's default style
//	number: MFA/2026/118
//	date: 2026-05-13
//	place: {en: Nordhaven, ru: город Нордхавен, kk: Нордхавен қаласы}
//	issuer:
//	  letterhead: {en: [LINE, LINE], ru: [LINE, LINE]}   # on every edition, in this order
//	  name: {en: The Ministry of Foreign Affairs of ..., ...}  # subject of the opening formula
//	  short: {en: The Ministry, ...}                     # subject of the closing formula
//	addressee:
//	  name: {en: Embassies accredited to ..., ...}       # the addressee block
//	  short: {en: the Embassies, ru: посольствам, ...}
//	refers_to: {number: MFA/2026/101, date: 2026-04-18} # optional
//	enclosure: {document: agreement, language: en}      # optional; language defaults to the document's first
//	enclosure: {title: {en: ...}, pages: 3}             # or something chancery does not build
//	deadline: 2026-05-27                                # optional
//	purpose: {en: "forward ... (enclosed), ...", ...}   # optional; template source
//	body:                                               # optional; template source
//	  - {en: '... {{ref "cooperation.exchange"}} ...', ru: ..., kk: ...}
//	fields: {job: "24-01234 (E)", original: {en: Russian, ru: русский}}  # optional; {{.Fields.job}}
//	annexes:                                            # optional; each from a new page
//	  - heading: {en: "Annex\n\nStatement by ..."}     # lines; template source
//	    body: [{en: ...}]                               # paragraphs; template source
//
// Per-language strings are data, or (purpose, body, annexes) text/template
// source run by package note; the note's blocks take **bold** and
// *italic* markup once rendered.
func Note(fsys fs.FS, file string) (*model.Note, diag.List) {
	var diags diag.List
	root := parseFile(fsys, file, &diags)
	if root == nil {
		return nil, diags
	}
	r := &reader{file: file, diags: &diags}
	n := &model.Note{Pos: r.pos(root), File: file}
	r.mapping(root, "note", fields{
		"id":        func(v *yaml.Node) { n.ID, _ = r.id(v, "note id") },
		"languages": func(v *yaml.Node) { n.Languages = r.languages(v) },
		"template": func(v *yaml.Node) {
			n.Template, _ = r.id(v, "template")
			n.TemplatePos = r.pos(v)
		},
		"style": func(v *yaml.Node) {
			n.Style, _ = r.id(v, "style")
			n.StylePos = r.pos(v)
		},
		"fields": func(v *yaml.Node) { n.Fields, n.FieldNames = r.noteFields(v) },
		"annexes": func(v *yaml.Node) {
			r.list(v, "annexes", func(c *yaml.Node) { n.Annexes = append(n.Annexes, r.annex(c)) })
		},
		"number": func(v *yaml.Node) {
			n.Number, _ = r.nonEmpty(v, "number")
			n.NumberPos = r.pos(v)
		},
		"date":      func(v *yaml.Node) { n.Date, _ = r.date(v, "date") },
		"place":     func(v *yaml.Node) { n.Place = r.noteText(v, "place") },
		"issuer":    func(v *yaml.Node) { n.Issuer = r.issuer(v) },
		"addressee": func(v *yaml.Node) { n.Addressee = r.addressee(v) },
		"refers_to": func(v *yaml.Node) { n.RefersTo = r.noteRef(v) },
		"enclosure": func(v *yaml.Node) { n.Enclosure = r.enclosure(v) },
		"deadline": func(v *yaml.Node) {
			if d, ok := r.date(v, "deadline"); ok {
				n.Deadline = &d
			}
		},
		"purpose": func(v *yaml.Node) { n.Purpose = r.noteText(v, "purpose") },
		"subject": func(v *yaml.Node) { n.Subject = r.noteText(v, "subject") },
		"body": func(v *yaml.Node) {
			r.list(v, "body", func(c *yaml.Node) { n.Body = append(n.Body, r.noteText(c, "body paragraph")) })
		},
	}, "id", "languages", "template", "number", "date", "place", "issuer", "addressee")
	if want := path.Base(file); n.ID != "" && want != n.ID+".yaml" {
		r.errorf(root, "bad-id", "note id %q does not match its file name %s", n.ID, want).Hint = "name the file " + n.ID + ".yaml"
	}
	if n.Deadline != nil && n.Date.Year != 0 && n.Deadline.String() < n.Date.String() {
		d := r.diags.Warnf(n.Deadline.Pos, "deadline", "deadline %s is before the note's date %s", n.Deadline, n.Date)
		d.Hint = "a note asks for something by a later date; check the year and the month"
	}
	validateNote(n, r)
	return n, diags
}

func (r *reader) issuer(n *yaml.Node) model.NoteIssuer {
	is := model.NoteIssuer{Pos: r.pos(n)}
	r.mapping(n, "issuer", fields{
		"letterhead": func(v *yaml.Node) { is.Letterhead = r.letterhead(v) },
		"name":       func(v *yaml.Node) { is.Name = r.noteText(v, "issuer name") },
		"short":      func(v *yaml.Node) { is.Short = r.noteText(v, "issuer short name") },
	}, "name", "short")
	return is
}

// letterhead reads {en: [line, ...], ru: [...]}, keeping the order.
func (r *reader) letterhead(n *yaml.Node) []model.LetterheadBlock {
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "type", "letterhead must be a mapping from language to a list of lines, found %s", kindName(n)).Hint = "write letterhead: {en: [LINE, LINE], ru: [LINE]}"
		return nil
	}
	var out []model.LetterheadBlock
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(Languages(), k.Value) {
			r.errorf(k, "unknown-language", "unknown language %q in letterhead", k.Value).Hint = "languages: " + strings.Join(Languages(), ", ")
			continue
		}
		if slices.ContainsFunc(out, func(b model.LetterheadBlock) bool { return b.Lang == k.Value }) {
			r.errorf(k, "duplicate-key", "language %q appears twice in letterhead", k.Value)
			continue
		}
		out = append(out, model.LetterheadBlock{Lang: k.Value, Lines: r.strList(v, "letterhead lines")})
	}
	return out
}

func (r *reader) addressee(n *yaml.Node) model.NoteAddressee {
	a := model.NoteAddressee{Pos: r.pos(n)}
	r.mapping(n, "addressee", fields{
		"name":  func(v *yaml.Node) { a.Name = r.noteText(v, "addressee name") },
		"short": func(v *yaml.Node) { a.Short = r.noteText(v, "addressee short name") },
	}, "name", "short")
	return a
}

func (r *reader) noteRef(n *yaml.Node) *model.NoteRef {
	ref := &model.NoteRef{Pos: r.pos(n)}
	r.mapping(n, "refers_to", fields{
		"number": func(v *yaml.Node) { ref.Number, _ = r.nonEmpty(v, "refers_to number") },
		"date":   func(v *yaml.Node) { ref.Date, _ = r.date(v, "refers_to date") },
	}, "number", "date")
	return ref
}

// noteFields reads fields: {NAME: TEXT or {LANG: TEXT, ...}, ...}; a
// plain string is the same in every language.
func (r *reader) noteFields(n *yaml.Node) (map[string]model.NoteText, []string) {
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "type", "fields must be a mapping from a name to a text, found %s", kindName(n)).Hint = `write fields: {job: "24-01234 (E)"}`
		return nil, nil
	}
	out := map[string]model.NoteText{}
	var names []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name, ok := r.id(k, "field name")
		if !ok {
			continue
		}
		if out[name] != nil {
			r.errorf(k, "duplicate-key", "field %q appears twice", name)
			continue
		}
		if v.Kind == yaml.ScalarNode {
			s, ok := r.nonEmpty(v, "field "+name)
			if !ok {
				continue
			}
			t := model.NoteText{}
			for _, l := range Languages() {
				t[l] = &model.NoteString{Value: s, Pos: r.pos(v), At: r.offsetPos(v)}
			}
			out[name] = t
		} else if t := r.noteText(v, "field "+name); t != nil {
			out[name] = t
		} else {
			continue
		}
		names = append(names, name)
	}
	return out, names
}

func (r *reader) annex(n *yaml.Node) model.NoteAnnex {
	a := model.NoteAnnex{Pos: r.pos(n)}
	r.mapping(n, "annex", fields{
		"heading": func(v *yaml.Node) { a.Heading = r.noteText(v, "annex heading") },
		"body": func(v *yaml.Node) {
			r.list(v, "annex body", func(c *yaml.Node) { a.Body = append(a.Body, r.noteText(c, "annex paragraph")) })
		},
	}, "heading")
	return a
}

func (r *reader) enclosure(n *yaml.Node) *model.NoteEnclosure {
	e := &model.NoteEnclosure{Pos: r.pos(n)}
	defer func() {
		switch {
		case e.Document == "" && e.Title == nil:
			r.errorf(n, "missing-field", "enclosure names neither a document nor a title").
				Hint = "write enclosure: {document: ID} for a document of the project, or enclosure: {title: {en: ...}, pages: N}"
		case e.Document != "" && (e.Title != nil || e.Pages != 0):
			r.errorf(n, "bad-value", "enclosure names a document and gives a title or pages").
				Hint = "the pages of a document of the project are counted; give title: and pages: only for something chancery does not build"
		case e.Title != nil && e.Pages <= 0:
			r.errorf(n, "missing-field", "enclosure %q gives no page count", e.Title.In(firstLang(e.Title))).
				Hint = "write pages: N, the number of pages of the enclosure"
		}
	}()
	r.mapping(n, "enclosure", fields{
		"title": func(v *yaml.Node) { e.Title = r.noteText(v, "enclosure title") },
		"pages": func(v *yaml.Node) {
			k, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || k <= 0 || k > 100000 {
				r.errorf(v, "bad-value", "enclosure pages must be a number of pages, found %q", v.Value).Hint = "write pages: 12"
				return
			}
			e.Pages = k
		},
		"document": func(v *yaml.Node) {
			e.Document, _ = r.id(v, "enclosure document")
			e.DocumentPos = r.pos(v)
		},
		"language": func(v *yaml.Node) {
			s, ok := r.str(v, "enclosure language")
			if ok && !slices.Contains(Languages(), s) {
				r.errorf(v, "unknown-language", "unknown language %q", s).Hint = "languages: " + strings.Join(Languages(), ", ")
				return
			}
			e.Lang = s
		},
	})
	return e
}

// firstLang is the first language, in the order of Languages, that t is
// given in.
func firstLang(t model.NoteText) string {
	for _, l := range Languages() {
		if t[l] != nil {
			return l
		}
	}
	return ""
}

// date reads a calendar date written YYYY-MM-DD.
func (r *reader) date(n *yaml.Node, what string) (model.Date, bool) {
	s, ok := r.str(n, what)
	if !ok {
		return model.Date{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		var y, m, d int
		if _, serr := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); serr == nil && len(s) == 10 && m >= 1 && m <= 12 {
			// Well formed, but no such day.
			days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			r.errorf(n, "bad-value", "%s %s is not a date: %s %d has %d days", what, s, time.Month(m), y, days).Hint = "check the day and the month"
			return model.Date{}, false
		}
		r.errorf(n, "bad-value", "%s must be a date written YYYY-MM-DD, found %q", what, s).Hint = "write the year, the month and the day in figures, e.g. 2031-01-31"
		return model.Date{}, false
	}
	return model.Date{Year: t.Year(), Month: t.Month(), Day: t.Day(), Pos: r.pos(n)}, true
}

// noteText reads a mapping from language to a plain string (no inline
// markup: note strings are data or template source).
func (r *reader) noteText(n *yaml.Node, what string) model.NoteText {
	t := model.NoteText{}
	ok := r.perLanguage(n, what, func(lang string, v *yaml.Node) bool {
		s, ok := r.nonEmpty(v, what+" ("+lang+")")
		if ok {
			t[lang] = &model.NoteString{Value: s, Pos: r.pos(v), At: r.offsetPos(v)}
		}
		return ok
	})
	if !ok {
		return nil
	}
	return t
}

// validateNote checks that every per-language string is given in every
// language of the note.
func validateNote(n *model.Note, r *reader) {
	texts := []struct {
		t    model.NoteText
		at   diag.Pos
		what string
	}{
		{n.Place, n.Pos, "place"},
		{n.Issuer.Name, n.Issuer.Pos, "issuer name"},
		{n.Issuer.Short, n.Issuer.Pos, "issuer short name"},
		{n.Addressee.Name, n.Addressee.Pos, "addressee name"},
		{n.Addressee.Short, n.Addressee.Pos, "addressee short name"},
		{n.Purpose, n.Pos, "purpose"},
		{n.Subject, n.Pos, "subject"},
	}
	for _, name := range n.FieldNames {
		texts = append(texts, struct {
			t    model.NoteText
			at   diag.Pos
			what string
		}{n.Fields[name], n.Pos, "field " + name})
	}
	if n.Enclosure != nil && n.Enclosure.Title != nil {
		texts = append(texts, struct {
			t    model.NoteText
			at   diag.Pos
			what string
		}{n.Enclosure.Title, n.Enclosure.Pos, "enclosure title"})
	}
	for i, a := range n.Annexes {
		texts = append(texts, struct {
			t    model.NoteText
			at   diag.Pos
			what string
		}{a.Heading, a.Pos, fmt.Sprintf("annex %d heading", i+1)})
		for k, b := range a.Body {
			texts = append(texts, struct {
				t    model.NoteText
				at   diag.Pos
				what string
			}{b, a.Pos, fmt.Sprintf("annex %d paragraph %d", i+1, k+1)})
		}
	}
	for i, b := range n.Body {
		texts = append(texts, struct {
			t    model.NoteText
			at   diag.Pos
			what string
		}{b, n.Pos, "body paragraph " + strconv.Itoa(i+1)})
	}
	for _, tag := range n.Languages {
		for _, x := range texts {
			if x.t == nil || x.t[tag] != nil {
				continue
			}
			at := x.at
			for _, l := range Languages() {
				if s := x.t[l]; s != nil {
					at = s.Pos
					break
				}
			}
			d := r.diags.Errorf(at, "missing-language", "%s has no %s text, and the note is written in %s", x.what, tag, strings.Join(n.Languages, ", "))
			d.Hint = "add " + tag + ": to this text, or remove " + tag + " from the note's languages"
		}
	}
}
