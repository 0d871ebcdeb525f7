package note

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/style"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// Validate checks n against the project: its enclosure is a document of
// the project, and its template exists and renders in every language of
// the note, with CheckPages standing in for the enclosure's page count.
// Output is thrown away; only the diagnostics count.
func Validate(n *model.Note, env Env) diag.List {
	diags := CheckEnclosure(n, env)
	if diags.HasErrors() {
		return diags
	}
	for _, tag := range n.Languages {
		_, ds := Render(n, tag, env, CheckPages)
		diags.Append(ds)
	}
	return diags
}

// CheckEnclosure checks that the document n encloses, if it names one, is
// a document of the project built in the enclosure's language: what
// Validate checks besides rendering.
func CheckEnclosure(n *model.Note, env Env) diag.List {
	var diags diag.List
	if e := n.Enclosure; e != nil && e.Document != "" {
		doc := env.Project.Document(e.Document)
		if doc == nil {
			var ids []string
			for _, d := range env.Project.Documents {
				ids = append(ids, d.ID)
			}
			d := diags.Errorf(e.DocumentPos, "unknown-document", "unknown enclosure document %q", e.Document)
			if h := suggest.Hint(e.Document, ids); h != "" {
				d.Hint = h
			} else {
				d.Hint = "documents: " + strings.Join(ids, ", ")
			}
			return diags
		}
		if tag := EnclosureLang(n, doc); !slices.Contains(doc.Languages, tag) {
			diags.Errorf(e.Pos, "missing-language", "enclosure %s is not built in %s (it is built in %s)", doc.ID, tag, strings.Join(doc.Languages, ", "))
			return diags
		}
	}
	return diags
}

