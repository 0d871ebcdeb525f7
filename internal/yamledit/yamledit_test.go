package yamledit

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const section = `# A section file, as an officer keeps it.
section: stations
heading: {en: Gauging Stations}   # the printed heading
paragraphs:
  - id: stations.network
    text: {en: "The Parties will keep the following stations:"}
    items:
      # the first item is the oldest
      - id: stations.network.one
        text: {en: "First item;"}

      - id: stations.network.two
        insert: bis
        text: {en: 'It''s the second;', ru: "Второй;"}
  - id: stations.plain
    text:
      en: Plain words here
      ru: |-
        Две
        строки
  - id: stations.last
    numbered: false
    text: {en: "Last."}
`

func parse(t *testing.T, src string) *File {
	t.Helper()
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func path(t *testing.T, s string) Path {
	t.Helper()
	p, err := ParsePath(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// want compares the file with src after the given line replacements, so
// that each test states exactly which bytes changed.
func want(t *testing.T, f *File, src string, pairs ...string) {
	t.Helper()
	exp := src
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(exp, pairs[i]) {
			t.Fatalf("test bug: %q not in source", pairs[i])
		}
		exp = strings.Replace(exp, pairs[i], pairs[i+1], 1)
	}
	if got := string(f.Bytes()); got != exp {
		t.Errorf("got:\n%s\nwant:\n%s", got, exp)
	}
}

func TestSetStringKeepsStyleAndEverythingElse(t *testing.T) {
	cases := []struct {
		path, value, old, new string
	}{
		{"paragraphs[0].text.en", `Say "so": here`, `"The Parties will keep the following stations:"`, `"Say \"so\": here"`},
		{"paragraphs[id=stations.network].items[id=stations.network.two].text.en", "Isn't it", `'It''s the second;'`, `'Isn''t it'`},
		{"paragraphs[1].text.en", "Other plain words", "Plain words here", "Other plain words"},
		{"paragraphs[1].text.en", "a: b # c", "Plain words here", `"a: b # c"`},
		{"paragraphs[1].text.ru", "Три\nстроки\nтеперь", "|-\n        Две\n        строки", "|-\n        Три\n        строки\n        теперь"},
		{"heading.en", "Stations, and more", "{en: Gauging Stations}", `{en: "Stations, and more"}`},
		{"paragraphs[2].numbered", "true", "numbered: false", `numbered: "true"`},
		{"paragraphs[0].items[1].text.ru", "Второй, исправленный;", `"Второй;"`, `"Второй, исправленный;"`},
	}
	for _, c := range cases {
		f := parse(t, section)
		if err := f.SetString(path(t, c.path), c.value); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		want(t, f, section, c.old, c.new)
		n, err := f.Lookup(path(t, c.path))
		if err != nil || n.Value != c.value {
			t.Errorf("%s reads back %v %v", c.path, n, err)
		}
	}
}

func TestSetStringAddsMissingKey(t *testing.T) {
	f := parse(t, section)
	if err := f.SetString(path(t, "paragraphs[0].text.kk"), "Тараптар: «бірге»"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetString(path(t, "paragraphs[1].text.kk"), "Жай сөздер"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetString(path(t, "paragraphs[2].insert"), "ter"); err != nil {
		t.Fatal(err)
	}
	want(t, f, section,
		`text: {en: "The Parties will keep the following stations:"}`,
		`text: {en: "The Parties will keep the following stations:", kk: "Тараптар: «бірге»"}`,
		"        строки\n", "        строки\n      kk: Жай сөздер\n",
		`    text: {en: "Last."}`+"\n", `    text: {en: "Last."}`+"\n    insert: ter\n")
}

func TestSetNodeReplacesAndAdds(t *testing.T) {
	f := parse(t, section)
	text := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "en"}, {Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: "One line."},
	}}
	if err := f.Set(path(t, "paragraphs[1].text"), text); err != nil {
		t.Fatal(err)
	}
	if err := f.Set(path(t, "paragraphs[2].numbered"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}); err != nil {
		t.Fatal(err)
	}
	want(t, f, section, "text:\n      en: Plain words here\n      ru: |-\n        Две\n        строки\n", "text: {en: \"One line.\"}\n",
		"numbered: false", "numbered: true")
}

func item(id, en string) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "id"}, {Kind: yaml.ScalarNode, Value: id},
		{Kind: yaml.ScalarNode, Value: "text"},
		{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Value: "en"}, {Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: en},
		}},
	}}
}

