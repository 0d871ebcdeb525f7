package build

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

const repoRoot = "../.."

// exampleFS copies the repository's example project into memory so that a
// test can change it.
func exampleFS(t *testing.T) fstest.MapFS { return projecttest.Copy(t, repoRoot) }

func output(t *testing.T, res *Result, name string) []byte {
	t.Helper()
	for _, o := range res.Outputs {
		if o.Name == name {
			return o.Data
		}
	}
	t.Fatalf("no output %s", name)
	return nil
}

// TestEnclosureGoldenText compares the English text of the example's
// enclosed document with its golden copy, testdata/golden/<id>.en.txt.
func TestEnclosureGoldenText(t *testing.T) {
	res, diags := Build(os.DirFS(repoRoot), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	name := example(t).Enclosure + ".en.txt"
	got := output(t, res, name)
	golden := repoRoot + "/testdata/golden/" + name
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test ./internal/build -update to accept)", name, golden)
	}
}

// TestEnclosureWordsMatchReference compares the built enclosure with the
// reference text, from the title block to the signature block.
func TestEnclosureWordsMatchReference(t *testing.T) {
	ref, err := os.ReadFile(projecttest.ReadExample(t, repoRoot).NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	enc := wordmatch.Between(string(ref), "**DRAFT", "| Date")
	if len(wordmatch.Words(enc)) < 3000 {
		t.Fatalf("reference enclosure too short: %d words", len(wordmatch.Words(enc)))
	}
	res, diags := Build(os.DirFS(repoRoot), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	ratio, n := wordmatch.Ratio(enc, string(output(t, res, example(t).Enclosure+".en.txt")))
	t.Logf("%d of %d reference words in order (%.2f%%)", n, len(wordmatch.Words(enc)), 100*ratio)
	if ratio < 0.97 {
		t.Errorf("built enclosure carries %.2f%% of the reference's words in order, want at least 97%%", 100*ratio)
	}
}

func resolvedRefs(doc *model.Document) []string {
	var out []string
	doc.Texts(func(t model.Text) {
		if loc := t["en"]; loc != nil {
			model.WalkInline(loc.Runs, func(in model.Inline) {
				if r, ok := in.(*model.Ref); ok {
					out = append(out, r.Resolved)
				}
			})
		}
	})
	return out
}

// ties applies tie to each phrase.
func ties(phrases ...string) []string {
	for i, p := range phrases {
		phrases[i] = tie(p)
	}
	return phrases
}

// renumberFS is a fictitious instrument of six sections whose clauses
// cite section 4 and the sections around it in the ways the default
// numbering words them: a section, a paragraph of it, relative ("above"),
// a pair ("paragraphs 1 and 2") and at the start of a sentence.
func renumberFS() fstest.MapFS {
	section := func(id, heading string, texts ...string) *fstest.MapFile {
		var b strings.Builder
		fmt.Fprintf(&b, "section: %s\nheading: {en: %s}\nparagraphs:\n", id, heading)
		for i, text := range texts {
			fmt.Fprintf(&b, "  - id: %s.p%d\n    text: {en: \"%s\"}\n", id, i+1, text)
		}
		return &fstest.MapFile{Data: []byte(b.String())}
	}
	return fstest.MapFS{
		"clauses/pact/document.yaml": {Data: []byte("id: pact\nlanguages: [en]\ntitle:\n  - {en: PACT}\n" +
			"parts: [01-aims.yaml, 02-fields.yaml, 03-rules.yaml, 04-protocols.yaml, 05-costs.yaml, 06-term.yaml]\n")},
		"clauses/pact/01-aims.yaml":   section("aims", "Aims", "The Parties will work together."),
		"clauses/pact/02-fields.yaml": section("fields", "Fields", "The Parties may conclude protocols under {ref:protocols}."),
		"clauses/pact/03-rules.yaml":  section("rules", "Rules", "Each Party follows its own rules."),
		"clauses/pact/04-protocols.yaml": section("protocols", "Protocols",
			"The Parties may agree on protocols.",
			"A protocol under {ref:protocols.p1} sets out its own terms."),
		"clauses/pact/05-costs.yaml": section("costs", "Costs",
			"Each Party bears its costs of a protocol under {ref:protocols}, in the fields of {ref:fields|rel}."),
		"clauses/pact/06-term.yaml": section("term", "Term",
			"The costs of {ref:costs|rel} remain with each Party.",
			"Nothing in {ref:aims,fields} binds a Party.",
			"{ref:protocols|cap} survives the end of this Pact."),
	}
}

// TestInsertingASectionRenumbersReferences inserts a section before
// section 4 of a fictitious instrument: every reference to sections 4 and
// after follows, and no other one changes.
func TestInsertingASectionRenumbersReferences(t *testing.T) {
	fsys := renumberFS()
	before, diags := Assemble(fsys, Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	wantBefore := ties("paragraph~4", "sub-paragraph~4.1", "paragraph~4", "paragraph~2 above", "paragraph~5 above", "paragraphs~1 and 2", "Paragraph~4")
	if got := resolvedRefs(before.Project.Document("pact")); !slices.Equal(got, wantBefore) {
		t.Fatalf("references before the insert:\n%q\nwant\n%q", got, wantBefore)
	}

	projecttest.Edit(t, fsys, "clauses/pact/document.yaml", " 04-protocols.yaml", " 03b-training.yaml, 04-protocols.yaml")
	fsys["clauses/pact/03b-training.yaml"] = &fstest.MapFile{Data: []byte(
		"section: training\nheading: {en: Training}\nparagraphs:\n  - id: training.courses\n    text: {en: The Parties may organize joint courses.}\n")}
	after, diags := Assemble(fsys, Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	wantAfter := ties("paragraph~5", "sub-paragraph~5.1", "paragraph~5", "paragraph~2 above", "paragraph~6 above", "paragraphs~1 and 2", "Paragraph~5")
	if got := resolvedRefs(after.Project.Document("pact")); !slices.Equal(got, wantAfter) {
		t.Errorf("references after the insert:\n%q\nwant\n%q", got, wantAfter)
	}
	if u := after.Indexes["pact"].Unit("protocols"); u.Label != "5:" {
		t.Errorf("section protocols is %q after the insert, want 5:", u.Label)
	}
}

// TestFinalFoldsInserts checks the --final numbering of the example: the
// "(ii) (bis)" item of the draft becomes iii. and the paragraph has items
// i. to vi.
func TestFinalFoldsInserts(t *testing.T) {
	name := example(t).Enclosure + ".en.txt"
	draft, diags := Build(os.DirFS(repoRoot), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := regexp.MustCompile(`\n    \(ii\) \(bis\) (\S+ \S+ \S+)`).FindSubmatch(output(t, draft, name))
	if m == nil {
		t.Fatalf("the draft %s has no item (ii) (bis)", name)
	}
	res, diags := Build(os.DirFS(repoRoot), Options{Final: true, Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	text := string(output(t, res, name))
	for _, gone := range []string{"bis", "DRAFT"} {
		if strings.Contains(text, gone) {
			t.Errorf("final text still contains %q", gone)
		}
	}
	for _, label := range []string{"i.", "ii.", "iii.", "iv.", "v.", "vi."} {
		if !strings.Contains(text, "\n    "+label+" ") {
			t.Errorf("final text lacks item %s", label)
		}
	}
	if !strings.Contains(text, "\n    iii. "+string(m[1])) {
		t.Errorf("the insert %q did not become iii.", m[1])
	}
}
