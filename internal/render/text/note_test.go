package text

import (
	"bytes"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/notetest"
	"github.com/chancery-dev/chancery/internal/style"
)

func note(tag, number string, paras ...string) notetest.Note {
	return notetest.Note{
		Lang: tag,
		Letterhead: []notetest.Letterhead{
			{Lang: "en", Lines: []string{"SECRETARIAT OF THE COMMISSION", "ON RIVER BASINS"}},
			{Lang: "ru", Lines: []string{"СЕКРЕТАРИАТ КОМИССИИ"}},
		},
		Number:     number,
		Paragraphs: append(paras, "Closing."),
		PlaceDate:  "Nordhaven, 13 May 2024",
		Enclosure:  []string{"Enclosure:", "as stated,", "on 9 p."},
		Addressee:  []string{"MEMBER STATES"},
	}
}

func edition(tag, number, para string) *model.NoteEdition {
	return notetest.Edition(note(tag, number, para), nil)
}

func writeNote(t *testing.T, eds ...*model.NoteEdition) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteNote(&buf, eds, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// writeNoteBroken writes one edition whose printed pages break at breaks.
func writeNoteBroken(t *testing.T, ed *model.NoteEdition, breaks []model.NoteBreak) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteNote(&buf, []*model.NoteEdition{ed}, [][]model.NoteBreak{breaks}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestWriteNoteOnePage: an edition without page breaks ends with the foot.
func TestWriteNoteOnePage(t *testing.T) {
	got := writeNote(t, edition("en", "No. A/1", "Opening."))
	want := `SECRETARIAT OF THE COMMISSION
ON RIVER BASINS

СЕКРЕТАРИАТ КОМИССИИ

No. A/1

Opening.

Closing.

Nordhaven, 13 May 2024

Enclosure:
as stated,
on 9 p.

MEMBER STATES
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestWriteNotePageBreaks follows the printed pages: the foot where the
// first page ends (here inside the first paragraph, which is cut there),
// a form feed before each further page.
func TestWriteNotePageBreaks(t *testing.T) {
	n := note("en", "No. A/1", "The first page ends here and the second goes on.")
	n.Paragraphs = append(n.Paragraphs, "Third.")
	ed := notetest.Edition(n, nil)
	body := notetest.Index(ed, style.BlockBody)
	breaks := []model.NoteBreak{{Block: body, Para: 0, Offset: len("The first page ends here ")}, {Block: body, Para: 2}}
	want := "SECRETARIAT OF THE COMMISSION\nON RIVER BASINS\n\nСЕКРЕТАРИАТ КОМИССИИ\n\nNo. A/1\n\n" +
		"The first page ends here\n\nEnclosure:\nas stated,\non 9 p.\n\nMEMBER STATES\n\f\n" +
		"and the second goes on.\n\nClosing.\n\f\n" +
		"Third.\n\nNordhaven, 13 May 2024\n"
	if got := writeNoteBroken(t, ed, breaks); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// TestWriteNoteBreakBeforePlaceDate: a break before the place and date
// block puts it on the next page.
func TestWriteNoteBreakBeforePlaceDate(t *testing.T) {
	n := note("ru", "№ A/1", "Начало.")
	n.Enclosure = nil
	ed := notetest.Edition(n, nil)
	breaks := []model.NoteBreak{{Block: notetest.Index(ed, style.BlockPlaceDate)}}
	want := "SECRETARIAT OF THE COMMISSION\nON RIVER BASINS\n\nСЕКРЕТАРИАТ КОМИССИИ\n\n№ A/1\n\nНачало.\n\nClosing.\n\nMEMBER STATES\n\f\nNordhaven, 13 May 2024\n"
	if got := writeNoteBroken(t, ed, breaks); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// TestWriteNoteEditions puts editions one after the other, separated by a
// form feed, each with its own letterhead and number.
func TestWriteNoteEditions(t *testing.T) {
	en := edition("en", "No. A/1", "Opening.")
	rn := note("ru", "№ A/1", "Начало.")
	rn.Enclosure = nil
	ru := notetest.Edition(rn, nil)
	want := "SECRETARIAT OF THE COMMISSION\nON RIVER BASINS\n\nСЕКРЕТАРИАТ КОМИССИИ\n\nNo. A/1\n\nOpening.\n\nClosing.\n\nNordhaven, 13 May 2024\n\nEnclosure:\nas stated,\non 9 p.\n\nMEMBER STATES\n" +
		"\f\n" +
		"SECRETARIAT OF THE COMMISSION\nON RIVER BASINS\n\nСЕКРЕТАРИАТ КОМИССИИ\n\n№ A/1\n\nНачало.\n\nClosing.\n\nNordhaven, 13 May 2024\n\nMEMBER STATES\n"
	if got := writeNote(t, en, ru); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

func TestWriteNoteNothing(t *testing.T) {
	if err := WriteNote(&bytes.Buffer{}, nil, nil); err == nil {
		t.Error("no error for no editions")
	}
}

// TestWriteNoteMastheadAndMarkup: a masthead's columns side by side, the
// right one aligned; markup printed plain; a block at the foot after the
// flow.
func TestWriteNoteMastheadAndMarkup(t *testing.T) {
	form := style.DefaultForm(style.Builtin(), "un")
	place := func(kind string) *style.Block { return form.Place(kind) }
	bold := func(s string) model.NoteLine {
		return model.NoteLine{&model.Strong{Runs: []model.Inline{&model.Plain{Text: s}}}}
	}
	ed := &model.NoteEdition{Lang: "en", Form: form, Blocks: []model.NoteBlock{
		{Kind: style.BlockMasthead, Layout: place(style.BlockMasthead),
			Lines: notetest.Plain("United Nations", "General Assembly"),
			Right: []model.NoteLine{bold("A/1"), notetest.Plain("Distr.: General")[0], notetest.Plain("Original: English")[0]}},
		{Kind: style.BlockTitle, Layout: place(style.BlockTitle), Lines: []model.NoteLine{bold("Note verbale")}},
		{Kind: style.BlockBody, Layout: place(style.BlockBody), Paras: []model.NoteLine{
			{&model.Plain{Text: "The "}, &model.Emphasis{Runs: []model.Inline{&model.Plain{Text: "Framework"}}}, &model.Plain{Text: " is adopted."}}}},
		{Kind: style.BlockFoot, Layout: place(style.BlockFoot), Lines: notetest.Plain("26-1 (E)")},
	}}
	want := "United Nations    A/1\nGeneral Assembly  Distr.: General\n                  Original: English\n\nNote verbale\n\nThe Framework is adopted.\n\n26-1 (E)\n"
	if got := writeNote(t, ed); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
