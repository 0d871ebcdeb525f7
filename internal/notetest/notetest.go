// Package notetest builds note editions for the writers' tests, their
// blocks placed by a style's form as package note places them.
package notetest

import (
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/style"
)

// Plain makes note lines of plain text.
func Plain(ss ...string) []model.NoteLine {
	out := make([]model.NoteLine, len(ss))
	for i, s := range ss {
		out[i] = model.NoteLine{&model.Plain{Text: s}}
	}
	return out
}

// Letterhead is one language block of a letterhead.
type Letterhead struct {
	Lang  string
	Lines []string
}

// Note is the content of a classic note: letterhead, number, body, place
// and date, and at the foot the enclosure line and the addressee block.
type Note struct {
	Lang       string
	Letterhead []Letterhead
	Number     string
	Paragraphs []string
	PlaceDate  string
	Enclosure  []string // nil: none
	Addressee  []string
}

// Edition lays n out in form (the default form of the built-in style when
// nil): each block in the form's order, absent ones left out.
func Edition(n Note, form *style.Correspondence) *model.NoteEdition {
	if form == nil {
		form = style.DefaultForm(style.Builtin(), "note-verbale")
	}
	ed := &model.NoteEdition{Lang: n.Lang, Title: n.Number, Form: form}
	for _, place := range form.Blocks {
		add := func(b model.NoteBlock) {
			b.Kind, b.Layout = place.Kind, place
			ed.Blocks = append(ed.Blocks, b)
		}
		switch place.Kind {
		case style.BlockLetterhead:
			for _, lh := range n.Letterhead {
				add(model.NoteBlock{Lang: lh.Lang, Lines: Plain(lh.Lines...)})
			}
		case style.BlockNumber:
			if n.Number != "" {
				add(model.NoteBlock{Lines: Plain(n.Number)})
			}
		case style.BlockBody:
			if len(n.Paragraphs) > 0 {
				add(model.NoteBlock{Paras: Plain(n.Paragraphs...)})
			}
		case style.BlockPlaceDate:
			if n.PlaceDate != "" {
				add(model.NoteBlock{Lines: Plain(n.PlaceDate)})
			}
		case style.BlockEnclosure:
			if len(n.Enclosure) > 0 {
				add(model.NoteBlock{Lines: Plain(n.Enclosure...)})
			}
		case style.BlockAddressee:
			if len(n.Addressee) > 0 {
				add(model.NoteBlock{Lines: Plain(n.Addressee...)})
			}
		}
	}
	return ed
}

// Index returns the index in ed.Blocks of the first block of kind, -1 for
// none.
func Index(ed *model.NoteEdition, kind string) int {
	for i, b := range ed.Blocks {
		if b.Kind == kind {
			return i
		}
	}
	return -1
}
