package docx

import (
	"math"
	"strings"

	house "github.com/chancery-dev/chancery/internal/style"
)

// A note's paragraph styles come from its form (style.yaml's
// correspondence section), one per block the form places, so that the
// DOCX is spaced as the PDF: the same space above and below (Word and
// LibreOffice leave the larger of a paragraph's space after and the next
// one's space before, as the PDF writer does), the same line spacing
// (as a multiple of the style's leading, which is the single line of its
// body face), indents, column, alignment and face. The style IDs of the
// classic blocks are Word-friendly names: "NoteNumber", "NoteBody",
// "PlaceDate", "Letterhead", "Enclosure", "Addressee"; the others are
// "Note" and the block's name ("NoteTitle", "NoteMasthead", ...).

// noteStyleID is the paragraph style of a block kind.
func noteStyleID(kind string) string {
	switch kind {
	case house.BlockLetterhead:
		return "Letterhead"
	case house.BlockNumber:
		return "NoteNumber"
	case house.BlockBody:
		return "NoteBody"
	case house.BlockPlaceDate:
		return "PlaceDate"
	case house.BlockEnclosure:
		return "Enclosure"
	case house.BlockAddressee:
		return "Addressee"
	case "heading":
		return "AnnexHeading"
	}
	id := "Note"
	for part := range strings.SplitSeq(kind, "-") {
		id += strings.ToUpper(part[:1]) + part[1:]
	}
	return id
}

// noteStyleName is a style's name as Word shows it.
func noteStyleName(kind string) string {
	switch kind {
	case house.BlockPlaceDate:
		return "Place Date"
	case "heading":
		return "Annex Heading"
	}
	id := noteStyleID(kind)
	var b strings.Builder
	for i, r := range id {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pointTwips converts millimetres to twips in whole points' twentieths,
// as spacing is given.
func pointTwips(mm float64) int { return int(math.Round(mm / house.PointMM * 20)) }

// noteStyles returns the paragraph styles of form's blocks in a page of
// text width textW (mm), the style's leading lead (mm) and body size.
func noteStyles(form *house.Correspondence, st *house.Style, textW float64) []styleDef {
	var out []styleDef
	add := func(b *house.Block, kind string) {
		p, r := blockProps(b, st, textW, form)
		out = append(out, para(noteStyleID(kind), noteStyleName(kind), p, r))
	}
	for _, b := range form.Blocks {
		add(b, b.Kind)
		if b.Heading != nil {
			add(b.Heading, "heading")
		}
	}
	// The first paragraph of an edition leaves the form's room above it:
	// a style of its own ("Letterhead Top"), based on its block's.
	if first := firstFlow(form); first != nil && first.Kind != house.BlockMasthead {
		p, _ := blockProps(first, st, textW, form)
		top := para(noteStyleID(first.Kind)+"Top", noteStyleName(first.Kind)+" Top",
			paraProps{Spacing: &spacing{Before: pointTwips(form.FirstPageTop), After: p.Spacing.After, Line: p.Spacing.Line}}, runProps{})
		top.BasedOn, top.Next = noteStyleID(first.Kind), noteStyleID(first.Kind)
		out = append(out, top)
	}
	return out
}

// firstFlow is the form's first flowing block, nil for none.
func firstFlow(form *house.Correspondence) *house.Block {
	for _, b := range form.Blocks {
		if !b.Foot {
			return b
		}
	}
	return nil
}

// keptWithNext tells whether a lines block keeps with the paragraph after
// it: those before the body (a letterhead, a title, a number, a
// salutation) and the complimentary close.
func keptWithNext(b *house.Block, form *house.Correspondence) bool {
	if b.Foot {
		return false
	}
	if b.Kind == house.BlockClosing {
		return true
	}
	for _, o := range form.Blocks {
		if o == b {
			return true
		}
		if o.Kind == house.BlockBody || o.Kind == house.BlockAnnex {
			return false
		}
	}
	return false
}

// blockProps are the paragraph and run properties of a block.
func blockProps(b *house.Block, st *house.Style, textW float64, form *house.Correspondence) (paraProps, runProps) {
	p := paraProps{Spacing: &spacing{Before: pointTwips(b.Before), After: pointTwips(b.After)}}
	lead := st.Leading
	if b.Size > 0 {
		lead = st.Leading * b.Size / st.BodySize
	}
	if b.Leading > 0 {
		lead = b.Leading
	}
	if l := int(math.Round(240 * lead / (st.Leading * max(b.Size, st.BodySize) / st.BodySize))); l != 240 {
		p.Spacing.Line = l
	}
	switch b.Kind {
	case house.BlockBody, house.BlockAnnex:
		p.Spacing.After = pointTwips(b.Gap)
		p.WidowControl = new(form.Orphans >= 2 || form.Widows >= 2)
	default:
		p.KeepLines = true
		p.KeepNext = keptWithNext(b, form)
	}
	x, w := b.Column(textW)
	if x > 0 || w < textW-1e-6 || b.Indent > 0 {
		p.Ind = &indent{Left: twips(x), FirstLine: twips(b.Indent), Right: twips(textW - x - w)}
	}
	p.Jc = map[string]string{"left": "left", "center": "center", "right": "right", "justify": "both"}[b.Align]
	var r runProps
	r.Bold = strings.Contains(b.Face, "bold")
	r.Italic = strings.Contains(b.Face, "italic")
	if b.Size > 0 {
		r.Size = int(math.Round(b.Size * 2))
	}
	return p, r
}
