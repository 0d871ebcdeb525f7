package docx_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/render/docx"
)

// bilingual is a small project in Russian and Kazakh whose references
// inflect the words around the number.
func bilingual() fstest.MapFS {
	return fstest.MapFS{
		"clauses/mini/document.yaml": {Data: []byte(`id: mini
status: draft
languages: [ru, kk]
issuer: {ru: Секретариат Комиссии, kk: Комиссия Хатшылығы}
subject: {ru: Проект, kk: Жоба}
title:
  - {ru: МЕМОРАНДУМ, kk: МЕМОРАНДУМ}
parts: [01-a.yaml, 02-b.yaml]
`)},
		"clauses/mini/01-a.yaml": {Data: []byte(`section: a
heading: {ru: Цели, kk: Мақсаттар}
paragraphs:
  - id: a.one
    text: {ru: Первый., kk: Бірінші.}
  - id: a.two
    text: {ru: "Второй:", kk: "Екінші:"}
    items:
      - id: a.two.x
        text: {ru: первый;, kk: бірінші;}
      - id: a.two.y
        text: {ru: второй., kk: екінші.}
`)},
		"clauses/mini/02-b.yaml": {Data: []byte(`section: b
heading: {ru: Ссылки, kk: Сілтемелер}
paragraphs:
  - id: b.one
    text: {ru: "Согласно {ref:a.two.y|dat} и {ref:a|dat} выше.", kk: "{ref:a.two.y|dat} және {ref:a.two|gen} сәйкес."}
`)},
	}
}

func TestRussianAndKazakhKeepInflectedWordsAroundTheField(t *testing.T) {
	res, diags := build.Assemble(bilingual(), build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	doc := res.Project.Document("mini")
	for _, tc := range []struct {
		tag, wordTag, draft, footer, ref string
	}{
		{"ru", "ru-RU", "ПРОЕКТ", "Страница 1 из 1", tie("Согласно подпункту~[ii]. пункта~[1.2] и пункту~[1] выше.")},
		{"kk", "kk-KZ", "ЖОБА", "1 беттің 1-беті", tie("[1.2]-тармақтың~[ii].~тармақшасына және [1.2]-тармақтың сәйкес.")},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			l, err := res.Engine.Language(tc.tag)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := docx.Write(&buf, doc, docx.Options{Lang: l, Time: testTime()}); err != nil {
				t.Fatal(err)
			}
			_, parts := unzip(t, buf.Bytes())
			body := parseXML(t, parts["word/document.xml"])
			for _, r := range body.all("r") {
				if got := r.child("rPr").val("lang"); got != tc.wordTag {
					t.Fatalf("run %q has w:lang %q, want %s", r.shown(), got, tc.wordTag)
				}
			}
			styles := parseXML(t, parts["word/styles.xml"])
			if got := styles.first("rPrDefault").first("lang").attr("val"); got != tc.wordTag {
				t.Errorf("styles w:lang %q", got)
			}
			if got := parseXML(t, parts["docProps/core.xml"]).child("language").Text; got != tc.wordTag {
				t.Errorf("dc:language %q", got)
			}
			if got := parseXML(t, parts["word/header1.xml"]).shown(); got != tc.draft {
				t.Errorf("header %q, want %q", got, tc.draft)
			}
			if got := parseXML(t, parts["word/footer1.xml"]).shown(); got != tc.footer {
				t.Errorf("footer %q, want %q", got, tc.footer)
			}
			var found bool
			for _, p := range body.all("p") {
				if got := withFields(p); strings.Contains(got, "[") {
					found = true
					if got != tc.ref {
						t.Errorf("reference paragraph\n got %q\nwant %q", got, tc.ref)
					}
				}
			}
			if !found {
				t.Error("no field in the document")
			}
			// LibreOffice recomputes the fields and must read the same.
			if testing.Short() {
				return
			}
			// (strings.Fields takes the no-break spaces for spaces too.)
			want := strings.NewReplacer("[", "", "]", "", lang.NoBreakSpace, " ").Replace(tc.ref)
			flat := strings.Join(strings.Fields(pdfText(t, convertWithLibreOffice(t, buf.Bytes()), false)), " ")
			if !strings.Contains(flat, want) {
				t.Errorf("LibreOffice reads\n%s\nwithout %q", flat, want)
			}
		})
	}
}
