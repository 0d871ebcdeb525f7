package text

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// WriteNote writes a note verbale rendered by package note, page by page
// as it is printed: the letterhead blocks, the number, the paragraphs and
// the place and date, with the foot of the first page (the enclosure line
// and the addressee block) where that page ends and a form feed before
// each further page. A paragraph that runs on to the next page is cut
// where the page ends, as in the printed copy. An edition without page
// breaks ends with its foot. Several editions make a multilingual copy:
// each edition in full, in the order given, separated by a form feed.
func WriteNote(w io.Writer, eds []*model.NoteEdition) error {
	if len(eds) == 0 {
		return errors.New("text: no note edition to write")
	}
	bw := bufio.NewWriter(w)
	for i, ed := range eds {
		if i > 0 {
			bw.WriteString("\f\n")
		}
		tw := &writer{w: bw}
		tw.note(ed)
	}
	return bw.Flush()
}

func (tw *writer) note(ed *model.NoteEdition) {
	for _, b := range ed.Letterhead {
		tw.block(0, b.Lines...)
	}
	tw.block(0, ed.Number)
	breaks := ed.PageBreaks
	footDone := false
	// pageBreak ends the page at a break: the foot on the first page,
	// then a form feed.
	pageBreak := func() {
		if !footDone {
			tw.foot(ed)
			footDone = true
		}
		tw.w.WriteString("\f\n")
		tw.started = false
		breaks = breaks[1:]
	}
	flow := append(append([]string{}, ed.Paragraphs...), ed.PlaceDate)
	for i, p := range flow {
		for len(breaks) > 0 && breaks[0].Para == i {
			cut := min(max(breaks[0].Offset, 0), len(p))
			if head := strings.TrimSpace(p[:cut]); head != "" {
				tw.block(0, head)
			}
			pageBreak()
			p = p[cut:]
		}
		if p = strings.TrimSpace(p); p != "" {
			tw.block(0, p)
		}
	}
	if !footDone {
		tw.foot(ed)
	}
}

// foot writes the enclosure line and the addressee block.
func (tw *writer) foot(ed *model.NoteEdition) {
	if len(ed.Enclosure) > 0 {
		tw.block(0, ed.Enclosure...)
	}
	tw.block(0, ed.Addressee...)
}
