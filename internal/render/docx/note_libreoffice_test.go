package docx_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/pdfwords"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

func TestLibreOfficeReadsTheNotes(t *testing.T) {
	needTools(t, "soffice", "pdftotext")
	parts, err := wordmatch.ReferenceParts(referenceFile(t))
	if err != nil {
		t.Fatal(err)
	}
	refs := map[string]string{"en-GB": parts["en"], "ru-RU": parts["ru"], "kk-KZ": parts["kk"]}

	notes := buildNotes(t, testTime(), "pdf", "docx")
	docs := map[string][]byte{}
	for _, c := range noteCopies() {
		docs[c] = notes[c+".docx"]
	}
	pdfs := convertAllWithLibreOffice(t, docs)
	single := 0
	for _, c := range noteCopies() {
		text := joinHardHyphens(pdfText(t, pdfs[c], true))
		var ref []string
		for _, l := range noteLangs(c) {
			ref = append(ref, refs[l])
		}
		if len(ref) > 1 {
			all := strings.Join(ref, "\n")
			ratio, n := wordmatch.Ratio(all, text)
			t.Logf("%s: LibreOffice PDF carries %.2f%% of the reference notes' %d words in order (%d)",
				c, 100*ratio, len(wordmatch.Words(all)), n)
			if ratio < 0.95 {
				t.Errorf("%s: word match %.4f, want at least 0.95", c, ratio)
			}
		}
		eds := splitEditions(text, letterhead(t)["en"][0])
		if len(eds) != len(ref) {
			t.Fatalf("%s: %d editions in the LibreOffice text, want %d", c, len(eds), len(ref))
		}
		for i, l := range noteLangs(c) {
			checkEditionWords(t, c+" "+l, refs[l], eds[i])
		}
		pages := pdfwords.ReadFile(t, pdfs[c])
		starts := checkNoteEditions(t, c, pages)
		fpdf := pdfPageCount(t, notes[c+".pdf"])
		t.Logf("%s: %d pages (the fpdf note: %d), editions start on pages %v", c, len(pages), fpdf, starts)
		if c != "trilingual" {
			single += len(pages)
		} else if len(pages) != single {
			t.Errorf("the trilingual copy has %d pages, the three editions %d", len(pages), single)
		}
	}
}

// checkEditionWords compares an edition as LibreOffice printed it with the
// reference note, its flow and its foot apart: where the foot falls in
// the reading order depends on how many lines of the paragraph cut by the
// first page break stay above it, which the reference (the issuer's
// own Word file), the PDF writer and LibreOffice each decide by their own
// layout: the DOCX carries no hard page break, so the edition as read,
// foot where it falls, is only logged.
func checkEditionWords(t *testing.T, name, ref string, ed editionText) {
	t.Helper()
	refFlow, refFoot := referenceFoot(ref)
	if refFoot == "" {
		t.Fatalf("%s: the reference note has no foot", name)
	}
	whole, n := wordmatch.Ratio(ref, ed.text)
	flow, nf := wordmatch.Ratio(refFlow, ed.flow)
	foot, nt := wordmatch.Ratio(refFoot, ed.foot)
	t.Logf("%s: %.2f%% of the reference's words in order (%d of %d); flow %.2f%% (%d of %d), foot %.2f%% (%d of %d)",
		name, 100*whole, n, len(wordmatch.Words(ref)), 100*flow, nf, len(wordmatch.Words(refFlow)), 100*foot, nt, len(wordmatch.Words(refFoot)))
	if flow < 0.95 {
		t.Errorf("%s: the flow carries %.2f%% of the reference's words in order, want at least 95%%", name, 100*flow)
	}
	// The reference's enclosure ran to other pages than the example's.
	if foot < 0.9 {
		t.Errorf("%s: the foot carries %.2f%% of the reference's words in order, want at least 90%%", name, 100*foot)
	}
}

// editionText is an edition as pdftotext -layout reads it: its text, the
// foot of its first page (from the enclosure line to the end of the page)
// and the rest, its flow.
type editionText struct {
	text, flow, foot string
}

