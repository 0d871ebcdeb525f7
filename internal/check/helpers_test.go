package check_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
	"github.com/chancery-dev/chancery/internal/xref"
)

// Texts of the test source's article IV.7, in English and Russian.
const (
	srcEN = "Establishing “common measures” on monitoring fish catches, the protection of spawning grounds and the use of echosounders for locating shoals;"
	srcRU = "Введение единой практики наблюдения прибрежного рыболовства и охраны нерестилищ, включая использование эхолотов;"
)

const documentYAML = `id: t
languages: [en, ru]
title:
  - {en: AGREEMENT, ru: СОГЛАШЕНИЕ}
parts: [01.yaml]
`

const sourceYAML = `id: cfp
title: {en: Coastal Fisheries Protocol, ru: Протокол о прибрежном рыболовстве}
levels: [part, article]
units:
  - number: IV
    units:
      - number: "7"
        text:
          en: "` + srcEN + `"
          ru: "` + srcRU + `"
`

// project returns the files of a test project whose only part is part.
func project(part string) fstest.MapFS {
	return fstest.MapFS{
		"clauses/t/document.yaml":  {Data: []byte(documentYAML)},
		"clauses/t/01.yaml":        {Data: []byte(part)},
		"clauses/sources/cfp.yaml": {Data: []byte(sourceYAML)},
	}
}

// section is a part with one section holding paragraphs (YAML list items
// indented by two spaces).
func section(paragraphs string) string {
	return "section: actions\nheading: {en: Actions, ru: Действия}\nparagraphs:\n" + paragraphs
}

// aligned is a paragraph aligned to cfp IV.7 in mode, with its English and
// Russian texts given on lines 6 and 7 of the part, as single-quoted YAML
// scalars starting at column 11.
func aligned(mode, en, ru string) string {
	return section("  - id: actions.sonar\n" +
		"    aligned: {source: cfp, at: IV.7, mode: " + mode + "}\n" +
		"    text:\n" +
		"      en: '" + en + "'\n" +
		"      ru: '" + ru + "'\n")
}

// run loads, numbers and resolves the project as build.Assemble does, then
// runs the checks; it returns every diagnostic, sorted, except those of the
// concordance check: the texts of these tests are written for the other
// checks, not as translations of each other (concordance_test.go uses
// runAll).
func run(t *testing.T, fsys fstest.MapFS, final bool) diag.List {
	t.Helper()
	var out diag.List
	for _, d := range runAll(t, fsys, final) {
		if d.Code != check.Concordance {
			out = append(out, d)
		}
	}
	return out
}

// runAll is run with every diagnostic.
func runAll(t *testing.T, fsys fstest.MapFS, final bool) diag.List {
	t.Helper()
	return runOpts(t, fsys, check.Options{Final: final})
}

// runOpts is runAll with the check options given (the engine is added).
func runOpts(t *testing.T, fsys fstest.MapFS, opt check.Options) diag.List {
	t.Helper()
	final := opt.Final
	engine, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	proj, diags := load.Project(fsys)
	if diags.HasErrors() {
		diags.Sort()
		return diags
	}
	for _, doc := range proj.Documents {
		if final {
			doc.Status = model.StatusFinal
		}
		diags.Append(number.Document(doc, number.Options{Final: final}))
		_, xd := xref.Resolve(doc, proj.Sources, engine)
		diags.Append(xd)
		diags.Append(check.Document(doc, proj.Sources, check.Options{Final: final, Engine: engine, BaseText: opt.BaseText}))
	}
	diags.Sort()
	return diags
}

// render prints diagnostics as chancery check does, hints indented.
func render(l diag.List) string {
	var b strings.Builder
	if err := diag.WriteText(&b, l); err != nil {
		panic(err)
	}
	return b.String()
}
