package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// noted gives box i (from 1) of b a footnote of n lines named name1 ...
func noted(b block, i int, name string, n int) block {
	fn := &footnote{note: &model.Footnote{}}
	for k := range n {
		fn.lines = append(fn.lines, box{h: footnoteLeading, ops: []op{{s: fmt.Sprintf("%s%d", name, k+1)}}})
	}
	b.boxes[i-1].notes = append(b.boxes[i-1].notes, fn)
	return b
}

// pageOf returns the page (from 1) that holds the box named name, 0 when
// none does.
func pageOf(pages []page, name string) int {
	for i, row := range pageRows(pages) {
		if slices.Contains(strings.Fields(row), name) {
			return i + 1
		}
	}
	return 0
}

// TestFootnoteMovesWithItsLine: a footnote cited on the last line of a
// full page does not fit under it, so the line goes to the next page with
// its note (and the line before it, so as not to leave a widow).
func TestFootnoteMovesWithItsLine(t *testing.T) {
	full := linesPerPage()
	b := noted(lines("a", full+4), full, "n", 3)
	pages := paginate([]block{b}, geometryOf(nil))
	last := fmt.Sprintf("a%d", full)
	if p := pageOf(pages, last); p != 2 {
		t.Fatalf("the citing line %s is on page %d, want 2\n%q", last, p, pageRows(pages))
	}
	for _, n := range []string{"n1", "n2", "n3"} {
		if p := pageOf(pages, n); p != 2 {
			t.Errorf("footnote line %s is on page %d, want 2 with its line", n, p)
		}
	}
	// Page 1 is shorter than full by the lines that moved, and carries no
	// footnote rule.
	if got := strings.Fields(pageRows(pages)[0]); len(got) >= full || slices.Contains(got, "n1") {
		t.Errorf("page 1: %v", got)
	}
	// On page 2 the notes sit at the foot: after every line of text, under
	// the rule, at the bottom of the text area.
	p2 := pages[1]
	lastNote := p2[len(p2)-1]
	if lastNote.b.ops[0].s != "n3" || lastNote.y+lastNote.b.h < builtin().textBottom-1e-6 || lastNote.y+lastNote.b.h > builtin().textBottom+1e-6 {
		t.Errorf("the last footnote line is %q at %.2f mm (height %.2f), want n3 ending at %.2f", lastNote.b.ops[0].s, lastNote.y, lastNote.b.h, builtin().textBottom)
	}
	rule := p2[len(p2)-4]
	if !rule.b.ops[0].rule {
		t.Errorf("no rule above the footnotes on page 2: %+v", rule.b.ops)
	}
}

// TestLongFootnoteContinues: a footnote longer than the room left on its
// page starts under its line and continues at the foot of the next page,
// before the text goes on there.
func TestLongFootnoteContinues(t *testing.T) {
	full := linesPerPage()
	long := full + 10 // more footnote lines than a page holds
	b := noted(lines("a", 10), 3, "n", long)
	pages := paginate([]block{b}, geometryOf(nil))
	if p := pageOf(pages, "a3"); p != 1 {
		t.Fatalf("the citing line is on page %d\n%q", p, pageRows(pages))
	}
	if p := pageOf(pages, "n1"); p != 1 {
		t.Errorf("the footnote starts on page %d, want 1 under its line", p)
	}
	lastLine := fmt.Sprintf("n%d", long)
	if p := pageOf(pages, lastLine); p != 2 {
		t.Errorf("the footnote ends on page %d, want 2\n%q", p, pageRows(pages))
	}
	// Every line of the note is printed once, in order.
	var notes []string
	for _, row := range pageRows(pages) {
		for _, n := range strings.Fields(row) {
			if strings.HasPrefix(n, "n") {
				notes = append(notes, n)
			}
		}
	}
	if len(notes) != long || notes[0] != "n1" || notes[long-1] != lastLine {
		t.Errorf("footnote lines %v", notes)
	}
	// The note fills the rest of page 1, so the paragraph goes on at the
	// top of page 2, above the note's continuation.
	if p := pageOf(pages, "a4"); p != 2 {
		t.Errorf("a4 is on page %d, want 2", p)
	}
	if rows := strings.Fields(pageRows(pages)[1]); rows[0] != "a4" {
		t.Errorf("page 2 starts with %q, want the text before the footnote's continuation", rows[0])
	}
}

// TestMovedLineTakesItsPageMark: with marks counted afresh on each page,
// a note whose line moves to the next page (its note does not fit under
// it) is marked as the first of that page, not by its place in the
// document; the notes after it follow on from it.
func TestMovedLineTakesItsPageMark(t *testing.T) {
	full := linesPerPage()
	b := noted(lines("a", full+4), 1, "p", 1)
	b = noted(b, full, "n", 3)
	b = noted(b, full+2, "q", 1)
	pages := paginate([]block{b}, geometryOf(nil))
	if p := pageOf(pages, fmt.Sprintf("a%d", full)); p != 2 {
		t.Fatalf("the citing line is on page %d, want 2 (moved with its note)\n%q", p, pageRows(pages))
	}
	first, moved, next := b.boxes[0].notes[0].note, b.boxes[full-1].notes[0].note, b.boxes[full+1].notes[0].note
	for _, tt := range []struct {
		notes             house.Footnotes
		first, moved, nxt string
	}{
		{house.Footnotes{Marks: house.SymbolMarks, Restart: house.RestartPage}, "*", "*", "†"},
		{house.Footnotes{Restart: house.RestartPage}, "1", "1", "2"},
	} {
		marks := pageFootnoteMarks(pages, tt.notes)
		if marks[first] != tt.first || marks[moved] != tt.moved || marks[next] != tt.nxt {
			t.Errorf("%+v: marks %q, %q, %q, want %q, %q, %q", tt.notes, marks[first], marks[moved], marks[next], tt.first, tt.moved, tt.nxt)
		}
	}
}
