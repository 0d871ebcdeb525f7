package docx_test

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/unotest"
)

// headingStyle is the UI name LibreOffice gives the section headings'
// style (Word's "heading 1").
const headingStyle = "Heading 1"

// officerEdit is what the officer's edits of the example's instrument
// touch, read from testdata/example/exdocx.txtar: the section edited, the
// texts of its first two paragraphs, of the next section's heading and
// first paragraph and of the heading after it, and sentences citing the
// section's first paragraph, the next section and the section itself,
// with "{n}" for the number they read.
type officerEdit struct {
	section                                                           int
	sectionFirst, sectionSecond, nextHeading, nextFirst, headingAfter string
	citesSectionFirst, citesNext, citesSection, citesSectionAgain     string
}

// exdocxLines returns the lines of a file of testdata/example/exdocx.txtar.
func exdocxLines(t testing.TB, name string) []string {
	t.Helper()
	return projecttest.ExpectedLines(t, repoRoot, "exdocx.txtar", name)
}

func readOfficerEdit(t testing.TB) officerEdit {
	t.Helper()
	a := projecttest.ReadExpectedArchive(t, repoRoot, "exdocx.txtar")
	text := func(name string) string { return strings.TrimSuffix(projecttest.Expected(t, a, name), "\n") }
	n, err := strconv.Atoi(text("section"))
	if err != nil {
		t.Fatalf("exdocx.txtar: section: %v", err)
	}
	return officerEdit{
		section:           n,
		sectionFirst:      text("section-first"),
		sectionSecond:     text("section-second"),
		nextHeading:       text("next-heading"),
		nextFirst:         text("next-first"),
		headingAfter:      text("heading-after-next"),
		citesSectionFirst: text("cites-section-first"),
		citesNext:         text("cites-next"),
		citesSection:      text("cites-section"),
		citesSectionAgain: text("cites-section-again"),
	}
}

// sec is the number of the section k after the edited one (k = 0 for
// the edited one), followed by trailer.
func (m officerEdit) sec(k int, trailer string) string {
	return strconv.Itoa(m.section+k) + trailer
}

// para is the number of paragraph p of the section k after the edited one.
func (m officerEdit) para(k, p int) string { return fmt.Sprintf("%d.%d", m.section+k, p) }

// cite is a citing sentence reading the number n.
func cite(sentence, n string) string { return strings.ReplaceAll(sentence, "{n}", n) }

// TestOfficerEditsTheMoUInLibreOffice presses Enter at the start of a
// section of the example's instrument and types a paragraph, types a new
// section heading after that section (Enter, Heading 1, the heading),
// updates the fields, saves and opens the file again: the list renumbers
// what follows and the REF fields follow their paragraphs.
func TestOfficerEditsTheMoUInLibreOffice(t *testing.T) {
	m := readOfficerEdit(t)
	doc := render(t, assembleMoU(t, false))
	const (
		newPara    = "The Participants will inform each other of new arrangements."
		newHeading = "Review of arrangements"
	)
	r := unotest.Edit(t, doc,
		unotest.InsertFirst(headingStyle, m.section, newPara),
		unotest.HeadingAfter(headingStyle, m.section, ":\t"+newHeading),
	)
	for name, ps := range map[string][]unotest.Para{"edited": r.Edited, "reopened": r.Reloaded} {
		t.Run(name, func(t *testing.T) {
			label := func(s string) string {
				i := unotest.Find(ps, s)
				if i < 0 {
					t.Fatalf("no paragraph with %q in\n%s", s, unotest.Text(ps))
				}
				return ps[i].Label
			}
			for _, c := range []struct{ text, want string }{
				{newPara, m.para(0, 1)},
				{m.sectionFirst, m.para(0, 2)},
				{m.sectionSecond, m.para(0, 3)},
				{newHeading, m.sec(1, "")},
				{m.nextHeading, m.sec(2, "")},
				{m.nextFirst, m.para(2, 1)},
				{m.headingAfter, m.sec(3, "")},
			} {
				if got := label(c.text); got != c.want {
					t.Errorf("%q is numbered %q, want %q", c.text, got, c.want)
				}
			}
			// The new heading reads like its neighbours: number, trailer, tab.
			h := ps[unotest.Find(ps, newHeading)]
			next := ps[unotest.Find(ps, m.nextHeading)]
			if h.Style != headingStyle || !strings.HasPrefix(h.Text, ":\t") || !strings.HasPrefix(next.Text, ":\t") {
				t.Errorf("new heading %+v, next heading %+v", h, next)
			}
			text := unotest.Text(ps)
			for _, s := range []string{
				cite(m.citesSectionFirst, m.para(0, 2)), // was the section's first
				cite(m.citesNext, m.sec(2, "")),         // was the next section
				cite(m.citesSection, m.sec(0, "")),      // unchanged
				cite(m.citesSectionAgain, m.sec(0, "")),
			} {
				if s = tie(s); !strings.Contains(text, s) {
					t.Errorf("LibreOffice text lacks %q", s)
				}
			}
		})
	}
	out, err := exec.Command(clienttest.Tool(t, "pdftotext"), r.PDF, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	updated := strings.ReplaceAll(cite(m.citesSectionFirst, m.para(0, 2)), "~", " ")
	if flat := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(flat, updated) {
		t.Error("the PDF LibreOffice saved lacks the updated reference")
	}
}
