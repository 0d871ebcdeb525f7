package importer

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
)

// waterText is one text of the water report fixture, in English and
// Russian.
type waterText struct{ en, ru string }

// yamlText writes a text in the languages of langs, as a flow mapping.
func (w waterText) yamlText(langs []string) string {
	var parts []string
	for _, l := range langs {
		s := w.en
		if l == "ru" {
			s = w.ru
		}
		parts = append(parts, fmt.Sprintf("%s: %q", l, s))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// waterReport is a fictitious report on a regional water meeting in
// langs: a title with a footnote, two labelled fields (the second of two
// lines), a section of bullets and a section of paragraphs, one of them
// with bullets of its own.
func waterReport(langs []string) fstest.MapFS {
	t := func(en, ru string) string { return waterText{en, ru}.yamlText(langs) }
	doc := "id: water-report\nstatus: draft\nlanguages: [" + strings.Join(langs, ", ") + "]\n" +
		"title:\n  - " + t("Report on the Regional Water Meeting{fn:For information only; not an official record.}",
		"Отчёт о региональном совещании по водным ресурсам{fn:Только для сведения; не является официальным протоколом.}") + "\n" +
		"fields:\n" +
		"  - label: " + t("Meeting:", "Совещание:") + "\n" +
		"    value: " + t("Third Meeting on Shared Rivers", "Третье совещание по трансграничным рекам") + "\n" +
		"  - label: " + t("Participants:", "Участники:") + "\n" +
		"    value:\n" +
		"      - " + t("Riparian states: Arcadia, Borduria, Carpania", "Прибрежные государства: Аркадия, Бордурия, Карпания") + "\n" +
		"      - " + t("Observers: two river basin commissions", "Наблюдатели: две бассейновые комиссии") + "\n" +
		"parts:\n  - 01-aims.yaml\n  - 02-results.yaml\n"
	aims := "section: aims\nheading: " + t("Aims of the meeting", "Цели совещания") + "\n" +
		"bullets:\n" +
		"  - text: " + t("Exchange data on seasonal river flows;", "Обменяться данными о сезонном стоке рек;") + "\n" +
		"  - text: " + t("Agree on a schedule of joint measurements.", "Согласовать график совместных измерений.") + "\n"
	results := "section: results\nheading: " + t("Results", "Итоги") + "\n" +
		"paragraphs:\n" +
		"  - id: statement\n    text: " + t("The participants adopted a joint statement.", "Участники приняли совместное заявление.") + "\n" +
		"  - id: next\n    text: " + t("The next meeting will:", "Следующее совещание:") + "\n" +
		"    bullets:\n" +
		"      - text: " + t("review the measurements;", "рассмотрит результаты измерений;") + "\n" +
		"      - text: " + t("adopt a plan for dry years.", "утвердит план на засушливые годы.") + "\n"
	return fstest.MapFS{
		"clauses/water-report/document.yaml":   {Data: []byte(doc)},
		"clauses/water-report/01-aims.yaml":    {Data: []byte(aims)},
		"clauses/water-report/02-results.yaml": {Data: []byte(results)},
	}
}

// importVersion imports paras as the ru version of the English-only water
// report and returns the project with the files Version wrote, and its
// report.
func importVersion(t *testing.T, paras []*Para) (fstest.MapFS, *VersionReport) {
	t.Helper()
	fsys := waterReport([]string{"en"})
	res, diags := build.Assemble(fsys, build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	doc := res.Project.Documents[0]
	imported, err := Infer(paras, Options{Lang: "ru", ID: doc.ID, Engine: res.Engine})
	if err != nil {
		t.Fatal(err)
	}
	files, rep, err := Version(doc, imported, "ru", func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys, rep
}

// checkWaterVersion imports the Russian draft read as paras into the
// English-only report and compares the Russian text it builds with the
// bilingual report's, word for word; every text must be matched.
func checkWaterVersion(t *testing.T, paras []*Para, want string) {
	t.Helper()
	fsys, rep := importVersion(t, paras)
	if len(rep.Unmatched) > 0 {
		t.Errorf("not matched: %v", rep.Unmatched)
	}
	// 1 title, 2 labels and 3 value lines, 2 headings, 2 paragraphs, 4 bullets
	if rep.Matched != 14 {
		t.Errorf("%d texts matched, want 14", rep.Matched)
	}
	got := string(output(t, buildFS(t, fsys, "txt"), ".ru.txt"))
	ww, gw := strings.Fields(want), strings.Fields(got)
	for i := 0; i < min(len(ww), len(gw)); i++ {
		if ww[i] != gw[i] {
			t.Fatalf("word %d is %q, want %q; the imported text there:\n%s", i, gw[i], ww[i], strings.Join(gw[max(0, i-12):min(len(gw), i+12)], " "))
		}
	}
	if len(ww) != len(gw) {
		t.Fatalf("the imported text has %d words, the bilingual report's %d:\n%s", len(gw), len(ww), got)
	}
}

// The Russian DOCX of the bilingual water report, imported --into its
// English-only copy, gives it the same Russian text word for word: the
// title's footnote, the fields (a value of two lines) and the bullets of
// a section and of a paragraph.
func TestVersionPairsFieldsBulletsAndFootnotesDOCX(t *testing.T) {
	built := buildFS(t, waterReport([]string{"en", "ru"}), "docx", "txt")
	paras, err := ReadDOCX("water.ru.docx", output(t, built, ".ru.docx"))
	if err != nil {
		t.Fatal(err)
	}
	checkWaterVersion(t, paras, string(output(t, built, ".ru.txt")))
}

// The same from the Russian text the bilingual report builds.
func TestVersionPairsFieldsBulletsAndFootnotesText(t *testing.T) {
	built := buildFS(t, waterReport([]string{"en", "ru"}), "txt")
	want := output(t, built, ".ru.txt")
	paras, err := ReadText("water.ru.txt", want)
	if err != nil {
		t.Fatal(err)
	}
	checkWaterVersion(t, paras, string(want))
}

// A Russian draft with a field and a bullet fewer pairs neither list: the
// report says which rows and which list, and the texts left keep their
// English words in [brackets].
func TestVersionReportsFieldAndBulletMismatch(t *testing.T) {
	built := buildFS(t, waterReport([]string{"en", "ru"}), "txt")
	text := string(output(t, built, ".ru.txt"))
	for _, cut := range []string{"Совещание: Третье совещание по трансграничным рекам\n", "• Согласовать график совместных измерений.\n\n"} {
		if !strings.Contains(text, cut) {
			t.Fatalf("the Russian text has no %q:\n%s", cut, text)
		}
		text = strings.Replace(text, cut, "", 1)
	}
	paras, err := ReadText("water.ru.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	fsys, rep := importVersion(t, paras)
	var got []string
	for _, n := range rep.Unmatched {
		got = append(got, n.Where+": "+n.What+": "+n.Why)
	}
	want := []string{
		"clauses/water-report/01-aims.yaml:1:1: the bullets under section 1 (aims): 2 bullets in en, 1 bullet in the ru draft; not paired, the en texts are in [brackets]",
		"clauses/water-report/document.yaml: fields: 2 fields in en (1 Meeting:, 2 Participants:), 1 field in the ru draft (1 Участники:); not paired, the en texts are in [brackets]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("not matched:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	aims := string(fsys["clauses/water-report/01-aims.yaml"].Data)
	wantAims := "section: aims\nheading: {en: \"Aims of the meeting\", ru: \"Цели совещания\"}\nbullets:\n" +
		"  - text: {en: \"Exchange data on seasonal river flows;\", ru: \"[Exchange data on seasonal river flows;]\"}\n" +
		"  - text: {en: \"Agree on a schedule of joint measurements.\", ru: \"[Agree on a schedule of joint measurements.]\"}\n"
	if aims != wantAims {
		t.Errorf("01-aims.yaml:\n%s\nwant\n%s", aims, wantAims)
	}
	doc := string(fsys["clauses/water-report/document.yaml"].Data)
	for _, line := range []string{
		"  - label: {en: \"Meeting:\", ru: \"[Meeting:]\"}\n",
		"      - {en: \"Observers: two river basin commissions\", ru: \"[Observers: two river basin commissions]\"}\n",
	} {
		if !strings.Contains(doc, line) {
			t.Errorf("document.yaml has no line %q:\n%s", line, doc)
		}
	}
}
