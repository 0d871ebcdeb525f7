package docx_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/unotest"
)

// TestOfficerEditsTheAgreementInLibreOffice does the officer's edits of
// TestOfficerEditsTheMoUInLibreOffice on the Russian and Kazakh editions
// of the trilingual fixture: a paragraph typed at the start of section 4,
// a section heading typed after section 4, the fields updated. The
// references keep their case forms (tables of expected forms, per
// language) and follow their paragraphs: 4.1 becomes 4.2, section 5
// becomes 6 and its 5.3 becomes 6.3.
func TestOfficerEditsTheAgreementInLibreOffice(t *testing.T) {
	res, diags := build.Assemble(os.DirFS(repoRoot+"/testdata/agreement"), build.Options{})
	if diags.HasErrors() {
		t.Fatalf("assemble: %v", diags)
	}
	doc := res.Project.Document("agr")
	if doc == nil {
		t.Fatal("no document agr")
	}
	for _, c := range []struct {
		lang, newPara, newHeading string
		labels                    map[string]string // paragraph text -> its number after the edits
		refs                      []string          // references as they read after the edits
	}{
		{
			lang:       "ru",
			newPara:    "Стороны обмениваются опытом подготовки прогнозов.",
			newHeading: "Обучение специалистов",
			labels: map[string]string{
				"Стороны обмениваются опытом подготовки прогнозов.":       "4.1",
				"Стороны осуществляют сотрудничество в следующих формах:": "4.2",
				"Компетентные органы проводят встречи":                    "4.3",
				"Обучение специалистов":                                   "5.",
				"Обмен данными":                    "6.",
				"Компетентные органы обмениваются": "6.1",
				"Письменного согласия Стороны":     "6.3",
				"Расходы": "7.",
			},
			refs: []string{
				"в соответствии с разделом 6;",                        // was 5
				"перечисленных в пункте 6.3,",                         // was 5.3
				"в соответствии с подпунктом iii. пункта 4.2, несет",  // was 4.1
				"назначенные Сторонами в соответствии с пунктом 3.1;", // unchanged
				"в порядке, предусмотренном пунктом 3.1.",             // unchanged
			},
		},
		{
			lang:       "kk",
			newPara:    "Тараптар болжам жасау тәжірибесімен алмасады.",
			newHeading: "Мамандарды оқыту",
			labels: map[string]string{
				"Тараптар болжам жасау тәжірибесімен алмасады.": "4.1",
				"Тараптар мынадай нысандарда ынтымақтасады:":    "4.2",
				"Мамандарды оқыту":   "5.",
				"Деректермен алмасу": "6.",
				"Шығыстар":           "7.",
			},
			refs: []string{
				"деректермен 6-бөліміне сәйкес алмасу;",      // was 5
				"6.3-тармағында көрсетілген",                 // was 5.3
				"4.2-тармағының iii. тармақшасына сәйкес",    // was 4.1
				"Тараптар 3.1-тармағына сәйкес тағайындаған", // unchanged
			},
		},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel() // each in its own LibreOffice
			l, err := res.Engine.Language(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := docx.Write(&buf, doc, docx.Options{Lang: l, Time: testTime()}); err != nil {
				t.Fatal(err)
			}
			r := unotest.Edit(t, buf.Bytes(),
				unotest.InsertFirst(headingStyle, 4, c.newPara),
				unotest.HeadingAfter(headingStyle, 4, c.newHeading))
			for name, ps := range map[string][]unotest.Para{"edited": r.Edited, "reopened": r.Reloaded} {
				for text, want := range c.labels {
					i := unotest.Find(ps, text)
					if i < 0 {
						t.Errorf("%s: no paragraph with %q", name, text)
						continue
					}
					if ps[i].Label != want {
						t.Errorf("%s: %q is numbered %q, want %q", name, text, ps[i].Label, want)
					}
				}
				// A term and its number are tied by a no-break space, a
				// number and its suffix by a non-breaking hyphen.
				all := strings.NewReplacer("\u00a0", " ", "\u2011", "-").Replace(unotest.Text(ps))
				for _, s := range c.refs {
					if !strings.Contains(all, s) {
						t.Errorf("%s: LibreOffice text lacks %q", name, s)
					}
				}
			}
		})
	}
}
