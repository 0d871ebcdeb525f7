package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// referenceNotes cuts the reference into the English, Russian and Kazakh
// notes (wordmatch.ReferenceParts), each from its first words to its place
// and date.
func referenceNotes(t *testing.T) map[string]string {
	t.Helper()
	notes, err := wordmatch.ReferenceParts(projecttest.ReadExample(t, repoRoot).NoteReference(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"en", "ru", "kk"} {
		if n := len(wordmatch.Words(notes[tag])); n < 250 {
			t.Fatalf("reference %s note has only %d words", tag, n)
		}
	}
	return notes
}

func buildExample(t *testing.T, formats ...string) *Result {
	t.Helper()
	res, diags := Build(os.DirFS(repoRoot), Options{Formats: formats})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	return res
}

// TestNoteWordsMatchReference compares each edition of the example's
// note, and the trilingual copy, with the reference note word for word, in
// order. (The reference puts the enclosure line and the addressee block,
// which a page carries at its foot, in the middle of the body; the text
// edition puts them at the end, so those words count once as missing.)
func TestNoteWordsMatchReference(t *testing.T) {
	ref := referenceNotes(t)
	res := buildExample(t, "txt")
	id, note := example(t).Note, exampleNote(t)
	tri := string(output(t, res, id+".trilingual.txt"))
	for _, tag := range []string{"en", "ru", "kk"} {
		got := string(output(t, res, id+"."+tag+".txt"))
		ratio, n := wordmatch.Ratio(ref[tag], got)
		t.Logf("%s: %d of %d reference words in order (%.2f%%)", tag, n, len(wordmatch.Words(ref[tag])), 100*ratio)
		if ratio < 0.95 {
			t.Errorf("%s edition carries %.2f%% of the reference note's words in order, want at least 95%%", tag, 100*ratio)
		}
		if ratio, _ := wordmatch.Ratio(ref[tag], tri); ratio < 0.95 {
			t.Errorf("trilingual copy carries %.2f%% of the reference %s note's words in order, want at least 95%%", 100*ratio, tag)
		}
	}
	all := ref["en"] + "\n" + ref["ru"] + "\n" + ref["kk"]
	ratio, n := wordmatch.Ratio(all, tri)
	t.Logf("trilingual: %d of %d reference words in order (%.2f%%)", n, len(wordmatch.Words(all)), 100*ratio)
	if ratio < 0.95 {
		t.Errorf("trilingual copy carries %.2f%% of the three reference notes' words in order, want at least 95%%", 100*ratio)
	}
	if !strings.Contains(tri, "\f\n") || strings.Index(tri, "No. "+note.Number) > strings.Index(tri, "№ "+note.Number) {
		t.Errorf("trilingual copy is not English, then Russian, then Kazakh, separated by form feeds")
	}
	if len(note.Issuer.Letterhead["ru"]) == 0 {
		t.Fatal("the note has no Russian letterhead")
	}
	if c := strings.Count(tri, note.Issuer.Letterhead["ru"][0]); c != 3 {
		t.Errorf("trilingual copy has %d bilingual letterheads, want 3", c)
	}
}

// footStarts are the first words of each language's enclosure line.
var footStarts = map[string]string{"en": "Enclosure:", "ru": "Приложение:", "kk": "Қосымша:"}

// reading returns an edition's text as read straight through: the foot of
// the first page and the page break taken out, a paragraph the page break
// cut joined again (with a space, also between two paragraphs).
func reading(t *testing.T, text, tag string) string {
	t.Helper()
	i := strings.Index(text, "\n\n"+footStarts[tag])
	if i < 0 {
		t.Fatalf("%s edition has no enclosure line", tag)
	}
	j := strings.Index(text[i:], "\f\n")
	if j < 0 {
		return text[:i+1]
	}
	return text[:i] + " " + text[i+j+2:]
}

// tie writes the no-break spaces of an expected phrase, marked "~" as in
// TeX: tie("пункт~4.1") is "пункт\u00a04.1".
func tie(s string) string { return strings.ReplaceAll(s, "~", lang.NoBreakSpace) }

// TestNoteInflectedPhrases checks, word for word, the references into the
// enclosure (from its current numbering) and the dates, in the case each
// sentence needs, as testdata/example/build-note-phrases.yaml lists them.
func TestNoteInflectedPhrases(t *testing.T) {
	var want struct {
		Phrases map[string][]string `yaml:"phrases"`
		Typos   []string            `yaml:"typos"`
	}
	readExampleData(t, "build-note-phrases.yaml", &want)
	res := buildExample(t, "txt")
	for _, tag := range []string{"en", "ru", "kk"} {
		if len(want.Phrases[tag]) == 0 {
			t.Fatalf("no %s phrases to look for", tag)
		}
		text := string(output(t, res, example(t).Note+"."+tag+".txt"))
		got := reading(t, text, tag)
		for _, p := range want.Phrases[tag] {
			p = tie(p)
			if !strings.Contains(got, p) && !strings.Contains(text, p) {
				t.Errorf("%s edition lacks %q", tag, p)
			}
		}
		// The reference's typos are not reproduced.
		for _, typo := range want.Typos {
			if strings.Contains(got, tie(typo)) {
				t.Errorf("%s edition has %q", tag, typo)
			}
		}
	}
}

var enclosureLine = regexp.MustCompile(`Enclosure:\nas stated,\non (\d+) p\.\n`)

// enclosurePages reads N from every edition's enclosure line, checking
// that the three agree.
func enclosurePagesOf(t *testing.T, res *Result) int {
	t.Helper()
	noteID := example(t).Note
	m := enclosureLine.FindStringSubmatch(string(output(t, res, noteID+".en.txt")))
	if m == nil {
		t.Fatal("en edition has no enclosure line")
	}
	n, _ := strconv.Atoi(m[1])
	for tag, line := range map[string]string{"ru": "Приложение:\nупомянутое,\nна %d л.\n", "kk": "Қосымша:\nаталған,\n%d п.\n"} {
		if want := fmt.Sprintf(line, n); !strings.Contains(string(output(t, res, noteID+"."+tag+".txt")), want) {
			t.Errorf("%s edition lacks the enclosure line %q", tag, want)
		}
	}
	return n
}

// TestNoteEnclosurePagesArePDFPages checks the enclosure line against the
// page count pdfinfo reads from the built PDF of the enclosure.
func TestNoteEnclosurePagesArePDFPages(t *testing.T) {
	pdfinfo := clienttest.Tool(t, "pdfinfo")
	res := buildExample(t, "txt", "pdf")
	file := filepath.Join(t.TempDir(), "enclosure.pdf")
	if err := os.WriteFile(file, output(t, res, example(t).Enclosure+".en.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	t.Logf("pdfinfo: the enclosure's PDF has %d pages", pages)
	if n := enclosurePagesOf(t, res); n != pages {
		t.Errorf("enclosure line says %d pages, pdfinfo says the enclosure has %d", n, pages)
	}
}

// TestNoteEnclosurePagesFollowTheEnclosure lengthens the enclosure by a
// section at its end (so that no reference moves): the note's page count
// follows, with no edit to the note, and nothing else in the note changes.
func TestNoteEnclosurePagesFollowTheEnclosure(t *testing.T) {
	fsys := exampleFS(t)
	before, diags := Build(fsys, Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	n := enclosurePagesOf(t, before)

	e := example(t)
	dir := "clauses/" + e.Enclosure + "/"
	addLastPart(t, fsys, dir+"document.yaml", "zz-annex.yaml")
	sentence := "The parties will keep each other informed of their activities in the areas of cooperation set out in this instrument. "
	var part strings.Builder
	part.WriteString("section: annex\nheading: {en: Further Arrangements}\nparagraphs:\n")
	for i := range 12 {
		fmt.Fprintf(&part, "  - id: annex.p%d\n    text: {en: \"%s\"}\n", i+1, strings.Repeat(sentence, 5))
	}
	fsys[dir+"zz-annex.yaml"] = &fstest.MapFile{Data: []byte(part.String())}

	after, diags := Build(fsys, Options{Formats: []string{"txt", "pdf"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := enclosurePagesOf(t, after)
	t.Logf("enclosure line: %d pages before, %d after", n, m)
	if m <= n {
		t.Fatalf("the enclosure grew by 12 paragraphs but the note still says %d pages (before: %d)", m, n)
	}
	for _, o := range after.Outputs {
		if o.Name == e.Enclosure+".en.pdf" && o.Pages != m {
			t.Errorf("note says %d pages, the built PDF of the enclosure has %d", m, o.Pages)
		}
	}
	for _, tag := range []string{"en", "ru", "kk"} {
		name := e.Note + "." + tag + ".txt"
		old := string(output(t, before, name))
		old = strings.Replace(old, fmt.Sprintf(map[string]string{"en": "on %d p.", "ru": "на %d л.", "kk": "\n%d п."}[tag], n),
			fmt.Sprintf(map[string]string{"en": "on %d p.", "ru": "на %d л.", "kk": "\n%d п."}[tag], m), 1)
		if got := string(output(t, after, name)); got != old {
			t.Errorf("%s: the note changed beyond its page count", name)
		}
	}
}

// addLastPart adds part at the end of the parts a document.yaml lists,
// one a line ("  - part.yaml").
func addLastPart(t *testing.T, fsys fstest.MapFS, file, part string) {
	t.Helper()
	lines := strings.SplitAfter(string(fsys[file].Data), "\n")
	last := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "  - ") && strings.HasSuffix(strings.TrimSpace(l), ".yaml") {
			last = i
		}
	}
	if last < 0 {
		t.Fatalf("%s lists no parts one a line", file)
	}
	lines = slices.Insert(lines, last+1, "  - "+part+"\n")
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, ""))}
}

// noteDiagnostics checks the example after edit and returns its
// diagnostics as text.
func noteDiagnostics(t *testing.T, edit func(fstest.MapFS)) string {
	t.Helper()
	fsys := exampleFS(t)
	edit(fsys)
	_, diags := Assemble(fsys, Options{})
	var lines []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}

func replaceIn(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	s := string(fsys[file].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s lacks %q", file, old)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// TestNoteErrors checks that chancery check (Assemble) finds what is wrong
// with a note and says where: each case edits the example as
// testdata/example/build-note-errors.yaml says and expects the errors
// listed there.
func TestNoteErrors(t *testing.T) {
	var cases map[string]struct {
		File, Old, New, Delete, Want string
	}
	readExampleData(t, "build-note-errors.yaml", &cases)
	for _, name := range []string{
		"missing-id", "unknown-case", "case-not-in-language", "missing-field", "missing-language",
		"unknown-enclosure", "bad-date", "template-unknown-key", "template-missing", "ref-moved-away",
	} {
		t.Run(name, func(t *testing.T) {
			tc, ok := cases[name]
			if !ok || tc.Want == "" {
				t.Fatalf("build-note-errors.yaml has no case %s", name)
			}
			got := noteDiagnostics(t, func(f fstest.MapFS) {
				if tc.Delete != "" {
					if _, ok := f[tc.Delete]; !ok {
						t.Fatalf("no file %s to delete", tc.Delete)
					}
					delete(f, tc.Delete)
					return
				}
				replaceIn(t, f, tc.File, tc.Old, tc.New)
			})
			if got != tc.Want {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, tc.Want)
			}
		})
	}
}

// TestClauseReferencesInflect builds testdata/notes/inflect, an instrument
// in Russian and Kazakh whose clauses cite each other in cases.
func TestClauseReferencesInflect(t *testing.T) {
	res, diags := Build(os.DirFS(repoRoot+"/testdata/notes/inflect"), Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := map[string][]string{
		// Every decimal unit is a пункт / тармақ, items are подпункты /
		// тармақшалар; a term is tied to its number.
		"ru": {
			"1.1 Стороны представляют отчеты в соответствии с пунктом~4.\n",
			"1.2 Сотрудничество ведется по направлениям, указанным в подпункте~ii. пункта~2.1.\n",
			"1.3 Положения пункта~3.1 не применяются к пункту~4.1.\n",
		},
		"kk": {
			"1.1 Тараптар есептерді 4-тармаққа сәйкес ұсынады.\n",
			"1.2 Ынтымақтастық 2.1-тармақтың~ii.~тармақшасында көрсетілген бағыттар бойынша жүзеге асырылады.\n",
			"1.3 3.1-тармақтың ережелері 4.1-тармаққа қолданылмайды.\n",
		},
	}
	for tag, sentences := range want {
		got := output(t, res, "inflect."+tag+".txt")
		for _, s := range sentences {
			if !bytes.Contains(got, []byte(tie(s))) {
				t.Errorf("inflect.%s.txt lacks %q:\n%s", tag, s, got)
			}
		}
	}
}
