package importer

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

const (
	repoRoot = "../.."
	// The instrument part of the reference: from its draft marking to the
	// last row of its signature table.
	mouStart = "**DRAFT"
	mouEnd   = "| Date | Date |"
)

// exampleProject is the repository's project without its notes: the
// instrument its note encloses, and the sources.
func exampleProject(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := projecttest.Copy(t, repoRoot)
	dir := "clauses/" + projecttest.ReadExample(t, repoRoot).Enclosure + "/"
	for name := range fsys {
		if !strings.HasPrefix(name, dir) && !strings.HasPrefix(name, "clauses/sources/") {
			delete(fsys, name)
		}
	}
	return fsys
}

func buildFS(t *testing.T, fsys fstest.MapFS, formats ...string) *build.Result {
	t.Helper()
	res, diags := build.Build(fsys, build.Options{Formats: formats})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	return res
}

func output(t *testing.T, res *build.Result, suffix string) []byte {
	t.Helper()
	for _, o := range res.Outputs {
		if strings.HasSuffix(o.Name, suffix) {
			return o.Data
		}
	}
	t.Fatalf("no output *%s", suffix)
	return nil
}

// importInto imports paragraphs as document id into a fresh project.
func importInto(t *testing.T, paras []*Para, id, source string) (fstest.MapFS, *Result) {
	t.Helper()
	res, err := Infer(paras, Options{ID: id})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Write(res.Doc, source)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys["clauses/"+id+"/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, res
}

type unitLine struct{ label, text string }

// units lists every unit of the project's only document: its label and its
// text as printed (references resolved).
func units(t *testing.T, res *build.Result) []unitLine {
	t.Helper()
	if len(res.Project.Documents) != 1 {
		t.Fatalf("%d documents", len(res.Project.Documents))
	}
	doc := res.Project.Documents[0]
	var out []unitLine
	doc.Walk(func(u *model.Unit) {
		text := u.Heading
		if u.Depth > 0 {
			text = u.Text
		}
		out = append(out, unitLine{u.Label, model.PlainText(text[doc.Languages[0]].Runs)})
	})
	return out
}

func refsOf(res *build.Result) []string {
	var out []string
	doc := res.Project.Documents[0]
	doc.Texts(func(t model.Text) {
		for _, loc := range t {
			model.WalkInline(loc.Runs, func(in model.Inline) {
				if r, ok := in.(*model.Ref); ok {
					out = append(out, r.Resolved)
				}
			})
		}
	})
	return out
}

// checkRoundTrip compares the imported project's build with the example's:
// the same numbering, the same printed words in every unit, the same
// cross-references as {ref:}, and the reference text's words.
func checkRoundTrip(t *testing.T, imported fstest.MapFS, res *Result) {
	t.Helper()
	want := buildFS(t, exampleProject(t), "txt")
	got := buildFS(t, imported, "txt")
	wu, gu := units(t, want), units(t, got)
	if len(wu) != len(gu) {
		t.Fatalf("%d units, want %d", len(gu), len(wu))
	}
	for i := range wu {
		if wu[i].label != gu[i].label {
			t.Errorf("unit %d numbered %q, want %q (%.40s)", i, gu[i].label, wu[i].label, wu[i].text)
		}
		if wu[i].text != gu[i].text {
			t.Errorf("unit %s reads\n%s\nwant\n%s", wu[i].label, gu[i].text, wu[i].text)
		}
	}
	wr, gr := refsOf(want), refsOf(got)
	if strings.Join(wr, "|") != strings.Join(gr, "|") {
		t.Errorf("references %q, want %q", gr, wr)
	}
	if len(gr) != 8 {
		t.Errorf("%d references recovered, want the MoU's 8", len(gr))
	}
	if len(res.Report.Refs) != 8 || len(res.Report.LeftAsText) != 0 {
		t.Errorf("report: %d references, %d left as text: %v", len(res.Report.Refs), len(res.Report.LeftAsText), res.Report.LeftAsText)
	}
	ref, err := os.ReadFile(projecttest.ReadExample(t, repoRoot).NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	part := wordmatch.Between(string(ref), mouStart, mouEnd)
	text := string(output(t, got, ".en.txt"))
	ratio, n := wordmatch.Ratio(part, text)
	t.Logf("the imported project's text carries %.2f%% of the reference MoU's %d words in order (%d)", 100*ratio, len(wordmatch.Words(part)), n)
	if ratio < 0.99 {
		t.Errorf("word recall %.4f, want at least 0.99", ratio)
	}
}

func TestRoundTripOfTheBuiltDOCX(t *testing.T) {
	built := buildFS(t, exampleProject(t), "docx")
	data := output(t, built, ".en.docx")
	paras, err := ReadDOCX("mou.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	fsys, res := importInto(t, paras, "imported", "mou.docx")
	checkRoundTrip(t, fsys, res)
}

func TestRoundTripOfTheReferenceText(t *testing.T) {
	ref, err := os.ReadFile(projecttest.ReadExample(t, repoRoot).NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	part := wordmatch.Between(string(ref), mouStart, mouEnd)
	paras, err := ReadText("mou.txt", []byte(part))
	if err != nil {
		t.Fatal(err)
	}
	fsys, res := importInto(t, paras, "imported", "mou.txt")
	checkRoundTrip(t, fsys, res)
}
