// Package lower turns an assembled instrument into what one copy of it
// prints, in one language: a sealed sequence of blocks (marking, title
// lines, parties, joiners, recitals, transition, units, closing, signature
// table) that every writer (text, PDF, DOCX, HTML), the glyph check and the
// redline read, the way model.NoteEdition serves the writers of notes.
// Every decision about what a copy says is taken here, once: the DRAFT
// marking of a draft, the "Original 1 of 2" of a marked original, which
// texts stand together in one paragraph, the words of the signature lines.
// (Insert labels and {originals} are decided earlier, by packages number
// and xref, and arrive here as labels and resolved runs.) Writers only lay
// out and paint.
//
// Every block has an address that names it across versions of the
// document: a unit's id, or the block's role and position (title.1,
// party.<id>, party.<id>.signatory, recital.3, closing). Diffs, translation
// and import of changes refer to blocks by these addresses.
package lower

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// Instrument is an instrument lowered for one language and one copy.
type Instrument struct {
	ID   string
	Lang string
	// Final is true for a signature-ready copy (no DRAFT marking, inserts
	// folded into the numbering).
	Final bool
	Copy  Copy
	// Marking is the marking at the head of every page of a paged format:
	// the DRAFT word of a draft, "Original 1 of 2" of a marked original,
	// "" for none. It is also the first block of the body (a Marking).
	Marking string
	Meta    Meta
	Blocks  []Block
	// Footnotes are the document's footnotes, numbered through it in
	// reading order (see FootnoteNumber).
	Footnotes []*Footnote
	// Source is the assembled document the blocks come from. Writers print
	// only Blocks; Source is there for the structure a writer needs beyond
	// reading order (DOCX list definitions need the unit tree and schemes).
	Source *model.Document
}

// Meta is what a file's metadata says of the instrument.
type Meta struct {
	Title   string // the title lines, joined by spaces
	Subject string
	Creator string // the issuer
}

// Footnote is one footnote of the lowered document: its number through
// the document and the note as written. The mark a writer prints for it
// is the house style's (style.Footnotes.Mark): N itself, a symbol, or a
// count restarted on the note's page.
type Footnote struct {
	N    int
	Note *model.Footnote
}

// FootnoteNumber returns the number of a footnote of the document's texts,
// 0 for one that is not in the lowered document.
func (in *Instrument) FootnoteNumber(f *model.Footnote) int {
	for _, fn := range in.Footnotes {
		if fn.Note == f {
			return fn.N
		}
	}
	return 0
}

// Block is one block of an instrument. The set is sealed: Marking,
// TitleLine, Fields, Party, Joiner, PartiesOutro, Recital, Transition, Unit,
// Closing and Signatures.
type Block interface {
	// Address names the block across versions of the document.
	Address() string
	block()
}

// Marking opens the body: the DRAFT word of a draft (Draft true), or the
// marking of a marked original ("Original 1 of 2").
type Marking struct {
	Text  string
	Draft bool
}

// TitleLine is line N (from 1) of the title block.
type TitleLine struct {
	N    int
	Text *model.Localized
}

// Fields is the block of labelled fields under the title, one row per
// field.
type Fields struct{ Rows []FieldRow }

// FieldRow is one labelled field: its label and the lines of its value.
type FieldRow struct {
	N     int
	Label *model.Localized
	Lines []*model.Localized
}

// Address of a row is "field.N".
func (r FieldRow) Address() string { return "field." + strconv.Itoa(r.N) }

// Party is a party's paragraph in the parties block. The first party's
// paragraph starts with the parties' introduction (Intro, nil for none):
// "THIS MEMORANDUM ... IS ENTERED INTO BETWEEN THE UNITED NATIONS ...".
type Party struct {
	ID    string
	Intro *model.Localized
	Text  *model.Localized
}

// Joiner stands between two parties ("and"); Before is the id of the party
// it leads to.
type Joiner struct {
	Before string
	Text   *model.Localized
}

// PartiesOutro closes the parties block ("hereinafter collectively
// referred to as ...").
type PartiesOutro struct{ Text *model.Localized }