// Render renders n in language tag. pages is the page count of the
// enclosure as rendered (ignored when the note has none, or states it).
// It returns nil with diagnostics when the note cannot be rendered.
func Render(n *model.Note, tag string, env Env, pages int) (*model.NoteEdition, diag.List) {
	var diags diag.List
	l, err := env.Engine.Language(tag)
	if err != nil {
		diags.Errorf(n.Pos, "unknown-language", "%v", err)
		return nil, diags
	}
	st, err := env.NoteStyle(n)
	if err != nil {
		var se *style.Error
		if errors.As(err, &se) {
			diags.Append(se.Diags)
		} else {
			diags.Errorf(n.StylePos, "style", "%v", err)
		}
		return nil, diags
	}
	form := st.FormOrDefault(n.Template)
	b := newBudget(tag)
	f := &funcs{l: l, b: b}
	if e := n.Enclosure; e != nil {
		f.pages = pages
		if e.Document == "" {
			f.pages = e.Pages
		} else if f.ix = env.Indexes[e.Document]; f.ix == nil {
			diags.Errorf(e.DocumentPos, "unknown-document", "unknown enclosure document %q", e.Document)
			return nil, diags
		}
	}
	file := TemplateFile(env.FS, st, n.Template, tag)
	text, err := readTemplate(env.FS, file)
	if err != nil {
		d := diags.Errorf(n.TemplatePos, "missing-file", "template %q has no %s file: %s %v", n.Template, tag, file, err)
		d.Hint = "write " + file + ", or remove " + tag + " from the note's languages"
		if errors.Is(err, errNotUTF8) {
			d.Message = fmt.Sprintf("template file %s %v", file, err)
			d.Code = "encoding"
			d.Hint = "save the template as UTF-8"
		}
		if errors.Is(err, errLinkOutside) {
			d.Hint = "the project is read only through its own directory; copy the template into " + TemplatesDir + "/"
		}
		return nil, diags
	}
	fm := f.funcMap()
	ss := sources{}
	dot := data(n, tag)

	// The note's own strings first: the purpose and the body paragraphs.
	exec := func(name string, s *model.NoteString) (string, bool) {
		src := &source{name: name, text: s.Value, at: s.At}
		t := ss.parse(src, fm, &diags)
		if t == nil {
			return "", false
		}
		out, ok := b.run(t, t.Name(), dot, ss, src.at(0), &diags)
		return out, ok
	}
	ok := true
	var purpose any
	if s := n.Purpose[tag]; s != nil {
		p, good := exec("purpose-"+tag, s)
		purpose, ok = normalize(p), ok && good
	}
	body := make([]string, 0, len(n.Body))
	for i, t := range n.Body {
		if s := t[tag]; s != nil {
			p, good := exec(fmt.Sprintf("body-%d-%s", i+1, tag), s)
			body, ok = append(body, normalize(p)), ok && good
		}
	}
	type annexText struct {
		heading []string
		paras   []string
	}
	var annexes []annexText
	for i, a := range n.Annexes {
		var at annexText
		if s := a.Heading[tag]; s != nil {
			h, good := exec(fmt.Sprintf("annex-%d-heading-%s", i+1, tag), s)
			at.heading, ok = lines(h), ok && good
		}
		for k, t := range a.Body {
			if s := t[tag]; s != nil {
				p, good := exec(fmt.Sprintf("annex-%d-body-%d-%s", i+1, k+1, tag), s)
				at.paras, ok = append(at.paras, normalize(p)), ok && good
			}
		}
		annexes = append(annexes, at)
	}
	full := data(n, tag)
	full["Purpose"] = purpose
	full["Body"] = body

	t := ss.parse(fileSource(file, text), fm, &diags)
	if t == nil || !ok {
		return nil, diags
	}
	required := requiredBlocks(n, form)
	var missing []string
	for _, name := range required {
		if t.Lookup(name) == nil {
			missing = append(missing, name)
		}
	}
	switch {
	case len(missing) == 1:
		d := diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "template-block", "template %s defines no %q block", file, missing[0])
		d.Hint = fmt.Sprintf(`add {{define %q}}...{{end}}; note templates define %s`, missing[0], strings.Join(required, ", "))
	case len(missing) > 1:
		d := diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "template-block", "template %s defines none of the blocks %s", file, strings.Join(missing, ", "))
		d.Hint = fmt.Sprintf(`define each with {{define "NAME"}}...{{end}}; note templates define %s`, strings.Join(required, ", "))
	}
	// A template may define helpers of its own; one named like a block
	// is most likely a misspelt block.
	for _, tt := range t.Templates() {
		name := tt.Name()
		if name == file || slices.Contains(templateNames(), name) {
			continue
		}
		if h := suggest.Hint(name, templateNames()); h != "" {
			d := diags.Warnf(ss.blockAt(t, name), "template-block", "template %s defines %q, which is not a block of a note", file, name)
			d.Hint = h + " (blocks: " + strings.Join(templateNames(), ", ") + ")"
		}
	}
	blocks := map[string]string{}
	for _, name := range templateNames() {
		if t.Lookup(name) == nil || (name == BlockEnclosure && n.Enclosure == nil) {
			continue
		}
		if out, ok := b.run(t, name, full, ss, ss.blockAt(t, name), &diags); ok {
			blocks[name] = out
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	// The number sign is tied to its number ("№ MFA/2026/117") wherever the
	// template writes it with a space.
	marked := func(ss []string) []model.NoteLine {
		var out []model.NoteLine
		for _, s := range ss {
			if line := markup(l.Tie(s)); len(line) > 0 {
				out = append(out, line)
			}
		}
		return out
	}
	ed := &model.NoteEdition{
		Lang:    tag,
		Author:  n.Issuer.Name.In(tag),
		Subject: n.Subject.In(tag),
		Form:    form,
	}
	for _, place := range form.Blocks {
		switch kind := place.Kind; kind {
		case style.BlockLetterhead:
			if _, ok := blocks[kind]; ok {
				ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: kind, Layout: place, Lines: marked(lines(blocks[kind])), Image: place.Image})
				continue
			}
			for i, lh := range n.Issuer.Letterhead {
				nb := model.NoteBlock{Kind: kind, Layout: place, Lang: lh.Lang, Lines: marked(lh.Lines)}
				if i == 0 {
					nb.Image = place.Image
				}
				ed.Blocks = append(ed.Blocks, nb)
			}
			if len(n.Issuer.Letterhead) == 0 && place.Image != nil {
				ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: kind, Layout: place, Image: place.Image})
			}
		case style.BlockMasthead:
			nb := model.NoteBlock{Kind: kind, Layout: place, Lines: marked(lines(blocks[BlockMastheadLeft])), Right: marked(lines(blocks[BlockMastheadRight]))}
			if len(nb.Lines)+len(nb.Right) > 0 {
				ed.Blocks = append(ed.Blocks, nb)
			}
		case style.BlockAnnex:
			for _, a := range annexes {
				ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: kind, Layout: place, Lines: marked(a.heading), Paras: marked(a.paras)})
			}
		case style.BlockBody:
			if paras := marked(paragraphs(blocks[kind])); len(paras) > 0 {
				ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: kind, Layout: place, Paras: paras})
			}
		default:
			if ls := marked(lines(blocks[kind])); len(ls) > 0 {
				ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: kind, Layout: place, Lines: ls})
			}
		}
	}
	if len(annexes) > 0 && form.Place(style.BlockAnnex) == nil {
		place := style.DefaultForm(st, form.Name).Place(style.BlockAnnex)
		for _, a := range annexes {
			ed.Blocks = append(ed.Blocks, model.NoteBlock{Kind: style.BlockAnnex, Layout: place, Lines: marked(a.heading), Paras: marked(a.paras)})
		}
	}
	for _, k := range []string{style.BlockNumber, style.BlockTitle} {
		if b := ed.Find(k); b != nil && len(b.Lines) > 0 {
			ed.Title = b.Lines[0].String()
			break
		}
	}
	return ed, diags
}

// errLinkOutside: the path passes through a symbolic link that leads out
// of the project.
var errNotUTF8 = errors.New("is not valid UTF-8")

var errLinkOutside = errors.New("is reached through a symbolic link that leads outside the project")

// readTemplate reads a template file, refusing what is not a regular file
// or is too large.
func readTemplate(fsys fs.FS, file string) (string, error) {
	info, err := fs.Stat(fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("does not exist")
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return "", errLinkOutside
	case err != nil:
		return "", fmt.Errorf("cannot be opened")
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("is not a regular file")
	}
	if info.Size() > load.MaxFileSize {
		return "", fmt.Errorf("is %d bytes, more than the limit of %d", info.Size(), load.MaxFileSize)
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return "", fmt.Errorf("cannot be read")
	}
	if !utf8.Valid(data) {
		return "", errNotUTF8
	}
	return string(data), nil
}
