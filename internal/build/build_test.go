package build

import (
	"bytes"
	"flag"
	"os"
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

func TestMoUGoldenText(t *testing.T) {
	res, diags := Build(os.DirFS(repoRoot), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	got := output(t, res, "unoct-cica-mou.en.txt")
	golden := repoRoot + "/testdata/golden/unoct-cica-mou.en.txt"
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
		t.Errorf("MoU text differs from %s (run go test ./internal/build -update to accept)", golden)
	}
}

// TestMoUWordsMatchReference compares the built MoU with the reference
// text, from the title block to the signature block.
func TestMoUWordsMatchReference(t *testing.T) {
	ref, err := os.ReadFile(repoRoot + "/testdata/reference/cica-note-NCT-CT-569-and-draft-mou.txt")
	if err != nil {
		t.Fatal(err)
	}
	mou := wordmatch.Between(string(ref), "**DRAFT", "| Date")
	if len(wordmatch.Words(mou)) < 3000 {
		t.Fatalf("reference MoU too short: %d words", len(wordmatch.Words(mou)))
	}
	res, diags := Build(os.DirFS(repoRoot), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	ratio, n := wordmatch.Ratio(mou, string(output(t, res, "unoct-cica-mou.en.txt")))
	t.Logf("%d of %d reference words in order (%.2f%%)", n, len(wordmatch.Words(mou)), 100*ratio)
	if ratio < 0.97 {
		t.Errorf("built MoU carries %.2f%% of the reference's words in order, want at least 97%%", 100*ratio)
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

// TestInsertingASectionRenumbersReferences inserts a section before
// section 4 ("Subsequent or related arrangements"): every reference to
// sections 4 and after follows, and no other one changes.
func TestInsertingASectionRenumbersReferences(t *testing.T) {
	fsys := exampleFS(t)
	before, diags := Assemble(fsys, Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	wantBefore := []string{"paragraph 4", "sub-paragraph 4.1", "paragraph 4", "paragraph 2 above", "paragraph 4", "paragraph 5 above", "paragraphs 1 and 2", "Paragraph 4"}
	if got := resolvedRefs(before.Project.Document("unoct-cica-mou")); !slices.Equal(got, wantBefore) {
		t.Fatalf("references before the insert:\n%q\nwant\n%q", got, wantBefore)
	}

	projecttest.Edit(t, fsys, "clauses/unoct-cica-mou/document.yaml", "  - 04-subsequent.yaml", "  - 03b-training.yaml\n  - 04-subsequent.yaml")
	fsys["clauses/unoct-cica-mou/03b-training.yaml"] = &fstest.MapFile{Data: []byte(
		"section: training\nheading: {en: Training}\nparagraphs:\n  - id: training.courses\n    text: {en: The Participants may organize joint courses.}\n")}
	after, diags := Assemble(fsys, Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	wantAfter := []string{"paragraph 5", "sub-paragraph 5.1", "paragraph 5", "paragraph 2 above", "paragraph 5", "paragraph 6 above", "paragraphs 1 and 2", "Paragraph 5"}
	if got := resolvedRefs(after.Project.Document("unoct-cica-mou")); !slices.Equal(got, wantAfter) {
		t.Errorf("references after the insert:\n%q\nwant\n%q", got, wantAfter)
	}
	if u := after.Indexes["unoct-cica-mou"].Unit("subsequent"); u.Label != "5:" {
		t.Errorf("section subsequent is %q after the insert, want 5:", u.Label)
	}
}

// TestFinalFoldsInserts checks the --final numbering of the example: the
// "(ii) (bis)" item becomes iii. and 2.1 has items i. to vi.
func TestFinalFoldsInserts(t *testing.T) {
	res, diags := Build(os.DirFS(repoRoot), Options{Final: true, Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	text := string(output(t, res, "unoct-cica-mou.en.txt"))
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
	if !strings.Contains(text, "\n    iii. Take appropriate initiatives") {
		t.Errorf("the insert did not become iii.")
	}
}
