package lang

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestFactsOfTheBuiltinLanguages is the table of what each language is,
// read from its data file.
func TestFactsOfTheBuiltinLanguages(t *testing.T) {
	want := []Facts{
		{Tag: "en", Order: 1, Grammar: "english", Cases: AllCases(), WordLocale: "en-GB", Script: "Latin"},
		{Tag: "ru", Order: 2, Grammar: "russian", Cases: []Case{Nom, Gen, Dat, Acc, Ins, Pre}, WordLocale: "ru-RU", Script: "Cyrillic"},
		{Tag: "kk", Order: 3, Grammar: "kazakh", Cases: []Case{Nom, Gen, Dat, Acc, Loc, Abl, Ins, Attr}, WordLocale: "kk-KZ", Script: "Cyrillic", Possessive: true},
	}
	got := Builtin()
	if len(got) != len(want) {
		t.Fatalf("%d languages, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Tag != w.Tag || g.Order != w.Order || g.Grammar != w.Grammar || !slices.Equal(g.Cases, w.Cases) ||
			g.WordLocale != w.WordLocale || g.Script != w.Script || g.Possessive != w.Possessive {
			t.Errorf("facts of %s:\n%+v\nwant\n%+v", w.Tag, g, w)
		}
	}
	if !slices.Equal(Tags(), []string{"en", "ru", "kk"}) {
		t.Errorf("tags %v", Tags())
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	kk, _ := e.Language("kk")
	if !kk.Facts().Possessive || !slices.Equal(kk.Cases(), want[2].Cases) {
		t.Errorf("kk: %+v", kk.Facts())
	}
	if WordLocale("ru") != "ru-RU" || WordLocale("xx") != "xx" || ScriptOf("kk") != "Cyrillic" || ScriptOf("xx") != "" {
		t.Error("lookups by tag")
	}
}

// TestALanguageIsADataFile adds Belarusian as a data file alone, on the
// Russian grammar machinery: its facts, words, month names, terms in
// their cases and dates come from the file; no Go code names it.
func TestALanguageIsADataFile(t *testing.T) {
	ru, err := builtinData.ReadFile("data/ru.yaml")
	if err != nil {
		t.Fatal(err)
	}
	en, _ := builtinData.ReadFile("data/en.yaml")
	be := strings.NewReplacer(
		"tag: ru\n", "tag: be\n",
		"  order: 2\n", "  order: 4\n",
		"  word-locale: ru-RU\n", "  word-locale: be-BY\n",
		"draft: ПРОЕКТ", "draft: ПРАЕКТ",
	).Replace(string(ru))
	// Belarusian month names, in the shapes of the Russian file.
	be = strings.Replace(be, "мая", "траўня", 1)
	fsys := fstest.MapFS{
		"data/en.yaml": {Data: en},
		"data/be.yaml": {Data: []byte(be)},
	}
	facts, err := readFacts(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 2 || facts[1].Tag != "be" || facts[1].WordLocale != "be-BY" || facts[1].Grammar != "russian" {
		t.Fatalf("facts %+v", facts)
	}
	e, err := newEngine(fsys)
	if err != nil {
		t.Fatal(err)
	}
	l, err := e.Language("be")
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := l.Word("draft"); w != "ПРАЕКТ" {
		t.Errorf("draft %q", w)
	}
	if got, err := l.Term("paragraph", Dat, false); err != nil || got != "пункту" {
		t.Errorf("paragraph in the dative: %q, %v", got, err)
	}
	if got, err := l.Date(2024, time.May, 13, Nom); err != nil || !strings.Contains(got, "траўня") {
		t.Errorf("date %q, %v", got, err)
	}
	if !slices.Equal(l.Cases(), []Case{Nom, Gen, Dat, Acc, Ins, Pre}) {
		t.Errorf("cases %v", l.Cases())
	}
}

func TestBadLanguageBlocks(t *testing.T) {
	en, _ := builtinData.ReadFile("data/en.yaml")
	for _, tt := range []struct{ from, to, want string }{
		{"grammar: english", "grammar: welsh", `grammar "welsh" is not one of english, russian, kazakh`},
		{"  word-locale: en-GB\n", "", "word-locale and script are required"},
		{"cases: [nom, gen, dat, acc, ins, pre, loc, abl, attr]", "cases: [nom, vocative]", `unknown case "vocative"`},
	} {
		bad := strings.Replace(string(en), tt.from, tt.to, 1)
		_, err := readFacts(fstest.MapFS{"data/en.yaml": {Data: []byte(bad)}})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s → %s: error %v, want %q", tt.from, tt.to, err, tt.want)
		}
	}
	_, err := readFacts(fstest.MapFS{"data/xx.yaml": {Data: []byte("tag: xx\nwords: {draft: D}\n")}})
	if err == nil || !strings.Contains(err.Error(), "no language: block") {
		t.Errorf("a file without facts: %v", err)
	}
	e, _ := New()
	err = e.AddTerms("en", []byte("language: {order: 1, grammar: russian, cases: [nom], word-locale: en-US, script: Latin}\n"))
	if err == nil || !strings.Contains(err.Error(), "cannot change what the language is") {
		t.Errorf("a project changing the facts: %v", err)
	}
}
