package note_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/note"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// Secrets a template must not be able to reach: a file of the project
// outside the note's template, another template, and an environment
// variable.
const (
	fileSecret  = "Q7-FILE-SECRET-5ZK"
	otherSecret = "Q7-OTHER-TEMPLATE-5ZK"
	envSecret   = "Q7-ENV-SECRET-5ZK"
	envName     = "CHANCERY_FUZZ_SECRET"
)

// fuzzBase is the example project (clauses/ and templates/) in memory,
// numbered and resolved once, with the secrets planted.
type fuzzBase struct {
	note     string // the example's note, its file
	template string // the file of its English template
	files    fstest.MapFS
	env      note.Env
	head     string // the note YAML up to and including "body:\n"
	tail     string // the note YAML after its first body paragraph
}

// newFuzzBase copies the example from the repository root into memory.
func newFuzzBase(tb testing.TB) *fuzzBase {
	tb.Helper()
	files := projecttest.Copy(tb, "../..")
	files["clauses/secret.txt"] = &fstest.MapFile{Data: []byte(fileSecret)}
	files["templates/other/en.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "number"}}` + otherSecret + `{{end}}`)}
	base := env(tb, files)
	fuzzNote := projecttest.ReadExample(tb, "../..").NoteFile()
	n, diags := load.Note(files, fuzzNote)
	if diags.HasErrors() {
		tb.Fatalf("%s: %v", fuzzNote, diags)
	}
	base.FS = files
	st, err := base.NoteStyle(n)
	if err != nil {
		tb.Fatal(err)
	}
	fuzzTemplate := note.TemplateFile(files, st, n.Template, "en")
	if files[fuzzTemplate] == nil {
		tb.Fatalf("the note's English template %s is not in the project", fuzzTemplate)
	}
	// Cut out the first body paragraph, to put the fuzzed one there.
	text := string(files[fuzzNote].Data)
	i := strings.Index(text, "\nbody:\n")
	if i < 0 {
		tb.Fatalf("%s has no body:", fuzzNote)
	}
	head := text[:i+len("\nbody:\n")]
	j := strings.Index(text[len(head)+1:], "\n  - ")
	if !strings.HasPrefix(text[len(head):], "  - ") || j < 0 {
		tb.Fatalf("%s: the body is not a list of two or more paragraphs", fuzzNote)
	}
	return &fuzzBase{
		note:     fuzzNote,
		template: fuzzTemplate,
		files:    files,
		env:      note.Env{Engine: base.Engine, Project: base.Project, Indexes: base.Indexes},
		head:     head,
		tail:     text[len(head)+1+j+1:],
	}
}

// project returns the example with the English template and the first
// body paragraph (in every language of the note) replaced.
func (b *fuzzBase) project(tmpl, body string) fstest.MapFS {
	q, _ := json.Marshal(body) // a JSON string is a YAML double-quoted scalar
	files := maps.Clone(b.files)
	files[b.template] = &fstest.MapFile{Data: []byte(tmpl)}
	files[b.note] = &fstest.MapFile{Data: []byte(b.head + "  - {en: " + string(q) + ", ru: " + string(q) + ", kk: " + string(q) + "}\n" + b.tail)}
	return files
}

// FuzzTemplate renders the example's note verbale in English with
// a fuzzed template file and a fuzzed first body paragraph. Whatever they
// say: no panic, no hang, every error is a diagnostic at a file:line:col
// of the project, a failed rendering gives no edition, an edition stays
// within note.MaxOutput, and nothing of the files, other templates or
// environment that the template was not given reaches the output.
func FuzzTemplate(f *testing.F) {
	base := newFuzzBase(f)
	f.Setenv(envName, envSecret)
	f.Add(string(base.files[base.template].Data), "Plain text by {{date .Deadline}}.")
	f.Fuzz(func(t *testing.T, tmpl, body string) {
		fsys := base.project(tmpl, body)
		n, diags := load.Note(fsys, base.note)
		checkFuzzDiagnostics(t, diags)
		if n == nil || diags.HasErrors() {
			return
		}
		env := base.env
		env.FS = fsys
		ed, diags := note.Render(n, "en", env, 9)
		checkFuzzDiagnostics(t, diags)
		if diags.HasErrors() != (ed == nil) {
			t.Fatalf("errors %v but edition %v", diags.HasErrors(), ed != nil)
		}
		if ed == nil {
			return
		}
		out := editionText(ed)
		if len(out) > note.MaxOutput {
			t.Errorf("edition of %d bytes, more than note.MaxOutput", len(out))
		}
		for _, secret := range []string{fileSecret, otherSecret, envSecret} {
			if strings.Contains(out, secret) && !strings.Contains(tmpl+body, secret) {
				t.Errorf("the edition shows %s, which the template was not given", secret)
			}
		}
	})
}

// checkFuzzDiagnostics wants every diagnostic at a line and column of a
// project file, with a code and a message on one line, in UTF-8.
func checkFuzzDiagnostics(t *testing.T, diags diag.List) {
	t.Helper()
	for _, d := range diags {
		inProject := strings.HasPrefix(d.Pos.File, "templates/") || strings.HasPrefix(d.Pos.File, "clauses/")
		if !inProject || d.Pos.Line < 1 || d.Pos.Col < 1 || d.Code == "" || d.Message == "" {
			t.Errorf("diagnostic not at a file:line:col of the project, or without code or message: %#v", d)
		}
		if !utf8.ValidString(d.Message) || !utf8.ValidString(d.Hint) {
			t.Errorf("diagnostic is not UTF-8: %q %q", d.Message, d.Hint)
		}
		if strings.Contains(d.Message, "\n") {
			t.Errorf("diagnostic message is not one line: %q", d.Message)
		}
	}
}

// editionText is all the text of an edition.
func editionText(ed *model.NoteEdition) string {
	return ed.AllText()
}

// TestTemplateLimits checks that what would run without end, or fill
// memory, fails with one diagnostic where it is written: in the note's
// first body paragraph (a YAML double-quoted scalar at column 10 of its
// line) or in the template.
func TestTemplateLimits(t *testing.T) {
	base := newFuzzBase(t)
	fuzzNote, fuzzTemplate := base.note, base.template
	tmpl := string(base.files[fuzzTemplate].Data)
	line := strings.Count(base.head, "\n") + 1
	body := func(col int) string { return fmt.Sprintf("%s:%d:%d: error: ", fuzzNote, line, 10+1+col) }
	blocks := func(b string) string {
		return `{{define "number"}}No. {{.Number}}{{end}}{{define "place-date"}}{{.Place}}{{end}}{{define "enclosure"}}{{pages}}{{end}}{{define "addressee"}}{{.Addressee.Name}}{{end}}` +
			"\n" + `{{define "body"}}` + b + `{{end}}`
	}
	steps := fmt.Sprintf("the templates of the en edition run more than %d steps [template-limit]", note.MaxWork)
	long := func(what string) string {
		return fmt.Sprintf("%s more than %d bytes [template-limit]", what, note.MaxOutput)
	}
	// The budget runs out in the last of the chain of templates, whose
	// body starts at this column of line 2.
	line2 := `{{define "body"}}{{template "a0"}}{{end}}` + chain(30)
	leaf := strings.Index(line2, `{{define "a30"}}{{end}}`) + len(`{{define "a30"}}`) + 1
	tests := []struct {
		name, tmpl, body, want string
	}{
		{"a billion empty iterations", tmpl, "{{range 1000000000}}{{end}}", body(8) + steps},
		{"a billion in the template", blocks("{{range $i := 1000000000}}{{$i}}{{end}}"), "Text.", fuzzTemplate + ":2:26: error: " + steps},
		{"nested ranges", tmpl, "{{range 100}}{{range 100}}{{range 100}}{{end}}{{end}}{{end}}", body(34) + steps},
		{"templates calling two others", blocks(`{{template "a0"}}`) + chain(30), "Text.", fmt.Sprintf("%s:2:%d: error: %s", fuzzTemplate, leaf, steps)},
		{"a template calling itself", blocks(`{{template "r"}}`) + `{{define "r"}}{{template "r"}}{{end}}`, "Text.", fuzzTemplate + ":2:55: error: " + steps},
		{"long output", blocks("{{range 2000}}" + strings.Repeat("x", 1000) + "{{end}}"), "Text.", fuzzTemplate + ":2:18: error: " + long("the templates of the en edition write")},
		{"a wide printf", tmpl, `{{printf "%1000000d%1000000d" 1 2}}`, body(2) + long("printf could make")},
		{"a doubled variable", tmpl, `{{$x := "ab"}}{{range 64}}{{$x = print $x $x}}{{end}}`, body(33) + long("print could make")},
		{"too many ids", tmpl, `{{ref "` + strings.Repeat("purpose,", 33) + `"}}`, body(2) + "ref: 33 ids, more than 32 [unknown-ref]"},
		{"a long id", tmpl, `{{ref "` + strings.Repeat("x", 300) + `"}}`, body(2) + "ref: an id of 300 bytes, more than 256 [unknown-ref]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := base.project(tc.tmpl, tc.body)
			n, diags := load.Note(fsys, fuzzNote)
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			env := base.env
			env.FS = fsys
			ed, diags := note.Render(n, "en", env, 9)
			if ed != nil || len(diags) != 1 || diags[0].String() != tc.want {
				t.Errorf("edition %v, diagnostics:\n%v\nwant\n%s", ed != nil, diags, tc.want)
			}
		})
	}
}

// chain defines templates a0 ... an, each but the last calling the next
// one twice: 2^n calls in all.
func chain(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{{define "a%d"}}{{template "a%d"}}{{template "a%d"}}{{end}}`, i, i+1, i+1)
	}
	fmt.Fprintf(&b, `{{define "a%d"}}{{end}}`, n)
	return b.String()
}