func TestInsertItem(t *testing.T) {
	f := parse(t, section)
	if err := f.Insert(path(t, "paragraphs[0].items"), 1, item("stations.network.new", "New: item;")); err != nil {
		t.Fatal(err)
	}
	if err := f.Insert(path(t, "paragraphs"), 3, item("stations.end", "End.")); err != nil {
		t.Fatal(err)
	}
	want(t, f, section,
		"\n      - id: stations.network.two", "\n      - id: stations.network.new\n        text: {en: \"New: item;\"}\n      - id: stations.network.two",
		`    text: {en: "Last."}`+"\n", `    text: {en: "Last."}`+"\n  - id: stations.end\n    text: {en: \"End.\"}\n")
}

func TestInsertBeforeCommentedItemAndIntoEmpty(t *testing.T) {
	src := "list:\n  # about a\n  - a\nempty: []\nflow: [x, y]\n"
	f := parse(t, src)
	if err := f.Insert(path(t, "list"), 0, &yaml.Node{Kind: yaml.ScalarNode, Value: "z"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Insert(path(t, "empty"), 0, item("e.one", "One.")); err != nil {
		t.Fatal(err)
	}
	if err := f.Insert(path(t, "flow"), 1, &yaml.Node{Kind: yaml.ScalarNode, Value: "w"}); err != nil {
		t.Fatal(err)
	}
	want(t, f, src, "list:\n", "list:\n  - z\n",
		"empty: []", "empty:\n  - id: e.one\n    text: {en: \"One.\"}",
		"[x, y]", "[x, w, y]")
}

func TestDelete(t *testing.T) {
	f := parse(t, section)
	if err := f.Delete(path(t, "paragraphs[0].items[0]")); err != nil {
		t.Fatal(err)
	}
	if err := f.Delete(path(t, "paragraphs[id=stations.last].numbered")); err != nil {
		t.Fatal(err)
	}
	if err := f.Delete(path(t, "paragraphs[id=stations.network].items[id=stations.network.two].text.ru")); err != nil {
		t.Fatal(err)
	}
	want(t, f, section,
		"      # the first item is the oldest\n      - id: stations.network.one\n        text: {en: \"First item;\"}\n", "",
		"    numbered: false\n", "",
		`{en: 'It''s the second;', ru: "Второй;"}`, `{en: 'It''s the second;'}`)
	// The last item leaves an empty sequence, not a null.
	if err := f.Delete(path(t, "paragraphs[0].items[0]")); err != nil {
		t.Fatal(err)
	}
	n, _ := f.Lookup(path(t, "paragraphs[0].items"))
	if n.Kind != yaml.SequenceNode || len(n.Content) != 0 || !strings.Contains(string(f.Bytes()), "    items: []\n  - id: stations.plain") {
		t.Errorf("after deleting the last item:\n%s", f.Bytes())
	}
	// The first key of an item (on the dash line) gives its place to the next.
	if err := f.Delete(path(t, "paragraphs[id=stations.last].id")); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(f.Bytes()), "  - text: {en: \"Last.\"}\n") {
		t.Errorf("after deleting a first key:\n%s", f.Bytes())
	}
}

func TestMoveKeepsLinesAndComments(t *testing.T) {
	f := parse(t, section)
	// An item becomes a paragraph: re-indented, its comment with it.
	if err := f.Move(path(t, "paragraphs[0].items[id=stations.network.one]"), path(t, "paragraphs"), 2); err != nil {
		t.Fatal(err)
	}
	want(t, f, section,
		"      # the first item is the oldest\n      - id: stations.network.one\n        text: {en: \"First item;\"}\n", "",
		"  - id: stations.last\n", "  # the first item is the oldest\n  - id: stations.network.one\n    text: {en: \"First item;\"}\n  - id: stations.last\n")
	// And back, at the end of the items.
	if err := f.Move(path(t, "paragraphs[id=stations.network.one]"), path(t, "paragraphs[0].items"), 1); err != nil {
		t.Fatal(err)
	}
	want(t, f, section,
		"      # the first item is the oldest\n      - id: stations.network.one\n        text: {en: \"First item;\"}\n", "",
		"        text: {en: 'It''s the second;', ru: \"Второй;\"}\n", "        text: {en: 'It''s the second;', ru: \"Второй;\"}\n      # the first item is the oldest\n      - id: stations.network.one\n        text: {en: \"First item;\"}\n")
}

func TestMoveBetweenFiles(t *testing.T) {
	a := parse(t, section)
	b := parse(t, "section: other\nparagraphs:\n- id: other.one\n  text: {en: One.}\n")
	fr, err := a.Cut(path(t, "paragraphs[id=stations.plain]"))
	if err != nil {
		t.Fatal(err)
	}
	if fr.ID() != "stations.plain" {
		t.Errorf("fragment id %q", fr.ID())
	}
	if err := b.Paste(path(t, "paragraphs"), 0, fr); err != nil {
		t.Fatal(err)
	}
	want(t, b, "section: other\nparagraphs:\n- id: other.one\n  text: {en: One.}\n",
		"paragraphs:\n", "paragraphs:\n- id: stations.plain\n  text:\n    en: Plain words here\n    ru: |-\n      Две\n      строки\n")
	n, err := b.Lookup(path(t, "paragraphs[0].text.ru"))
	if err != nil || n.Value != "Две\nстроки" {
		t.Errorf("pasted block scalar reads %v %v", n, err)
	}
}

func TestRefusals(t *testing.T) {
	f := parse(t, "a: &x 1\nb: *x\nc: {d: 1}\nl: [1]\n")
	for _, c := range []struct{ path, msg string }{
		{"a", "anchors"},
		{"b", "anchors"},
		{"zz.y", "no such node"},
		{"c.d.e", "not a mapping"},
		{"l[3]", "no such node"},
	} {
		err := f.SetString(path(t, c.path), "v")
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %q", c.path, err, c.msg)
		}
	}
	if err := f.Insert(path(t, "l"), 5, item("x", "y")); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("insert out of range: %v", err)
	}
	if _, err := Parse([]byte("a: 1\n---\nb: 2\n")); err == nil {
		t.Error("two documents accepted")
	}
	if _, err := Parse([]byte("a: [\n")); err == nil {
		t.Error("broken YAML accepted")
	}
}

