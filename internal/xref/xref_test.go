package xref_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/xref"
	"github.com/rogpeppe/go-internal/txtar"
)

// The fixture instrument (testdata/mou.txtar: a fictitious memorandum,
// numbered as chancery numbers by default, and the source it quotes), and
// the aliases added to it for these tests: one that leads to a unit and
// two that lead to each other.
const (
	docID     = "mou"
	docFile   = "clauses/" + docID + "/document.yaml"
	aliasYAML = "aliases:\n  std: areas.basis.standards\n  loop-a: loop-b\n  loop-b: loop-a\n"
)

// refAt is where the references of these tests are written.
func refAt() diag.Pos { return diag.Pos{File: "clauses/notes/n-7.yaml", Line: 34, Col: 9} }

// fixture assembles testdata/mou.txtar, its document.yaml extended with
// aliasYAML, and returns the engine, the instrument's index and the line
// of document.yaml where "loop-b: loop-a" is.
func fixture(t *testing.T) (*lang.Engine, *xref.Index, int) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/mou.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, f := range ar.Files {
		files[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	doc := strings.TrimRight(string(files[docFile].Data), "\n") + "\n"
	files[docFile] = &fstest.MapFile{Data: []byte(doc + aliasYAML)}
	res, diags := build.Assemble(files, build.Options{})
	for _, d := range diags {
		// The cycle is reported at the aliases too; these tests want it
		// at the references.
		if d.Severity == diag.Error && d.Code != "alias-cycle" {
			t.Fatalf("the fixture does not assemble: %v", diags)
		}
	}
	ix := res.Indexes[docID]
	if ix == nil {
		t.Fatalf("no index of %s", docID)
	}
	return res.Engine, ix, strings.Count(doc, "\n") + 4
}

// TestPhrase phrases references to the fixture's units and to the source
// it quotes, in every language and the cases notes use.
func TestPhrase(t *testing.T) {
	engine, ix, _ := fixture(t)
	std := []string{"areas.basis.standards"}
	plan := []string{"basin-plan@II.3"}
	both := []string{"purpose", "areas"}
	gen, dat := lang.RefOptions{Case: "gen"}, lang.RefOptions{Case: "dat"}
	tests := []struct {
		tag  string
		ids  []string
		opt  lang.RefOptions
		want string
	}{
		// A subparagraph, cited with the sub-paragraph holding it.
		{"en", std, lang.RefOptions{}, "paragraph~2.1, subparagraph~iii."},
		{"en", std, dat, "paragraph~2.1, subparagraph~iii."}, // English has no cases
		{"ru", std, lang.RefOptions{}, "подпункт~iii. пункта~2.1"},
		{"ru", std, gen, "подпункта~iii. пункта~2.1"},
		{"ru", std, dat, "подпункту~iii. пункта~2.1"},
		{"kk", std, lang.RefOptions{}, "2.1-тармақтың~iii.~тармақшасы"},
		{"kk", std, gen, "2.1-тармақтың~iii.~тармақшасының"},
		{"kk", std, dat, "2.1-тармақтың~iii.~тармақшасына"},
		{"kk", std, lang.RefOptions{Case: "dat", Possessed: true}, "2.1-тармағының~iii.~тармақшасына"},
		{"kk", std, lang.RefOptions{Case: "gen", Possessed: true, ContainerNominative: true}, "2.1-тармағы~iii.~тармақшасының"},
		// Through an alias.
		{"en", []string{"std"}, lang.RefOptions{}, "paragraph~2.1, subparagraph~iii."},
		// A section, cited as a paragraph.
		{"en", []string{"subsequent"}, lang.RefOptions{}, "paragraph~4"},
		{"en", []string{"subsequent"}, lang.RefOptions{Capital: true}, "Paragraph~4"},
		{"ru", []string{"subsequent"}, lang.RefOptions{}, "пункт~4"},
		{"ru", []string{"subsequent"}, lang.RefOptions{Case: "ins", Capital: true}, "Пунктом~4"},
		{"kk", []string{"subsequent"}, lang.RefOptions{}, "4-тармақ"},
		{"kk", []string{"subsequent"}, lang.RefOptions{Case: "dat", Possessed: true}, "4-тармағына"},
		// A sub-paragraph, whose number says it all: a пункт / тармақ
		// like every decimal unit.
		{"en", []string{"subsequent.specific"}, lang.RefOptions{}, "sub-paragraph~4.1"},
		{"ru", []string{"subsequent.specific"}, lang.RefOptions{}, "пункт~4.1"},
		{"kk", []string{"subsequent.specific"}, lang.RefOptions{}, "4.1-тармақ"},
		// A paragraph of the source, under its pillar.
		{"en", plan, lang.RefOptions{}, "Pillar~II, paragraph~3"},
		{"ru", plan, lang.RefOptions{}, "пункт~3 Компонента~II"},
		{"ru", plan, gen, "пункта~3 Компонента~II"},
		{"kk", plan, lang.RefOptions{}, "II~компоненттің~3-тармағы"},
		{"kk", plan, gen, "II~компоненттің~3-тармағының"},
		// Several units of one kind.
		{"en", both, lang.RefOptions{}, "paragraphs~1 and 2"},
		{"ru", both, lang.RefOptions{}, "пункты~1 и 2"},
		{"ru", both, dat, "пунктам~1 и 2"},
		{"kk", both, lang.RefOptions{}, "1 және 2-тармақтар"},
		{"kk", both, dat, "1 және 2-тармақтарға"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s/%+v", tc.tag, strings.Join(tc.ids, ","), tc.opt), func(t *testing.T) {
			l, err := engine.Language(tc.tag)
			if err != nil {
				t.Fatal(err)
			}
			var diags diag.List
			got, targets, ok := ix.Phrase(l, tc.ids, tc.opt, refAt(), nil, &diags)
			if !ok || len(diags) > 0 {
				t.Fatalf("not phrased: ok %v, diagnostics %v", ok, diags)
			}
			if want := tie(tc.want); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if want := unitsOf(ix, tc.ids); !slices.Equal(targets, want) {
				t.Errorf("targets %v, want %v", ids(targets), ids(want))
			}
		})
	}
}

