package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/lazyre"
)

var (
	noteRule   = lazyre.New(`^_{5,}$`)
	noteLine   = lazyre.New(`^\[(\d+)\]\s*(.*)$`)
	noteMark   = lazyre.New(`\[(\d+)\]`)
	mdNoteDef  = lazyre.New(`^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$`)
	mdNoteMark = lazyre.New(`\[\^([^\]\s]+)\]`)
)

// noteForm is how a text draft writes its footnotes: the marks in its
// text and the words the report names a mark and a note with.
type noteForm struct {
	mark   func() *regexp.Regexp // a mark, its number or label the first group
	open   string                // what opens a mark before its label: "[" or "[^"
	sep    string                // what goes between a note's mark and its text: " " or ": "
	named  string                // how a note is told apart: "numbered" or "labelled"
	noNote string                // why a mark without its note is kept as text
	bare   bool                  // marks are looked for even when the draft has no notes
}

// plainNoteForm is chancery's own text output's form: marks "[1]" and,
// after a rule at the end, notes "[1] text".
func plainNoteForm() noteForm {
	return noteForm{mark: noteMark, open: "[", sep: " ", named: "numbered",
		noNote: "a footnote mark with no note of its number after the rule at the end; kept as text"}
}

// mdNoteForm is Markdown's form: marks "[^1]" or "[^label]" and
// definitions "[^1]: text" anywhere in the draft.
func mdNoteForm() noteForm {
	return noteForm{mark: mdNoteMark, open: "[^", sep: ": ", named: "labelled", bare: true,
		noNote: "a footnote mark with no definition of its label in the draft; kept as text"}
}

// draftNotes splits the footnotes off a text draft's lines, in Markdown's
// form (see mdNotes) when the draft holds a mark "[^", otherwise in
// chancery's own (see textNotes). It returns the lines left, the notes and
// their form.
func draftNotes(name, text string, lines []string) ([]string, []*textNote, noteForm) {
	if strings.Contains(text, "[^") {
		lines, notes := mdNotes(name, lines)
		return lines, notes, mdNoteForm()
	}
	lines, notes := textNotes(name, lines)
	return lines, notes, plainNoteForm()
}

// mdNotes splits Markdown footnote definitions off a draft's lines: a
// line "[^label]: text" (indented by three spaces at most) and the lines
// indented by four spaces or a tab that follow it, blank lines between
// them included, which go on with its text. The definitions' lines are
// left blank, not removed, so that the other lines keep their numbers.
func mdNotes(name string, lines []string) ([]string, []*textNote) {
	out := make([]string, len(lines))
	copy(out, lines)
	var notes []*textNote
	for i := 0; i < len(out); i++ {
		m := mdNoteDef().FindStringSubmatch(out[i])
		if m == nil {
			continue
		}
		n := &textNote{num: m[1], text: strings.TrimSpace(m[2]), where: fmt.Sprintf("%s:%d:1", name, i+1)}
		notes = append(notes, n)
		out[i] = ""
		for j := i + 1; j < len(out); j++ {
			trimmed := strings.TrimSpace(out[j])
			if trimmed == "" {
				continue
			}
			if !strings.HasPrefix(out[j], "    ") && !strings.HasPrefix(out[j], "\t") {
				break
			}
			n.text = strings.TrimSpace(n.text + " " + trimmed)
			for k := i + 1; k <= j; k++ {
				out[k] = ""
			}
			i = j
		}
	}
	return out, notes
}

// textNote is a footnote read from the block after the rule at the end
// of a text draft: its number, its text and where it was read.
type textNote struct {
	num   string
	text  string
	where string
	cited bool
}

// textNotes splits the footnotes off a text draft's lines: after the last
// line of five or more underscores, lines "[n] text", each note going on
// over the lines that follow until the next "[m]". It returns the lines
// before the rule and the notes; when what follows the rule is not such
// notes, the lines are returned whole and no notes.
func textNotes(name string, lines []string) ([]string, []*textNote) {
	rule := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if noteRule().MatchString(strings.TrimSpace(lines[i])) {
			rule = i
			break
		}
	}
	if rule < 0 {
		return lines, nil
	}
	var notes []*textNote
	for i, line := range lines[rule+1:] {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if m := noteLine().FindStringSubmatch(trimmed); m != nil {
			notes = append(notes, &textNote{num: m[1], text: m[2], where: fmt.Sprintf("%s:%d:1", name, rule+i+2)})
			continue
		}
		if len(notes) == 0 {
			return lines, nil
		}
		last := notes[len(notes)-1]
		last.text = strings.TrimSpace(last.text + " " + trimmed)
	}
	if len(notes) == 0 {
		return lines, nil
	}
	return lines[:rule], notes
}