// Recital is preambular paragraph N (from 1): its lead word (nil for none)
// and its text, printed as one paragraph separated by a space, in the
// order Parts gives.
type Recital struct {
	N    int
	ID   string
	Lead *model.Localized
	Text *model.Localized
	// LeadLast: the language prints the lead after the text (Kazakh "…
	// қамтитынын ескере отырып,"); from lang.Language.RecitalLead.
	LeadLast bool
}

// Parts returns the lead and the text in the order they are printed;
// either may be nil.
func (b *Recital) Parts() (first, second *model.Localized) {
	if b.LeadLast {
		return b.Text, b.Lead
	}
	return b.Lead, b.Text
}

// Transition leads from the preamble to the operative part.
type Transition struct{ Text *model.Localized }

// Unit is a section heading (Depth 0), a paragraph (1) or an item (2 and
// more), numbered or not.
type Unit struct {
	ID       string // "" for an unnumbered paragraph without one
	N        int    // position among the units without an id (their address)
	Label    string // as printed: "1:", "2.1", "(ii) (bis)"; "" for none
	Depth    int
	Heading  bool // a section heading: Text is the heading
	Numbered bool // false for an unnumbered paragraph
	Inserted bool // a negotiation insert keeping its label (draft numbering)
	Bullet   bool // an item of a bullet list: Label is its bullet
	Scheme   string
	// Anchor is the id links to the unit use ("" when it has no id).
	Anchor string
	Text   *model.Localized
	// Unit is the model's unit, for writers that keep the numbering's
	// structure (DOCX lists) and for resolving references to bookmarks.
	Unit *model.Unit
}

// Closing is the closing clause ("IN WITNESS WHEREOF, ...").
type Closing struct{ Text *model.Localized }

// Signatures is the signature table: a column per signing party, and under
// each the signature lines (the words "Signature", "Date" in the language).
type Signatures struct {
	Parties []Signatory
	Lines   []string
}

// SignatureRule spells, in plain text (the text copy, the text of a
// redline), the ruled line after a signature line's word.
const SignatureRule = "______________________"

// Signatory is a party's column of the signature table; absent parts are
// nil.
type Signatory struct {
	ID     string
	For    *model.Localized // "For the ...:"
	Name   *model.Localized // the signatory
	Office *model.Localized
}

func (*Marking) block()      {}
func (*TitleLine) block()    {}
func (*Fields) block()       {}
func (*Party) block()        {}
func (*Joiner) block()       {}
func (*PartiesOutro) block() {}
func (*Recital) block()      {}
func (*Transition) block()   {}
func (*Unit) block()         {}
func (*Closing) block()      {}
func (*Signatures) block()   {}

// Address is "marking".
func (*Marking) Address() string { return "marking" }

// Address is "title.N".
func (b *TitleLine) Address() string { return "title." + strconv.Itoa(b.N) }

// Address is "fields"; its rows have their own (see FieldRow).
func (*Fields) Address() string { return "fields" }

// Address is "party.<id>".
func (b *Party) Address() string { return "party." + b.ID }

// Address is "party.<id>.joiner", the joiner before party id.
func (b *Joiner) Address() string { return "party." + b.Before + ".joiner" }

// Address is "parties.outro".
func (*PartiesOutro) Address() string { return "parties.outro" }

// Address is the recital's id, or "recital.N".
func (b *Recital) Address() string {
	if b.ID != "" {
		return b.ID
	}
	return "recital." + strconv.Itoa(b.N)
}

// Address is "transition".
func (*Transition) Address() string { return "transition" }

// Address is the unit's id, or "unnumbered.N" for a unit without one.
func (b *Unit) Address() string {
	if b.ID != "" {
		return b.ID
	}
	return "unnumbered." + strconv.Itoa(b.N)
}

// Address is "closing".
func (*Closing) Address() string { return "closing" }

// Address is "signatures"; its parts have their own (see Signatory).
func (*Signatures) Address() string { return "signatures" }

// Addresses of a signatory's parts: party.<id>.for, .signatory, .office
// and .lines.
func (s Signatory) Addresses() (forLine, name, office, lines string) {
	p := "party." + s.ID
	return p + ".for", p + ".signatory", p + ".office", p + ".lines"
}

