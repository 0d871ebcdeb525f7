package docx_test

import (
	"encoding/json"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// noteWalkScript opens a note .docx with python-docx and prints, as JSON,
// every body paragraph's style name and text, what python-docx reads of
// the note styles, the first section's page, and each section's
// first-page footer (the foot of an edition's first page).
const noteWalkScript = `
import json, sys
import docx

d = docx.Document(sys.argv[1])
def style(name):
    s = d.styles[name]
    pf, f = s.paragraph_format, s.font
    return {"base": s.base_style.name if s.base_style else None,
            "align": int(pf.alignment) if pf.alignment is not None else None,
            "first_line": pf.first_line_indent, "line_spacing": pf.line_spacing,
            "page_break_before": pf.page_break_before,
            "bold": f.bold, "italic": f.italic, "caps": f.all_caps}
s = d.sections[0]
print(json.dumps({
    "paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs],
    "styles": {n: style(n) for n in ["Letterhead", "Letterhead Top", "Note Number", "Note Body",
                                     "Place Date", "Enclosure", "Addressee"]},
    "page": [s.page_width, s.page_height, s.left_margin, s.right_margin, s.top_margin, s.bottom_margin],
    "feet": [[{"style": p.style.name, "text": p.text} for p in x.first_page_footer.paragraphs]
             if x.different_first_page_header_footer else None for x in d.sections],
}))
`

type pyNoteStyle struct {
	Base            *string  `json:"base"`
	Align           *int     `json:"align"`
	FirstLine       *int     `json:"first_line"`
	LineSpacing     *float64 `json:"line_spacing"`
	PageBreakBefore *bool    `json:"page_break_before"`
	Bold            *bool    `json:"bold"`
	Italic          *bool    `json:"italic"`
	Caps            *bool    `json:"caps"`
}

type pyNote struct {
	Paragraphs []pyParagraph          `json:"paragraphs"`
	Styles     map[string]pyNoteStyle `json:"styles"`
	Page       []int                  `json:"page"`
	Feet       [][]pyParagraph        `json:"feet"`
}

func TestPythonDocxOpensTheNotes(t *testing.T) {
	clienttest.Python(t, "docx", "python3-docx")
	notes := buildNotes(t, testTime(), "docx")
	// What each edition's foot and place-date paragraphs read, by
	// language: the enclosure line, the addressee, the place and date.
	addressee, placeDate := expectedByLang(t, "note-addressee"), expectedByLang(t, "note-place-date")
	exactly := func(s string) *regexp.Regexp { return regexp.MustCompile(`^` + regexp.QuoteMeta(s) + `$`) }
	feet := map[string][]*regexp.Regexp{
		"en-GB": {regexp.MustCompile(`^Enclosure:\nas stated,\non \d+ p\.$`), exactly(addressee["en-GB"]), exactly(placeDate["en-GB"])},
		"ru-RU": {regexp.MustCompile(`^Приложение:\nупомянутое,\nна \d+ л\.$`), exactly(addressee["ru-RU"]), exactly(placeDate["ru-RU"])},
		"kk-KZ": {regexp.MustCompile(`^Қосымша:\nаталған,\n\d+ п\.$`), exactly(addressee["kk-KZ"]), exactly(placeDate["kk-KZ"])},
	}
	for _, c := range noteCopies() {
		t.Run(c, func(t *testing.T) {
			path := writeTemp(t, c+".docx", notes[c+".docx"])
			out, err := exec.Command(pythonDocx, "-c", noteWalkScript, path).Output()
			if err != nil {
				msg := ""
				if ee, ok := err.(*exec.ExitError); ok {
					msg = string(ee.Stderr)
				}
				t.Fatalf("python-docx: %v\n%s", err, msg)
			}
			var d pyNote
			if err := json.Unmarshal(out, &d); err != nil {
				t.Fatalf("python output: %v\n%s", err, out)
			}
			checkPyNoteParagraphs(t, d.Paragraphs, noteLangs(c), feet)
			checkPyNoteStyles(t, d.Styles)
			if len(d.Feet) != len(noteLangs(c)) {
				t.Fatalf("%d sections for %d editions", len(d.Feet), len(noteLangs(c)))
			}
			for e, l := range noteLangs(c) {
				foot := d.Feet[e]
				if len(foot) != 2 || foot[0].Style != "Enclosure" || foot[1].Style != "Addressee" ||
					!feet[l][0].MatchString(foot[0].Text) || !feet[l][1].MatchString(foot[1].Text) {
					t.Errorf("edition %d: first-page footer %+v, want the enclosure line and the addressee block", e, foot)
				}
			}
			const emu = 635 // per twip
			want := []int{11906 * emu, 16838 * emu, 1701 * emu, 851 * emu, 1418 * emu, 1247 * emu}
			if !slices.Equal(d.Page, want) {
				t.Errorf("page and margins %v EMU, want %v", d.Page, want)
			}
		})
	}
}

// checkPyNoteParagraphs checks the paragraphs python-docx walks: per
// edition the bilingual letterhead, the number, the body and the place and
// date, in the note styles; between two editions the empty paragraph
// that ends a section.
func checkPyNoteParagraphs(t *testing.T, ps []pyParagraph, langs []string, feet map[string][]*regexp.Regexp) {
	t.Helper()
	const per = 10
	head := letterhead(t) // each edition's bilingual letterhead, a line a line break
	if len(ps) != per*len(langs)+len(langs)-1 {
		t.Fatalf("%d paragraphs for %d editions", len(ps), len(langs))
	}
	for e, l := range langs {
		ed := ps[e*(per+1) : e*(per+1)+per]
		if e > 0 && ps[e*(per+1)-1].Text != "" {
			t.Errorf("edition %d follows %q, want a section break", e, ps[e*(per+1)-1].Text)
		}
		for i, style := range []string{"Letterhead Top", "Letterhead", "Note Number"} {
			if ed[i].Style != style {
				t.Errorf("edition %d paragraph %d in %q, want %q", e, i, ed[i].Style, style)
			}
		}
		if ed[0].Text != strings.Join(head["en"], "\n") || ed[1].Text != strings.Join(head["ru"], "\n") {
			t.Errorf("edition %d letterhead %q, %q", e, ed[0].Text, ed[1].Text)
		}
		if !feet[l][2].MatchString(ed[per-1].Text) {
			t.Errorf("%s %s paragraph reads %q", l, ed[per-1].Style, ed[per-1].Text)
		}
		if ed[per-1].Style != "Place Date" {
			t.Errorf("%s: last paragraph in %q", l, ed[per-1].Style)
		}
		for _, p := range ed[3 : per-1] {
			if p.Style != "Note Body" || len(strings.Fields(p.Text)) < 10 {
				t.Errorf("%s: body paragraph in %q: %q", l, p.Style, p.Text)
			}
		}
	}
}

// checkPyNoteStyles checks the note styles as python-docx reads them.
func checkPyNoteStyles(t *testing.T, ss map[string]pyNoteStyle) {
	t.Helper()
	yes := func(b *bool) bool { return b != nil && *b }
	is := func(p *int, v int) bool { return p != nil && *p == v }
	const center, justify = 1, 3 // WD_ALIGN_PARAGRAPH
	checks := []struct {
		style, what string
		ok          bool
	}{
		{"Letterhead", "bold and centred", yes(ss["Letterhead"].Bold) && is(ss["Letterhead"].Align, center)},
		{"Letterhead Top", "a Letterhead below the room of the first page", !yes(ss["Letterhead Top"].PageBreakBefore) &&
			ss["Letterhead Top"].Base != nil && *ss["Letterhead Top"].Base == "Letterhead"},
		{"Note Body", "justified, 12.5 mm first-line indent, 1.5 lines", is(ss["Note Body"].Align, justify) &&
			is(ss["Note Body"].FirstLine, 709*635) && ss["Note Body"].LineSpacing != nil && *ss["Note Body"].LineSpacing == 1.5},
		{"Place Date", "at 1.5 lines", ss["Place Date"].LineSpacing != nil && *ss["Place Date"].LineSpacing == 1.5},
		{"Enclosure", "italic", yes(ss["Enclosure"].Italic) && !yes(ss["Enclosure"].Bold)},
		{"Addressee", "bold", yes(ss["Addressee"].Bold) && !yes(ss["Addressee"].Italic)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("python-docx does not read %s as %s: %+v", c.style, c.what, ss[c.style])
		}
	}
}
