package build

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lang"
)

// recitalProject is a trilingual instrument with one recital whose lead is
// a Kazakh converb in the Kazakh text.
func recitalProject() fstest.MapFS {
	return fstest.MapFS{
		"clauses/r/document.yaml": {Data: []byte(`id: r
languages: [en, ru, kk]
title:
  - {en: AGREEMENT, ru: СОГЛАШЕНИЕ, kk: КЕЛІСІМ}
parts: [preamble.yaml, 01.yaml]
`)},
		"clauses/r/preamble.yaml": {Data: []byte(`recitals:
  - id: recital.charter
    lead: {en: CONSIDERING, ru: "ПРИНИМАЯ ВО ВНИМАНИЕ,", kk: "ЕСКЕРЕ ОТЫРЫП,"}
    text:
      en: "that the Parties share the purposes of the Charter;"
      ru: "что Стороны разделяют цели Устава;"
      kk: "Тараптардың Жарғының мақсаттарын ортақ ұстанатынын"
`)},
		"clauses/r/01.yaml": {Data: []byte(`section: scope
heading: {en: Scope, ru: Сфера, kk: Қолданылу саласы}
paragraphs:
  - id: scope.general
    text: {en: Text., ru: Текст., kk: Мәтін.}
`)},
	}
}

// TestRecitalLeadWhereTheLanguagePutsIt: the Kazakh recital closes with
// its lead, the English and Russian ones open with it — in the text, the
// PDF (pdftotext) and the DOCX.
func TestRecitalLeadWhereTheLanguagePutsIt(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	res, diags := Build(recitalProject(), Options{Formats: []string{"txt", "pdf", "docx"}})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := map[string]string{
		"en": "CONSIDERING that the Parties share the purposes of the Charter;",
		"ru": "ПРИНИМАЯ ВО ВНИМАНИЕ, что Стороны разделяют цели Устава;",
		"kk": "Тараптардың Жарғының мақсаттарын ортақ ұстанатынын ЕСКЕРЕ ОТЫРЫП,",
	}
	dir := t.TempDir()
	for tag, w := range want {
		if text := string(output(t, res, "r."+tag+".txt")); !strings.Contains(text, "\n"+w+"\n") {
			t.Errorf("r.%s.txt lacks the line %q:\n%s", tag, w, text)
		}
		pdf := filepath.Join(dir, "r."+tag+".pdf")
		if err := os.WriteFile(pdf, output(t, res, "r."+tag+".pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if flat := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(flat, w) {
			t.Errorf("the %s PDF does not read %q:\n%s", tag, w, flat)
		}
		if paras := docxParagraphs(t, output(t, res, "r."+tag+".docx")); !containsString(paras, w) {
			t.Errorf("the %s DOCX has no paragraph %q: %q", tag, w, paras)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// docxParagraphs returns the text of every w:p of a DOCX's main part.
func docxParagraphs(t *testing.T, data []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(docxPart(t, data, "word/document.xml")))
	var out []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if tok.Name.Local == "p" {
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		}
	}
}

// breakProject is a Russian instrument whose paragraphs 1.1 to 1.n read
// the first k words of a sentence, then "в пункте 4.1" — typed with an
// ordinary space when typed, else written {ref:target.clause|pre} — then
// the rest of the sentence. As k grows, "пункте 4.1" moves along the line
// and, typed, is broken somewhere between "пункте" and "4.1".
func breakProject(typed bool) fstest.MapFS {
	words := strings.Fields("Стороны настоящего Соглашения в целях надлежащего выполнения своих обязательств " +
		"и с учетом положений о сотрудничестве в области обмена информацией ежегодно рассматривают ход работы")
	cite := "{ref:target.clause|pre}"
	if typed {
		cite = "пункте 4.1"
	}
	var b strings.Builder
	b.WriteString("section: rows\nheading: {ru: Строки}\nparagraphs:\n")
	for k := 1; k <= len(words); k++ {
		fmt.Fprintf(&b, "  - id: row%d\n    text: {ru: \"%s в %s, как это предусмотрено %s.\"}\n",
			k, strings.Join(words[:k], " "), cite, strings.Join(words[k:], " "))
	}
	section := func(name string) string {
		return fmt.Sprintf("section: %s\nheading: {ru: Раздел}\nparagraphs:\n  - id: %[1]s.clause\n    text: {ru: Текст.}\n", name)
	}
	return fstest.MapFS{
		"clauses/b/document.yaml": {Data: []byte("id: b\nlanguages: [ru]\ntitle:\n  - {ru: СОГЛАШЕНИЕ}\nparts: [rows.yaml, two.yaml, three.yaml, target.yaml]\n")},
		"clauses/b/rows.yaml":     {Data: []byte(b.String())},
		"clauses/b/two.yaml":      {Data: []byte(section("two"))},
		"clauses/b/three.yaml":    {Data: []byte(section("three"))},
		"clauses/b/target.yaml":   {Data: []byte(section("target"))},
	}
}

// TestNoLineBreakBetweenTermAndNumber: typed with an ordinary space, some
// paragraph of breakProject breaks its line between "пункте" and "4.1";
// generated, with a no-break space, none does (pdftotext, line by line).
func TestNoLineBreakBetweenTermAndNumber(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	lines := func(typed bool) []string {
		res, diags := Build(breakProject(typed), Options{Formats: []string{"pdf"}})
		if diags.HasErrors() {
			t.Fatalf("diagnostics: %v", diags)
		}
		pdf := filepath.Join(t.TempDir(), "b.pdf")
		if err := os.WriteFile(pdf, output(t, res, "b.ru.pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return strings.Split(string(out), "\n")
	}
	count := russianBreaks
	typedBreaks, _ := count(lines(true))
	if typedBreaks == 0 {
		t.Fatal("no typed paragraph breaks between пункте and 4.1: the test cannot show anything")
	}
	breaks, together := count(lines(false))
	if breaks != 0 {
		t.Errorf("%d generated references broken between пункте and 4.1", breaks)
	}
	if n := strings.Count(string(breakProject(false)["clauses/b/rows.yaml"].Data), "{ref:"); together != n {
		t.Errorf("%d lines hold пункте 4.1 together, want %d (one per paragraph)", together, n)
	}
	t.Logf("typed: %d paragraphs break between пункте and 4.1; generated: none", typedBreaks)
}

// kazakhChainProject is breakProject for a Kazakh citation chain: its
// paragraphs cite item ii. of paragraph 4.1, "4.1-тармақтың ii.
// тармақшасында", typed with ordinary spaces when typed, else written
// {ref:target.clause.second|loc}, after the first k words of a sentence.
func kazakhChainProject(typed bool) fstest.MapFS {
	words := strings.Fields("Тараптар осы Келісімнің мақсаттарына сәйкес өзара ынтымақтастықты дамыту үшін " +
		"жыл сайын бірлескен жұмыс барысын қарайды және ақпарат алмасу тәртібін айқындайды")
	cite := "{ref:target.clause.second|loc}"
	if typed {
		cite = "4.1-тармақтың ii. тармақшасында"
	}
	var b strings.Builder
	b.WriteString("section: rows\nheading: {kk: Жолдар}\nparagraphs:\n")
	for k := 1; k <= len(words); k++ {
		fmt.Fprintf(&b, "  - id: row%d\n    text: {kk: \"%s %s көзделгендей %s.\"}\n",
			k, strings.Join(words[:k], " "), cite, strings.Join(words[k:], " "))
	}
	section := func(name string) string {
		return fmt.Sprintf("section: %s\nheading: {kk: Бөлім}\nparagraphs:\n  - id: %[1]s.clause\n    text: {kk: Мәтін.}\n", name)
	}
	return fstest.MapFS{
		"clauses/c/document.yaml": {Data: []byte("id: c\nlanguages: [kk]\ntitle:\n  - {kk: КЕЛІСІМ}\nparts: [rows.yaml, two.yaml, three.yaml, target.yaml]\n")},
		"clauses/c/rows.yaml":     {Data: []byte(b.String())},
		"clauses/c/two.yaml":      {Data: []byte(section("two"))},
		"clauses/c/three.yaml":    {Data: []byte(section("three"))},
		"clauses/c/target.yaml": {Data: []byte("section: target\nheading: {kk: Бөлім}\nparagraphs:\n  - id: target.clause\n" +
			"    text: {kk: \"Тараптар:\"}\n    items:\n      - id: target.clause.first\n        text: {kk: бірінші;}\n" +
			"      - id: target.clause.second\n        text: {kk: екінші.}\n")},
	}
}

// TestNoLineBreakInsideAKazakhChain: typed with ordinary spaces, some
// paragraph of kazakhChainProject breaks its line inside "4.1-тармақтың
// ii. тармақшасында"; generated, none does (pdftotext, line by line).
func TestNoLineBreakInsideAKazakhChain(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	lines := func(typed bool) []string {
		res, diags := Build(kazakhChainProject(typed), Options{Formats: []string{"pdf"}})
		if diags.HasErrors() {
			t.Fatalf("diagnostics: %v", diags)
		}
		pdf := filepath.Join(t.TempDir(), "c.pdf")
		if err := os.WriteFile(pdf, output(t, res, "c.kk.pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return strings.Split(string(out), "\n")
	}
	count := kazakhBreaks
	typedBreaks, _ := count(lines(true))
	if typedBreaks == 0 {
		t.Fatal("no typed paragraph breaks inside the chain: the test cannot show anything")
	}
	breaks, together := count(lines(false))
	if breaks != 0 {
		t.Errorf("%d generated chains broken across lines", breaks)
	}
	if n := strings.Count(string(kazakhChainProject(false)["clauses/c/rows.yaml"].Data), "{ref:"); together != n {
		t.Errorf("%d lines hold %q together, want %d (one per paragraph)", together, kazakhChain, n)
	}
	t.Logf("typed: %d paragraphs break inside the chain; generated: none", typedBreaks)
}

// russianBreaks counts, in lines of text, the lines that end with
// "пункте" and whose next line starts with "4.1" (breaks), and the lines
// that hold "пункте 4.1" (together).
func russianBreaks(ls []string) (breaks, together int) {
	for i, l := range ls {
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, "пункте") && i+1 < len(ls) && strings.HasPrefix(strings.TrimSpace(ls[i+1]), "4.1") {
			breaks++
		}
		if strings.Contains(strings.ReplaceAll(l, lang.NoBreakSpace, " "), "пункте 4.1") {
			together++
		}
	}
	return breaks, together
}

// kazakhChain is the chain kazakhChainProject cites.
const kazakhChain = "4.1-тармақтың ii. тармақшасында"

// kazakhBreaks counts the lines broken inside kazakhChain (breaks) and
// the lines that hold it whole (together).
func kazakhBreaks(ls []string) (breaks, together int) {
	for i, l := range ls {
		l = strings.ReplaceAll(strings.TrimSpace(l), lang.NoBreakSpace, " ")
		next := ""
		if i+1 < len(ls) {
			next = strings.TrimSpace(ls[i+1])
		}
		if strings.HasSuffix(l, "4.1-тармақтың") && strings.HasPrefix(next, "ii.") ||
			strings.HasSuffix(l, " ii.") && strings.HasPrefix(next, "тармақшасында") {
			breaks++
		}
		if strings.Contains(l, kazakhChain) {
			together++
		}
	}
	return breaks, together
}