// Copy says which copy of a document is made: the zero Copy is the only
// one (a draft, or a final copy whose originals are not marked); a marked
// original has its number and the number of originals.
type Copy struct {
	Original int // 1 ... Of
	Of       int
}

// Suffix is the copy's part of an output name: "" or ".original-1".
func (c Copy) Suffix() string {
	if c.Original == 0 {
		return ""
	}
	return ".original-" + strconv.Itoa(c.Original)
}

// Copies lists the copies of doc to make: one, or for a final document
// whose originals are marked, one per original.
func Copies(doc *model.Document) []Copy {
	if doc.Status != model.StatusFinal || !doc.Final.Mark || doc.Final.Originals < 1 {
		return []Copy{{}}
	}
	out := make([]Copy, doc.Final.Originals)
	for i := range out {
		out[i] = Copy{Original: i + 1, Of: doc.Final.Originals}
	}
	return out
}

// Lower lowers doc, numbered and resolved, for copy c in language l. A
// text missing in l is an error naming what the text is.
func Lower(doc *model.Document, l *lang.Language, c Copy) (*Instrument, error) {
	lw := &lowerer{tag: l.Tag()}
	in := &Instrument{ID: doc.ID, Lang: l.Tag(), Final: doc.Status == model.StatusFinal, Copy: c, Source: doc}
	switch {
	case !in.Final:
		w, err := l.Word("draft")
		if err != nil {
			return nil, err
		}
		in.Marking = w
		in.Blocks = append(in.Blocks, &Marking{Text: w, Draft: true})
	case c.Original > 0:
		w, err := l.Expand("original-of", map[string]string{"n": strconv.Itoa(c.Original), "total": strconv.Itoa(c.Of)})
		if err != nil {
			return nil, err
		}
		in.Marking = w
		in.Blocks = append(in.Blocks, &Marking{Text: w})
	}
	var title []string
	for i, t := range doc.Title {
		loc := lw.need(t, "title line")
		in.Blocks = append(in.Blocks, &TitleLine{N: i + 1, Text: loc})
		title = append(title, plain(loc))
	}
	in.Meta = Meta{Title: strings.Join(title, " "), Subject: plain(doc.Subject[lw.tag]), Creator: plain(doc.Issuer[lw.tag])}
	if len(doc.Fields) > 0 {
		fields := &Fields{}
		for i, f := range doc.Fields {
			row := FieldRow{N: i + 1, Label: lw.need(f.Label, "field label")}
			for _, l := range f.Lines {
				row.Lines = append(row.Lines, lw.need(l, "field value"))
			}
			fields.Rows = append(fields.Rows, row)
		}
		in.Blocks = append(in.Blocks, fields)
	}
	for i, p := range doc.Parties {
		if i > 0 && doc.PartiesJoiner != nil {
			in.Blocks = append(in.Blocks, &Joiner{Before: p.ID, Text: lw.need(doc.PartiesJoiner, "parties_joiner")})
		}
		b := &Party{ID: p.ID, Text: lw.need(p.Description, "party "+p.ID)}
		if i == 0 {
			b.Intro = lw.opt(doc.PartiesIntro, "parties_intro")
		}
		in.Blocks = append(in.Blocks, b)
	}
	if doc.PartiesOutro != nil {
		in.Blocks = append(in.Blocks, &PartiesOutro{Text: lw.need(doc.PartiesOutro, "parties_outro")})
	}
	for i, r := range doc.Recitals {
		in.Blocks = append(in.Blocks, &Recital{N: i + 1, ID: r.ID, Lead: lw.opt(r.Lead, "recital "+r.ID), Text: lw.need(r.Text, "recital "+r.ID),
			LeadLast: l.RecitalLead() == lang.Last})
	}
	if doc.Transition != nil {
		in.Blocks = append(in.Blocks, &Transition{Text: lw.need(doc.Transition, "transition")})
	}
	anon := 0
	doc.Walk(func(u *model.Unit) {
		b := &Unit{
			ID: u.ID, Label: u.LabelIn(l.Tag()), Depth: u.Depth, Heading: u.Depth == 0,
			Numbered: u.Numbered, Inserted: u.Inserted && u.Suffix != "", Bullet: u.Bullet, Anchor: u.ID, Unit: u,
		}
		if u.Scheme != nil {
			b.Scheme = u.Scheme.Name
		}
		if u.ID == "" {
			anon++
			b.N = anon
		}
		if b.Heading {
			b.Text = lw.need(u.Heading, "heading of section "+u.ID)
		} else {
			b.Text = lw.need(u.Text, "clause "+u.ID)
		}
		in.Blocks = append(in.Blocks, b)
	})
	if doc.Closing != nil {
		in.Blocks = append(in.Blocks, &Closing{Text: lw.need(doc.Closing, "closing")})
	}
	sig := &Signatures{}
	for _, p := range doc.Parties {
		if p.For == nil && p.Signatory == nil {
			continue
		}
		what := "signature block of " + p.ID
		sig.Parties = append(sig.Parties, Signatory{ID: p.ID, For: lw.opt(p.For, what), Name: lw.opt(p.Signatory, what), Office: lw.opt(p.Office, what)})
	}
	if len(sig.Parties) > 0 {
		for _, key := range doc.Signature.Lines {
			w, err := l.Word(key)
			if err != nil {
				return nil, fmt.Errorf("signature line %q: %w", key, err)
			}
			sig.Lines = append(sig.Lines, w)
		}
		in.Blocks = append(in.Blocks, sig)
	}
	if lw.err != nil {
		return nil, lw.err
	}
	in.Texts(func(loc *model.Localized) {
		for _, f := range model.Footnotes(loc.Runs) {
			in.Footnotes = append(in.Footnotes, &Footnote{N: len(in.Footnotes) + 1, Note: f})
		}
	})
	return in, nil
}

