// Package scaffold writes the files of a new chancery project for one kind
// of document (a memorandum of understanding, an agreement, a report, or an
// instrument with the note verbale or letter that forwards it), in the
// languages asked for and in one of the house styles chancery ships.
//
// Everything a project starts with is data embedded beside this file:
// kinds/ holds the YAML of each kind as text/template source and the
// wording of every phrase per language (kinds/phrases.yaml); forms/ holds
// the correspondence templates copied into the project's templates/; and
// styles/<name>/style.yaml describes one house style (its numbering, the
// kinds it is the default for, and optionally forms/ of its own that
// replace the shared ones). Adding a style is adding a directory.
//
// A project with correspondence gets its style as the house styles of
// package style lay it out: templates/<style>/style.yaml (the shipped
// file, whose page and type are the built-in style's) and the form's
// templates in templates/<style>/<form>/<lang>.tmpl.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/chancery-dev/chancery/internal/schema"
	"go.yaml.in/yaml/v3"
)

//go:embed kinds forms styles
var files embed.FS

// Kind is one kind of project init can start.
type Kind struct {
	Name    string
	Summary string
	// Body is the directory of kinds/ holding the document's templates;
	// Prefix the phrase-key prefix of its wording; Form the correspondence
	// template the project adds ("" for none).
	Body, Prefix, Form string
}

// Kinds lists the kinds, in the order help lists them.
func Kinds() []Kind {
	return []Kind{
		{Name: "mou", Summary: "a memorandum of understanding", Body: "instrument", Prefix: "mou"},
		{Name: "agreement", Summary: "an agreement between parties", Body: "instrument", Prefix: "agreement"},
		{Name: "note", Summary: "a memorandum of understanding and the note verbale forwarding it", Body: "instrument", Prefix: "mou", Form: "note-verbale"},
		{Name: "letter", Summary: "a memorandum of understanding and the signed letter forwarding it", Body: "instrument", Prefix: "mou", Form: "letter"},
		{Name: "report", Summary: "a report (laid out as an instrument without parties: chancery has no report layout yet)", Body: "report", Prefix: "report"},
	}
}

// KindNames lists the names of the kinds.
func KindNames() []string {
	var out []string
	for _, k := range Kinds() {
		out = append(out, k.Name)
	}
	return out
}

