package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Facts is what a language is, as its data file's `language:` block says:
//
//	language:
//	  order: 2                 # place among the built-in languages (hints, schemas)
//	  grammar: russian         # the grammar machinery: english, russian or kazakh
//	  cases: [nom, gen, dat, acc, ins, pre]   # the cases the language inflects for
//	  word-locale: ru-RU       # the tag Word files its text under (w:lang)
//	  script: Cyrillic         # the script of its letters, for the mixed-script check
//	  possessive: false        # whether terms have possessed forms (Kazakh)
//
// Month names, number words and every other word are in the same file.
// A language that uses the grammar machinery of an existing one is added
// with a data file alone: nothing in Go names a language.
type Facts struct {
	Tag        string
	Order      int
	Grammar    string
	Cases      []Case
	WordLocale string
	Script     string
	Possessive bool
}

// factsYAML is the `language:` block of a built-in data file.
type factsYAML struct {
	Order      int      `yaml:"order"`
	Grammar    string   `yaml:"grammar"`
	Cases      []string `yaml:"cases"`
	WordLocale string   `yaml:"word-locale"`
	Script     string   `yaml:"script"`
	Possessive bool     `yaml:"possessive"`
}

// grammars names the grammar machinery a data file may choose.
func grammars() map[string]grammar {
	return map[string]grammar{"english": english, "russian": russian, "kazakh": kazakh}
}

// facts checks a language block read from the data of tag.
func (fy *factsYAML) facts(tag string) (Facts, error) {
	f := Facts{Tag: tag, Order: fy.Order, Grammar: fy.Grammar, WordLocale: fy.WordLocale, Script: fy.Script, Possessive: fy.Possessive}
	if _, ok := grammars()[fy.Grammar]; !ok {
		return f, fmt.Errorf("language: grammar %q is not one of english, russian, kazakh", fy.Grammar)
	}
	if len(fy.Cases) == 0 {
		return f, fmt.Errorf("language: no cases")
	}
	for _, name := range fy.Cases {
		c, err := ParseCase(name)
		if err != nil {
			return f, fmt.Errorf("language: %w", err)
		}
		f.Cases = append(f.Cases, c)
	}
	if f.WordLocale == "" || f.Script == "" {
		return f, fmt.Errorf("language: word-locale and script are required")
	}
	return f, nil
}

// dataFile is one language's data file, parsed, and the facts its
// language: block states.
type dataFile struct {
	facts Facts
	data  *fileYAML
}

// readData parses every data file in fsys (data/<tag>.yaml), each once and
// all at the same time, and returns them in the languages' order.
func readData(fsys fs.FS) ([]dataFile, error) {
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	out := make([]dataFile, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { out[i], errs[i] = readDataFile(fsys, name) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b dataFile) int { return a.facts.Order - b.facts.Order })
	return out, nil
}

// readDataFile parses data file name of fsys and checks its facts.
func readDataFile(fsys fs.FS, name string) (dataFile, error) {
	tag := strings.TrimSuffix(path.Base(name), ".yaml")
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return dataFile{}, err
	}
	fd, err := parseFile(raw)
	if err != nil {
		return dataFile{}, fmt.Errorf("%s: %w", name, err)
	}
	if fd.Language == nil {
		return dataFile{}, fmt.Errorf("%s: no language: block", name)
	}
	f, err := fd.Language.facts(tag)
	if err != nil {
		return dataFile{}, fmt.Errorf("%s: %w", name, err)
	}
	return dataFile{facts: f, data: fd}, nil
}

// readFacts reads the facts of every data file in fsys (data/<tag>.yaml),
// in their order.
func readFacts(fsys fs.FS) ([]Facts, error) {
	files, err := readData(fsys)
	if err != nil {
		return nil, err
	}
	out := make([]Facts, len(files))
	for i, f := range files {
		out[i] = f.facts
	}
	return out, nil
}

// builtin is what the embedded data files make: the facts of the
// built-in languages, in their order, and the languages themselves.
type builtin struct {
	facts []Facts
	langs map[string]*Language
}

// builtinLanguages reads and builds the built-in languages once. It is a
// memoised constant of the embedded data, not state: every call gives the
// same result, and a Language is never changed once built (AddTerms
// changes a copy), so every Engine may share them.
var builtinLanguages = sync.OnceValues(func() (builtin, error) {
	files, err := readData(builtinData)
	if err != nil {
		return builtin{}, err
	}
	langs, err := buildLanguages(files)
	if err != nil {
		return builtin{}, err
	}
	b := builtin{langs: langs}
	for _, f := range files {
		b.facts = append(b.facts, f.facts)
	}
	return b, nil
})

// builtinFacts is the facts of the built-in languages.
func builtinFacts() ([]Facts, error) {
	b, err := builtinLanguages()
	return b.facts, err
}

// Builtin returns the facts of the built-in languages, in their order
// (none when the embedded data is broken, which New reports).
func Builtin() []Facts {
	fs, _ := builtinFacts()
	return slices.Clone(fs)
}

// Tags returns the tags of the built-in languages, in their order ("en",
// "ru", "kk").
func Tags() []string {
	var out []string
	for _, f := range Builtin() {
		out = append(out, f.Tag)
	}
	return out
}

// FactsOf returns the facts of built-in language tag.
func FactsOf(tag string) (Facts, bool) {
	for _, f := range Builtin() {
		if f.Tag == tag {
			return f, true
		}
	}
	return Facts{}, false
}

// WordLocale is the tag Word files text of language tag under ("en-GB");
// tag itself for a language chancery does not know.
func WordLocale(tag string) string {
	if f, ok := FactsOf(tag); ok {
		return f.WordLocale
	}
	return tag
}

// ScriptOf is the script language tag is written in ("Latin",
// "Cyrillic"); "" for a language chancery does not know.
func ScriptOf(tag string) string {
	f, _ := FactsOf(tag)
	return f.Script
}

// Facts returns what the language is.
func (l *Language) Facts() Facts { return l.facts }
