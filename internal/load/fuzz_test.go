package load

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
)

// FuzzDocument loads a document whose section part is the fuzzed bytes:
// whatever the input, loading ends with diagnostics, never a panic, and
// every diagnostic names a position in a project file.
func FuzzDocument(f *testing.F) {
	f.Add([]byte("section: s\nheading: {en: H}\nparagraphs:\n  - id: s.a\n    text: {en: \"See {ref:s.b|dat,cap} *x* **y**\"}\n    items:\n      - id: s.a.i\n        insert: bis\n        text: {en: i}\n"))
	f.Add([]byte("recitals:\n  - lead: {en: WHEREAS}\n    text: {en: the [draft] {fill:x}}\ntransition: {en: NOW}\n"))
	f.Add([]byte("section: s\nheading: {en: H}\nparagraphs:\n\t- id: s.a\n"))
	f.Add([]byte("a: &x [1, 2]\nb: *x\n"))
	f.Add([]byte("section: s\nheading: {en: \"H\x00\"}\n"))
	f.Add([]byte("section: s\nheading: {en: H}\nparagraphs: [[[[[[[[]]]]]]]]\n"))
	doc := []byte("id: t\nlanguages: [en, ru]\ntitle:\n  - {en: T, ru: Т}\nparts: [01.yaml]\nnumbering:\n  schemes:\n    s: {label: \"{n}:\", term: paragraph}\n    p: {label: \"{up}.{n}\", term: sub-paragraph}\n  levels: [s, p]\n")
	f.Fuzz(func(t *testing.T, part []byte) {
		fsys := fstest.MapFS{
			"clauses/t/document.yaml": {Data: doc},
			"clauses/t/01.yaml":       {Data: part},
		}
		d, diags := Document(fsys, "clauses/t")
		if d == nil {
			t.Fatal("document.yaml is valid, the document must load")
		}
		checkDiagnostics(t, diags)
	})
}

func checkDiagnostics(t *testing.T, diags diag.List) {
	t.Helper()
	for _, d := range diags {
		if !strings.HasPrefix(d.Pos.File, "clauses/") || d.Message == "" || d.Code == "" {
			t.Errorf("diagnostic without a file, message or code: %#v", d)
		}
		if !utf8.ValidString(d.Message) {
			t.Errorf("diagnostic message is not UTF-8: %q", d.Message)
		}
	}
}

// FuzzInline parses fuzzed inline markup: no panic, every run's text is
// taken from the input, and an input without markup characters is one
// plain run equal to it.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"plain", "the *Participants*", "**b *i* b**", "{ref:a,b|dat,cap,rel}", "{fill:x}", `\*\{\\`, "{ref:", "*", "**", "{ref:|}", "пункт {ref:x|ins}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var diags diag.List
		at := func(off int) diag.Pos {
			if off < 0 || off > len(s) {
				t.Fatalf("offset %d outside the text (%d bytes)", off, len(s))
			}
			return diag.Pos{File: "clauses/f.yaml", Line: 1, Col: off + 1}
		}
		runs := ParseInline(s, at, &diags)
		checkDiagnostics(t, diags)
		if !strings.ContainsAny(s, `*{\`) && utf8.ValidString(s) {
			if s == "" && len(runs) != 0 || s != "" && (len(runs) != 1 || dump(runs) != s) {
				t.Errorf("plain input %q parsed as %s", s, dump(runs))
			}
		}
	})
}
