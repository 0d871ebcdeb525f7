// Package model owns the document tree that every stage shares: an
// instrument (Document) with its title block, parties, recitals, numbered
// units and signature block, and the inline runs of its text. Every node
// keeps the Pos it was loaded from so that later stages can report at
// file:line:col. Loading fills the tree; numbering and reference resolution
// fill the computed fields (Unit.Label, Unit.RefNumber, Ref.Resolved).
package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
)

// Status of an instrument.
const (
	StatusDraft = "draft"
	StatusFinal = "final"
)

// Document is one instrument (a memorandum of understanding, an agreement).
type Document struct {
	ID        string
	Pos       diag.Pos
	Dir       string   // project-relative directory holding document.yaml
	Status    string   // StatusDraft or StatusFinal
	Languages []string // languages the document is written in, in order
	Issuer    Text     // issuing body, for metadata (PDF author, DOCX creator)
	Title     []Text   // title block lines, without the DRAFT marking
	Subject   Text     // short title, for metadata
	// Fields are labelled fields printed under the title (a report's
	// "Event:", "Date and Venue:", "Participants:").
	Fields []*Field

	Parties       []*Party
	PartiesIntro  Text // "THIS MEMORANDUM OF UNDERSTANDING ... BETWEEN"
	PartiesJoiner Text // "and"
	PartiesOutro  Text // "hereinafter collectively referred to as ..."

	Recitals   []*Recital
	Transition Text // "NOW, THEREFORE, the Participants ... as follows:"

	Numbering Numbering
	Sections  []*Unit // depth 0 units
	// Aliases keep old ids working after a unit's id was renamed: old id
	// to the id it now goes by (which may itself be an alias).
	Aliases map[string]Alias

	// Formats are the output formats the project writes the document in
	// (names of the format registry); nil for the registry's defaults.
	// --formats overrides them.
	Formats    []string
	FormatsPos diag.Pos

	Closing   Text // "IN WITNESS WHEREOF, ..."
	Signature Signature
	Final     Final // how signature-ready copies are made
	// PDFA asks for PDF/A-2b files of a draft too (final copies always
	// are).
	PDFA bool
	// Style names the house style the document is laid out in
	// (templates/<Style>/style.yaml); "" for the project default.
	Style    string
	StylePos diag.Pos
	// Parallel lists the parallel editions to write: each a set of the
	// document's languages, in the order of Languages ({en, ru}).
	Parallel    [][]string
	ParallelPos diag.Pos
}

// Final describes the signature-ready copies of a document.
type Final struct {
	Pos       diag.Pos
	Originals int      // number of originals; 0 when not stated
	Mark      bool     // mark each original "Original 1 of 2"
	Signature []string // signature lines of final copies (default: Signature.Lines)
	Subject   Text     // subject of final copies' metadata (default: Subject)
}

// Field is one labelled field: a label and a value of one or more lines,
// printed with the value hanging beside the label.
type Field struct {
	Pos   diag.Pos
	Label Text
	Lines []Text
}

// Alias points an old id at the id it now goes by.
type Alias struct {
	To     string
	Pos    diag.Pos // of the target
	KeyPos diag.Pos // of the alias's own name
}

// Party is one participant of the instrument.
type Party struct {
	ID          string
	Pos         diag.Pos
	Name        Text // full name
	Description Text // the party's paragraph in the parties block
	For         Text // "For the Government of the Republic of Arcadia:"
	Signatory   Text // "H.E. Ms. Anna Lindqvist"
	Office      Text // the signatory's title
}

// Recital is one preambular paragraph: a lead word (WHEREAS, CONSIDERING)
// followed by its text.
type Recital struct {
	ID   string
	Pos  diag.Pos
	Lead Text
	Text Text
}

// Signature describes the lines under each party's column.
type Signature struct {
	Lines []string // word keys of the lang engine: "signature", "date", "place"
}

// Unit is a section, paragraph or item: anything that can carry a number.
// Depth 0 is a section, depth 1 a paragraph, depth 2 and more items.
type Unit struct {
	ID       string // stable id; may be empty for unnumbered units
	Pos      diag.Pos
	Depth    int
	Heading  Text // sections only
	Text     Text
	Numbered bool // false for an unnumbered paragraph
	// Bullet marks an item of a bullet list: it is labelled with the bullet
	// of its list level, is not numbered and cannot be cited.
	Bullet   bool
	Insert   string // "" or the suffix the source asked for ("bis"); see Inserted
	Inserted bool   // a negotiation insert after its predecessor
	// ChildScheme names the numbering scheme of the children, overriding the
	// document's level default ("" keeps the default).
	ChildScheme    string
	ChildSchemePos diag.Pos
	Aligned        *Alignment
	Suppress       []Suppression // checks silenced for this unit alone
	// Translated records, per translated language, the fingerprint of the
	// base-language text that the translation translates (package
	// fingerprint); empty when no translation is tracked.
	Translated map[string]TranslationMark
	Children   []*Unit
	Parent     *Unit

	// Filled by package number.
	Scheme  *Scheme
	Ordinal int    // position in the sequence (inserts share their predecessor's)
	Suffix  string // "bis", "ter" ... for inserts in draft numbering
	Label   string // as printed before the text: "1:", "2.1", "iii.", "(ii) (bis)"
	// Labels are the labels of the languages whose scheme label differs
	// (see Scheme.Labels and LabelIn).
	Labels    map[string]string
	RefNumber string // as cited: "1", "2.1", "iii.", "(ii) (bis)"
}