func lookupKind(name string) (Kind, bool) {
	for _, k := range Kinds() {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// Style is a house style init can apply.
type Style struct {
	Name        string
	Description string   `yaml:"description"`
	DefaultFor  []string `yaml:"default_for"`
	// Numbering is the numbering: block written into document.yaml; ""
	// keeps chancery's default numbering.
	Numbering string `yaml:"numbering"`
}

// Styles lists the shipped house styles, sorted by name.
func Styles() ([]Style, error) {
	entries, err := fs.ReadDir(files, "styles")
	if err != nil {
		return nil, err
	}
	var out []Style
	for _, e := range entries {
		data, err := fs.ReadFile(files, path.Join("styles", e.Name(), "style.yaml"))
		if err != nil {
			return nil, err
		}
		s := Style{Name: e.Name()}
		if err := yaml.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("style %s: %v", e.Name(), err)
		}
		out = append(out, s)
	}
	return out, nil
}

// StyleNames lists the names of the shipped styles.
func StyleNames() []string {
	styles, _ := Styles()
	var out []string
	for _, s := range styles {
		out = append(out, s.Name)
	}
	return out
}

// DefaultStyle returns the style a kind gets when none is named.
func DefaultStyle(kind string) string {
	styles, _ := Styles()
	for _, s := range styles {
		if slices.Contains(s.DefaultFor, kind) {
			return s.Name
		}
	}
	return "chancery"
}

// Languages init accepts.
func Languages() []string { return []string{"en", "ru", "kk"} }

// Options say what project to write.
type Options struct {
	Kind      string   // a Kinds() name
	Style     string   // a Styles() name; "" for the kind's default
	Languages []string // subset of Languages(), in the order of the editions
	ID        string   // the document id; output files are named after it
	Date      time.Time
}

// File is one file of the new project, at a slash-separated path relative
// to the project directory.
type File struct {
	Path string
	Data []byte
}

// UsageError is an option init cannot honour; the CLI exits 2 on it.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Project returns the files of a new project, sorted by path.
func Project(opt Options) ([]File, error) {
	kind, ok := lookupKind(opt.Kind)
	if !ok {
		return nil, &UsageError{fmt.Sprintf("unknown kind %q (kinds: %s)", opt.Kind, strings.Join(KindNames(), ", "))}
	}
	if opt.Style == "" {
		opt.Style = DefaultStyle(kind.Name)
	}
	styles, err := Styles()
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(styles, func(s Style) bool { return s.Name == opt.Style })
	if i < 0 {
		return nil, &UsageError{fmt.Sprintf("unknown style %q (styles: %s)", opt.Style, strings.Join(StyleNames(), ", "))}
	}
	style := styles[i]
	if len(opt.Languages) == 0 {
		return nil, &UsageError{"--languages names no language"}
	}
	for i, l := range opt.Languages {
		if !slices.Contains(Languages(), l) {
			return nil, &UsageError{fmt.Sprintf("unknown language %q (languages: %s)", l, strings.Join(Languages(), ", "))}
		}
		if slices.Contains(opt.Languages[:i], l) {
			return nil, &UsageError{fmt.Sprintf("language %q is named twice", l)}
		}
	}
	phrases, err := loadPhrases()
	if err != nil {
		return nil, err
	}
	w := &writer{kind: kind, style: style, opt: opt, phrases: phrases}
	return w.project()
}

// writer renders the templates of one project.
type writer struct {
	kind    Kind
	style   Style
	opt     Options
	phrases map[string]map[string]string
	out     []File
	err     error
}

// data is what the kind templates see.
type data struct {
	ID, SourceID, CorrespondenceID string
	KindName, Form, FormName       string
	Style                          string // the style's name
	Languages                      []string
	SchemaDir                      string
	Date                           string
	Numbering                      string
}

func (w *writer) project() ([]File, error) {
	docDir := path.Join("clauses", w.opt.ID)
	d := data{
		ID:        w.opt.ID,
		SourceID:  w.opt.ID + "-source",
		KindName:  w.kind.Summary,
		Form:      w.kind.Form,
		Style:     w.style.Name,
		Languages: w.opt.Languages,
		Date:      w.opt.Date.Format("2006-01-02"),
		Numbering: numberingBlock(w.style),
	}
	// The yaml-language-server comments name the schemas relative to the
	// file that carries them.
	d.SchemaDir = "../../schema"
	entries, err := fs.ReadDir(files, path.Join("kinds", w.kind.Body))
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		w.render(path.Join("kinds", w.kind.Body, e.Name()), path.Join(docDir, strings.TrimSuffix(e.Name(), ".tmpl")), d)
	}
	w.render("kinds/source.yaml.tmpl", path.Join("clauses/sources", d.SourceID+".yaml"), d)
	if w.kind.Form != "" {
		d.CorrespondenceID = w.opt.ID + "-" + w.kind.Name
		d.FormName = map[string]string{"note-verbale": "The note verbale", "letter": "The letter"}[w.kind.Form]
		w.render("kinds/correspondence.yaml.tmpl", path.Join("clauses/notes", d.CorrespondenceID+".yaml"), d)
		w.copyStyle()
		for _, l := range w.opt.Languages {
			w.copyForm(w.kind.Form, l)
		}
	}
	w.add(".gitignore", []byte("# chancery build writes here\nout/\n"))
	w.add(".github/workflows/chancery.yml", []byte(workflow))
	if err := w.schemas(); err != nil {
		return nil, err
	}
	if w.err != nil {
		return nil, w.err
	}
	slices.SortFunc(w.out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return w.out, nil
}

func (w *writer) add(p string, data []byte) { w.out = append(w.out, File{Path: p, Data: data}) }

// copyStyle adds templates/<style>/style.yaml, the shipped style's file
// under the comment naming its schema, so that the project's notes are
// set in the style whose directory holds their templates; a form that
// has a layout of its own (forms/<form>/form.yaml, a correspondence:
// block) adds it at the end.
func (w *writer) copyStyle() {
	data, err := fs.ReadFile(files, path.Join("styles", w.style.Name, "style.yaml"))
	if err != nil {
		w.err = err
		return
	}
	head := "# yaml-language-server: $schema=../../schema/style.json\n"
	data = append([]byte(head), data...)
	form, err := fs.ReadFile(files, path.Join("forms", w.kind.Form, "form.yaml"))
	if err == nil && !bytes.Contains(data, []byte("\ncorrespondence:")) { // a style's own forms win
		data = append(data, form...)
	}
	w.add(path.Join("templates", w.style.Name, "style.yaml"), data)
}

// copyForm adds templates/<style>/<form>/<lang>.tmpl, the style's own when
// it has one, the shared one otherwise.
func (w *writer) copyForm(form, lang string) {
	name := lang + ".tmpl"
	data, err := fs.ReadFile(files, path.Join("styles", w.style.Name, "forms", form, name))
	if err != nil {
		data, err = fs.ReadFile(files, path.Join("forms", form, name))
	}
	if err != nil {
		w.err = fmt.Errorf("no %s template for %s: %v", form, lang, err)
		return
	}
	w.add(path.Join("templates", w.style.Name, form, name), data)
}

func (w *writer) render(src, dst string, d data) {
	if w.err != nil {
		return
	}
	text, err := fs.ReadFile(files, src)
	if err != nil {
		w.err = err
		return
	}
	t, err := template.New(path.Base(src)).Option("missingkey=error").Funcs(w.funcs()).Parse(string(text))
	if err != nil {
		w.err = err
		return
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		w.err = err
		return
	}
	w.add(dst, append(bytes.TrimRight(b.Bytes(), "\n"), '\n'))
}

func (w *writer) funcs() template.FuncMap {
	return template.FuncMap{
		"join": strings.Join,
		// k names the kind's own wording of a phrase, c the wording of its
		// correspondence form.
		"k": func(key string) string { return w.kind.Prefix + "." + key },
		"c": func(key string) string { return strings.TrimSuffix(w.kind.Form, "-verbale") + "." + key },
		"t": func(key string) (string, error) { return w.flow(key, doubleQuoted) },
		"ts": func(key string) (string, error) {
			return w.flow(key, singleQuoted)
		},
		"phrase": func(key, lang string) (string, error) {
			p, ok := w.phrases[key][lang]
			if !ok {
				return "", fmt.Errorf("no phrase %s in %s", key, lang)
			}
			return doubleQuoted(p), nil
		},
	}
}

// flow writes a phrase as a YAML flow mapping of the project's languages.
func (w *writer) flow(key string, quote func(string) string) (string, error) {
	p, ok := w.phrases[key]
	if !ok {
		return "", fmt.Errorf("no phrase %q", key)
	}
	var parts []string
	for _, l := range w.opt.Languages {
		s, ok := p[l]
		if !ok {
			return "", fmt.Errorf("phrase %q has no %s wording", key, l)
		}
		parts = append(parts, l+": "+quote(s))
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

func doubleQuoted(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func singleQuoted(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func loadPhrases() (map[string]map[string]string, error) {
	data, err := fs.ReadFile(files, "kinds/phrases.yaml")
	if err != nil {
		return nil, err
	}
	var m map[string]map[string]string
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("phrases: %v", err)
	}
	return m, nil
}

// numberingBlock is the style's numbering: block with a comment naming
// the style, or a comment saying the default numbering applies.
func numberingBlock(s Style) string {
	head := fmt.Sprintf("# House style %q: %s.", s.Name, s.Description)
	if strings.TrimSpace(s.Numbering) == "" {
		return head + "\n# chancery's default numbering applies; see numbering: in the README to change it."
	}
	return head + "\n" + strings.TrimRight(s.Numbering, "\n")
}

// schemas adds schema/<kind>.json for every kind of file, which the
// yaml-language-server comments point at.
func (w *writer) schemas() error {
	for _, k := range schema.Kinds() {
		data, err := k.JSON()
		if err != nil {
			return err
		}
		w.add(path.Join("schema", k.Name+".json"), data)
	}
	return nil
}

const workflow = `# chancery check on every pull request that touches the clauses: errors
# fail the job, warnings annotate the files.
name: chancery check
on:
  pull_request:
    paths:
      - 'clauses/**'
      - 'templates/**'
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: '1.26'
      - name: Install chancery
        run: go install github.com/chancery-dev/chancery/cmd/chancery@latest
      - name: Check the clauses
        run: chancery check --format github
`
