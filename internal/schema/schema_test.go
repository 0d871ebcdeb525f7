package schema

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/load"
	"go.yaml.in/yaml/v3"
)

// parsed returns a kind's schema as printed, parsed back from JSON.
func parsed(t *testing.T, name string) map[string]any {
	t.Helper()
	k, ok := Lookup(name)
	if !ok {
		t.Fatalf("no kind %q", name)
	}
	data, err := k.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("schema %s is not valid JSON: %v", name, err)
	}
	return s
}

func TestKinds(t *testing.T) {
	if got, want := Names(), []string{"document", "section", "preamble", "source", "note", "style"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if _, ok := Lookup("clause"); ok {
		t.Error(`Lookup("clause") found a kind`)
	}
}

// Every schema is valid JSON, declares draft 2020-12, uses only keywords
// the test validator knows, and resolves every $ref.
func TestSchemasAreWellFormed(t *testing.T) {
	for _, name := range Names() {
		s := parsed(t, name)
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v", name, s["$schema"])
		}
		if s["type"] != "object" || s["additionalProperties"] != false {
			t.Errorf("%s: the top level is not a closed object", name)
		}
		var walk func(v any, at string)
		walk = func(v any, at string) {
			switch v := v.(type) {
			case map[string]any:
				for key, c := range v {
					if strings.HasSuffix(at, ".properties") || strings.HasSuffix(at, ".patternProperties") || strings.HasSuffix(at, ".$defs") {
						walk(c, at+"."+key) // a property or definition name, not a keyword
						continue
					}
					if !supported(key) {
						t.Errorf("%s: keyword %q at %s is not supported by the test validator", name, key, at)
					}
					if key == "$ref" {
						def := strings.TrimPrefix(c.(string), "#/$defs/")
						if _, ok := s["$defs"].(map[string]any)[def]; !ok {
							t.Errorf("%s: %s refers to missing %s", name, at, c)
						}
					}
					walk(c, at+"."+key)
				}
			case []any:
				for _, c := range v {
					walk(c, at)
				}
			}
		}
		walk(s, "")
	}
}

// kindOf says which schema a project file is checked against, "" for none.
func kindOf(file string, data []byte, parts []string) string {
	switch {
	case strings.HasPrefix(file, "templates/") && path.Base(file) == "style.yaml":
		return "style"
	case strings.HasPrefix(file, load.SourcesDir+"/"):
		return "source"
	case strings.HasPrefix(file, load.NotesDir+"/"):
		return "note"
	case path.Base(file) == load.DocumentFile:
		return "document"
	case slices.Contains(parts, file):
		var top map[string]any
		if yaml.Unmarshal(data, &top) == nil {
			if _, ok := top["section"]; ok {
				return "section"
			}
		}
		return "preamble"
	}
	return ""
}

// decode reads YAML as an editor's YAML language server sees it, the
// values that JSON has: a date such as 2024-05-13 is a string (YAML 1.2),
// not the timestamp yaml.v3 would make of it.
func decode(t *testing.T, data []byte) any {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var value func(n *yaml.Node) any
	value = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return value(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = value(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, value(c))
			}
			return l
		}
		if n.Tag == "!!timestamp" {
			return n.Value
		}
		var v any
		if err := n.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	return value(&root)
}