// Suppression silences one check for one unit; Reason says why and is
// required, so that every silenced finding stays explained in the YAML.
type Suppression struct {
	Check  string // a check name, see package check
	Reason string
	Pos    diag.Pos
}

// TranslationMark is one entry of a unit's translated: field.
type TranslationMark struct {
	Fingerprint string
	Pos         diag.Pos
}

// Alignment declares that a unit quotes a source paragraph.
type Alignment struct {
	Pos    diag.Pos
	Source string // source document id
	At     string // path in the source: "II.3"
	Mode   string // "exact" or "excerpt"
}

// Numbering is the document's numbering: named schemes and the scheme used
// by default at each depth (the last one repeats for deeper items), and
// the bullets of bullet lists by list level.
type Numbering struct {
	Schemes map[string]*Scheme
	Levels  []string
	Bullets []string
	Pos     diag.Pos
}

// Scheme says how units of one kind are numbered and cited. Patterns use
// {n} (arabic), {n:i} {n:I} (roman), {n:a} {n:A} (letters), {up} (the
// parent's RefNumber) and, in Insert, {x} (bis, ter, ...).
type Scheme struct {
	Name  string
	Pos   diag.Pos
	Label string // "{up}.{n}"
	// Labels are the label patterns of the languages that print the
	// units otherwise ({ru: "{n}."} beside Label "{n}:"); only the
	// printed label changes, citations keep Ref.
	Labels        map[string]string
	Ref           string // defaults to Label
	Insert        string // label of an insert; defaults to Label + " {x}"
	Term          string // lang term when cited: "sub-paragraph"
	ContainerTerm string // lang term when cited as the container of a cited child; defaults to Term
}

// LabelIn returns the label pattern of the scheme in language lang.
func (s *Scheme) LabelIn(lang string) string {
	if p, ok := s.Labels[lang]; ok {
		return p
	}
	return s.Label
}

// LabelIn returns the unit's label as printed in language lang: its
// scheme's label in that language when the scheme gives one, Label
// otherwise.
func (u *Unit) LabelIn(lang string) string {
	if l, ok := u.Labels[lang]; ok {
		return l
	}
	return u.Label
}

// BulletLevel is the list level of a bullet item: 0 when its parent is
// not a bullet, 1 under a bullet, and so on.
func (u *Unit) BulletLevel() int {
	level := 0
	for p := u.Parent; p != nil && p.Bullet; p = p.Parent {
		level++
	}
	return level
}

// Walk calls fn for every unit of the document, depth first, in order.
func (d *Document) Walk(fn func(*Unit)) {
	var walk func([]*Unit)
	walk = func(us []*Unit) {
		for _, u := range us {
			fn(u)
			walk(u.Children)
		}
	}
	walk(d.Sections)
}

// Texts calls fn for every Text of the document (title, parties, recitals,
// headings, unit texts, closing) in reading order.
func (d *Document) Texts(fn func(Text)) {
	for _, t := range d.Title {
		fn(t)
	}
	for _, f := range d.Fields {
		fn(f.Label)
		for _, l := range f.Lines {
			fn(l)
		}
	}
	fn(d.PartiesIntro)
	for i, p := range d.Parties {
		if i > 0 {
			fn(d.PartiesJoiner)
		}
		fn(p.Description)
	}
	fn(d.PartiesOutro)
	for _, r := range d.Recitals {
		fn(r.Lead)
		fn(r.Text)
	}
	fn(d.Transition)
	d.Walk(func(u *Unit) {
		fn(u.Heading)
		fn(u.Text)
	})
	fn(d.Closing)
	for _, p := range d.Parties {
		fn(p.For)
		fn(p.Signatory)
		fn(p.Office)
	}
}

// ParallelLangs checks a set of languages for a parallel edition of a
// document written in languages, and returns it in their order: two or
// more distinct languages of the document ({ru, en} becomes {en, ru}).
func ParallelLangs(languages, set []string) ([]string, error) {
	if len(set) < 2 {
		return nil, fmt.Errorf("a parallel edition needs two languages or more, have %q", strings.Join(set, "-"))
	}
	var out []string
	for _, l := range languages {
		if slices.Contains(set, l) {
			out = append(out, l)
		}
	}
	for i, l := range set {
		switch {
		case !slices.Contains(languages, l):
			return nil, fmt.Errorf("parallel edition %q: the document is not written in %q (its languages: %s)", strings.Join(set, "-"), l, strings.Join(languages, ", "))
		case slices.Contains(set[:i], l):
			return nil, fmt.Errorf("parallel edition %q names %s twice", strings.Join(set, "-"), l)
		}
	}
	return out, nil
}
