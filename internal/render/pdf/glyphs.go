package pdf

import (
	"fmt"
	house "github.com/chancery-dev/chancery/internal/style"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// glyphHint says what to do about a missing glyph.
const glyphHint = "the PDF is set in " + fonts.Family + ", which has Latin, Greek and Cyrillic letters " +
	"(Russian and Kazakh included) and common punctuation; replace the character or spell it out"

// CheckGlyphs lowers doc in language l (its first copy) and checks it
// with CheckInstrument. A text missing in l is left to rendering to report.
func CheckGlyphs(doc *model.Document, l *lang.Language) diag.List {
	in, err := lower.Lower(doc, l, lower.Copies(doc)[0])
	if err != nil {
		return nil
	}
	return CheckInstrument(in, l, nil)
}

// CheckInstrument reports every character of in that the fonts of style
// st (nil: the built-in Liberation Serif) cannot
// print: in the texts of its blocks (resolved references and placeholders
// included), unit labels, and the words of the language data the PDF
// prints (the marking, page numbers, signature lines). Each occurrence is
// an error at its position in the source: the character's own column when
// the text was a single-line scalar, else the scalar's position. Words of
// the language data are reported at the document, references at the
// reference. Two approximations remain: YAML escapes ("\u2603") count as
// one column, and a block scalar whose value is a single line (">-") is
// taken for a flow scalar, its columns counted from the indicator.
func CheckInstrument(in *lower.Instrument, l *lang.Language, st *house.Style) diag.List {
	var diags diag.List
	var docPos diag.Pos
	if in.Source != nil {
		docPos = in.Source.Pos
	}
	faces, err := loadFaces(st)
	if err != nil {
		diags.Errorf(docPos, "internal", "fonts: %v", err)
		return diags
	}
	c := &glyphChecker{faces: faces, diags: &diags}
	tag := l.Tag()
	text := func(loc *model.Localized) {
		if loc != nil {
			c.runs(loc, loc.Runs)
		}
	}
	atDoc := func(int) diag.Pos { return docPos }
	word := func(w string) { c.str(w, atDoc, "the word %q of the "+tag+" language data") }
	for _, b := range in.Blocks {
		switch b := b.(type) {
		case *lower.Marking:
			word(b.Text)
		case *lower.TitleLine:
			text(b.Text)
		case *lower.Party:
			text(b.Intro)
			text(b.Text)
		case *lower.Joiner:
			text(b.Text)
		case *lower.PartiesOutro:
			text(b.Text)
		case *lower.Recital:
			text(b.Lead)
			text(b.Text)
		case *lower.Transition:
			text(b.Text)
		case *lower.Unit:
			text(b.Text)
			pos := docPos
			if b.Unit != nil {
				pos = b.Unit.Pos
			}
			c.str(b.Label, func(int) diag.Pos { return pos }, "the label %q of unit "+b.ID)
		case *lower.Closing:
			text(b.Text)
		case *lower.Signatures:
			for _, p := range b.Parties {
				text(p.For)
				text(p.Name)
				text(p.Office)
			}
			for _, w := range b.Lines {
				word(w)
			}
		}
	}
	if w, err := l.Word("page-of"); err == nil {
		word(strings.NewReplacer("{page}", "0123456789", "{total}", "").Replace(w))
	}
	diags.Sort()
	return diags
}

type glyphChecker struct {
	faces *fonts.Set
	diags *diag.List
}

// report adds the diagnostic for r at pos; what, when not empty, says
// where the character comes from.
func (c *glyphChecker) report(pos diag.Pos, r rune, face string, what string) {
	msg := fmt.Sprintf("character %s is not in the font %s", describeRune(r), face)
	if what != "" {
		msg += " (in " + what + ")"
	}
	d := c.diags.Errorf(pos, "missing-glyph", "%s", msg)
	d.Hint = glyphHint
}

// missing returns the face that lacks r, or "" when all have it. Line
// breaks and tabs are never printed.
func (c *glyphChecker) missing(r rune) string {
	if r == '\n' || r == '\t' || r == '\r' {
		return ""
	}
	if f := c.faces.Lacking(r); f != nil {
		if f == c.faces.Face(fonts.Regular) {
			return f.Family()
		}
		return f.FullName()
	}
	return ""
}

// str checks a string printed as is; pos maps a rune index to a position
// and what, a format with one %q for the string or "", says where the
// string comes from.
func (c *glyphChecker) str(s string, pos func(int) diag.Pos, what string) {
	if what != "" {
		what = fmt.Sprintf(what, s)
	}
	i := 0
	for _, r := range s {
		if face := c.missing(r); face != "" {
			c.report(pos(i), r, face, what)
		}
		i++
	}
}

// runs checks the inline runs of a localized text.
func (c *glyphChecker) runs(loc *model.Localized, runs []model.Inline) {
	exact := !strings.Contains(loc.Raw, "\n")
	for _, run := range runs {
		switch run := run.(type) {
		case *model.Plain:
			c.plain(loc, run, exact)
		case *model.Emphasis:
			c.runs(loc, run.Runs)
		case *model.Strong:
			c.runs(loc, run.Runs)
		case *model.Link:
			c.runs(loc, run.Runs)
		case *model.Footnote:
			c.runs(loc, run.Runs)
		case *model.Ref:
			c.str(run.Resolved, func(int) diag.Pos { return orPos(run.Pos, loc.Pos) }, "the reference text %q")
		case *model.Placeholder:
			c.str(run.Name, func(i int) diag.Pos {
				p := orPos(run.Pos, loc.Pos)
				if exact && run.Pos.Col > 0 {
					p.Col += len("{fill:") + i
				}
				return p
			}, "")
		}
	}
}

// plain checks literal text. Its position is exact at the run's start;
// each character further on adds one column, two for the characters that
// the source must escape with a backslash (* and {).
func (c *glyphChecker) plain(loc *model.Localized, run *model.Plain, exact bool) {
	col := 0
	for _, r := range run.Text {
		if face := c.missing(r); face != "" {
			p := loc.Pos
			if exact && run.Pos.File != "" && run.Pos.Col > 0 {
				p = run.Pos
				p.Col += col
			}
			c.report(p, r, face, "")
		}
		col++
		if r == '*' || r == '{' {
			col++
		}
	}
}

func orPos(p, fallback diag.Pos) diag.Pos {
	if p.File == "" {
		return fallback
	}
	return p
}

// describeRune names a character for a message: "U+2603 ☃", or the code
// point alone when the character is invisible.
func describeRune(r rune) string {
	if !utf8.ValidRune(r) || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %c", r, r)
}
