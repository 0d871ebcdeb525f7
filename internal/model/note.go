package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/style"
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

	// Template names the form: its layout in the style's correspondence:
	// section, its templates in templates/<style>/<Template>/<lang>.tmpl
	// (or templates/<Template>/<lang>.tmpl).
	Template    string
	TemplatePos diag.Pos
	// Style is the house style the note is set in; "" for the project's
	// default.
	Style    string
	StylePos diag.Pos

	Number    string // "MFA/2026/117"
	NumberPos diag.Pos
	Date      Date     // date of the note
	Place     NoteText // "Vienna", "город Вена", "Вена қаласы"
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
	// Annexes are set after the note, each from a new page.
	Annexes []NoteAnnex
	// Fields are further facts the templates print by name ({{.Fields.job}}):
	// a job number, the original language, a signatory. Per language, as
	// place is; nil for none.
	Fields map[string]NoteText
	// FieldNames are the fields' names in the order of the file.
	FieldNames []string
}

// NoteAnnex is an annex set inside the note's own file: a heading and
// paragraphs, template source like the body.
type NoteAnnex struct {
	Heading NoteText // may hold several lines
	Body    []NoteText
	Pos     diag.Pos
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
	// its language (a secretariat's letterhead may be in English and
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

// NoteEnclosure is what is sent with the note: an instrument of the
// project (Document), whose pages are counted, or something chancery does
// not build, given by its title and stated page count.
type NoteEnclosure struct {
	Document    string // document id; "" for an enclosure given by title
	DocumentPos diag.Pos
	Title       NoteText // the enclosure's title, when not a document
	Pages       int      // stated page count, when not a document
	// Lang is the language of the enclosed copy whose pages are counted;
	// "" means the document's first language.
	Lang string
	Pos  diag.Pos
}

// NoteEdition is a note rendered in one language, ready for a writer: its
// blocks in reading order, each with its place in the form of its style.
// Blocks whose Layout says Foot go to the foot of the first page, stacked
// in their order; the others flow.
type NoteEdition struct {
	Lang    string
	Title   string // for metadata: the number line, else the title
	Author  string // the issuer's name, for metadata
	Subject string // for metadata; "" for none
	// Form is the page of the note's form (margins, page numbers).
	Form   *style.Correspondence
	Blocks []NoteBlock
}

// NoteBlock is one block of an edition.
type NoteBlock struct {
	Kind   string       // style.BlockNumber, ...
	Layout *style.Block // where and how the block is set
	// Lang is the language of the block's text when it is not the
	// edition's (a bilingual letterhead); "" for the edition's.
	Lang string
	// Lines are set one per line (a heading, a masthead's left column, an
	// address); Paras are paragraphs the writer breaks into lines (the
	// body, an annex's text). An annex has both: its heading and text.
	Lines []NoteLine
	Paras []NoteLine
	// Right is the masthead's right column.
	Right []NoteLine
	// Image is the letterhead's picture, above its lines.
	Image *style.Image
}

// NoteLine is a line or paragraph of a note with its inline markup: Plain,
// Strong and Emphasis runs.
type NoteLine []Inline

// String is the line's text without markup.
func (l NoteLine) String() string { return PlainText(l) }

// Flow returns the flowing blocks' indexes, in order.
func (ed *NoteEdition) Flow() []int {
	var out []int
	for i := range ed.Blocks {
		if !ed.Blocks[i].Layout.Foot {
			out = append(out, i)
		}
	}
	return out
}

// Feet returns the blocks of the foot of the first page, top to bottom.
func (ed *NoteEdition) Feet() []*NoteBlock {
	var out []*NoteBlock
	for i := range ed.Blocks {
		if ed.Blocks[i].Layout.Foot {
			out = append(out, &ed.Blocks[i])
		}
	}
	return out
}

// Find returns the first block of kind, or nil.
func (ed *NoteEdition) Find(kind string) *NoteBlock {
	for i := range ed.Blocks {
		if ed.Blocks[i].Kind == kind {
			return &ed.Blocks[i]
		}
	}
	return nil
}

// NoteBreak is a place in an edition's flow: before byte Offset (of the
// text without markup) of line or paragraph Para of block Block, an index
// of Blocks. Lines of a block come before its paragraphs: Para counts the
// lines first.
type NoteBreak struct {
	Block  int
	Para   int
	Offset int
}

// Texts returns the text of every line and paragraph of block kind, in
// order, without markup (the masthead's right column after its left).
func (ed *NoteEdition) Texts(kind string) []string {
	var out []string
	for _, b := range ed.Blocks {
		if b.Kind != kind {
			continue
		}
		for _, ls := range [][]NoteLine{b.Lines, b.Right, b.Paras} {
			for _, l := range ls {
				out = append(out, l.String())
			}
		}
	}
	return out
}

// AllText is every line and paragraph of the edition, one a line.
func (ed *NoteEdition) AllText() string {
	var b strings.Builder
	for _, nb := range ed.Blocks {
		for _, ls := range [][]NoteLine{nb.Lines, nb.Right, nb.Paras} {
			for _, l := range ls {
				b.WriteString(l.String())
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}
