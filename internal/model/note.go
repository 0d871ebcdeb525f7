package model

import (
	"fmt"
	"time"

	"github.com/chancery-dev/chancery/internal/diag"
)

// Note is a note verbale: the facts of one note (number, date, place,
// issuer, addressee, the note it answers, its enclosure, a deadline) and
// the note-specific wording of its body, per language. The courtesy
// formulas and the layout of each language live in the template Template
// (templates/<Template>/<lang>.tmpl); package note merges the two.
type Note struct {
	ID        string
	Pos       diag.Pos
	File      string   // project-relative path of the note's YAML file
	Languages []string // editions, in the order of a multilingual copy

	Template    string // template directory name under templates/
	TemplatePos diag.Pos

	Number    string // "NCT/CT/569"
	NumberPos diag.Pos
	Date      Date     // date of the note
	Place     NoteText // "Astana", "город Астана", "Астана қаласы"
	Issuer    NoteIssuer
	Addressee NoteAddressee

	RefersTo  *NoteRef       // the earlier note this one refers to, or nil
	Enclosure *NoteEnclosure // the instrument sent with the note, or nil
	Deadline  *Date          // a date the note asks something by, or nil

	// Purpose is what the issuer "has the honour to" do, and Body the
	// paragraphs between the opening and the closing formula. Both are
	// template source, executed with the same functions and data as the
	// language's template.
	Purpose NoteText
	Body    []NoteText
	// Subject is the subject of the files' metadata (plain text, not a
	// template); nil for none.
	Subject NoteText
}

// Date is a calendar date written in a project file.
type Date struct {
	Year  int
	Month time.Month
	Day   int
	Pos   diag.Pos
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// NoteText is a string per language. Unlike Text it carries no inline
// markup: it is either data printed as it is, or template source.
type NoteText map[string]*NoteString

// NoteString is a NoteText in one language.
type NoteString struct {
	Value string
	Pos   diag.Pos // position of the scalar
	// At maps a byte offset of Value to its position in the file (exact for
	// single-line scalars, the scalar's position otherwise).
	At func(off int) diag.Pos
}

// In returns the value in language tag, "" when absent.
func (t NoteText) In(tag string) string {
	if s := t[tag]; s != nil {
		return s.Value
	}
	return ""
}

// NoteIssuer is the body that sends the note.
type NoteIssuer struct {
	// Letterhead blocks, printed in this order on every edition whatever
	// its language (the CICA Secretariat's letterhead is English and
	// Russian).
	Letterhead []LetterheadBlock
	Name       NoteText // subject of the opening formula
	Short      NoteText // subject of the closing formula
	Pos        diag.Pos
}

// LetterheadBlock is the letterhead in one language, line by line.
type LetterheadBlock struct {
	Lang  string
	Lines []string
}

// NoteAddressee is whom the note is addressed to.
type NoteAddressee struct {
	Name  NoteText // for the addressee block, upper-cased by the template
	Short NoteText // as the courtesy formulas name it (ru, kk: dative)
	Pos   diag.Pos
}

// NoteRef is an earlier note referred to.
type NoteRef struct {
	Number string
	Date   Date
	Pos    diag.Pos
}

// NoteEnclosure is an instrument of the project sent with the note.
type NoteEnclosure struct {
	Document    string // document id
	DocumentPos diag.Pos
	// Lang is the language of the enclosed copy whose pages are counted;
	// "" means the document's first language.
	Lang string
	Pos  diag.Pos
}

// NoteEdition is a note rendered in one language, ready for a writer.
type NoteEdition struct {
	Lang       string
	Letterhead []LetterheadBlock
	Number     string   // "No. NCT/CT/569"
	Paragraphs []string // opening formula, body, closing formula
	PlaceDate  string   // "Astana, 13 May 2024"
	Enclosure  []string // lines: "Enclosure:", "as stated,", "on 9 p."; nil without one
	Addressee  []string // lines of the addressee block
	Author     string   // the issuer's name, for metadata
	Subject    string   // for metadata; "" for none
	// PageBreaks are where the printed edition goes on to a new page, in
	// reading order; the first page carries the foot (the enclosure line
	// and the addressee block). None: the edition fits on one page.
	PageBreaks []NoteBreak
}

// NoteBreak is a place in an edition's flow of paragraphs: before byte
// Offset of paragraph Para (0: before the whole paragraph). Para equal to
// the number of paragraphs stands for the place and date.
type NoteBreak struct {
	Para   int
	Offset int
}
