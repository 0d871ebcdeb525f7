package note_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/note"
	"github.com/chancery-dev/chancery/internal/number"
	"github.com/chancery-dev/chancery/internal/xref"
)

// project is a small instrument "t" (1: Scope, 1.1 with items i. and ii.;
// 2: Reports), a source "poa" (Pillar II, paragraph 3) and a template
// "nv" in en, ru and kk.
func project() fstest.MapFS {
	tmpl := `{{/* test template */}}
{{define "number"}}{{word "number-sign"}} {{.Number}}{{end}}
{{define "body"}}{{range .Body}}{{.}}

{{end}}{{end}}
{{define "place-date"}}{{.Place}}, {{date .Date}}{{end}}
{{define "enclosure"}}{{pages}}{{end}}
{{define "addressee"}}{{upper .Addressee.Name}}{{end}}
`
	return fstest.MapFS{
		"clauses/t/document.yaml": {Data: []byte("id: t\nlanguages: [en]\nparts: [01.yaml, 02.yaml]\n")},
		"clauses/t/01.yaml": {Data: []byte(`section: scope
heading: {en: Scope}
paragraphs:
  - id: scope.general
    text: {en: "The Participants will cooperate in:"}
    items:
      - id: scope.general.first
        text: {en: training;}
      - id: scope.general.second
        text: {en: research.}
`)},
		"clauses/t/02.yaml": {Data: []byte(`section: reports
heading: {en: Reports}
paragraphs:
  - id: reports.annual
    text: {en: Each Participant will report annually.}
`)},
		"clauses/sources/poa.yaml": {Data: []byte(`id: poa
title: {en: Plan of Action}
levels: [pillar, paragraph]
units:
  - number: II
    units:
      - number: "3"
        text: {en: Text.}
`)},
		"templates/nv/en.tmpl": {Data: []byte(tmpl)},
		"templates/nv/ru.tmpl": {Data: []byte(tmpl)},
		"templates/nv/kk.tmpl": {Data: []byte(tmpl)},
	}
}

// noteYAML is a note in one language whose single body paragraph is body
// (a single-quoted YAML scalar at line 13, column 9). extra is added at
// the end.
func noteYAML(tag, body, extra string) string {
	return fmt.Sprintf(`id: n
languages: [%[1]s]
template: nv
number: A/1
date: 2024-05-13
place: {%[1]s: Nordhaven}
issuer:
  letterhead: {en: [SECRETARIAT]}
  name: {%[1]s: The Secretariat}
  short: {%[1]s: The Secretariat}
addressee: {name: {%[1]s: Member States}, short: {%[1]s: the Member States}}
body:
  - %[1]s: '%[2]s'
%[3]s`, tag, body, extra)
}

// env assembles fsys as the build does: load, number, resolve.
func env(t testing.TB, fsys fstest.MapFS) note.Env {
	t.Helper()
	engine, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	proj, diags := load.Project(fsys)
	ix := map[string]*xref.Index{}
	for _, doc := range proj.Documents {
		diags.Append(number.Document(doc, number.Options{}))
		x, xd := xref.Resolve(doc, proj.Sources, engine)
		diags.Append(xd)
		ix[doc.ID] = x
	}
	if diags.HasErrors() {
		t.Fatalf("project: %v", diags)
	}
	return note.Env{FS: fsys, Engine: engine, Project: proj, Indexes: ix}
}

// render loads the note in fsys and renders it in its language.
func render(t *testing.T, fsys fstest.MapFS, tag string, pages int) (*model.NoteEdition, diag.List) {
	t.Helper()
	e := env(t, fsys)
	n, diags := load.Note(fsys, "clauses/notes/n.yaml")
	if diags.HasErrors() {
		return nil, diags
	}
	if ds := note.Validate(n, e); ds.HasErrors() {
		return nil, ds
	}
	return note.Render(n, tag, e, pages)
}

const withEnclosure = "enclosure: {document: t}\ndeadline: 2024-05-27\nrefers_to: {number: A/0, date: 2024-04-18}\n"

