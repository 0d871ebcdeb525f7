package build

import (
	"bytes"
	"fmt"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

const noteID = "nct-ct-569"

// referenceNotes cuts the reference into the English, Russian and Kazakh
// notes (wordmatch.ReferenceParts), each from its first words to its place
// and date.
func referenceNotes(t *testing.T) map[string]string {
	t.Helper()
	notes, err := wordmatch.ReferenceParts(repoRoot + "/testdata/reference/cica-note-NCT-CT-569-and-draft-mou.txt")
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

// TestNoteWordsMatchReference compares each edition of note NCT/CT/569,
// and the trilingual copy, with the reference note word for word, in
// order. (The reference puts the enclosure line and the addressee block,
// which a page carries at its foot, in the middle of the body; the text
// edition puts them at the end, so those words count once as missing.)
func TestNoteWordsMatchReference(t *testing.T) {
	ref := referenceNotes(t)
	res := buildExample(t, "txt")
	tri := string(output(t, res, noteID+".trilingual.txt"))
	for _, tag := range []string{"en", "ru", "kk"} {
		got := string(output(t, res, noteID+"."+tag+".txt"))
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
	if !strings.Contains(tri, "\f\n") || strings.Index(tri, "No. NCT/CT/569") > strings.Index(tri, "№ NCT/CT/569") {
		t.Errorf("trilingual copy is not English, then Russian, then Kazakh, separated by form feeds")
	}
	if c := strings.Count(tri, "СЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ"); c != 3 {
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
// MoU (from its current numbering) and the dates, in the case each
// sentence needs.
func TestNoteInflectedPhrases(t *testing.T) {
	res := buildExample(t, "txt")
	want := map[string][]string{
		"en": {
			"with reference to its note No.~NCT/CT/513 of 18~April 2024,",
			"by no later than 27~May 2024.",
			"received for paragraph~2.1, subparagraph~iii. of the draft,",
			"Counter-Terrorism Strategy (Pillar~II, paragraph~3) approved",
			"the language of paragraph~2.1, subparagraph~iv. of the draft, which reflects",
			"the language of Pillar~III, paragraph~2 of the above CICA Plan of Action.",
			"\nAstana, 13~May 2024\n",
			"\nNo.~NCT/CT/569\n",
			"\nMEMBER STATES OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA\n",
		},
		"ru": {
			"со ссылкой на свою ноту №NCT/CT/513 от 18~апреля 2024 года,",
			"не позднее 27~мая 2024 года.",
			"предложений к подпункту~iii. пункта~2.1 проекта Секретариат",
			"Организации Объединенных Наций (пункт~3 Компонента~II).",
			"к формулировке подпункта~iv. пункта~2.1 проекта, которая",
			"повторяет формулировку пункта~2 Компонента~III вышеуказанного",
			"\nгород Астана, 13~мая 2024 года\n",
			"\n№~NCT/CT/569\n",
			"\nГОСУДАРСТВА-ЧЛЕНЫ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ\n",
		},
		"kk": {
			"білдіреді және 2024 жылғы 18~сәуірдегі №NCT/CT/513 нотасына",
			"оларды 2024 жылғы 27~мамырдан кешіктірмей",
			"Жобаның 2.1-тармағының~iii.~тармақшасына келіп",
			"іс-қимыл жоспарына (II~компоненттің~3-тармағы) сәйкес",
			"жоспары III~компоненті~2-тармағының тұжырымын қайталайтын",
			"жобаның 2.1-тармағы~iv.~тармақшасының тұжырымын түсіндіруге",
			"\nАстана қаласы, 2024 жылғы 13~мамыр\n",
			"\n№~NCT/CT/569\n",
			"\nАЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ ЖӘНЕ СЕНІМ ШАРАЛАРЫ КЕҢЕСІНЕ МҮШЕ МЕМЛЕКЕТТЕР\n",
		},
	}
	for tag, phrases := range want {
		text := string(output(t, res, noteID+"."+tag+".txt"))
		got := reading(t, text, tag)
		for _, p := range phrases {
			p = tie(p)
			if !strings.Contains(got, p) && !strings.Contains(text, p) {
				t.Errorf("%s edition lacks %q", tag, p)
			}
		}
		// The reference's typos ("Пункта", "III." capitalised) are not
		// reproduced.
		for _, typo := range []string{"Пункта~2.1", "III.~тармақшасына"} {
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
// page count pdfinfo reads from the built MoU PDF.
func TestNoteEnclosurePagesArePDFPages(t *testing.T) {
	pdfinfo := clienttest.Tool(t, "pdfinfo")
	res := buildExample(t, "txt", "pdf")
	file := filepath.Join(t.TempDir(), "mou.pdf")
	if err := os.WriteFile(file, output(t, res, "unoct-cica-mou.en.pdf"), 0o644); err != nil {
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
	t.Logf("pdfinfo: the MoU PDF has %d pages", pages)
	if n := enclosurePagesOf(t, res); n != pages {
		t.Errorf("enclosure line says %d pages, pdfinfo says the MoU has %d", n, pages)
	}
}

// TestNoteEnclosurePagesFollowTheMoU lengthens the MoU by a section at its
// end (so that no reference moves): the note's page count follows, with no
// edit to the note, and nothing else in the note changes.
func TestNoteEnclosurePagesFollowTheMoU(t *testing.T) {
	fsys := exampleFS(t)
	before, diags := Build(fsys, Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	n := enclosurePagesOf(t, before)

	docFile := "clauses/unoct-cica-mou/document.yaml"
	orig := string(fsys[docFile].Data)
	changed := strings.Replace(orig, "  - 12-privileges.yaml", "  - 12-privileges.yaml\n  - 13-annex.yaml", 1)
	if changed == orig {
		t.Fatal("document.yaml does not list 12-privileges.yaml")
	}
	fsys[docFile] = &fstest.MapFile{Data: []byte(changed)}
	sentence := "The Participants will keep each other informed of their activities in the areas of cooperation set out in this MoU. "
	var part strings.Builder
	part.WriteString("section: annex\nheading: {en: Further Arrangements}\nparagraphs:\n")
	for i := range 12 {
		fmt.Fprintf(&part, "  - id: annex.p%d\n    text: {en: \"%s\"}\n", i+1, strings.Repeat(sentence, 5))
	}
	fsys["clauses/unoct-cica-mou/13-annex.yaml"] = &fstest.MapFile{Data: []byte(part.String())}

	after, diags := Build(fsys, Options{Formats: []string{"txt", "pdf"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := enclosurePagesOf(t, after)
	t.Logf("enclosure line: %d pages before, %d after", n, m)
	if m <= n {
		t.Fatalf("the MoU grew by 12 paragraphs but the note still says %d pages (before: %d)", m, n)
	}
	for _, o := range after.Outputs {
		if o.Name == "unoct-cica-mou.en.pdf" && o.Pages != m {
			t.Errorf("note says %d pages, the built MoU PDF has %d", m, o.Pages)
		}
	}
	for _, tag := range []string{"en", "ru", "kk"} {
		name := noteID + "." + tag + ".txt"
		old := string(output(t, before, name))
		old = strings.Replace(old, fmt.Sprintf(map[string]string{"en": "on %d p.", "ru": "на %d л.", "kk": "\n%d п."}[tag], n),
			fmt.Sprintf(map[string]string{"en": "on %d p.", "ru": "на %d л.", "kk": "\n%d п."}[tag], m), 1)
		if got := string(output(t, after, name)); got != old {
			t.Errorf("%s: the note changed beyond its page count", name)
		}
	}
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
// with a note and says where.
func TestNoteErrors(t *testing.T) {
	const noteFile = "clauses/notes/nct-ct-569.yaml"
	tests := []struct {
		name string
		edit func(*testing.T, fstest.MapFS)
		want string
	}{
		{"missing-id", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, `{{ref "areas.basis.aml-standards" "dat"}}`, `{{ref "areas.basis.aml-standard" "dat"}}`)
		}, `clauses/notes/nct-ct-569.yaml:38:68: error: unknown reference "areas.basis.aml-standard" [unknown-ref]`},
		{"unknown-case", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, `"gen" "poss" "contnom"}} тұжырымын түсіндіруге`, `"gen" "poss" "contnon"}} тұжырымын түсіндіруге`)
		}, `clauses/notes/nct-ct-569.yaml:42:154: error: ref: unknown option "contnon" [unknown-case]`},
		{"case-not-in-language", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, `оларды {{date .Deadline "abl"}}`, `оларды {{date .Deadline "pre"}}`)
		}, `clauses/notes/nct-ct-569.yaml:36:66: error: date: case "pre" is not used in kk [unknown-case]`},
		{"missing-field", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, "number: NCT/CT/569\n", "")
		}, `clauses/notes/nct-ct-569.yaml:5:1: error: note lacks the required field "number" [missing-field]`},
		{"missing-language", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, "place: {en: Astana, ru: город Астана, kk: Астана қаласы}", "place: {en: Astana, ru: город Астана}")
		}, `clauses/notes/nct-ct-569.yaml:10:13: error: place has no kk text, and the note is written in en, ru, kk [missing-language]`},
		{"unknown-enclosure", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, "enclosure: {document: unoct-cica-mou}", "enclosure: {document: unoct-cica-mo}")
		}, `clauses/notes/nct-ct-569.yaml:27:23: error: unknown enclosure document "unoct-cica-mo" [unknown-document]`},
		{"bad-date", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, noteFile, "deadline: 2024-05-27", "deadline: 2024-05-32")
		}, `clauses/notes/nct-ct-569.yaml:28:11: error: deadline 2024-05-32 is not a date: May 2024 has 31 days [bad-value]`},
		{"template-unknown-key", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, "templates/cica/note-verbale/en.tmpl", "{{.Addressee.Short}}\nand", "{{.Adressee.Short}}\nand")
		}, `templates/cica/note-verbale/en.tmpl:10:48: error: unknown key "Adressee" in {{.Adressee.Short}} [template-key]`},
		{"template-missing", func(t *testing.T, f fstest.MapFS) {
			delete(f, "templates/cica/note-verbale/ru.tmpl")
		}, `clauses/notes/nct-ct-569.yaml:7:11: error: template "note-verbale" has no ru file: templates/cica/note-verbale/ru.tmpl does not exist [missing-file]`},
		{"ref-moved-away", func(t *testing.T, f fstest.MapFS) {
			replaceIn(t, f, "clauses/unoct-cica-mou/02-areas.yaml", "id: areas.basis.information-sharing", "id: areas.basis.sharing")
		}, strings.Join([]string{
			`clauses/notes/nct-ct-569.yaml:40:70: error: unknown reference "areas.basis.information-sharing" [unknown-ref]`,
			`clauses/notes/nct-ct-569.yaml:41:71: error: unknown reference "areas.basis.information-sharing" [unknown-ref]`,
			`clauses/notes/nct-ct-569.yaml:42:154: error: unknown reference "areas.basis.information-sharing" [unknown-ref]`,
		}, "\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := noteDiagnostics(t, func(f fstest.MapFS) { tc.edit(t, f) })
			if got != tc.want {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, tc.want)
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
