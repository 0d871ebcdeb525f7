package text

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/style"
)

// WriteNote writes a note rendered by package note, page by page as it is
// printed: its flowing blocks in order (the letterhead, a masthead's two
// columns side by side, the title, the number, the paragraphs, the place
// and date, ...), with the foot of the first page (the enclosure line,
// the addressee block, a job number) where that page ends and a form feed
// before each further page. A paragraph that runs on to the next page is
// cut where the page ends, as in the printed copy. An edition without
// page breaks ends with its foot. Inline markup is dropped. Several
// editions make a multilingual copy: each edition in full, in the order
// given, separated by a form feed. breaks gives each edition's page
// breaks, in reading order (see pdf.NoteLayout).
func WriteNote(w io.Writer, eds []*model.NoteEdition, breaks [][]model.NoteBreak) error {
	if len(eds) == 0 {
		return errors.New("text: no note edition to write")
	}
	bw := bufio.NewWriter(w)
	for i, ed := range eds {
		if ed == nil {
			return errors.New("text: nil note edition")
		}
		if i > 0 {
			bw.WriteString("\f\n")
		}
		tw := &writer{w: bw}
		var edBreaks []model.NoteBreak
		if i < len(breaks) {
			edBreaks = breaks[i]
		}
		tw.note(ed, edBreaks)
	}
	return bw.Flush()
}

func (tw *writer) note(ed *model.NoteEdition, breaks []model.NoteBreak) {
	footDone := false
	// next returns the next break when it is at item k of block bi;
	// breaks behind the place are dropped.
	next := func(bi, k int) *model.NoteBreak {
		for len(breaks) > 0 && (breaks[0].Block < bi || breaks[0].Block == bi && breaks[0].Para < k) {
			breaks = breaks[1:]
		}
		if len(breaks) == 0 || breaks[0].Block != bi || breaks[0].Para != k {
			return nil
		}
		return &breaks[0]
	}
	// pageBreak ends the page: the foot on the first page, then a form
	// feed.
	pageBreak := func() {
		if !footDone {
			tw.foot(ed)
			footDone = true
		}
		tw.w.WriteString("\f\n")
		tw.started = false
		breaks = breaks[1:]
	}
	for _, bi := range ed.Flow() {
		b := &ed.Blocks[bi]
		if b.Kind == style.BlockMasthead {
			if next(bi, 0) != nil {
				pageBreak()
			}
			tw.block(0, masthead(b)...)
			continue
		}
		var group []string
		k := 0
		for _, line := range b.Lines {
			if next(bi, k) != nil {
				if len(group) > 0 {
					tw.block(0, group...)
					group = nil
				}
				pageBreak()
			}
			group = append(group, line.String())
			k++
		}
		if len(group) > 0 {
			tw.block(0, group...)
		}
		for _, para := range b.Paras {
			p := para.String()
			done := 0
			for br := next(bi, k); br != nil; br = next(bi, k) {
				cut := min(max(br.Offset, done), len(p))
				if head := strings.TrimSpace(p[done:cut]); head != "" {
					tw.block(0, head)
				}
				done = cut
				pageBreak()
			}
			if rest := strings.TrimSpace(p[done:]); rest != "" {
				tw.block(0, rest)
			}
			k++
		}
	}
	if !footDone {
		tw.foot(ed)
	}
}

// foot writes the blocks of the foot of the first page.
func (tw *writer) foot(ed *model.NoteEdition) {
	for _, b := range ed.Feet() {
		var lines []string
		for _, l := range b.Lines {
			lines = append(lines, l.String())
		}
		if len(lines) > 0 {
			tw.block(0, lines...)
		}
		for _, p := range b.Paras {
			tw.block(0, p.String())
		}
	}
}

// masthead sets a masthead's columns side by side, the right one starting
// two spaces after the longest left line.
func masthead(b *model.NoteBlock) []string {
	width := 0
	for _, l := range b.Lines {
		width = max(width, utf8.RuneCountInString(l.String()))
	}
	var out []string
	for i := 0; i < max(len(b.Lines), len(b.Right)); i++ {
		left, right := "", ""
		if i < len(b.Lines) {
			left = b.Lines[i].String()
		}
		if i < len(b.Right) {
			right = b.Right[i].String()
		}
		if right == "" {
			out = append(out, left)
			continue
		}
		out = append(out, left+strings.Repeat(" ", width+2-utf8.RuneCountInString(left))+right)
	}
	return out
}