// placeNotes turns each mark "[n]" (in form's writing) in the paragraphs'
// text into a note span holding note n's text. A mark without its note
// stays as text, a note no mark cites is left out and so is a second note
// of one number; all are noted on the paragraphs for the report's "not
// placed".
func placeNotes(ps []*Para, notes []*textNote, form noteForm) {
	if len(notes) == 0 && !form.bare || len(ps) == 0 {
		return
	}
	byNum := map[string]*textNote{}
	for _, n := range notes {
		if byNum[n.num] == nil {
			byNum[n.num] = n
			continue
		}
		ps[len(ps)-1].Left = append(ps[len(ps)-1].Left, Note{Where: n.where, What: form.open + n.num + "]" + form.sep + n.text,
			Why: "a second footnote " + form.named + " " + n.num + "; its marks take the first, this one is left out"})
	}
	for _, p := range ps {
		var out []Span
		for _, s := range p.Spans {
			if s.isNote() {
				out = append(out, s)
				continue
			}
			rest := s.Text
			for rest != "" {
				m := form.mark().FindStringSubmatchIndex(rest)
				if m == nil {
					break
				}
				n := byNum[rest[m[2]:m[3]]]
				if n == nil {
					p.Left = append(p.Left, Note{Where: p.Where, What: rest[m[0]:m[1]],
						Why: form.noNote})
					appendSpan(&out, Span{Text: rest[:m[1]], Bold: s.Bold, Italic: s.Italic})
					rest = rest[m[1]:]
					continue
				}
				n.cited = true
				appendSpan(&out, Span{Text: rest[:m[0]], Bold: s.Bold, Italic: s.Italic})
				note := &Para{Spans: inlineSpans(n.text)}
				trimSpans(note)
				if note.Spans == nil {
					note.Spans = []Span{}
				}
				appendSpan(&out, Span{Note: note.Spans})
				rest = rest[m[1]:]
			}
			appendSpan(&out, Span{Text: rest, Bold: s.Bold, Italic: s.Italic})
		}
		p.Spans = out
		trimSpans(p)
	}
	last := ps[len(ps)-1]
	for _, n := range notes {
		if !n.cited && byNum[n.num] == n {
			last.Left = append(last.Left, Note{Where: n.where, What: form.open + n.num + "]" + form.sep + n.text,
				Why: "a footnote no mark " + form.open + n.num + "] in the text cites; left out"})
		}
	}
}

// textField is a line of a block of labelled fields in a text draft: a
// label and the start of its value, or (label "") a further line of the
// value above it.
type textField struct {
	start bool // the first line of its block
	label string
	value string
	col   int // where the value starts, in characters from 1
}

// fieldLine reads a line "Label:   value": a short label (see fieldLabel)
// opening with a letter and closed by a colon, then spaces or a tab, then
// the value. col is the value's column counted in characters from 0 and
// gap the white space before it.
func fieldLine(line string) (label, value string, col int, gap string, ok bool) {
	if line == "" || !unicode.IsLetter([]rune(line)[0]) {
		return "", "", 0, "", false
	}
	i := strings.IndexAny(line, ":：")
	if i < 0 {
		return "", "", 0, "", false
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	label, rest := line[:i+size], line[i+size:]
	value = strings.TrimLeft(rest, " \t")
	gap = rest[:len(rest)-len(value)]
	value = strings.TrimSpace(value)
	if gap == "" || value == "" || !fieldLabel(label) {
		return "", "", 0, "", false
	}
	return label, value, len([]rune(label)) + len([]rune(gap)), gap, true
}

// textFields finds the blocks of labelled fields before the first section
// of a text draft: consecutive lines "Label: value" whose values start at
// one column, or each after a tab, with lines indented to that column (or
// by a tab) going on with the value above them. A block of one line is
// taken only when its value is set off by a tab or by two spaces or more,
// so that a sentence with a colon stays a paragraph. It returns the lines
// of the blocks by index.
func textFields(lines []string) map[int]textField {
	stop := len(lines)
	for i, line := range lines {
		p := &Para{Spans: inlineSpans(strings.TrimSpace(line))}
		if lab, rest, ok, _ := labelOf(p); ok && isSectionLabel(lab) && headingLike(plainText(rest)) {
			stop = i
			break
		}
	}
	out := map[int]textField{}
	for i := 0; i < stop; {
		label, value, col, gap, ok := fieldLine(lines[i])
		if !ok {
			i++
			continue
		}
		tab := strings.Contains(gap, "\t")
		block := []textField{{start: true, label: label, value: value, col: col + 1}}
		j := i + 1
		for ; j < stop; j++ {
			if l, v, c, g, ok := fieldLine(lines[j]); ok && (tab && strings.Contains(g, "\t") || !tab && !strings.Contains(g, "\t") && c == col) {
				block = append(block, textField{label: l, value: v, col: c + 1})
				continue
			}
			value := strings.TrimSpace(lines[j])
			lead := lines[j][:len(lines[j])-len(strings.TrimLeft(lines[j], " \t"))]
			if value != "" && (tab && strings.HasPrefix(lead, "\t") || !tab && lead == strings.Repeat(" ", col)) {
				block = append(block, textField{value: value, col: len(lead) + 1})
				continue
			}
			break
		}
		if len(block) > 1 || tab || len(gap) > 1 {
			for k, f := range block {
				out[i+k] = f
			}
		}
		i = j
	}
	return out
}
