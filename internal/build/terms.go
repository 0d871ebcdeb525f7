package build

import (
	"errors"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// TermsDir holds a project's own terms and forms, one file per language
// (clauses/terms/kk.yaml), in the language engine's data format: new terms
// ("protocol", "clause") and overrides of built-in forms.
const TermsDir = "clauses/terms"

// Engine returns the language engine with the project's own terms added.
func Engine(fsys fs.FS) (*lang.Engine, diag.List) {
	var diags diag.List
	engine, err := lang.New()
	if err != nil {
		diags.Errorf(diag.Pos{}, "internal", "language data: %v", err)
		return nil, diags
	}
	for _, tag := range engine.Tags() {
		file := path.Join(TermsDir, tag+".yaml")
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "read", "cannot read file: %v", err)
			continue
		}
		if blankStems(file, data, &diags) {
			continue
		}
		if err := engine.AddTerms(tag, data); err != nil {
			line, msg := termsError(data, err)
			d := diags.Errorf(diag.Pos{File: file, Line: line, Col: 1}, "terms", "%s", msg)
			d.Hint = "see chancery forms " + tag + " TERM for what the engine gives; the format is that of internal/lang/data/" + tag + ".yaml"
		}
	}
	return engine, diags
}

var yamlErrorLine = lazyre.New(`line (\d+): ([^\n]*)`)

// termsError turns the language engine's error over data into a line and
// a one-line message.
func termsError(data []byte, err error) (int, string) {
	msg := err.Error()
	if m := yamlErrorLine().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return yamlpos.ProblemLine(data, line), m[2]
	}
	msg = strings.TrimPrefix(msg, "lang: ")
	return 1, strings.ReplaceAll(msg, "\n", " ")
}

// blankStems reports every term whose stem: is blank (or white space), at
// the stem; the engine would inflect an empty word ("2.1-... сына").
func blankStems(file string, data []byte, diags *diag.List) bool {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return false // the engine reports the syntax
	}
	found := false
	terms := mappingValue(root.Content[0], "terms")
	if terms == nil || terms.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(terms.Content); i += 2 {
		key, body := terms.Content[i], terms.Content[i+1]
		stem := mappingValue(body, "stem")
		if stem == nil || stem.Kind != yaml.ScalarNode || strings.TrimSpace(stem.Value) != "" {
			continue
		}
		d := diags.Errorf(diag.Pos{File: file, Line: stem.Line, Col: stem.Column}, "terms", "the stem of term %q is empty", key.Value)
		d.Hint = "write the word's stem, or remove stem: to keep the built-in one"
		found = true
	}
	return found
}

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
