package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/model"
)

// A draft written in LibreOffice from scratch — real list numbering, no
// chancery bookmarks, styles of LibreOffice's own — imports with its
// structure, numbering and references, and builds.
func TestImportLibreOfficeDraft(t *testing.T) {
	fodt, err := os.ReadFile("../../testdata/import/scratch.fodt")
	if err != nil {
		t.Fatal(err)
	}
	converted := clienttest.ConvertWithLibreOffice(t, map[string][]byte{"scratch.fodt": fodt}, "docx")
	data, err := os.ReadFile(converted["scratch.fodt"])
	if err != nil {
		t.Fatal(err)
	}
	// Word numbering, not typed numbers: the labels come from numbering.xml.
	raw, err := docxread.Read(data, docxread.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, p := range raw.Paragraphs {
		if p.Label != "" {
			labels = append(labels, p.Label)
		}
		if len(p.Bookmark) > 0 {
			t.Errorf("paragraph %d has bookmarks %v", p.Index, p.Bookmark)
		}
	}
	if got := strings.Join(labels, " "); got != "1. 1.1 1.2 2. 2.1 (a) (b) (c) 2.2 3. 3.1 3.2" {
		t.Errorf("Word numbering read as %q", got)
	}

	paras, err := ReadDOCX("scratch.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	fsys, res := importInto(t, paras, "forestry", "scratch.docx")
	built := buildFS(t, fsys, "txt")
	doc := built.Project.Documents[0]
	var got []string
	doc.Walk(func(u *model.Unit) {
		text := u.Text
		if u.Depth == 0 {
			text = u.Heading
		}
		got = append(got, u.Label+" "+u.ID+" "+firstWords(model.PlainText(text["en"].Runs), 3))
	})
	want := []string{
		"1. definitions Definitions",
		"1.1 definitions.purposes-agreement For the purposes …",
		"1.2 definitions.terms-defined The terms defined …",
		"2. areas Areas of Cooperation",
		"2.1 areas.parties-cooperate The Parties will …",
		"(a) areas.parties-cooperate.fire-prevention fire prevention and …",
		"(b) areas.parties-cooperate.control-pests the control of …",
		"(c) areas.parties-cooperate.research-regeneration research on the …",
		"2.2 areas.party-name Each Party will …",
		"3. final Final Provisions",
		"3.1 final.agreement-enter This Agreement will …",
		"3.2 final.either-party Either Party may …",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("units:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(doc.Title); n != 4 {
		t.Errorf("%d title lines", n)
	}
	if len(doc.Parties) != 2 || doc.Parties[0].ID != "estovia" || model.PlainText(doc.Parties[1].Signatory["en"].Runs) != "Mr. Teo Calvi" {
		t.Errorf("parties %+v", doc.Parties)
	}
	var leads []string
	for _, r := range doc.Recitals {
		leads = append(leads, model.PlainText(r.Lead["en"].Runs))
	}
	if strings.Join(leads, ",") != "RECOGNIZING,CONSIDERING" || doc.Transition == nil {
		t.Errorf("recitals %q, transition %v", leads, doc.Transition)
	}
	if strings.Join(doc.Signature.Lines, ",") != "signature,date" {
		t.Errorf("signature lines %v", doc.Signature.Lines)
	}
	var refs []string
	for _, n := range res.Report.Refs {
		refs = append(refs, n.What+" "+n.Why)
	}
	if strings.Join(refs, "; ") != "paragraph 1.1 {ref:definitions.purposes-agreement}; paragraph 2.1 {ref:areas.parties-cooperate}" {
		t.Errorf("references %q", refs)
	}
	text := string(output(t, built, ".en.txt"))
	for _, s := range []string{"1. Definitions", "2.1 The Parties will cooperate", "    (b) the control of pests", "for the purposes of paragraph\u00a02.1."} {
		if !strings.Contains(text, s) {
			t.Errorf("built text lacks %q", s)
		}
	}
}
