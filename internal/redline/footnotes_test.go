package redline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/text"
	"testing/fstest"
)

// footnotesFS is a copy of the test memorandum with footnotes.
func footnotesFS(t *testing.T) fstest.MapFS { return projecttest.Copy(t, "../../testdata/footnotes") }

func assembleMemo(t *testing.T, fsys fstest.MapFS) *model.Document {
	t.Helper()
	return assembleDocument(t, fsys, "memo")
}

// TestFootnoteChangeIsMarked changes the words of a footnote: the redline
// names the unit that cites it and marks the words in the text redline.
func TestFootnoteChangeIsMarked(t *testing.T) {
	old := assembleMemo(t, footnotesFS(t))
	changed := footnotesFS(t)
	edit(t, changed, "clauses/memo/01-general.yaml", "{fn:The plan is in", "{fn:The work plan is in")
	d := compare(t, old, assembleMemo(t, changed))
	want := []Change{{Kind: Changed, Address: "general.aim", OldNumber: "1.1", NewNumber: "1.1"}}
	if len(d.Changes) != 1 || d.Changes[0] != want[0] {
		t.Fatalf("changes %+v, want %+v", d.Changes, want)
	}
	m, err := MarkedFor(d, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var txt bytes.Buffer
	if err := text.WriteRedline(&txt, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "[*The {+work+} plan is in") {
		t.Errorf("the text redline does not mark the footnote's new word:\n%s", txt.String())
	}
}

// TestFootnoteReferenceRenumbers: a footnote citing a unit follows it
// when a paragraph inserted before it renumbers it.
func TestFootnoteReferenceRenumbers(t *testing.T) {
	note := func(fsys fstest.MapFS) string {
		doc := assembleMemo(t, fsys)
		in, err := lower.Lower(doc, english(t), lower.Copy{})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Footnotes) != 2 {
			t.Fatalf("%d footnotes, want 2", len(in.Footnotes))
		}
		return model.PlainText(in.Footnotes[1].Note.Runs)
	}
	if got := note(footnotesFS(t)); got != "The plan is in sub-paragraph\u00a02.2." {
		t.Fatalf("footnote 2 reads %q", got)
	}
	moved := footnotesFS(t)
	edit(t, moved, "clauses/memo/02-work.yaml", "  - id: work.plan", "  - id: work.venue\n    text: {en: Venue., ru: Место., kk: Орны.}\n  - id: work.plan")
	if got := note(moved); got != "The plan is in sub-paragraph\u00a02.3." {
		t.Errorf("after an insertion footnote 2 reads %q, want sub-paragraph 2.3", got)
	}
}
