package text

import (
	"bytes"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

func edition(tag, number, para string) *model.NoteEdition {
	return &model.NoteEdition{
		Lang: tag,
		Letterhead: []model.LetterheadBlock{
			{Lang: "en", Lines: []string{"SECRETARIAT OF THE CONFERENCE", "IN ASIA"}},
			{Lang: "ru", Lines: []string{"СЕКРЕТАРИАТ СОВЕЩАНИЯ"}},
		},
		Number:     number,
		Paragraphs: []string{para, "Closing."},
		PlaceDate:  "Astana, 13 May 2024",
		Enclosure:  []string{"Enclosure:", "as stated,", "on 9 p."},
		Addressee:  []string{"MEMBER STATES"},
	}
}

func TestWriteNoteOneEdition(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteNote(&buf, []*model.NoteEdition{edition("en", "No. A/1", "Opening.")}); err != nil {
		t.Fatal(err)
	}
	want := `SECRETARIAT OF THE CONFERENCE
IN ASIA

СЕКРЕТАРИАТ СОВЕЩАНИЯ

No. A/1

Opening.

Closing.

Astana, 13 May 2024

Enclosure:
as stated,
on 9 p.

MEMBER STATES
`
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestWriteNoteEditions puts editions one after the other, separated by a
// form feed, each with its own letterhead and number.
func TestWriteNoteEditions(t *testing.T) {
	en := edition("en", "No. A/1", "Opening.")
	ru := edition("ru", "№ A/1", "Начало.")
	ru.Enclosure = nil
	var buf bytes.Buffer
	if err := WriteNote(&buf, []*model.NoteEdition{en, ru}); err != nil {
		t.Fatal(err)
	}
	want := "SECRETARIAT OF THE CONFERENCE\nIN ASIA\n\nСЕКРЕТАРИАТ СОВЕЩАНИЯ\n\nNo. A/1\n\nOpening.\n\nClosing.\n\nAstana, 13 May 2024\n\nEnclosure:\nas stated,\non 9 p.\n\nMEMBER STATES\n" +
		"\f\n" +
		"SECRETARIAT OF THE CONFERENCE\nIN ASIA\n\nСЕКРЕТАРИАТ СОВЕЩАНИЯ\n\n№ A/1\n\nНачало.\n\nClosing.\n\nAstana, 13 May 2024\n\nMEMBER STATES\n"
	if got := buf.String(); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

func TestWriteNoteNothing(t *testing.T) {
	if err := WriteNote(&bytes.Buffer{}, nil); err == nil {
		t.Error("no error for no editions")
	}
}
