package importer

import (
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

// importTextCase reads, infers, writes and builds a small text draft; it
// returns the written files by name, the built text and the result.
func importTextCase(t *testing.T, text string) (map[string]string, string, *Result) {
	t.Helper()
	paras, err := ReadText("case.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return importParas(t, paras, "case.txt")
}

// unitTexts writes the text of every unit of the document with its
// footnotes, one a line.
func unitTexts(d *model.Document) string {
	var b strings.Builder
	d.Walk(func(u *model.Unit) {
		if s := withNotes(u.Text); s != "" {
			b.WriteString(s + "\n")
		}
	})
	return b.String()
}

// Labelled fields before the first section, their values in one column
// (or after a tab), become the document's fields; a line indented to the
// value column is a further line of the value above it.
func TestImportTextFields(t *testing.T) {
	for _, c := range []struct{ name, fields string }{
		{"column", "Meeting:    Annual review of the harbour lights\n" +
			"Attendees:  Harbour board: three members\n" +
			"            Guests: two pilots\n"},
		{"tab", "Meeting:\tAnnual review of the harbour lights\n" +
			"Attendees:\tHarbour board: three members\n" +
			"\tGuests: two pilots\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files, text, res := importTextCase(t, "Briefing Note\n\n"+c.fields+"\n1. Summary\n\nThe lights were found in good order.\n")
			d := res.Doc
			if got, want := fieldsOf(d), "Meeting: | Annual review of the harbour lights\nAttendees: | Harbour board: three members\nGuests: two pilots\n"; got != want {
				t.Errorf("fields\n%s\nwant\n%s", got, want)
			}
			if got, want := textsOf(d.Title), "Briefing Note\n"; got != want {
				t.Errorf("title %q, want %q", got, want)
			}
			if len(d.Parties) != 0 {
				t.Errorf("%d parties, want none", len(d.Parties))
			}
			containsAll(t, "document.yaml", files["document.yaml"],
				"fields:\n  - label: {en: \"Meeting:\"}\n    value: {en: \"Annual review of the harbour lights\"}\n",
				"  - label: {en: \"Attendees:\"}\n    value:\n      - {en: \"Harbour board: three members\"}\n      - {en: \"Guests: two pilots\"}\n")
			containsAll(t, "the built text", text, "Annual review of the harbour lights", "Guests: two pilots")
			if got, want := strings.Join(res.Report.Recognised, "\n"), "2 labelled fields"; !strings.Contains(got, want) || len(res.Report.Unplaced) != 0 {
				t.Errorf("report: %q, not placed %v", res.Report.Recognised, res.Report.Unplaced)
			}
		})
	}
}

// A sentence with a colon before the first section, and aligned
// "Label:   value" lines after it, stay paragraphs: no field is read.
func TestImportTextColonInParagraphIsNoField(t *testing.T) {
	_, text, res := importTextCase(t, "Briefing Note\n\n"+
		"Summary: the board met twice and found the lights in good order.\n\n"+
		"1. Summary\n\n"+
		"Place:    the harbour office.\n")
	d := res.Doc
	if len(d.Fields) != 0 {
		t.Errorf("fields read:\n%s", fieldsOf(d))
	}
	containsAll(t, "the built text", text,
		"Summary: the board met twice and found the lights in good order.",
		"Place: the harbour office.")
	if got := strings.Join(res.Report.Recognised, "\n"); strings.Contains(got, "labelled field") {
		t.Errorf("the report says it read fields:\n%s", got)
	}
}

// The notes after a rule of underscores become footnotes at their marks,
// a note cited twice at both; a mark without its note stays as text and a
// note nothing cites is left out, both reported as not placed.
func TestImportTextFootnotes(t *testing.T) {
	_, text, res := importTextCase(t, "Briefing Note[1]\n\n"+
		"1. Summary\n\n"+
		"The lights[1] were found in good order[2].\n\n"+
		"__________\n"+
		"[1] Inspected by the\n"+
		"pilots' guild.\n"+
		"[3] A note nothing cites.\n")
	d := res.Doc
	if got, want := textsOf(d.Title), "Briefing Note[fn: Inspected by the pilots' guild.]\n"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got, want := unitTexts(d), "The lights[fn: Inspected by the pilots' guild.] were found in good order[2].\n"; got != want {
		t.Errorf("units %q, want %q", got, want)
	}
	containsAll(t, "the built text", text, "found in good order[2].", "Inspected by the pilots' guild.")
	if strings.Contains(text, "A note nothing cites") {
		t.Errorf("the built text holds the note nothing cites:\n%s", text)
	}
	want := []Note{
		{Where: "case.txt:5:1", What: "[2]", Why: "a footnote mark with no note of its number after the rule at the end; kept as text"},
		{Where: "case.txt:10:1", What: "[3] A note nothing cites.", Why: "a footnote no mark [3] in the text cites; left out"},
	}
	checkNotesReport(t, res.Report, "2 footnotes", want)
}

// Markdown footnotes become footnotes at their marks: a definition may
// stand anywhere, go on over an indented line, and have a word for a
// label. A mark without a definition stays as text; a definition nothing
// cites and a second definition of a label are left out; all three are
// reported as not placed.
func TestImportMarkdownFootnotes(t *testing.T) {
	_, text, res := importTextCase(t, "# Survey of the Harbour Beacons[^1]\n\n"+
		"1. Findings\n\n"+
		"The beacons were repainted[^source] before the spring tides[^9].\n\n"+
		"[^1]: Prepared by the harbour board\n"+
		"    for the lantern keepers.\n"+
		"[^source]: Logbook of the tender *Gull*.\n"+
		"[^2]: A definition nothing cites.\n"+
		"[^source]: A second logbook.\n")
	d := res.Doc
	if got, want := textsOf(d.Title), "Survey of the Harbour Beacons[fn: Prepared by the harbour board for the lantern keepers.]\n"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got, want := unitTexts(d), "The beacons were repainted[fn: Logbook of the tender Gull.] before the spring tides[^9].\n"; got != want {
		t.Errorf("units %q, want %q", got, want)
	}
	containsAll(t, "the built text", text, "before the spring tides[^9].", "Logbook of the tender", "for the lantern keepers.")
	for _, s := range []string{"nothing cites", "A second logbook", "[^1]", "[^source]"} {
		if strings.Contains(text, s) {
			t.Errorf("the built text holds %q:\n%s", s, text)
		}
	}
	want := []Note{
		{Where: "case.txt:11:1", What: "[^source]: A second logbook.", Why: "a second footnote labelled source; its marks take the first, this one is left out"},
		{Where: "case.txt:5:1", What: "[^9]", Why: "a footnote mark with no definition of its label in the draft; kept as text"},
		{Where: "case.txt:10:1", What: "[^2]: A definition nothing cites.", Why: "a footnote no mark [^2] in the text cites; left out"},
	}
	checkNotesReport(t, res.Report, "2 footnotes", want)
}

// A draft without "[^" keeps chancery's own form: its notes after the
// rule are read, and a line like a Markdown definition without the caret
// stays a paragraph.
func TestDraftNotesFormFollowsCaret(t *testing.T) {
	lines := []string{"The lights[1] were lit.", "[a]: not a definition", "_____", "[1] A note."}
	got, notes, form := draftNotes("case.txt", strings.Join(lines, "\n"), lines)
	if form.open != "[" || strings.Join(got, "\n") != "The lights[1] were lit.\n[a]: not a definition" ||
		len(notes) != 1 || notes[0].num != "1" || notes[0].text != "A note." || notes[0].where != "case.txt:4:1" {
		t.Errorf("lines %q, notes %+v, form %q", got, notes, form.open)
	}
	md := []string{"Text[^a].", "", "[^a]: The note", "\tgoes on.", "After."}
	got, notes, form = draftNotes("case.md", strings.Join(md, "\n"), md)
	if form.open != "[^" || strings.Join(got, "|") != "Text[^a].||||After." ||
		len(notes) != 1 || notes[0].num != "a" || notes[0].text != "The note goes on." || notes[0].where != "case.md:3:1" {
		t.Errorf("lines %q, notes %+v, form %q", got, notes, form.open)
	}
}

// checkNotesReport checks that the report recognised what it says
// (e.g. "2 footnotes") and lists exactly want, in order, as not placed.
func checkNotesReport(t *testing.T, rep *Report, recognised string, want []Note) {
	t.Helper()
	if got := strings.Join(rep.Recognised, "\n"); !strings.Contains(got, recognised) {
		t.Errorf("the report does not say %q:\n%s", recognised, got)
	}
	if len(rep.Unplaced) != len(want) {
		t.Fatalf("not placed %v, want %v", rep.Unplaced, want)
	}
	for i := range want {
		if rep.Unplaced[i] != want[i] {
			t.Errorf("not placed %d: %+v, want %+v", i, rep.Unplaced[i], want[i])
		}
	}
}
