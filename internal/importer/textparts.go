package importer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/lazyre"
)

var (
	noteRule = lazyre.New(`^_{5,}$`)
	noteLine = lazyre.New(`^\[(\d+)\]\s*(.*)$`)
	noteMark = lazyre.New(`\[(\d+)\]`)
)

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

// placeNotes turns each mark "[n]" in the paragraphs' text into a note
// span holding note n's text. A mark without its note stays as text and
// a note no mark cites is left out; both are noted on the paragraphs for
// the report's "not placed".
func placeNotes(ps []*Para, notes []*textNote) {
	if len(notes) == 0 || len(ps) == 0 {
		return
	}
	byNum := map[string]*textNote{}
	for _, n := range notes {
		if byNum[n.num] == nil {
			byNum[n.num] = n
			continue
		}
		ps[len(ps)-1].Left = append(ps[len(ps)-1].Left, Note{Where: n.where, What: "[" + n.num + "] " + n.text,
			Why: "a second footnote numbered " + n.num + "; its marks take the first, this one is left out"})
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
				m := noteMark().FindStringSubmatchIndex(rest)
				if m == nil {
					break
				}
				n := byNum[rest[m[2]:m[3]]]
				if n == nil {
					p.Left = append(p.Left, Note{Where: p.Where, What: rest[m[0]:m[1]],
						Why: "a footnote mark with no note of its number after the rule at the end; kept as text"})
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
			last.Left = append(last.Left, Note{Where: n.where, What: "[" + n.num + "] " + n.text,
				Why: "a footnote no mark [" + n.num + "] in the text cites; left out"})
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