func TestParsePath(t *testing.T) {
	p := path(t, "paragraphs[id=a.b.c].items[2].text.en")
	if got := p.String(); got != "paragraphs[id=a.b.c].items[2].text.en" {
		t.Errorf("round trip %q", got)
	}
	for _, bad := range []string{"a[", "a[-1]", "a[x]"} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFindID(t *testing.T) {
	f := parse(t, section)
	p, ok := f.FindID("stations.network.two")
	if !ok || p.String() != "paragraphs[0].items[1]" {
		t.Errorf("FindID: %v %v", p, ok)
	}
	if _, ok := f.FindID("nope"); ok {
		t.Error("found a missing id")
	}
	// Items without an id (a bullet's) are not found as the id "".
	bullets := parse(t, "bullets:\n  - text: {en: one}\n  - text: {en: two}\n")
	if p, ok := bullets.FindID(""); ok {
		t.Errorf("FindID(\"\") = %v, want nothing", p)
	}
}

// Every string scalar of every YAML file in the repository can be set to a
// new value and back, and the file comes back byte for byte; only the
// scalar's bytes differ in between.
func TestRoundTripOnRepositoryYAML(t *testing.T) {
	var files []string
	for _, root := range []string{"../../clauses", "../../testdata"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Fatal("no YAML files found")
	}
	edited := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(src)
		if err != nil {
			continue // deliberately broken inputs under testdata
		}
		for _, p := range scalarPaths(f.Root(), nil) {
			old, _ := f.Lookup(p)
			if old.Tag != "!!str" || old.Anchor != "" {
				continue
			}
			value := old.Value
			start := f.start(old)
			end, err := f.end(old, inFlow(f, p))
			if err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
				continue
			}
			if err := f.SetString(p, value+" changed"); err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
				continue
			}
			got := f.Bytes()
			if string(got[:start]) != string(src[:start]) || string(got[len(got)-(len(src)-end):]) != string(src[end:]) {
				t.Errorf("%s: %s: bytes outside the scalar changed", name, p)
			}
			if err := f.SetString(p, value); err != nil {
				t.Errorf("%s: %s back: %v", name, p, err)
				continue
			}
			// A folded scalar comes back as a literal one (the folding
			// of a new value is not guessed); everything else byte for byte.
			if string(f.Bytes()) != string(src) && old.Style&yaml.FoldedStyle == 0 {
				t.Errorf("%s: %s: the file changed after setting a value and back", name, p)
				f, _ = Parse(src)
			}
			edited++
		}
	}
	if edited < 300 {
		t.Errorf("only %d scalars edited", edited)
	}
}

func scalarPaths(n *yaml.Node, p Path) []Path {
	var out []Path
	switch n.Kind {
	case yaml.ScalarNode:
		out = append(out, p)
	case yaml.MappingNode:
		for j := 0; j+1 < len(n.Content); j += 2 {
			out = append(out, scalarPaths(n.Content[j+1], p.Append(Key(n.Content[j].Value)))...)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			out = append(out, scalarPaths(c, p.Append(Index(i)))...)
		}
	}
	return out
}

func inFlow(f *File, p Path) bool {
	l, _ := locate(f.root, p)
	return l.flow
}