// lowerer picks texts in one language, keeping the first missing one as
// the error.
type lowerer struct {
	tag string
	err error
}

// need returns t in the language; a missing one is the error.
func (lw *lowerer) need(t model.Text, what string) *model.Localized {
	loc := t[lw.tag]
	if loc == nil && lw.err == nil {
		lw.err = fmt.Errorf("%s has no %s text", what, lw.tag)
	}
	return loc
}

// opt returns t in the language, nil when t is absent altogether.
func (lw *lowerer) opt(t model.Text, what string) *model.Localized {
	if t == nil {
		return nil
	}
	return lw.need(t, what)
}

// plain flattens a localized text; nil is "".
func plain(loc *model.Localized) string {
	if loc == nil {
		return ""
	}
	return model.PlainText(loc.Runs)
}

// Runs returns a localized text's runs; nil for absent text.
func Runs(loc *model.Localized) []model.Inline {
	if loc == nil {
		return nil
	}
	return loc.Runs
}

// Plain flattens a localized text as printed: references resolved,
// placeholders in brackets, footnotes left out; "" for absent text.
func Plain(loc *model.Localized) string { return plain(loc) }

// PlainMarked flattens a localized text like Plain, with each footnote
// printed by mark from its number.
func (in *Instrument) PlainMarked(loc *model.Localized, mark func(n int) string) string {
	if loc == nil {
		return ""
	}
	return model.PlainTextMarked(loc.Runs, func(f *model.Footnote) string { return mark(in.FootnoteNumber(f)) })
}

// Texts calls fn for every text of the blocks, in reading order (absent
// texts are skipped).
func (in *Instrument) Texts(fn func(*model.Localized)) {
	each := func(locs ...*model.Localized) {
		for _, loc := range locs {
			if loc != nil {
				fn(loc)
			}
		}
	}
	for _, b := range in.Blocks {
		switch b := b.(type) {
		case *TitleLine:
			each(b.Text)
		case *Fields:
			for _, r := range b.Rows {
				each(r.Label)
				each(r.Lines...)
			}
		case *Party:
			each(b.Intro, b.Text)
		case *Joiner:
			each(b.Text)
		case *PartiesOutro:
			each(b.Text)
		case *Recital:
			each(b.Parts())
		case *Transition:
			each(b.Text)
		case *Unit:
			each(b.Text)
		case *Closing:
			each(b.Text)
		case *Signatures:
			for _, p := range b.Parties {
				each(p.For, p.Name, p.Office)
			}
		}
	}
}
