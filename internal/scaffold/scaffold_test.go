package scaffold

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
)

func project(t *testing.T, kind, style string, langs ...string) fstest.MapFS {
	t.Helper()
	files, err := Project(Options{Kind: kind, Style: style, Languages: langs, ID: "p", Date: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

var schemaComment = regexp.MustCompile(`(?m)^# yaml-language-server: \$schema=(\S+)$`)

// Every kind in every style and language subset assembles without errors,
// and every YAML file names a schema that the project holds, of its kind.
func TestEveryKindAssembles(t *testing.T) {
	for _, k := range KindNames() {
		for _, s := range StyleNames() {
			for _, langs := range [][]string{{"en"}, {"ru"}, {"kk"}, {"kk", "en", "ru"}} {
				name := k + "/" + s + "/" + strings.Join(langs, ",")
				t.Run(name, func(t *testing.T) {
					fsys := project(t, k, s, langs...)
					_, diags := build.Assemble(fsys, build.Options{})
					if diags.HasErrors() {
						t.Fatalf("%v", diags)
					}
					for p, f := range fsys {
						if !strings.HasSuffix(p, ".yaml") {
							continue
						}
						m := schemaComment.FindSubmatch(f.Data)
						if m == nil {
							t.Errorf("%s has no yaml-language-server comment", p)
							continue
						}
						target := path.Join(path.Dir(p), string(m[1]))
						if _, ok := fsys[target]; !ok {
							t.Errorf("%s points at %s, which the project does not hold", p, target)
						}
						want := map[string]string{"document.yaml": "document", "preamble.yaml": "preamble"}[path.Base(p)]
						switch {
						case strings.HasPrefix(p, "clauses/sources/"):
							want = "source"
						case strings.HasPrefix(p, "clauses/notes/"):
							want = "note"
						case want == "":
							want = "section"
						}
						if path.Base(target) != want+".json" {
							t.Errorf("%s points at %s, want %s.json", p, target, want)
						}
					}
				})
			}
		}
	}
}

// Each kind has a default style, and the correspondence kinds add their
// form's templates in exactly the project's languages.
func TestDefaultsAndForms(t *testing.T) {
	for kind, style := range map[string]string{"mou": "chancery", "agreement": "treaty", "report": "un", "note": "chancery", "letter": "chancery"} {
		if got := DefaultStyle(kind); got != style {
			t.Errorf("DefaultStyle(%s) = %s, want %s", kind, got, style)
		}
	}
	fsys := project(t, "letter", "", "ru", "en")
	var tmpls []string
	for p := range fsys {
		if strings.HasPrefix(p, "templates/") {
			tmpls = append(tmpls, p)
		}
	}
	slices.Sort(tmpls)
	if want := []string{"templates/letter/en.tmpl", "templates/letter/ru.tmpl"}; !slices.Equal(tmpls, want) {
		t.Errorf("templates = %v, want %v", tmpls, want)
	}
	if got := string(fsys["clauses/p/document.yaml"].Data); !strings.Contains(got, "languages: [ru, en]") {
		t.Errorf("document.yaml does not keep the order of the languages:\n%s", got)
	}
}

// Every phrase has all three languages, so any subset can be asked for.
func TestPhrasesComplete(t *testing.T) {
	phrases, err := loadPhrases()
	if err != nil {
		t.Fatal(err)
	}
	for key, p := range phrases {
		for _, l := range Languages() {
			if strings.TrimSpace(p[l]) == "" {
				t.Errorf("phrase %s has no %s wording", key, l)
			}
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, opt := range []Options{
		{Kind: "treaty", Languages: []string{"en"}, ID: "p"},
		{Kind: "mou", Style: "gothic", Languages: []string{"en"}, ID: "p"},
		{Kind: "mou", Languages: []string{"en", "en"}, ID: "p"},
		{Kind: "mou", Languages: nil, ID: "p"},
	} {
		_, err := Project(opt)
		if _, ok := err.(*UsageError); !ok {
			t.Errorf("Project(%+v) = %v, want a usage error", opt, err)
		}
	}
}
