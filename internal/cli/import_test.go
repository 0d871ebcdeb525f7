package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// unoEdit edits a DOCX through LibreOffice with change tracking on, as a
// counterpart would (testdata/import/uno_edit.py), and returns the saved
// file's path.
func unoEdit(t *testing.T, docx string, edits []map[string]any) string {
	t.Helper()
	clienttest.Command(t, "soffice", "libreoffice-writer")
	python := clienttest.Python(t, "uno", "python3-uno")
	dir := t.TempDir()
	editsFile := filepath.Join(dir, "edits.json")
	data, err := json.Marshal(edits)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(editsFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "returned.docx")
	script, err := filepath.Abs("../../testdata/import/uno_edit.py")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, python, script, docx, out, filepath.Join(dir, "profile"), editsFile).CombinedOutput(); err != nil {
		t.Fatalf("uno_edit.py: %v\n%s", err, msg)
	}
	return out
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The counterpart's tracked changes, made in LibreOffice on the built
// memorandum of a new project, come back into the clauses: chancery diff
// reports exactly those changes, and every file the changes do not touch
// is byte for byte as before.
func TestImportChangesFromLibreOffice(t *testing.T) {
	project := initProject(t)
	const doc = "proj" // the document chancery init made, named after its directory
	if code, _, stderr := runIn(project, "build", "--formats", "docx", "-o", "out"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	returned := unoEdit(t, filepath.Join(project, "out", doc+".en.docx"), []map[string]any{
		{"replace": "Activities", "by": "Projects"},
		{"after": "within the mandates of the Participants.", "insert": "1.2 bis\tThe Participants will exchange their annual work plans.", "numbered": false},
		{"delete": "written ", "in": "mutual written consent"},
	})
	os.RemoveAll(filepath.Join(project, "out"))
	before := tree(t, project)
	snapshot := t.TempDir()
	if err := os.CopyFS(snapshot, os.DirFS(project)); err != nil {
		t.Fatal(err)
	}

	// --dry-run shows the changes and writes nothing.
	code, dry, stderr := runIn(project, "import", "--changes", returned, "--document", doc, "--dry-run")
	if code != 0 {
		t.Fatalf("import --changes --dry-run: %d\n%s%s", code, dry, stderr)
	}
	summary := doc + " (en): 1 added, 0 removed, 2 changed, 0 renumbered\n" +
		"  added       purpose.participants-exchange (1.2 bis)\n" +
		"  changed     cooperation.scope (2.2)\n" +
		"  changed     final.amendment (3.2)\n"
	if !strings.HasPrefix(dry, summary) || !strings.Contains(dry, "nothing written") {
		t.Errorf("dry run printed:\n%s", dry)
	}
	const final = "clauses/" + doc + "/03-final.yaml"
	if after := tree(t, project); len(after) != len(before) || after[final] != before[final] {
		t.Fatal("--dry-run changed the project")
	}

	code, stdout, stderr := runIn(project, "import", "--changes", returned, "--document", doc)
	if code != 0 {
		t.Fatalf("import --changes: %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`changed words -"Activities" +"Projects": cooperation.scope`,
		`changed words -"written ": final.amendment`,
		`inserted paragraph "The Participants will exchange their annual work plans." (insert: bis): new unit purpose.participants-exchange after purpose.mandate`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "NOT taken in") {
		t.Errorf("changes left out:\n%s", stdout)
	}

	// chancery diff between before and after: exactly the three changes.
	code, diff, stderr := runIn(project, "diff", snapshot, project, "--summary", "--document", doc)
	if code != 0 {
		t.Fatalf("diff: %d\n%s", code, stderr)
	}
	// The summary, without the warnings the two builds print.
	var lines []string
	for _, l := range strings.SplitAfter(diff, "\n") {
		if !strings.Contains(l, ": warning: ") && !strings.HasPrefix(l, "\t") {
			lines = append(lines, l)
		}
	}
	if got := strings.Join(lines, ""); got != summary {
		t.Errorf("chancery diff --summary:\n%s\nwant:\n%s", got, summary)
	}

	// Untouched files are byte-identical; the touched ones differ only in
	// the lines of the changed units.
	after := tree(t, project)
	changed := map[string][2]string{
		"clauses/" + doc + "/02-cooperation.yaml": {`{en: "Activities under`, `{en: "Projects under`},
		final: {"by mutual written consent", "by mutual consent"},
		"clauses/" + doc + "/01-purpose.yaml": {"within the mandates of the Participants.\"}\n",
			"within the mandates of the Participants.\"}\n  - id: purpose.participants-exchange\n    insert: bis\n    text: {en: \"The Participants will exchange their annual work plans.\"}\n"},
	}
	var names []string
	for name := range before {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want := before[name]
		if c, ok := changed[name]; ok {
			if strings.Count(want, c[0]) != 1 {
				t.Fatalf("%s: %q not found once", name, c[0])
			}
			want = strings.Replace(want, c[0], c[1], 1)
		}
		if after[name] != want {
			t.Errorf("%s differs from what the three changes make of it:\n%s", name, after[name])
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d files after, %d before", len(after), len(before))
	}
	// The project still builds.
	if code, _, stderr := runIn(project, "check"); code != 0 {
		t.Errorf("check after the changes: %d\n%s", code, stderr)
	}
}

// zipOf packs parts into a zip.
func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Hostile DOCX files are refused with a diagnostic naming the part and the
// limit, exit 1, and nothing is written.
func TestImportHostileDOCX(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	doc := func(body string) []byte {
		return []byte(`<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`)
	}
	cases := []struct {
		name  string
		parts map[string][]byte
		want  string
	}{
		{"bomb", map[string][]byte{"word/document.xml": bytes.Repeat([]byte{' '}, 40<<20)},
			"bomb.docx: error: word/document.xml: declares 41943040 bytes uncompressed, more than the limit of 33554432 (a zip bomb?) [docx]\n"},
		{"entities", map[string][]byte{"word/document.xml": []byte(`<!DOCTYPE d [<!ENTITY a "aaaa">]>` + string(doc("&a;")))},
			"entities.docx: error: word/document.xml: has a document type declaration (<!DOCTYPE ...>), which DOCX never needs; refused so that no entity is expanded [docx]\n"},
		{"nesting", map[string][]byte{"word/document.xml": doc(strings.Repeat("<w:sdt><w:sdtContent>", 10000) + strings.Repeat("</w:sdtContent></w:sdt>", 10000))},
			"nesting.docx: error: word/document.xml: XML nested more than 256 levels deep [docx]\n"},
		{"numbering", map[string][]byte{"word/document.xml": doc(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>1</w:t></w:r></w:p>`)},
			"numbering.docx: error: word/document.xml: paragraph 1 is numbered (list 4) but the package has no numbering part (word/numbering.xml); save the document again from Word or LibreOffice [docx]\n"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		name := c.name + ".docx"
		if err := os.WriteFile(filepath.Join(dir, name), zipOf(t, c.parts), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runIn(dir, "import", name, "-o", "out")
		if code != 1 || stdout != "" || !strings.HasPrefix(stderr, c.want) || !strings.Contains(stderr, "save it again as .docx") {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q\nwant %q", c.name, code, stdout, stderr, c.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
			t.Errorf("%s: the output directory was created", c.name)
		}
	}
}

// The trilingual fixture, imported from its English DOCX and given its
// Russian and Kazakh versions with --into, builds the same three texts:
// every unit matched by its number, every reference in its case again a
// {ref:} to the right unit.
func TestImportLanguageVersions(t *testing.T) {
	fixture := t.TempDir()
	if err := os.CopyFS(filepath.Join(fixture, "clauses"), os.DirFS("../../testdata/agreement/clauses")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(fixture, "build", "--formats", "txt,docx"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	work := t.TempDir()
	code, stdout, stderr := runIn(work, "import", filepath.Join(fixture, "out", "agr.en.docx"), "-o", "proj", "--id", "agr")
	if code != 0 {
		t.Fatalf("import: %d\n%s%s", code, stdout, stderr)
	}
	for _, tag := range []string{"ru", "kk"} {
		code, stdout, stderr := runIn(work, "import", filepath.Join(fixture, "out", "agr."+tag+".docx"), "--lang", tag, "--into", "proj")
		if code != 0 {
			t.Fatalf("import --lang %s: %d\n%s%s", tag, code, stdout, stderr)
		}
		if !strings.Contains(stdout, "as the "+tag+" version of agr: 48 texts matched\n") || strings.Contains(stdout, "not matched") {
			t.Errorf("--lang %s:\n%s", tag, stdout)
		}
		if n := strings.Count(stdout, "{ref:"); n != 6 {
			t.Errorf("--lang %s: %d references carried over, want 6:\n%s", tag, n, stdout)
		}
	}
	proj := filepath.Join(work, "proj")
	if code, _, stderr := runIn(proj, "build", "--formats", "txt"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	for _, tag := range []string{"en", "ru", "kk"} {
		want, _ := os.ReadFile(filepath.Join(fixture, "out", "agr."+tag+".txt"))
		got, _ := os.ReadFile(filepath.Join(proj, "out", "agr."+tag+".txt"))
		if string(got) != string(want) || len(want) == 0 {
			t.Errorf("%s text differs from the fixture's:\n%s", tag, got)
		}
	}
	doc, err := os.ReadFile(filepath.Join(proj, "clauses", "agr", "document.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "\nlanguages: [en, ru, kk]\n") {
		t.Errorf("languages not extended:\n%s", doc)
	}
}
