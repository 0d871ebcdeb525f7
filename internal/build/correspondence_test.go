package build

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/docxread"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// correspondenceDir holds notes-only projects in the example's styles:
// testdata/correspondence/<name>/clauses/notes/*.yaml, with golden text
// under golden/.
const correspondenceDir = repoRoot + "/testdata/correspondence"

// correspondenceProject is the project testdata/correspondence/<name>: its
// clauses/ (notes only) with the example's templates/ (its styles).
func correspondenceProject(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	fsys := projecttest.Copy(t, correspondenceDir+"/"+name)
	for file, f := range projecttest.Copy(t, repoRoot) {
		if strings.HasPrefix(file, "templates/") {
			fsys[file] = f
		}
	}
	return fsys
}

// buildCorrespondence builds a correspondence project in text, PDF and DOCX.
func buildCorrespondence(t *testing.T, name string) *Result {
	t.Helper()
	res, diags := Build(correspondenceProject(t, name), Options{Formats: []string{"txt", "pdf", "docx"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	return res
}

// pdfPages extracts each page of a PDF with pdftotext -layout.
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	file := filepath.Join(t.TempDir(), "note.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}

// TestCorrespondenceGolden builds the fictitious UN-circulated note and
// signed letter, projects with no instrument, and compares their text
// editions and every page of their PDFs (pdftotext -layout) with golden
// text, in each language of the note.
func TestCorrespondenceGolden(t *testing.T) {
	for _, c := range []struct {
		project, id string
		langs       []string
	}{
		{"un-note", "nordavia-statement", []string{"en"}},
		{"letter", "mfa-2026-117", []string{"en", "ru", "kk"}},
	} {
		t.Run(c.project, func(t *testing.T) {
			res := buildCorrespondence(t, c.project)
			golden := correspondenceDir + "/" + c.project + "/golden/"
			for _, lang := range c.langs {
				stem := c.id + "." + lang
				checkGolden(t, golden+stem+".txt", string(output(t, res, stem+".txt")))
				pages := pdfPages(t, output(t, res, stem+".pdf"))
				for i, p := range pages {
					checkGolden(t, fmt.Sprintf("%s%s.page-%d.txt", golden, stem, i+1), p)
				}
				if !*update {
					if _, err := os.Stat(fmt.Sprintf("%s%s.page-%d.txt", golden, stem, len(pages)+1)); err == nil {
						t.Errorf("%s: the PDF has %d pages, the golden text more", stem, len(pages))
					}
				}
			}
		})
	}
}

// TestLetterInRussianAndKazakh checks the Russian and Kazakh letter
// templates line by line against the forms a drafter of each language
// writes: the date (Russian "2 марта 2026 года", month in the genitive;
// Kazakh "2026 жылғы 2 наурыз", year first, month in the nominative), the
// opening formula (Russian "Имею честь" and an infinitive; Kazakh the
// purpose's accusative verbal noun and "мәртебе санаймын"), the close
// (Russian "Примите, ..., уверения в моём весьма высоком уважении";
// Kazakh the addressee first, then "осы мүмкіндікті пайдалана отырып")
// and the enclosure line (Russian "на 4 л."; Kazakh "4 п."), in the text
// edition and on the PDF's first page. A no-break space ties the day to
// its month and "№" to the number.
func TestLetterInRussianAndKazakh(t *testing.T) {
	res := buildCorrespondence(t, "letter")
	for _, c := range []struct {
		lang  string
		lines []string
	}{
		{"ru", []string{
			"Нордхавен, 2\u00a0марта 2026 года",
			"№\u00a0MFA/2026/117",
			"Уважаемый господин Министр!",
			"Имею честь сослаться на нашу беседу в Вальдмарке 24 февраля 2026 года и предложить провести пятую сессию совместной комиссии по приграничному сотрудничеству между нашими двумя странами в Нордхавене 14 и 15 мая 2026 года.",
			"Примите, господин Министр, уверения в моём весьма высоком уважении.",
			"Приложение: проект программы совместной комиссии, на 4 л.",
			"Министр иностранных дел",
		}},
		{"kk", []string{
			"Нордхавен, 2026 жылғы 2\u00a0наурыз",
			"№\u00a0MFA/2026/117",
			"Құрметті Министр мырза!",
			"2026 жылғы 24 ақпанда Вальдмаркта болған әңгімемізге сілтеме жасай отырып, екі еліміз арасындағы шекара маңындағы ынтымақтастық жөніндегі бірлескен комиссияның бесінші сессиясын 2026 жылғы 14 және 15 мамырда Нордхавенде өткізуді ұсынуды мәртебе санаймын.",
			"Министр мырза, осы мүмкіндікті пайдалана отырып, Сізге өзімнің зор ілтипатымды тағы да растаймын.",
			"Қосымша: бірлескен комиссия бағдарламасының жобасы, 4 п.",
			"Сыртқы істер министрі",
		}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			text := nonBlank(string(output(t, res, "mfa-2026-117."+c.lang+".txt")))
			for _, want := range c.lines {
				if !slices.Contains(text, want) {
					t.Errorf("the text edition has no line %q", want)
				}
			}
			// On the printed page lines wrap, and the enclosure line
			// stands at the foot: each line's words, in order, somewhere.
			words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			page := words(pdfPages(t, output(t, res, "mfa-2026-117."+c.lang+".pdf"))[0])
			for _, want := range c.lines {
				if !strings.Contains(page, words(want)) {
					t.Errorf("page 1 of the PDF lacks %q", want)
				}
			}
		})
	}
}

// nonBlank returns the lines of s that hold more than spaces.
func nonBlank(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestUNNoteMustShow checks the UN-circulated note's first pages: the
// masthead's fields in their columns (the organ left; the symbol,
// distribution, date and original language right, one above the other),
// the title in the bold face, the job number as page 1's last line, the
// annex from page 2, and a page number on page 2 but not on page 1.
func TestUNNoteMustShow(t *testing.T) {
	res := buildCorrespondence(t, "un-note")
	data := output(t, res, "nordavia-statement.en.pdf")
	pages := pdfPages(t, data)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	p1, p2 := nonBlank(pages[0]), nonBlank(pages[1])

	// The masthead: two columns, the right one starting at one place.
	rows := [][2]string{
		{"United Nations", "A/81/412"},
		{"General Assembly", "Distr.: General"},
		{"", "30 September 2026"},
		{"", "Original: English"},
	}
	right := -1
	for i, row := range rows {
		line := p1[i]
		l, r := strings.Index(line, row[0]), strings.Index(line, row[1])
		if r < 0 || (row[0] != "" && (l != 0 || l+len(row[0]) >= r)) || (row[0] == "" && strings.TrimSpace(line[:r]) != "") {
			t.Errorf("masthead line %d %q: want %q left and %q right", i+1, line, row[0], row[1])
			continue
		}
		if right >= 0 && r != right {
			t.Errorf("masthead line %d: right column at %d, line 1's at %d", i+1, r, right)
		}
		right = r
	}

	// The job number is the last line of page 1; page 1 has no number.
	if last := strings.TrimSpace(p1[len(p1)-1]); last != "26-17342 (E) 021026" {
		t.Errorf("page 1 ends with %q, want the job number", last)
	}
	// The annex begins page 2, which ends with its number.
	if first := strings.TrimSpace(p2[0]); !strings.HasPrefix(first, "Annex to the note verbale dated 30 September 2026") {
		t.Errorf("page 2 begins with %q, want the annex's heading", first)
	}
	if last := strings.TrimSpace(p2[len(p2)-1]); last != "2" {
		t.Errorf("page 2 ends with %q, want its number 2", last)
	}
	if strings.Contains(pages[0], "Annex to") {
		t.Error("the annex's heading is on page 1")
	}

	// The title is bold: pdffonts lists the bold face, and the title's
	// words are as wide (pdftotext -bbox) as the bold face sets them at
	// 11 pt, not as the regular one does.
	pdffonts := clienttest.Command(t, "pdffonts", "poppler-utils")
	file := filepath.Join(t.TempDir(), "note.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdffonts, file).Output()
	if err != nil || !regexp.MustCompile(`(?mi)^\S*liberation-?serif(-bold|b)\s`).Match(out) {
		t.Fatalf("pdffonts lists no bold face (%v):\n%s", err, out)
	}
	faces, err := fonts.Faces()
	if err != nil {
		t.Fatal(err)
	}
	width := func(s string, st fonts.Style) float64 {
		w := 0
		for _, r := range s {
			w += faces.Face(st).Width(r)
		}
		return float64(w) * 11 / 1000
	}
	words := pdfWords(t, data) // page 1
	// The body starts on the line of its first "presents".
	bodyTop := math.Inf(1)
	for _, w := range words {
		if w.Text == "presents" {
			bodyTop = min(bodyTop, w.YMin)
		}
	}
	checked := 0
	for _, w := range words {
		if w.Text != "verbale" && w.Text != "Secretary-General" && w.Text != "Permanent" {
			continue
		}
		// Only the title's words: the body's are regular.
		got := w.XMax - w.XMin
		bold, regular := width(w.Text, fonts.Bold), width(w.Text, fonts.Regular)
		if w.YMin > bodyTop-1 {
			if math.Abs(got-regular) > 0.05 {
				t.Errorf("body word %q is %.2f pt wide, regular %.2f", w.Text, got, regular)
			}
			continue
		}
		checked++
		if math.Abs(got-bold) > 0.05 || math.Abs(got-regular) < 0.05 {
			t.Errorf("title word %q is %.2f pt wide: bold %.2f, regular %.2f", w.Text, got, bold, regular)
		}
	}
	if checked < 3 {
		t.Errorf("found %d of the title's words, want 3", checked)
	}
}

// TestUNNoteDocx checks the UN-circulated note's DOCX: the masthead a
// borderless table of two cells (the organ; the symbol, distribution,
// date and original language) with a rule as its bottom border, the job
// number in the first-page footer of a section with a distinct first
// page, the page number a PAGE field in the other pages' footer, the
// annex's heading with page-break-before, and no page break typed into
// the text. LibreOffice's PDF of it puts the job number on page 1 and the
// annex on page 2.
func TestUNNoteDocx(t *testing.T) {
	res := buildCorrespondence(t, "un-note")
	data := output(t, res, "nordavia-statement.en.docx")
	parts := unzipParts(t, data)
	doc := string(parts["word/document.xml"])
	if n := strings.Count(doc, "<w:tbl>"); n != 1 {
		t.Fatalf("%d tables, want the masthead's", n)
	}
	tbl := doc[strings.Index(doc, "<w:tbl>"):strings.Index(doc, "</w:tbl>")]
	for _, b := range []string{`<w:top w:val="nil"`, `<w:left w:val="nil"`, `<w:right w:val="nil"`, `<w:insideV w:val="nil"`, `<w:bottom w:val="single" w:sz="8"`} {
		if !strings.Contains(tbl, b) {
			t.Errorf("masthead table borders lack %s", b)
		}
	}
	cells := strings.Split(tbl, "<w:tc>")[1:]
	if len(cells) != 2 {
		t.Fatalf("masthead has %d cells, want 2", len(cells))
	}
	for i, want := range [][]string{{"United Nations", "General Assembly"}, {"A/81/412", "Distr.: General", "30\u00a0September 2026", "Original: English"}} {
		text := xmlText(cells[i])
		at := 0
		for _, w := range want {
			k := strings.Index(text[at:], w)
			if k < 0 {
				t.Errorf("masthead cell %d %q lacks %q (in order)", i+1, text, w)
				break
			}
			at += k + len(w)
		}
	}
	if strings.Contains(doc, `w:type="page"`) {
		t.Error("a page break is typed into the text")
	}
	annex := ""
	for _, p := range strings.Split(doc, "<w:p>") {
		if strings.Contains(xmlText(p), "Annex to the note verbale") {
			annex = p
		}
	}
	if !strings.Contains(annex, "<w:pageBreakBefore/>") {
		t.Errorf("the annex's heading has no page-break-before: %s", annex)
	}
	if !strings.Contains(doc, "<w:titlePg/>") {
		t.Error("the section has no distinct first page")
	}
	first := footer(t, parts, doc, "first")
	if !strings.Contains(xmlText(first), "26-17342 (E) 021026") {
		t.Errorf("first-page footer %q lacks the job number", xmlText(first))
	}
	if other := footer(t, parts, doc, "default"); !strings.Contains(other, "PAGE") || strings.Contains(xmlText(other), "26-17342") {
		t.Errorf("the following pages' footer is not the page number: %s", other)
	}

	// LibreOffice lays it out as the PDF: the job number ends page 1, the
	// annex begins page 2, which is numbered.
	converted := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"note.docx": data}, "pdf")
	pdf, err := os.ReadFile(converted["note.docx"])
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, pdf)
	if len(pages) != 2 {
		t.Fatalf("LibreOffice's PDF has %d pages, want 2", len(pages))
	}
	p1, p2 := nonBlank(pages[0]), nonBlank(pages[1])
	if last := strings.TrimSpace(p1[len(p1)-1]); last != "26-17342 (E) 021026" {
		t.Errorf("LibreOffice's page 1 ends with %q", last)
	}
	if first := strings.TrimSpace(p2[0]); !strings.HasPrefix(first, "Annex to the note verbale") {
		t.Errorf("LibreOffice's page 2 begins with %q", first)
	}
	if last := strings.TrimSpace(p2[len(p2)-1]); last != "2" {
		t.Errorf("LibreOffice's page 2 ends with %q, want its number", last)
	}
}

// unzipParts reads a .docx's parts.
func unzipParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	parts, err := docxread.Parts(data)
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// footer returns the footer part of type typ the document's section
// refers to.
func footer(t *testing.T, parts map[string][]byte, doc, typ string) string {
	t.Helper()
	m := regexp.MustCompile(`<w:footerReference w:type="` + typ + `" r:id="([^"]+)"`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatalf("no %s footer", typ)
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	r := regexp.MustCompile(`<Relationship Id="` + m[1] + `"[^>]*Target="([^"]+)"`).FindStringSubmatch(rels)
	if r == nil {
		t.Fatalf("no relationship %s in %s", m[1], rels)
	}
	return string(parts["word/"+r[1]])
}

// xmlText is the text of the w:t elements of an XML fragment.
func xmlText(s string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`).FindAllStringSubmatch(s, -1) {
		b.WriteString(html.UnescapeString(m[1]))
	}
	return b.String()
}

// TestUNNoteHTML: the HTML edition has every block, the masthead a table,
// the markup strong and em, the annex a division of its own.
func TestUNNoteHTML(t *testing.T) {
	res, diags := Build(correspondenceProject(t, "un-note"), Options{Formats: []string{"html"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	page := string(output(t, res, "nordavia-statement.en.html"))
	order := []string{`<div class="masthead">`, `<table class="masthead">`, `<strong>A/81/412</strong>`, `Original: English`,
		`<div class="title">`, `<div class="body">`, `<em>Northern Waters Cooperation Framework</em>`,
		`<strong>highest consideration</strong>`, `<div class="annex">`, `<strong>Statement by the Ministry`,
		`<div class="foot">`, `26-17342 (E) 021026`}
	at := 0
	for _, w := range order {
		k := strings.Index(page[at:], w)
		if k < 0 {
			t.Fatalf("the HTML lacks %q after position %d", w, at)
		}
		at += k + len(w)
	}
}

// TestLetterheadImage: a letterhead picture of the style is drawn in the
// PDF (pdfimages lists it at its size) and is an inline drawing of the
// DOCX, the picture a part of the package.
func TestLetterheadImage(t *testing.T) {
	fsys := correspondenceProject(t, "letter")
	img := image.NewGray(image.Rect(0, 0, 60, 30))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	fsys["templates/letter/emblem.png"] = &fstest.MapFile{Data: buf.Bytes()}
	projecttest.Edit(t, fsys, "templates/letter/style.yaml", "{block: letterhead,", "{block: letterhead, image: {file: emblem.png, width: 24mm},")
	res, diags := Build(fsys, Options{Formats: []string{"pdf", "docx"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	pdfimages := clienttest.Command(t, "pdfimages", "poppler-utils")
	file := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(file, output(t, res, "mfa-2026-117.en.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfimages, "-list", file).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	// page num type width height ...: one 60 by 30 image on page 1.
	lines := nonBlank(string(out))
	if len(lines) != 3 || !regexp.MustCompile(`^\s*1\s+0\s+image\s+60\s+30\s`).MatchString(lines[2]) {
		t.Errorf("pdfimages -list:\n%s", out)
	}
	parts := unzipParts(t, output(t, res, "mfa-2026-117.en.docx"))
	doc := string(parts["word/document.xml"])
	var media []string
	for name := range parts {
		if strings.HasPrefix(name, "word/media/") {
			media = append(media, name)
		}
	}
	if len(media) != 1 || !bytes.Equal(parts[media[0]], buf.Bytes()) {
		t.Fatalf("media parts %v, want the emblem", media)
	}
	// 24 mm wide, 12 mm high, in EMU.
	if !strings.Contains(doc, `<wp:extent cx="864000" cy="432000"/>`) || !strings.Contains(doc, "<a:blip r:embed=") {
		t.Error("the DOCX has no inline drawing of the emblem at 24 by 12 mm")
	}
	if ct := string(parts["[Content_Types].xml"]); !strings.Contains(ct, `PartName="/`+media[0]+`" ContentType="image/png"`) {
		t.Errorf("content types lack the picture: %s", ct)
	}
}
