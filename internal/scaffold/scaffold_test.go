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
						case strings.HasPrefix(p, "templates/"):
							want = "style"
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
// style and its form's templates in exactly the project's languages, in
// the layout of house styles: templates/<style>/style.yaml and
// templates/<style>/<form>/<lang>.tmpl.
func TestDefaultsAndForms(t *testing.T) {
	for kind, style := range map[string]string{"mou": "chancery", "agreement": "treaty", "report": "un", "note": "chancery", "letter": "chancery"} {
		if got := DefaultStyle(kind); got != style {
			t.Errorf("DefaultStyle(%s) = %s, want %s", kind, got, style)
		}
	}
	for _, c := range []struct {
		kind, style string
		want        []string
	}{
		{"letter", "", []string{"templates/chancery/letter/en.tmpl", "templates/chancery/letter/ru.tmpl", "templates/chancery/style.yaml"}},
		{"note", "treaty", []string{"templates/treaty/note-verbale/en.tmpl", "templates/treaty/note-verbale/ru.tmpl", "templates/treaty/style.yaml"}},
		{"mou", "", nil},
	} {
		fsys := project(t, c.kind, c.style, "ru", "en")
		var tmpls []string
		for p := range fsys {
			if strings.HasPrefix(p, "templates/") {
				tmpls = append(tmpls, p)
			}
		}
		slices.Sort(tmpls)
		if !slices.Equal(tmpls, c.want) {
			t.Errorf("%s: templates = %v, want %v", c.kind, tmpls, c.want)
		}
	}
	fsys := project(t, "letter", "", "ru", "en")
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

// A new project with correspondence builds, its note or letter read from
// templates/<style>/<form>/; a project init wrote before styles, with
// the templates in templates/<form>/ and no style.yaml, still builds.
func TestCorrespondenceProjectsBuild(t *testing.T) {
	oldLayout := func(fsys fstest.MapFS) {
		for p, f := range fsys {
			if rest, ok := strings.CutPrefix(p, "templates/chancery/"); ok {
				delete(fsys, p)
				if rest != "style.yaml" {
					fsys["templates/"+rest] = f
				}
			}
		}
	}
	for _, c := range []struct {
		name, kind string
		edit       func(fstest.MapFS)
	}{
		{"note", "note", nil},
		{"letter", "letter", nil},
		{"letter in the old layout", "letter", oldLayout},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := project(t, c.kind, "", "en", "ru")
			if c.edit != nil {
				c.edit(fsys)
				if _, ok := fsys["templates/letter/en.tmpl"]; !ok {
					t.Fatal("the old layout has no templates/letter/en.tmpl")
				}
			}
			res, diags := build.Build(fsys, build.Options{Formats: []string{"pdf", "docx"}})
			if diags.HasErrors() {
				t.Fatalf("build: %v", diags)
			}
			var names []string
			for _, o := range res.Outputs {
				names = append(names, o.Name)
			}
			for _, want := range []string{"p.en.pdf", "p-" + c.kind + ".en.pdf", "p-" + c.kind + ".ru.docx"} {
				if !slices.Contains(names, want) {
					t.Errorf("no %s among the outputs %v", want, names)
				}
			}
		})
	}
}

// A letter project is set in its style's letter form: the place and date
// and the reference above the addressee, then the salutation, the body,
// the close and the signature, the enclosure line at the foot, in every
// language; the style file init writes holds the form.
func TestLetterProjectHasTheLetterForm(t *testing.T) {
	fsys := project(t, "letter", "", "en", "ru", "kk")
	if style := string(fsys["templates/chancery/style.yaml"].Data); !strings.Contains(style, "correspondence:\n  letter:\n") {
		t.Fatalf("the style has no letter form:\n%s", style)
	}
	res, diags := build.Build(fsys, build.Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	for _, c := range []struct {
		lang  string
		lines []string // in this order
	}{
		{"en", []string{"[City], 9 March 2026", "Ref.: [000]", "[H.E. Mr./Ms. ...]", "Excellency,", "I have the honour to transmit herewith", "Please accept, Excellency, the assurances of my highest consideration.", "[Name], [Title]", "Enclosure: as stated, 1 p."}},
		{"ru", []string{"[город], 9 марта 2026 года", "Исх. № [000]", "[Его/Ее Превосходительству ...]", "Ваше Превосходительство!", "Имею честь препроводить", "Примите, Ваше Превосходительство, уверения в моём весьма высоком уважении.", "[Имя], [Должность]", "Приложение: упомянутое, на 1 л."}},
		{"kk", []string{"[қала], 2026 жылғы 9 наурыз", "Шығыс № [000]", "[Мәртебелі ...]", "Мәртебелі мырза!", "өзіме мәртебе санаймын.", "Мәртебелі мырза, осы мүмкіндікті пайдалана отырып, Сізге өзімнің зор ілтипатымды тағы да растаймын.", "[Аты-жөні], [Лауазымы]", "Қосымша: аталған, 1 п."}},
	} {
		var text string
		for _, o := range res.Outputs {
			if o.Name == "p-letter."+c.lang+".txt" {
				text = strings.NewReplacer("\u00a0", " ").Replace(string(o.Data))
			}
		}
		at := 0
		for _, want := range c.lines {
			i := strings.Index(text[at:], want)
			if i < 0 {
				t.Errorf("%s: no %q after what came before in:\n%s", c.lang, want, text)
				break
			}
			at += i + len(want)
		}
	}
}