func TestFunctions(t *testing.T) {
	tests := []struct {
		name, tag, body, want string
	}{
		{"ref-en-item", "en", `see {{ref "scope.general.first"}}`, "see paragraph~1.1, subparagraph~i."},
		{"ref-en-cap", "en", `{{ref "scope" "cap"}} applies`, "Paragraph~1 applies"},
		{"ref-en-several", "en", `{{ref "scope,reports"}}`, "paragraphs~1 and 2"},
		{"ref-en-source", "en", `({{ref "poa@II.3"}})`, "(Pillar~II, paragraph~3)"},
		{"ref-ru-dat", "ru", `к {{ref "scope.general.second" "dat"}} проекта`, "к подпункту~ii. пункта~1.1 проекта"},
		{"ref-ru-gen", "ru", `формулировку {{ref "poa@II.3" "gen"}}`, "формулировку пункта~3 Компонента~II"},
		{"ref-ru-ins", "ru", `в соответствии с {{ref "reports" "ins"}}`, "в соответствии с пунктом~2"},
		{"ref-kk-dat-poss", "kk", `Жобаның {{ref "scope.general.first" "dat" "poss"}}`, "Жобаның 1.1-тармағының~i.~тармақшасына"},
		{"ref-kk-options-in-one", "kk", `{{ref "scope.general.first" "dat,poss"}}`, "1.1-тармағының~i.~тармақшасына"},
		{"ref-kk-contnom", "kk", `жобаның {{ref "scope.general.second" "gen" "poss" "contnom"}}`, "жобаның 1.1-тармағы~ii.~тармақшасының"},
		{"ref-kk-source", "kk", `({{ref "poa@II.3"}})`, "(II~компоненттің~3-тармағы)"},
		{"ref-kk-long-case-name", "kk", `{{ref "reports" "dative" "poss"}} сәйкес`, "2-тармағына сәйкес"},
		{"date-en", "en", `by {{date .Deadline}}`, "by 27~May 2024"},
		{"date-ru", "ru", `от {{date .RefersTo.Date}}`, "от 18~апреля 2024 года"},
		{"date-kk-attr", "kk", `{{date .RefersTo.Date "attr"}} нотасы`, "2024 жылғы 18~сәуірдегі нотасы"},
		{"date-kk-abl", "kk", `{{date .Deadline "abl"}} кешіктірмей`, "2024 жылғы 27~мамырдан кешіктірмей"},
		{"upper-kk", "kk", `{{upper "Азия кеңесіне мүше мемлекеттер"}}`, "АЗИЯ КЕҢЕСІНЕ МҮШЕ МЕМЛЕКЕТТЕР"},
		{"pages", "ru", `на {{pages}} л.`, "на 7 л."},
		{"term-ru", "ru", `{{term "paragraph" "gen" "pl"}}`, "пунктов"},
		{"term-kk-poss", "kk", `{{term "paragraph" "poss" "dat"}}`, "тармағына"},
		{"word", "en", `{{word "as-stated"}}`, "as stated"},
		{"data", "en", `{{.Number}} {{.Issuer.Short}} {{.Addressee.Short}} {{.Enclosure.Document}} {{.Language}}`, "A/1 The Secretariat the Member States t en"},
		{"with-present", "en", `{{with .RefersTo}}note {{.Number}}{{end}}`, "note A/0"},
		{"safe-builtins", "en", `{{if eq .Language "en"}}English{{end}} {{printf "%03d" 7}}`, "English 007"},
		{"wrapped-lines-join", "en", "one\ntwo", "one two"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := project()
			fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML(tc.tag, tc.body, withEnclosure))}
			ed, diags := render(t, fsys, tc.tag, 7)
			if diags.HasErrors() {
				t.Fatalf("diagnostics: %v", diags)
			}
			if got, want := ed.Texts("body"), tie(tc.want); len(got) != 1 || got[0] != want {
				t.Errorf("got %q, want [%q]", got, want)
			}
		})
	}
}

// TestEdition checks every part of a rendered edition.
func TestEdition(t *testing.T) {
	fsys := project()
	fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML("kk", "Мәтін.", withEnclosure))}
	ed, diags := render(t, fsys, "kk", 3)
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	got := ed.Lang
	for _, kind := range []string{"letterhead", "number", "body", "place-date", "enclosure", "addressee"} {
		got += "|" + strings.Join(ed.Texts(kind), "/")
	}
	// The number sign and the day are tied to what follows them.
	want := tie(`kk|SECRETARIAT|№~A/1|Мәтін.|Nordhaven, 2024 жылғы 13~мамыр|3|MEMBER STATES`)
	if got != want {
		t.Errorf("edition:\n%s\nwant\n%s", got, want)
	}
}

