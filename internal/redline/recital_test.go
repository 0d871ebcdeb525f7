package redline

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// recitalVersion is a trilingual instrument with one recital, whose
// Kazakh lead closes it; kk and en are its Kazakh and English texts.
func recitalVersion(kk, en string) fstest.MapFS {
	return fstest.MapFS{
		"clauses/r/document.yaml": {Data: []byte("id: r\nlanguages: [en, ru, kk]\ntitle:\n  - {en: AGREEMENT, ru: СОГЛАШЕНИЕ, kk: КЕЛІСІМ}\nparts: [preamble.yaml, 01.yaml]\n")},
		"clauses/r/preamble.yaml": {Data: []byte(`recitals:
  - id: recital.charter
    lead: {en: CONSIDERING, ru: "ПРИНИМАЯ ВО ВНИМАНИЕ,", kk: "ЕСКЕРЕ ОТЫРЫП,"}
    text:
      en: "` + en + `"
      ru: "что Стороны разделяют цели Устава;"
      kk: "` + kk + `"
`)},
		"clauses/r/01.yaml": {Data: []byte("section: scope\nheading: {en: Scope, ru: Сфера, kk: Қолданылу саласы}\nparagraphs:\n  - id: scope.general\n    text: {en: Text., ru: Текст., kk: Мәтін.}\n")},
	}
}

func assembleRecital(t *testing.T, fsys fstest.MapFS) *model.Document {
	t.Helper()
	return assembleDocument(t, fsys, "r")
}

// TestRecitalRedlineInTheLanguagesOrder changes a recital's text in
// Kazakh and in English: the Kazakh redline reads the text then its lead
// ("… ұстанатынын ЕСКЕРЕ ОТЫРЫП,"), the English one the lead first, in
// the text, PDF (pdftotext) and DOCX redlines, with the changed word
// marked where it stands and the lead kept.
func TestRecitalRedlineInTheLanguagesOrder(t *testing.T) {
	old := assembleRecital(t, recitalVersion("Тараптардың Жарғының мақсаттарын ортақ ұстанатынын", "that the Parties share the purposes of the Charter;"))
	changed := assembleRecital(t, recitalVersion("Тараптардың Жарғының қағидаттарын ортақ ұстанатынын", "that the Parties share the principles of the Charter;"))
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tag, text, accepted string
	}{
		{"kk", "Тараптардың Жарғының [-мақсаттарын-] {+қағидаттарын+} ортақ ұстанатынын ЕСКЕРЕ ОТЫРЫП,",
			"Тараптардың Жарғының қағидаттарын ортақ ұстанатынын ЕСКЕРЕ ОТЫРЫП,"},
		{"en", "CONSIDERING that the Parties share the [-purposes-] {+principles+} of the Charter;",
			"CONSIDERING that the Parties share the principles of the Charter;"},
	} {
		l, err := e.Language(tc.tag)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Compare(old, changed, l)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Lang: l, Author: testAuthor, Time: testTime(t)}
		m, err := MarkedFor(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		var txt bytes.Buffer
		f, _ := format.Lookup("txt")
		if _, err := f.Redline(&txt, m, opt); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(txt.String(), tc.text) {
			t.Errorf("%s text redline lacks %q:\n%s", tc.tag, tc.text, txt.String())
		}
		pdfFile := writeTemp(t, "redline.pdf", writePDF(t, d, opt))
		if flat := flatText(t, pdfFile); !strings.Contains(flat, strings.NewReplacer("[-", "", "-]", "", "{+", "", "+}", "").Replace(tc.text)) {
			t.Errorf("%s PDF redline does not read the recital in order:\n%s", tc.tag, flat)
		}
		_, ps := paragraphs(t, writeDOCX(t, d, opt))
		found := false
		for _, p := range ps {
			if strings.TrimSpace(p.text(true)) == tc.accepted {
				found = true
				old := strings.Replace(tc.accepted, map[string]string{"kk": "қағидаттарын", "en": "principles"}[tc.tag], map[string]string{"kk": "мақсаттарын", "en": "purposes"}[tc.tag], 1)
				if got := strings.TrimSpace(p.text(false)); got != old {
					t.Errorf("%s DOCX recital with the changes rejected reads %q, want %q", tc.tag, got, old)
				}
			}
		}
		if !found {
			t.Errorf("%s DOCX redline has no paragraph %q", tc.tag, tc.accepted)
		}
	}
}
