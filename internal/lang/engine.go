package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"sort"
)

//go:embed data/*.yaml
var builtinData embed.FS

// Engine holds the languages and their data. Create one with New.
type Engine struct {
	langs map[string]*Language
}

// New returns an Engine with the built-in languages: one per data file
// (data/<tag>.yaml), each built with the grammar its facts name.
func New() (*Engine, error) {
	b, err := builtinLanguages()
	if err != nil {
		return nil, fmt.Errorf("lang: built-in data: %w", err)
	}
	return &Engine{langs: maps.Clone(b.langs)}, nil
}

// newEngine makes an engine of the languages whose data files are
// data/<tag>.yaml in fsys.
func newEngine(fsys fs.FS) (*Engine, error) {
	files, err := readData(fsys)
	if err != nil {
		return nil, err
	}
	langs, err := buildLanguages(files)
	if err != nil {
		return nil, err
	}
	return &Engine{langs: langs}, nil
}

// buildLanguages builds a language of each data file.
func buildLanguages(files []dataFile) (map[string]*Language, error) {
	langs := map[string]*Language{}
	for _, f := range files {
		l := newLanguage(f.facts)
		if err := l.add(f.facts.Tag, f.data); err != nil {
			return nil, fmt.Errorf("lang: data/%s.yaml: %w", f.facts.Tag, err)
		}
		langs[f.facts.Tag] = l
	}
	return langs, nil
}

// AddTerms merges project data for language tag into the engine. yamlData
// uses the schema of the built-in files (see data.go): new terms are added,
// forms of existing terms, words, months and the date pattern are
// overridden one by one. On error the engine is left unchanged.
// Language values obtained before the call keep the old data.
func (e *Engine) AddTerms(tag string, yamlData []byte) error {
	old, ok := e.langs[tag]
	if !ok {
		return fmt.Errorf("lang: AddTerms: unknown language %q (have %v)", tag, e.Tags())
	}
	if fd, err := parseFile(yamlData); err == nil && fd.Language != nil {
		return fmt.Errorf("lang: AddTerms %s: a project cannot change what the language is (language:); it adds terms, words, months and the date pattern", tag)
	}
	l := old.clone()
	if err := l.load(tag, yamlData); err != nil {
		return fmt.Errorf("lang: AddTerms %s: %w", tag, err)
	}
	e.langs[tag] = l
	return nil
}

// Language returns the language with the given tag ("en", "ru", "kk").
func (e *Engine) Language(tag string) (*Language, error) {
	l, ok := e.langs[tag]
	if !ok {
		return nil, fmt.Errorf("lang: unknown language %q (have %v)", tag, e.Tags())
	}
	return l, nil
}

// Tags returns the language tags of the engine, sorted.
func (e *Engine) Tags() []string {
	tags := make([]string, 0, len(e.langs))
	for t := range e.langs {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	return tags
}

// load parses raw, merges it into l and validates the result.
func (l *Language) load(tag string, raw []byte) error {
	fd, err := parseFile(raw)
	if err != nil {
		return err
	}
	return l.add(tag, fd)
}

// add merges the parsed data fd into l and validates the result.
func (l *Language) add(tag string, fd *fileYAML) error {
	if fd.Tag != "" && fd.Tag != tag {
		return fmt.Errorf("data is tagged %q, not %q", fd.Tag, tag)
	}
	if err := l.merge(fd); err != nil {
		return err
	}
	return l.validate()
}
