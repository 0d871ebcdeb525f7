package text

import (
	"bufio"
	"errors"
	"io"

	"github.com/chancery-dev/chancery/internal/model"
)

// WriteNote writes a note verbale rendered by package note: the
// letterhead blocks, the number, the paragraphs, place and date, and the
// foot of the printed first page (the enclosure line and the addressee
// block) where the edition's FootAfter puts it in reading order: after the
// paragraphs that start on the first page, or after the place and date.
// Several editions make a multilingual copy: each edition in full, in the
// order given, separated by a form feed.
func WriteNote(w io.Writer, eds []*model.NoteEdition) error {
	if len(eds) == 0 {
		return errors.New("text: no note edition to write")
	}
	bw := bufio.NewWriter(w)
	for i, ed := range eds {
		if i > 0 {
			bw.WriteString("\f\n")
		}
		tw := &writer{w: bw, tag: ed.Lang}
		tw.note(ed)
	}
	return bw.Flush()
}

func (tw *writer) note(ed *model.NoteEdition) {
	for _, b := range ed.Letterhead {
		tw.block(0, b.Lines...)
	}
	tw.block(0, ed.Number)
	foot := func() {
		if len(ed.Enclosure) > 0 {
			tw.block(0, ed.Enclosure...)
		}
		tw.block(0, ed.Addressee...)
	}
	for i, p := range ed.Paragraphs {
		if i > 0 && i == ed.FootAfter {
			foot()
		}
		tw.block(0, p)
	}
	if ed.FootAfter > 0 && ed.FootAfter == len(ed.Paragraphs) {
		foot()
	}
	tw.block(0, ed.PlaceDate)
	if ed.FootAfter <= 0 || ed.FootAfter > len(ed.Paragraphs) {
		foot()
	}
}
