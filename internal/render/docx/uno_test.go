package docx_test

import (
	"github.com/chancery-dev/chancery/internal/clienttest"
	"os/exec"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/unotest"
)

// headingStyle is the UI name LibreOffice gives the section headings'
// style (Word's "heading 1").
const headingStyle = "Heading 1"

// TestOfficerEditsTheMoUInLibreOffice presses Enter at the start of
// section 4 and types a paragraph, types a new section heading after
// section 4 (Enter, Heading 1, the heading), updates the fields, saves and
// opens the file again: the list renumbers what follows and the REF fields
// follow their paragraphs.
func TestOfficerEditsTheMoUInLibreOffice(t *testing.T) {
	doc := render(t, assembleMoU(t, false))
	const (
		newPara    = "The Participants will inform each other of new arrangements."
		newHeading = "Review of arrangements"
	)
	r := unotest.Edit(t, doc,
		unotest.InsertFirst(headingStyle, 4, newPara),
		unotest.HeadingAfter(headingStyle, 4, ":\t"+newHeading),
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
				{newPara, "4.1"},
				{"Where the Participants agree to jointly undertake", "4.2"},
				{"Subsequent or related agreements or arrangements referred to", "4.3"},
				{newHeading, "5"},
				{"Financial aspects", "6"},
				{"Nothing in this MoU will create any financial obligations", "6.1"},
				{"Relationship between the Participants", "7"},
			} {
				if got := label(c.text); got != c.want {
					t.Errorf("%q is numbered %q, want %q", c.text, got, c.want)
				}
			}
			// The new heading reads like its neighbours: number, trailer, tab.
			h := ps[unotest.Find(ps, newHeading)]
			next := ps[unotest.Find(ps, "Financial aspects")]
			if h.Style != headingStyle || !strings.HasPrefix(h.Text, ":\t") || !strings.HasPrefix(next.Text, ":\t") {
				t.Errorf("new heading %+v, next heading %+v", h, next)
			}
			text := unotest.Text(ps)
			for _, s := range []string{
				"referred to in sub-paragraph 4.2 may address", // was 4.1
				"In accordance with paragraph 6 above",         // was 5
				"concluded pursuant to paragraph 4, will be",   // unchanged
				"as set out in paragraph 4 of this MoU",
			} {
				if !strings.Contains(text, s) {
					t.Errorf("LibreOffice text lacks %q", s)
				}
			}
		})
	}
	out, err := exec.Command(clienttest.Tool(t, "pdftotext"), r.PDF, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if flat := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(flat, "referred to in sub-paragraph 4.2 may address") {
		t.Error("the PDF LibreOffice saved lacks the updated reference")
	}
}