// TestErrors checks that a bad reference, case, key or function in a
// note's strings is reported at its file:line:col in the note YAML.
func TestErrors(t *testing.T) {
	tests := []struct {
		name, tag, body, extra, want string
	}{
		{"missing-id", "en", `see {{ref "scope.generl"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:16: error: unknown reference "scope.generl" [unknown-ref]`},
		{"missing-source-path", "en", `see {{ref "poa@II.9"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:16: error: source poa has no unit "II.9" [unknown-ref]`},
		{"unknown-case", "ru", `к {{ref "scope" "datv"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:14: error: ref: unknown option "datv" [unknown-case]`},
		{"case-not-in-language", "kk", `{{ref "scope" "pre"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:12: error: ref: case "pre" is not used in kk [unknown-case]`},
		{"date-unknown-case", "kk", `{{date .Deadline "ablative" "gen"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:12: error: date asks for two cases [unknown-case]`},
		{"unknown-key", "en", `to {{.Adressee.Short}}`, withEnclosure,
			`clauses/notes/n.yaml:13:15: error: unknown key "Adressee" in {{.Adressee.Short}} [template-key]`},
		{"unknown-nested-key", "en", `by {{.Issuer.Nam}}`, withEnclosure,
			`clauses/notes/n.yaml:13:22: error: unknown key "Nam" in {{.Issuer.Nam}} [template-key]`},
		{"absent-date", "en", `by {{date .Deadline}}`, "",
			`clauses/notes/n.yaml:13:15: error: date: the note does not give this date [template-value]`},
		{"no-enclosure", "en", `see {{ref "scope"}}`, "",
			`clauses/notes/n.yaml:13:16: error: ref "scope": the note has no enclosure to refer to [no-enclosure]`},
		{"unknown-function", "en", `a {{include "x"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:14: error: function "include" not defined [template-syntax]`},
		{"call-refused", "en", `a {{call .Date}}`, withEnclosure,
			`clauses/notes/n.yaml:13:14: error: function "call" is not available in note templates [template-func]`},
		{"js-refused", "en", `a {{js "x"}}`, withEnclosure,
			`clauses/notes/n.yaml:13:14: error: function "js" is not available in note templates [template-func]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := project()
			fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML(tc.tag, tc.body, tc.extra))}
			_, diags := render(t, fsys, tc.tag, 7)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestUnknownKeyHint suggests the key meant.
func TestUnknownKeyHint(t *testing.T) {
	fsys := project()
	fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML("en", `{{.Issuer.Shrt}}`, ""))}
	_, diags := render(t, fsys, "en", 1)
	if len(diags) != 1 || diags[0].Hint != "did you mean Short?" {
		t.Errorf("diagnostics %v, hint %q", diags, diags[0].Hint)
	}
}

// TestTemplateFileErrors checks errors in the .tmpl files themselves.
func TestTemplateFileErrors(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
	}{
		{"unknown-key", "{{define \"number\"}}No. {{.Numbr}}{{end}}\n{{define \"body\"}}{{end}}{{define \"place-date\"}}{{end}}{{define \"addressee\"}}{{end}}",
			`templates/nv/en.tmpl:1:26: error: unknown key "Numbr" in {{.Numbr}} [template-key]`},
		{"missing-block", "{{define \"number\"}}{{end}}\n{{define \"body\"}}{{end}}\n{{define \"addressee\"}}{{end}}",
			`templates/nv/en.tmpl:1:1: error: template templates/nv/en.tmpl defines no "place-date" block [template-block]`},
		{"syntax", "{{define \"number\"}}{{end}}\n{{define \"body\"}}\n  text {{.Number\n{{end}}",
			`templates/nv/en.tmpl:4:1: error: unexpected "{" in operand [template-syntax]`},
		{"env-refused", "{{define \"number\"}}{{env \"HOME\"}}{{end}}",
			`templates/nv/en.tmpl:1:22: error: function "env" not defined [template-syntax]`},
		{"template-of-file-refused", "{{define \"number\"}}{{template \"/etc/passwd\"}}{{end}}{{define \"body\"}}{{end}}{{define \"place-date\"}}{{end}}{{define \"addressee\"}}{{end}}",
			`templates/nv/en.tmpl:1:31: error: template "/etc/passwd" not defined [template]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := project()
			fsys["templates/nv/en.tmpl"] = &fstest.MapFile{Data: []byte(tc.tmpl)}
			fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML("en", "Text.", ""))}
			_, diags := render(t, fsys, "en", 1)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestValidate checks what needs the project: the enclosure document and
// the template files.
func TestValidate(t *testing.T) {
	tests := []struct {
		name, tag, extra, want string
	}{
		{"unknown-enclosure", "en", "enclosure: {document: tt}\n",
			`clauses/notes/n.yaml:14:23: error: unknown enclosure document "tt" [unknown-document]`},
		{"enclosure-language", "en", "enclosure: {document: t, language: kk}\n",
			`clauses/notes/n.yaml:14:12: error: enclosure t is not built in kk (it is built in en) [missing-language]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := project()
			fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML(tc.tag, "Text.", tc.extra))}
			_, diags := render(t, fsys, tc.tag, 1)
			if len(diags) != 1 || diags[0].String() != tc.want {
				t.Errorf("diagnostics:\n%v\nwant\n%s", diags, tc.want)
			}
		})
	}
	t.Run("missing-template-file", func(t *testing.T) {
		fsys := project()
		delete(fsys, "templates/nv/kk.tmpl")
		fsys["clauses/notes/n.yaml"] = &fstest.MapFile{Data: []byte(noteYAML("kk", "Мәтін.", ""))}
		_, diags := render(t, fsys, "kk", 1)
		want := `clauses/notes/n.yaml:3:11: error: template "nv" has no kk file: templates/nv/kk.tmpl does not exist [missing-file]`
		if len(diags) != 1 || diags[0].String() != want {
			t.Errorf("diagnostics:\n%v\nwant\n%s", diags, want)
		}
	})
}

// tie writes the no-break spaces of an expected text, marked "~" as in
// TeX: tie("пункт~4.1") is "пункт\u00a04.1".
func tie(s string) string { return strings.ReplaceAll(s, "~", lang.NoBreakSpace) }
