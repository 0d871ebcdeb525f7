package build

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
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
			diags.Errorf(diag.Pos{File: file}, "read", "cannot read file: %v", err)
			continue
		}
		if err := engine.AddTerms(tag, data); err != nil {
			line, msg := termsError(err)
			d := diags.Errorf(diag.Pos{File: file, Line: line, Col: 1}, "terms", "%s", msg)
			d.Hint = "see chancery forms " + tag + " TERM for what the engine gives; the format is that of internal/lang/data/" + tag + ".yaml"
		}
	}
	return engine, diags
}

var yamlErrorLine = regexp.MustCompile(`line (\d+): ([^\n]*)`)

// termsError turns the language engine's error into a line and a one-line
// message.
func termsError(err error) (int, string) {
	msg := err.Error()
	if m := yamlErrorLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	msg = strings.TrimPrefix(msg, "lang: ")
	return 1, strings.ReplaceAll(msg, "\n", " ")
}
