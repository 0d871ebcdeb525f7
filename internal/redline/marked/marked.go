// Package marked is a redline in the form its DOCX and PDF writers take:
// paragraphs of text spans, each kept, deleted or inserted, with the
// paragraph's label and depth, and a summary of the changes for the end of
// the document. Package redline builds it from a comparison; the writers
// in internal/render/docx and internal/render/pdf lay it out. It is kept
// apart from package redline so that the writers need not import the
// comparison (which would close an import cycle through internal/build).
package marked

import (
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/model"
)

// Mark says whether a piece of text is in both versions, only the old one
// or only the new one.
type Mark uint8

// The marks of a Span or a Para.
const (
	Kept Mark = iota
	Deleted
	Inserted
)

// Style is the character style of a span.
type Style uint8

// The styles of a Span.
const (
	Plain Style = iota
	Emphasis
	Strong
)

// Span is a stretch of a paragraph's text in one mark and one style.
// White space between words is part of the spans: the kept and deleted
// spans read in order give the old text, the kept and inserted ones the
// new text.
type Span struct {
	Text  string
	Mark  Mark
	Style Style
}

// Para is one paragraph of the redline.
type Para struct {
	// Label is the unit's number shown before its text ("10.2", "iii.");
	// "" for none. It is in the paragraph's Mark: a renumbered unit shows
	// its new label, kept.
	Label string
	// OldLabel is the unit's label in the old version ("" for a unit
	// added whole or one without a label), so that a writer numbering
	// paragraphs itself can check both versions.
	OldLabel string
	// Depth is -1 for front and end matter, 0 for a section heading, 1 for
	// a paragraph, 2 and more for items.
	Depth int
	// Title marks a line of the title block.
	Title bool
	// Mark is Deleted for a unit removed whole, Inserted for one added
	// whole, Kept otherwise (its spans say what changed in it).
	Mark  Mark
	Spans []Span
}

// Summary lists the changes by unit at the end of the redline.
type Summary struct {
	Heading string   // "Summary of changes"
	Lines   []string // paragraphs before the table
	// Table has a header row and a row per change; nil for none.
	Table [][]string
}

// Doc is a redline of one document in one language.
type Doc struct {
	Title string // for the file's metadata
	Lang  string // language tag of the text ("en")
	// Author and Date are who and when the changes are attributed to
	// (Word's tracked changes carry both).
	Author string
	Date   time.Time
	// Marking heads every page ("REDLINE" in the redline's language).
	Marking string
	// Numbering is the new version's numbering (its schemes), for writers
	// that number the paragraphs as the document does (DOCX lists); nil
	// when unknown.
	Numbering *model.Numbering
	Paras     []Para
	Summary   Summary
}

// Text returns the paragraph's text in one version: the old one (kept and
// deleted spans) or, when new is true, the new one (kept and inserted).
func (p *Para) Text(new bool) string {
	hide := Inserted
	if new {
		hide = Deleted
	}
	var b strings.Builder
	for _, sp := range p.Spans {
		if sp.Mark != hide {
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// ColumnShares gives each column of rows its share (0 to 1, summing to 1)
// of the table's width, in proportion to its longest cell counted in
// characters, and at least minChars characters.
func ColumnShares(rows [][]string, minChars int) []float64 {
	var longest []int
	for _, row := range rows {
		for c, cell := range row {
			if c == len(longest) {
				longest = append(longest, minChars)
			}
			longest[c] = max(longest[c], len([]rune(cell)))
		}
	}
	total := 0
	for _, n := range longest {
		total += n
	}
	shares := make([]float64, len(longest))
	for c, n := range longest {
		shares[c] = float64(n) / float64(total)
	}
	return shares
}
