package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// noteDir finds the example's report: the one document of the project
// with labelled fields (a footnoted title, fields and bullet lists).
func noteDir(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	var dirs []string
	for name, f := range fsys {
		if strings.HasPrefix(name, "clauses/") && strings.HasSuffix(name, "/document.yaml") && bytes.Contains(f.Data, []byte("\nfields:\n")) {
			dirs = append(dirs, strings.TrimSuffix(name, "document.yaml"))
		}
	}
	if len(dirs) != 1 {
		t.Fatalf("the example has %d documents with fields, want one: %q", len(dirs), dirs)
	}
	return dirs[0]
}

// noteProject is the repository's project holding the example's report
// alone (with the house styles it names), marked a draft: chancery
// imports every document as a draft, so the comparison is of two drafts,
// both printed under the DRAFT marking.
func noteProject(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := projecttest.Copy(t, repoRoot)
	noteDir := noteDir(t, fsys)
	for name := range fsys {
		if !strings.HasPrefix(name, noteDir) && !strings.HasPrefix(name, "templates/") {
			delete(fsys, name)
		}
	}
	doc := fsys[noteDir+"document.yaml"]
	if doc == nil || !bytes.Contains(doc.Data, []byte("\nstatus: final\n")) {
		t.Fatalf("%sdocument.yaml is missing or not a final document", noteDir)
	}
	doc.Data = bytes.Replace(doc.Data, []byte("\nstatus: final\n"), []byte("\nstatus: draft\n"), 1)
	return fsys
}

// checkNoteRoundTrip imports a DOCX of the example's report and compares
// it with the example's (see checkImportedNote).
func checkNoteRoundTrip(t *testing.T, data []byte) {
	t.Helper()
	paras, err := ReadDOCX("note.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkImportedNote(t, paras, "note.docx")
}

// checkImportedNote imports the paragraphs read from a draft of the
// example's report and compares the imported project's text with the
// example's, word for word, and its title, fields, bullets and footnote
// with the example's; the report must say it recognised them and place
// everything.
func checkImportedNote(t *testing.T, paras []*Para, source string) {
	t.Helper()
	fsys, res := importInto(t, paras, "note", source)
	want := buildFS(t, noteProject(t), "txt")
	got := buildFS(t, fsys, "txt")
	wantText, gotText := string(output(t, want, ".en.txt")), string(output(t, got, ".en.txt"))
	if !strings.HasPrefix(gotText, "DRAFT\n") {
		t.Errorf("the imported draft's text does not open with its DRAFT marking: %.40q", gotText)
	}
	ww, gw := strings.Fields(wantText), strings.Fields(gotText)
	for i := 0; i < min(len(ww), len(gw)); i++ {
		if ww[i] != gw[i] {
			t.Fatalf("word %d is %q, want %q; the imported text there:\n%s", i, gw[i], ww[i], strings.Join(gw[max(0, i-12):min(len(gw), i+12)], " "))
		}
	}
	if len(ww) != len(gw) {
		t.Fatalf("the imported text has %d words, the example's %d", len(gw), len(ww))
	}
	wd, gd := want.Project.Documents[0], got.Project.Documents[0]
	if a, b := textsOf(wd.Title), textsOf(gd.Title); a != b {
		t.Errorf("title %s, want %s", b, a)
	}
	if a, b := fieldsOf(wd), fieldsOf(gd); a != b {
		t.Errorf("fields\n%s\nwant\n%s", b, a)
	}
	if a, b := bulletsOf(wd), bulletsOf(gd); a != b || a == "" {
		t.Errorf("bullets\n%s\nwant\n%s", b, a)
	}
	if gd.Numbering.BulletAt(0) != wd.Numbering.BulletAt(0) {
		t.Errorf("bullet %q, want %q", gd.Numbering.BulletAt(0), wd.Numbering.BulletAt(0))
	}
	recognised := strings.Join(res.Report.Recognised, "\n")
	for _, s := range []string{"labelled fields", "bullet lists", "1 footnote"} {
		if !strings.Contains(recognised, s) {
			t.Errorf("the report does not say it recognised %s:\n%s", s, recognised)
		}
	}
	if len(res.Report.Unplaced) > 0 {
		t.Errorf("not placed: %v", res.Report.Unplaced)
	}
}

// textsOf writes the plain English texts with their footnotes, one a line.
func textsOf(ts []model.Text) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(withNotes(t) + "\n")
	}
	return b.String()
}

// withNotes is a text's English words with each footnote's in [fn: …].
func withNotes(t model.Text) string {
	if t["en"] == nil {
		return ""
	}
	return model.PlainTextMarked(t["en"].Runs, func(f *model.Footnote) string {
		return "[fn: " + model.PlainText(f.Runs) + "]"
	})
}

// fieldsOf writes a document's fields, a label and its lines a line.
func fieldsOf(d *model.Document) string {
	var b strings.Builder
	for _, f := range d.Fields {
		b.WriteString(withNotes(f.Label) + " | " + strings.TrimSpace(textsOf(f.Lines)) + "\n")
	}
	return b.String()
}

// bulletsOf writes every bullet indented by its list level, with the
// label of the unit whose list it is in and its text.
func bulletsOf(d *model.Document) string {
	var b strings.Builder
	d.Walk(func(u *model.Unit) {
		if u.Bullet {
			owner := u.Parent
			for owner.Bullet {
				owner = owner.Parent
			}
			b.WriteString(strings.Repeat("  ", u.BulletLevel()) + owner.Label + " " + withNotes(u.Text) + "\n")
		}
	})
	return b.String()
}

// The example's report, written as DOCX by chancery and
// imported, builds the same text word for word: its footnoted title, its
// labelled fields (one of two lines), its bullet lists and its sections.
func TestRoundTripOfTheInformationNote(t *testing.T) {
	built := buildFS(t, noteProject(t), "docx")
	checkNoteRoundTrip(t, output(t, built, ".en.docx"))
}

// The same after LibreOffice re-saves the DOCX, as an officer's word
// processor rewrites it: its own numbering, styles and footnotes part.
func TestRoundTripOfTheInformationNoteResavedByLibreOffice(t *testing.T) {
	built := buildFS(t, noteProject(t), "docx")
	resaved := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"note.docx": output(t, built, ".en.docx")}, "docx")
	data, err := os.ReadFile(resaved["note.docx"])
	if err != nil {
		t.Fatal(err)
	}
	checkNoteRoundTrip(t, data)
}

// The example's report, written as text by chancery (fields in a value
// column, a continuation line indented to it, the footnote after a rule
// of underscores) and imported, builds the same text word for word.
func TestRoundTripOfTheInformationNoteAsText(t *testing.T) {
	built := buildFS(t, noteProject(t), "txt")
	paras, err := ReadText("note.txt", output(t, built, ".en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkImportedNote(t, paras, "note.txt")
}