// splitEditions cuts the text of a note copy into editions, each starting
// on a page that starts with the letterhead, whose first line is top.
func splitEditions(text, top string) []editionText {
	var eds []editionText
	for _, page := range strings.Split(text, "\f") {
		flow := page
		if strings.HasPrefix(strings.TrimSpace(page), top) {
			eds = append(eds, editionText{})
			lines := strings.Split(page, "\n")
			foot := slices.IndexFunc(lines, func(s string) bool {
				s = strings.TrimSpace(s)
				return s == "Enclosure:" || s == "Приложение:" || s == "Қосымша:"
			})
			if foot >= 0 {
				eds[len(eds)-1].foot = strings.Join(lines[foot:], "\n")
				flow = strings.Join(lines[:foot], "\n")
			}
		}
		if len(eds) > 0 {
			ed := &eds[len(eds)-1]
			ed.text += page + "\n"
			ed.flow += flow + "\n"
		}
	}
	return eds
}

// referenceFoot cuts the foot out of a reference note: from the enclosure
// line to the end of the addressee block, which is bold ("**...**").
func referenceFoot(note string) (flow, foot string) {
	i := -1
	for _, w := range []string{"Enclosure:", "Приложение:", "Қосымша:"} {
		if k := strings.Index(note, w); k >= 0 {
			i = k
			break
		}
	}
	if i < 0 {
		return note, ""
	}
	open := strings.Index(note[i:], "**")
	if open < 0 {
		return note, ""
	}
	end := strings.Index(note[i+open+2:], "**")
	if end < 0 {
		return note, ""
	}
	j := i + open + 2 + end + 2
	return note[:i] + "\n" + note[j:], note[i:j]
}

// joinHardHyphens joins the words LibreOffice broke across lines after a
// hyphen ("2-" at the end of a line, "тармағының" on the next): the notes
// are not hyphenated automatically, so such a hyphen is part of the word
// ("2-тармағының", "Co-operation"). (pdftotext without -layout drops
// the hyphen instead: "Cooperation".)
func joinHardHyphens(s string) string {
	return regexp.MustCompile(`([\pL\pN])-\n\s*([\pL\pN])`).ReplaceAllString(s, "$1-$2")
}

// pdfPageCount counts the pages of a PDF file's data with pdftotext.
func pdfPageCount(t *testing.T, data []byte) int {
	t.Helper()
	return len(pdfwords.ReadFile(t, writeTemp(t, "note.pdf", data)))
}

// checkNoteEditions checks the pages of a note copy as LibreOffice laid
// them out: each edition starts a page with the letterhead, the number
// and, at the foot of that page, the enclosure line and the addressee
// block, 82 mm wide at the left margin, ending at the bottom margin, below
// all the text of the page. It returns the pages editions start on.
func checkNoteEditions(t *testing.T, copy string, pages []pdfwords.Page) []int {
	t.Helper()
	const (
		mm           = 72 / 25.4
		left         = 30 * mm
		bottomMargin = 22 * mm
		footWidth    = 82 * mm
	)
	letterhead := expected(t, "note-letterhead-start") // how an edition's first page begins
	var starts []int
	for i, p := range pages {
		if !strings.HasPrefix(p.Text(), letterhead) {
			continue
		}
		starts = append(starts, i+1)
		foot := -1
		for k, w := range p.Words {
			if w.Text == "Enclosure:" || w.Text == "Приложение:" || w.Text == "Қосымша:" {
				foot = k
			}
		}
		if foot < 0 {
			t.Errorf("%s page %d: no enclosure line", copy, i+1)
			continue
		}
		body, feet := p.Words[:foot], p.Words[foot:]
		last := feet[len(feet)-1]
		if !slices.Contains([]string{"ASIA", "АЗИИ", "МЕМЛЕКЕТТЕР"}, last.Text) {
			t.Errorf("%s page %d: the foot ends with %q, not the addressee block", copy, i+1, last.Text)
		}
		// The glyphs' boxes reach a little below the line's.
		if d := p.Height - bottomMargin - last.YMax; d < -3 || d > 3 {
			t.Errorf("%s page %d: the addressee block ends %.1f pt above the bottom margin", copy, i+1, d)
		}
		for _, w := range feet {
			if w.XMin < left-1 || w.XMax > left+footWidth+1 {
				t.Errorf("%s page %d: foot word %q at x %.1f-%.1f, outside the 82 mm column", copy, i+1, w.Text, w.XMin, w.XMax)
			}
		}
		for _, w := range body {
			if w.YMax > feet[0].YMin {
				t.Errorf("%s page %d: %q stands beside or below the foot", copy, i+1, w.Text)
				break
			}
		}
	}
	if want := len(noteLangs(copy)); len(starts) != want {
		t.Errorf("%s: %d pages start with the letterhead, want %d", copy, len(starts), want)
	}
	return starts
}
