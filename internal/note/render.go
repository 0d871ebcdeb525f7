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
	"github.com/chancery-dev/chancery/internal/suggest"
)

// Validate checks n against the project: its enclosure is a document of
// the project, and its template exists and renders in every language of
// the note, with CheckPages standing in for the enclosure's page count.
// Output is thrown away; only the diagnostics count.
func Validate(n *model.Note, env Env) diag.List {
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
	for _, tag := range n.Languages {
		_, ds := Render(n, tag, env, CheckPages)
		diags.Append(ds)
	}
	return diags
}

// Render renders n in language tag. pages is the page count of the
// enclosure as rendered (ignored when the note has none). It returns nil
// with diagnostics when the note cannot be rendered.
func Render(n *model.Note, tag string, env Env, pages int) (*model.NoteEdition, diag.List) {
	var diags diag.List
	l, err := env.Engine.Language(tag)
	if err != nil {
		diags.Errorf(n.Pos, "unknown-language", "%v", err)
		return nil, diags
	}
	b := newBudget(tag)
	f := &funcs{l: l, b: b}
	if e := n.Enclosure; e != nil {
		if f.ix = env.Indexes[e.Document]; f.ix == nil {
			diags.Errorf(e.DocumentPos, "unknown-document", "unknown enclosure document %q", e.Document)
			return nil, diags
		}
		f.pages = pages
	}
	file := TemplateFile(n.Template, tag)
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
		return normalize(out), ok
	}
	ok := true
	var purpose any
	if s := n.Purpose[tag]; s != nil {
		p, good := exec("purpose-"+tag, s)
		purpose, ok = p, ok && good
	}
	body := make([]string, 0, len(n.Body))
	for i, t := range n.Body {
		if s := t[tag]; s != nil {
			p, good := exec(fmt.Sprintf("body-%d-%s", i+1, tag), s)
			body, ok = append(body, p), ok && good
		}
	}
	full := data(n, tag)
	full["Purpose"] = purpose
	full["Body"] = body

	t := ss.parse(fileSource(file, text), fm, &diags)
	if t == nil || !ok {
		return nil, diags
	}
	blocks := map[string]string{}
	var missing []string
	for _, name := range requiredBlocks(n) {
		if t.Lookup(name) == nil {
			missing = append(missing, name)
		}
	}
	switch {
	case len(missing) == 1:
		d := diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "template-block", "template %s defines no %q block", file, missing[0])
		d.Hint = fmt.Sprintf(`add {{define %q}}...{{end}}; note templates define %s`, missing[0], strings.Join(requiredBlocks(n), ", "))
	case len(missing) > 1:
		d := diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "template-block", "template %s defines none of the blocks %s", file, strings.Join(missing, ", "))
		d.Hint = fmt.Sprintf(`define each with {{define "NAME"}}...{{end}}; note templates define %s`, strings.Join(requiredBlocks(n), ", "))
	}
	for _, name := range requiredBlocks(n) {
		if slices.Contains(missing, name) {
			continue
		}
		if out, ok := b.run(t, name, full, ss, ss.blockAt(t, name), &diags); ok {
			blocks[name] = out
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	ed := &model.NoteEdition{
		Lang:       tag,
		Letterhead: n.Issuer.Letterhead,
		Number:     normalize(blocks[BlockNumber]),
		Paragraphs: paragraphs(blocks[BlockBody]),
		PlaceDate:  normalize(blocks[BlockPlaceDate]),
		Addressee:  lines(blocks[BlockAddressee]),
		Author:     n.Issuer.Name.In(tag),
		Subject:    n.Subject.In(tag),
	}
	if n.Enclosure != nil {
		ed.Enclosure = lines(blocks[BlockEnclosure])
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