// unitsOf returns the units the ids name, following the test aliases;
// a source reference names none.
func unitsOf(ix *xref.Index, refs []string) []*model.Unit {
	var out []*model.Unit
	for _, id := range refs {
		if id == "std" {
			id = "areas.basis.standards"
		}
		if u := ix.Unit(id); u != nil {
			out = append(out, u)
		}
	}
	return out
}

func ids(units []*model.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.ID
	}
	return out
}

// TestPhraseErrors checks what cannot be phrased, with the exact
// diagnostic at the reference's position and its hint.
func TestPhraseErrors(t *testing.T) {
	engine, ix, loopLine := fixture(t)
	l, err := engine.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	const where = "clauses/notes/n-7.yaml:34:9: error: "
	tests := []struct {
		name string
		ids  []string
		self string // id of the unit the reference is written in
		want string
		hint string
	}{
		{"unknown id", []string{"subsequent.specfic"}, "",
			where + `unknown reference "subsequent.specfic" [unknown-ref]`,
			"did you mean subsequent.specific, subsequent.scope, subsequent?"},
		{"unknown id far from any", []string{"zzzzzz"}, "",
			where + `unknown reference "zzzzzz" [unknown-ref]`,
			"no unit of document mou has this id; run chancery refs to list them"},
		{"unknown source", []string{"basin-plon@II.3"}, "",
			where + `unknown source document "basin-plon" [unknown-source]`,
			"did you mean basin-plan?"},
		{"unknown source far from any", []string{"poa@II.3"}, "",
			where + `unknown source document "poa" [unknown-source]`,
			"sources live in clauses/sources/<id>.yaml"},
		{"unknown source paragraph", []string{"basin-plan@II.99"}, "",
			where + `source basin-plan has no unit "II.99" [unknown-ref]`,
			"did you mean II.3, II, III?"},
		{"unnumbered paragraph", []string{"disputes.settlement"}, "",
			where + `reference to "disputes.settlement", which is unnumbered (defined at clauses/mou/05-disputes.yaml:5:5) [unnumbered-ref]`,
			"number the unit (remove numbered: false) or refer to its section"},
		{"recital", []string{"recital.forum"}, "",
			where + `reference to "recital.forum", which is not a numbered unit (defined at clauses/mou/preamble.yaml:4:5) [unnumbered-ref]`,
			"only sections, paragraphs and items carry numbers; refer to one of those"},
		{"alias cycle", []string{"loop-a"}, "",
			where + "reference cycle: loop-a → loop-b → loop-a [ref-cycle]",
			fmt.Sprintf("an alias must lead to a unit; fix aliases: at %s:%d:11", docFile, loopLine)},
		{"itself", []string{"subsequent"}, "subsequent",
			where + "subsequent refers to itself [self-ref]",
			`write "this paragraph" as text instead of a reference`},
		{"units of two kinds", []string{"purpose", "areas.basis"}, "",
			where + "cannot phrase purpose,areas.basis in en: a reference to several units needs units of one kind in one container [ref-phrase]",
			"cite the others in a reference of their own"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var self *model.Unit
			if tc.self != "" {
				self = ix.Unit(tc.self)
			}
			var diags diag.List
			got, targets, ok := ix.Phrase(l, tc.ids, lang.RefOptions{}, refAt(), self, &diags)
			if ok || got != "" || targets != nil {
				t.Errorf("phrased %q (targets %v)", got, ids(targets))
			}
			if len(diags) != 1 {
				t.Fatalf("diagnostics %v, want one", diags)
			}
			if d := diags[0]; d.String() != tc.want || d.Hint != tc.hint {
				t.Errorf("diagnostic\n%s\n\t%s\nwant\n%s\n\t%s", d, d.Hint, tc.want, tc.hint)
			}
		})
	}
}

// tie writes the no-break spaces of an expected phrase, marked "~" as in
// TeX: tie("пункт~4.1") is "пункт\u00a04.1".
func tie(s string) string { return strings.ReplaceAll(s, "~", lang.NoBreakSpace) }