// Every YAML file of the example validates against its kind's schema.
func TestExampleValidates(t *testing.T) {
	root := os.DirFS("../..")
	var parts []string
	docs, _ := fs.Glob(root, "clauses/*/"+load.DocumentFile)
	for _, d := range docs {
		data, err := fs.ReadFile(root, d)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct{ Parts []string }
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, p := range doc.Parts {
			parts = append(parts, path.Join(path.Dir(d), p))
		}
	}
	counts := map[string]int{}
	walk := func(file string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(file, ".yaml") {
			return err
		}
		data, err := fs.ReadFile(root, file)
		if err != nil {
			return err
		}
		kind := kindOf(file, data, parts)
		if kind == "" {
			t.Logf("%s: no schema kind for it yet", file)
			return nil
		}
		counts[kind]++
		v := decode(t, data)
		s := parsed(t, kind)
		for _, p := range (validator{root: s}).validate(s, v) {
			t.Errorf("%s (%s): %s", file, kind, p)
		}
		return nil
	}
	for _, dir := range []string{"clauses", "templates"} {
		if err := fs.WalkDir(root, dir, walk); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range Names() {
		if counts[k] == 0 {
			t.Errorf("no example file of kind %s was validated", k)
		}
	}
	// Each section is a part of its own: as many section parts as the
	// project's documents have sections when loaded.
	proj, diags := load.Project(root)
	if diags.HasErrors() {
		t.Fatalf("the example does not load: %v", diags)
	}
	sections := 0
	for _, d := range proj.Documents {
		sections += len(d.Sections)
	}
	if sections == 0 || counts["section"] < sections {
		t.Errorf("%d section parts validated, want the example's %d", counts["section"], sections)
	}
}

// agreeCase is a file that chancery and the schema of its kind both accept
// (ok) or both refuse.
type agreeCase struct {
	name, kind, file, data string
	ok                     bool
}

// The schemas agree with chancery: what load (or, for suppress: entries,
// package check) rejects for its shape, the schema rejects; what they
// accept, the schema accepts.
func TestSchemaAgreesWithLoad(t *testing.T) {
	const doc = "id: t\nlanguages: [en]\nparts: [01.yaml]\n"
	const src = "id: poa\ntitle: {en: P}\nlevels: [pillar, paragraph]\nunits:\n  - number: II\n    units:\n      - {number: 3, text: {en: Text.}}\n"
	para := func(fields string) string {
		return "section: s\nheading: {en: S}\nparagraphs:\n  - id: s.a\n    text: {en: A.}\n" + fields
	}
	tests := []agreeCase{
		{"a plain section", "section", "clauses/t/01.yaml", para(""), true},
		{"an insert by suffix", "section", "clauses/t/01.yaml", para("  - id: s.b\n    insert: bis\n    text: {en: B.}\n"), true},
		{"an insert by true", "section", "clauses/t/01.yaml", para("  - id: s.b\n    insert: true\n    text: {en: B.}\n"), true},
		{"an unknown insert suffix", "section", "clauses/t/01.yaml", para("  - id: s.b\n    insert: bys\n    text: {en: B.}\n"), false},
		{"aligned", "section", "clauses/t/01.yaml", para("  - id: s.b\n    aligned: {source: poa, at: II.3, mode: excerpt}\n    text: {en: Text.}\n"), true},
		{"aligned with a bad mode", "section", "clauses/t/01.yaml", para("  - id: s.b\n    aligned: {source: poa, at: II.3, mode: loose}\n    text: {en: Text.}\n"), false},
		{"aligned without at", "section", "clauses/t/01.yaml", para("  - id: s.b\n    aligned: {source: poa}\n    text: {en: Text.}\n"), false},
		{"a suppression", "section", "clauses/t/01.yaml", para("  - id: s.b\n    suppress: [{check: brackets, reason: kept}]\n    text: {en: '[B.]'}\n"), true},
		{"a suppression without a reason", "section", "clauses/t/01.yaml", para("  - id: s.b\n    suppress: [{check: brackets}]\n    text: {en: '[B.]'}\n"), false},
		{"a suppression of an unknown check", "section", "clauses/t/01.yaml", para("  - id: s.b\n    suppress: [{check: spelling, reason: kept}]\n    text: {en: B.}\n"), false},
		{"an unknown field", "section", "clauses/t/01.yaml", para("  - id: s.b\n    txt: {en: B.}\n"), false},
		{"an unknown language", "section", "clauses/t/01.yaml", para("  - id: s.b\n    text: {fr: B.}\n"), false},
		{"an empty text", "section", "clauses/t/01.yaml", para("  - id: s.b\n    text: {en: ' '}\n"), false},
		{"a bad id", "section", "clauses/t/01.yaml", para("  - id: S.B\n    text: {en: B.}\n"), false},
		{"nested items", "section", "clauses/t/01.yaml", para("  - id: s.b\n    text: {en: B.}\n    items_scheme: alpha\n    items:\n      - id: s.b.x\n        numbered: false\n        text: {en: X.}\n"), true},
		{"a section without heading", "section", "clauses/t/01.yaml", "section: s\nparagraphs: []\n", false},
		{"a preamble", "preamble", "clauses/t/01.yaml", "recitals:\n  - {id: r.a, lead: {en: WHEREAS}, text: {en: R.}}\ntransition: {en: T.}\n", true},
		{"a recital without text", "preamble", "clauses/t/01.yaml", "recitals:\n  - {lead: {en: WHEREAS}}\n", false},
		{"a document with numbering", "document", "clauses/t/document.yaml",
			doc + "status: final\nnumbering:\n  schemes:\n    s: {label: '{n}.', term: paragraph}\n    p: {label: '{up}.{n}', term: paragraph}\n  levels: [s, p]\naliases: {old.id: s.a}\n", true},
		{"a document with a bad status", "document", "clauses/t/document.yaml", doc + "status: agreed\n", false},
		{"a document with a part in another directory", "document", "clauses/t/document.yaml", "id: t\nlanguages: [en]\nparts: [../x.yaml]\n", false},
		{"a document with a language twice", "document", "clauses/t/document.yaml", "id: t\nlanguages: [en, en]\nparts: [01.yaml]\n", false},
		{"a document with final copies", "document", "clauses/t/document.yaml", doc + "final: {originals: 2, mark: true, signature: [signature, date, place]}\n", true},
		{"final: marks without originals", "document", "clauses/t/document.yaml", doc + "final: {mark: true}\n", false},
		{"final: unmarked without originals", "document", "clauses/t/document.yaml", doc + "final: {mark: false, signature: [signature]}\n", true},
		{"final: no originals", "document", "clauses/t/document.yaml", doc + "final: {originals: 0}\n", false},
		{"final: a hundred originals", "document", "clauses/t/document.yaml", doc + "final: {originals: 100}\n", false},
		{"final: originals in words", "document", "clauses/t/document.yaml", doc + "final: {originals: two}\n", false},
		{"final: half an original", "document", "clauses/t/document.yaml", doc + "final: {originals: 2.5}\n", false},
		{"final: an unknown field", "document", "clauses/t/document.yaml", doc + "final: {copies: 2}\n", false},
		{"final: a subject", "document", "clauses/t/document.yaml", doc + "final: {subject: {en: MoU}}\n", true},
		{"final: a subject that is not text", "document", "clauses/t/document.yaml", doc + "final: {subject: [MoU]}\n", false},
		{"a PDF/A draft", "document", "clauses/t/document.yaml", doc + "pdfa: true\n", true},
		{"pdfa in words", "document", "clauses/t/document.yaml", doc + "pdfa: always\n", false},
		{"a source with a numeric number", "source", "clauses/sources/poa.yaml", src, true},
		{"a source unit without number", "source", "clauses/sources/poa.yaml", "id: poa\ntitle: {en: P}\nlevels: [pillar]\nunits:\n  - {text: {en: T.}}\n", false},
	}
	tests = append(tests, noteCases()...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fstest.MapFS{
				"clauses/t/document.yaml":  {Data: []byte(doc)},
				"clauses/t/01.yaml":        {Data: []byte(para(""))},
				"clauses/sources/poa.yaml": {Data: []byte(src)},
			}
			files[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			proj, diags := load.Project(files)
			if tt.kind == "note" {
				_, nd := load.Note(files, tt.file)
				diags.Append(nd)
			}
			if !diags.HasErrors() {
				for _, d := range proj.Documents {
					diags.Append(check.Document(d, proj.Sources, check.Options{}))
				}
			}
			v := decode(t, []byte(tt.data))
			s := parsed(t, tt.kind)
			problems := (validator{root: s}).validate(s, v)
			if loadOK := !diags.HasErrors(); loadOK != tt.ok {
				t.Errorf("chancery accepts it: %v, want %v; diagnostics: %v", loadOK, tt.ok, diags)
			}
			if schemaOK := len(problems) == 0; schemaOK != tt.ok {
				t.Errorf("schema accepts it: %v, want %v; problems: %v", schemaOK, tt.ok, problems)
			}
		})
	}
}

// The suppress: entries accept exactly the checks package check runs.
func TestSuppressNamesTheChecks(t *testing.T) {
	s := parsed(t, "section")
	enum := s["$defs"].(map[string]any)["suppress"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["check"].(map[string]any)["enum"].([]any)
	var got []string
	for _, e := range enum {
		got = append(got, e.(string))
	}
	if !slices.Equal(got, check.Names()) {
		t.Errorf("suppress check enum %v, want %v", got, check.Names())
	}
}
