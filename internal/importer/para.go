package importer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/lazyre"
)

// Span is a stretch of a paragraph's text with one formatting.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
	// Note, when not nil, makes the span a footnote mark (with no Text):
	// the note's own text.
	Note []Span
}

// isNote reports whether the span is a footnote mark.
func (s Span) isNote() bool { return s.Note != nil }

// Para is one paragraph of the draft as read, before its role is known.
type Para struct {
	Where string // "draft.docx: paragraph 12" or "draft.txt:34:1"
	Label string // the number Word shows before it; typed numbers stay in the text
	Spans []Span
	// Table, Row and Cell place a paragraph inside a table (1-based; 0
	// outside tables).
	Table, Row, Cell int
	Bookmarks        []string
	// Bullet marks an item of a bullet list: Word's bullet numbering, or
	// a text line opening with "- " or "• "; BulletChar is the character
	// it prints ("" when Word gives none) and Level its list level (Word's
	// ilvl, or the line's indent in text).
	Bullet     bool
	BulletChar string
	Level      int
	// Left is what the reader could not place at this paragraph (a
	// footnote mark without its note, a note nothing cites), for the
	// report's "not placed".
	Left []Note
}

// Text is the paragraph's plain text.
func (p *Para) Text() string {
	var b strings.Builder
	for _, s := range p.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// ReadDOCX reads the paragraphs of a DOCX as they read after its tracked
// changes; name is the file name used in positions.
func ReadDOCX(name string, data []byte) ([]*Para, error) {
	doc, err := docxread.Read(data, docxread.DefaultLimits())
	if err != nil {
		return nil, err
	}
	return FromDOCX(name, doc), nil
}

// FromDOCX converts paragraphs read from a DOCX, as they read after its
// tracked changes. Empty paragraphs are dropped.
func FromDOCX(name string, doc *docxread.Document) []*Para {
	var out []*Para
	for _, dp := range doc.Paragraphs {
		if dp.Mark == docxread.Deleted || dp.Mark == docxread.MovedFrom {
			if strings.TrimSpace(dp.Text()) == "" {
				continue
			}
		}
		p := &Para{Where: fmt.Sprintf("%s: paragraph %d", name, dp.Index), Label: dp.Label,
			Table: dp.Table, Row: dp.Row, Cell: dp.Cell, Bookmarks: dp.Bookmark, Bullet: dp.Bullet, Level: dp.Level}
		if dp.Bullet {
			p.BulletChar = dp.Label
		}
		p.Spans = docxSpans(dp.Runs)
		// A trailer Word does not number ("4" then ":" and a tab) joins
		// the label.
		if p.Label != "" {
			if t := p.Text(); len(t) > 0 {
				if i := strings.IndexByte(t, '\t'); i >= 0 && i <= 2 && strings.TrimFunc(t[:i], unicode.IsPunct) == "" {
					p.Label += t[:i]
					trimPrefix(p, i+1)
				}
			}
		}
		trimSpans(p)
		if p.Text() == "" && p.Label == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// docxSpans turns the runs of a DOCX paragraph, as they read after its
// tracked changes, into spans; a footnote reference becomes a note span
// holding the footnote's text.
func docxSpans(runs []docxread.Run) []Span {
	var out []Span
	for _, r := range runs {
		if !r.Change.New() {
			continue
		}
		if r.Footnote != nil {
			note := &Para{Spans: docxSpans(r.Footnote.Runs)}
			trimSpans(note)
			if note.Spans == nil {
				note.Spans = []Span{}
			}
			out = append(out, Span{Note: note.Spans})
			continue
		}
		text := strings.ReplaceAll(r.Text, "\u00ad", "")
		text = strings.ReplaceAll(text, "\u2011", "-")
		appendSpan(&out, Span{Text: text, Bold: r.Bold, Italic: r.Italic})
	}
	return out
}

// appendSpan adds s to spans, joined to the last span when both are text
// with the same formatting; empty text is dropped, a note mark is kept.
func appendSpan(spans *[]Span, s Span) {
	if s.isNote() {
		*spans = append(*spans, s)
		return
	}
	if s.Text == "" {
		return
	}
	if n := len(*spans); n > 0 && !(*spans)[n-1].isNote() && (*spans)[n-1].Bold == s.Bold && (*spans)[n-1].Italic == s.Italic {
		(*spans)[n-1].Text += s.Text
		return
	}
	*spans = append(*spans, s)
}

// trimPrefix drops the first n bytes of the paragraph's text.
func trimPrefix(p *Para, n int) {
	for n > 0 && len(p.Spans) > 0 {
		if len(p.Spans[0].Text) <= n {
			n -= len(p.Spans[0].Text)
			p.Spans = p.Spans[1:]
			continue
		}
		p.Spans[0].Text = p.Spans[0].Text[n:]
		n = 0
	}
}

// trimSpans trims white space at both ends, turns tabs and line breaks
// inside into spaces and folds runs of spaces.
func trimSpans(p *Para) {
	var out []Span
	for _, s := range p.Spans {
		s.Text = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s.Text)
		appendSpan(&out, s)
	}
	// fold double spaces across spans
	prevSpace := true
	for i := range out {
		var b strings.Builder
		for _, r := range out[i].Text {
			if r == ' ' {
				if prevSpace {
					continue
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			b.WriteRune(r)
		}
		out[i].Text = b.String()
	}
	// Trim the end: the last text span, and the text before the note
	// marks that close the paragraph ("Note{fn:…}").
	end := len(out)
	for end > 0 && out[end-1].isNote() {
		end--
	}
	for end > 0 && strings.TrimSpace(out[end-1].Text) == "" {
		out = append(out[:end-1], out[end:]...)
		end--
		for end > 0 && out[end-1].isNote() {
			end--
		}
	}
	if end > 0 {
		out[end-1].Text = strings.TrimRight(out[end-1].Text, " ")
	}
	var kept []Span
	for _, s := range out {
		if s.Text != "" || s.isNote() {
			kept = append(kept, s)
		}
	}
	p.Spans = kept
}

var (
	mdBold   = lazyre.New(`\*\*([^*]+)\*\*|<b>(.*?)</b>`)
	mdItalic = lazyre.New(`\*([^*]+)\*|<i>(.*?)</i>`)
)

// ReadText reads a plain-text or Markdown draft: one paragraph per line
// (heading marks dropped; a line opening with "- ", "• ", "– ", "* " or
// "+ " is a bullet, its indent its level), a line that goes on with a
// small letter after a line without a closing stop joined to it (a page
// break in the middle of a sentence), and Markdown tables as tables.
// Labelled fields before the first section ("Event:   value", see
// textFields) are read as a table of two columns, as Word's are, and the
// footnotes after a rule at the end ("[1] text", see textNotes), or in
// Markdown's form ("[^1]" and "[^1]: text", see mdNotes), become note
// spans at their marks.
func ReadText(name string, data []byte) ([]*Para, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	lines, notes, form := draftNotes(name, text, strings.Split(text, "\n"))
	fields := textFields(lines)
	var out []*Para
	table, row := 0, 0
	inTable := false
	blank := false
	for i, line := range lines {
		lineNo := i + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			blank = true
			if inTable {
				inTable = false
			}
			continue
		}
		if f, ok := fields[i]; ok {
			inTable, blank = false, false
			if f.start {
				table, row = table+1, 0
			}
			if f.label != "" {
				row++
				p := &Para{Where: fmt.Sprintf("%s:%d:1", name, lineNo), Table: table, Row: row, Cell: 1, Spans: inlineSpans(f.label)}
				trimSpans(p)
				out = append(out, p)
			}
			p := &Para{Where: fmt.Sprintf("%s:%d:%d", name, lineNo, f.col), Table: table, Row: row, Cell: 2, Spans: inlineSpans(f.value)}
			trimSpans(p)
			out = append(out, p)
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			if !inTable {
				inTable, table, row = true, table+1, 0
			}
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			if isSeparatorRow(cells) {
				continue
			}
			row++
			for c, cell := range cells {
				p := &Para{Where: fmt.Sprintf("%s:%d:%d", name, lineNo, 1), Table: table, Row: row, Cell: c + 1}
				p.Spans = inlineSpans(strings.TrimSpace(cell))
				trimSpans(p)
				if p.Text() != "" {
					out = append(out, p)
				}
			}
			continue
		}
		inTable = false
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		char, body, bullet := bulletMarker(trimmed)
		body = strings.TrimLeft(body, "#")
		body = strings.TrimSpace(body)
		// Bold opened on one line and closed on another: drop the marks.
		if strings.Count(body, "**")%2 == 1 {
			body = strings.Replace(body, "**", "", 1)
		}
		spans := inlineSpans(body)
		if n := len(out); n > 0 && blank && !bullet && out[n-1].Table == 0 && continues(out[n-1].Text(), body) {
			last := out[n-1]
			appendSpan(&last.Spans, Span{Text: " "})
			for _, s := range spans {
				appendSpan(&last.Spans, s)
			}
			trimSpans(last)
			blank = false
			continue
		}
		blank = false
		p := &Para{Where: fmt.Sprintf("%s:%d:%d", name, lineNo, col), Spans: spans,
			Bullet: bullet, BulletChar: char, Level: indent(line)}
		trimSpans(p)
		if p.Text() != "" {
			out = append(out, p)
		}
	}
	placeNotes(out, notes, form)
	return out, nil
}

// indent is the width of a line's leading white space, a tab counting
// four.
func indent(line string) int {
	n := 0
	for _, r := range line {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// continues reports whether next goes on with the sentence prev left open:
// prev ends without a stop and next starts with a small letter.
func continues(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" || next == "" {
		return false
	}
	last := []rune(prev)[len([]rune(prev))-1]
	if strings.ContainsRune(".;:!?", last) {
		return false
	}
	first := []rune(next)[0]
	return unicode.IsLower(first)
}

func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(strings.TrimSpace(c), "-:") != "" {
			return false
		}
	}
	return true
}

// inlineSpans reads **bold**, *italic*, <b>, <i> marks of a text line.
func inlineSpans(s string) []Span {
	var out []Span
	for s != "" {
		bi := mdBold().FindStringSubmatchIndex(s)
		ii := mdItalic().FindStringSubmatchIndex(s)
		switch {
		case bi != nil && (ii == nil || bi[0] <= ii[0]):
			appendSpan(&out, Span{Text: s[:bi[0]]})
			inner := firstGroup(s, bi)
			for _, in := range inlineSpans(inner) {
				in.Bold = true
				appendSpan(&out, in)
			}
			s = s[bi[1]:]
		case ii != nil:
			appendSpan(&out, Span{Text: s[:ii[0]]})
			appendSpan(&out, Span{Text: firstGroup(s, ii), Italic: true})
			s = s[ii[1]:]
		default:
			appendSpan(&out, Span{Text: s})
			s = ""
		}
	}
	return out
}

func firstGroup(s string, m []int) string {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			return s[m[g]:m[g+1]]
		}
	}
	return ""
}
