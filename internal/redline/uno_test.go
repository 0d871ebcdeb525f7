package redline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/unotest"
)

// TestLibreOfficeAcceptsAndRejectsTheRedline opens the DOCX redline of a
// version that adds paragraph 8.3 (8.3 and 8.4 becoming 8.4 and 8.5) and
// shortens the term in 8.2 in LibreOffice, accepts every change (and, in
// a second run, rejects every one), updates the fields and saves: as
// LibreOffice shows it, with its list numbers, the result reads word for
// word as the new version's DOCX (the old one's) up to the signature
// table, which the redline writes as paragraphs.
func TestLibreOfficeAcceptsAndRejectsTheRedline(t *testing.T) {
	oldDoc := assembleAgreement(t, agreementFS(t))
	changed := agreementFS(t)
	newReview(t)(changed)
	shorterTerm(t)(changed)
	newDoc := assembleAgreement(t, changed)
	opt := testOptions(t)
	red := writeDOCX(t, compare(t, oldDoc, newDoc), opt)

	instrument := func(t *testing.T, doc *model.Document) []unotest.Para {
		var buf bytes.Buffer
		if err := docx.Write(&buf, doc, docx.Options{Lang: opt.Lang, Time: opt.Time}); err != nil {
			t.Fatal(err)
		}
		// The redline carries the DRAFT marking in its header only.
		var ps []unotest.Para
		for _, p := range unotest.Edit(t, buf.Bytes()).Edited {
			if p.Style != "Draft Mark" {
				ps = append(ps, p)
			}
		}
		return ps
	}
	for _, c := range []struct {
		name string
		op   unotest.Op
		doc  *model.Document
	}{
		{"accept all", unotest.AcceptAll(), newDoc},
		{"reject all", unotest.RejectAll(), oldDoc},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each in its own LibreOffice
			r := unotest.Edit(t, red, c.op)
			want := shownWords(instrument(t, c.doc))
			for _, got := range []struct {
				name  string
				paras []unotest.Para
			}{{"after the change", r.Edited}, {"reopened", r.Reloaded}} {
				w := untilSummary(shownWords(got.paras), summaryHeading)
				n := 0
				for n < min(len(w), len(want)) && w[n] == want[n] {
					n++
				}
				if n < len(want) {
					t.Errorf("%s: the redline differs from the version at word %d: %q, want %q", got.name, n+1,
						strings.Join(w[n:min(n+8, len(w))], " "), strings.Join(want[n:min(n+8, len(want))], " "))
				}
			}
			text := unotest.Text(r.Edited)
			for _, s := range map[string][]string{
				"accept all": {"8.3 The Parties may review the implementation of this Agreement at their meetings.", "8.4 By mutual written consent", "8.5 The termination", "three (3) years"},
				"reject all": {"8.3 By mutual written consent", "8.4 The termination", "five (5) years"},
			}[c.name] {
				if !strings.Contains(text, s) {
					t.Errorf("LibreOffice shows no %q", s)
				}
			}
			if c.name == "reject all" && strings.Contains(text, "review the implementation") {
				t.Error("rejecting every change leaves the added paragraph")
			}
		})
	}
}

// shownWords are the words of the paragraphs as LibreOffice shows them, list
// labels included.
func shownWords(ps []unotest.Para) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Fields(p.Shown())...)
	}
	return out
}
