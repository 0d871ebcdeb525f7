package redline

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/text"
)

func TestWords(t *testing.T) {
	toks := func(s string) []Token {
		var out []Token
		for i, w := range strings.Fields(s) {
			out = append(out, Token{Key: w, Text: w, Space: i > 0})
		}
		return out
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "a b c", "a b c", "a b c"},
		{"one word replaced", "a period of five (5) years.", "a period of three (3) years.", "a period of [-five (5)-] {+three (3)+} years."},
		{"insertion", "a c", "a b c", "a {+b+} c"},
		{"deletion at the end", "a b c", "a b", "a b [-c-]"},
		{"all new", "", "x y", "{+x y+}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MarkedText(Words(toks(tt.old), toks(tt.new))); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReferenceRenumberingIsNotAWordingChange(t *testing.T) {
	old := []Token{{Key: "under", Text: "under"}, {Key: "{ref:x|}", Text: "paragraph 4", Space: true}}
	new := []Token{{Key: "under", Text: "under"}, {Key: "{ref:x|}", Text: "paragraph 5", Space: true}}
	ops := Words(old, new)
	if HasChanges(ops) || MarkedText(ops) != "under paragraph 5" {
		t.Errorf("ops = %q", MarkedText(ops))
	}
}

// repoRoot is the project holding the example.
const repoRoot = "../.."

func exampleFS(t *testing.T) fstest.MapFS { return projecttest.Copy(t, repoRoot) }

// instrument is the id of the example's instrument, the document its note
// encloses.
func instrument(t testing.TB) string {
	t.Helper()
	return projecttest.ReadExample(t, repoRoot).Enclosure
}

// instrumentFile is the path of a file of the example's instrument.
func instrumentFile(t testing.TB, name string) string {
	t.Helper()
	return "clauses/" + instrument(t) + "/" + name
}

// assemble assembles the example's instrument.
func assemble(t *testing.T, fsys fs.FS) *model.Document {
	t.Helper()
	return assembleDocument(t, fsys, instrument(t))
}

// assembleDocument assembles a project and returns its document id.
func assembleDocument(t *testing.T, fsys fs.FS, id string) *model.Document {
	t.Helper()
	res, diags := build.Assemble(fsys, build.Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	return res.Project.Document(id)
}

// The fictitious trilingual agreement (testdata/agreement) whose versions
// the tests of the comparison and of the writers compare.
const (
	agreementRoot = "../../testdata/agreement"
	agreementID   = "agr"
)

func agreementFS(t *testing.T) fstest.MapFS { return projecttest.Copy(t, agreementRoot) }

// agreementFile is the path of a file of the agreement.
func agreementFile(name string) string { return "clauses/" + agreementID + "/" + name }

func assembleAgreement(t *testing.T, fsys fs.FS) *model.Document {
	t.Helper()
	return assembleDocument(t, fsys, agreementID)
}

func edit(t *testing.T, fsys fstest.MapFS, file, from, to string) {
	t.Helper()
	projecttest.Edit(t, fsys, file, from, to)
}

func TestCompareOneWordChange(t *testing.T) {
	d := compareEdited(t, shorterTerm(t))
	want := []Change{{Kind: Changed, Address: "final.duration", OldNumber: "8.2", NewNumber: "8.2"}}
	if !slices.Equal(d.Changes, want) {
		t.Errorf("changes = %+v, want %+v", d.Changes, want)
	}
	var b strings.Builder
	m, err := MarkedFor(d, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	text.WriteRedline(&b, m)
	if !strings.Contains(b.String(), "\n8.2 This Agreement is concluded for a period of [-five (5)-] {+three (3)+} years and shall be automatically extended") {
		t.Errorf("redline lacks the change:\n%s", b.String())
	}
	if strings.Count(b.String(), "[-") != 1 || strings.Count(b.String(), "{+") != 1 {
		t.Errorf("redline marks more than the one change")
	}
}

// TestCompareInsertedParagraph inserts a paragraph in the middle of
// section 8: one addition, the paragraphs after it renumbered, and nothing
// reported as changed (the references to them follow without a change of
// wording).
func TestCompareInsertedParagraph(t *testing.T) {
	d := compareEdited(t, newReview(t))
	got := d.Summary()
	if want := []string{"final.review"}; !slices.Equal(got[Added], want) {
		t.Errorf("added = %v, want %v", got[Added], want)
	}
	if want := []string{"final.amendment", "final.projects"}; !slices.Equal(got[Renumbered], want) {
		t.Errorf("renumbered = %v, want %v", got[Renumbered], want)
	}
	if len(got[Changed]) != 0 || len(got[Removed]) != 0 {
		t.Errorf("changed = %v, removed = %v; want none", got[Changed], got[Removed])
	}
	var b strings.Builder
	WriteSummary(&b, d)
	for _, line := range []string{
		agreementID + " (en): 1 added, 0 removed, 0 changed, 2 renumbered",
		"  added       final.review (8.3)",
		"  renumbered  final.amendment 8.3 → 8.4",
	} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("summary lacks %q:\n%s", line, b.String())
		}
	}
}

func TestLongestIncreasing(t *testing.T) {
	tests := []struct {
		seq  []int
		want int
	}{
		{nil, 0},
		{[]int{0, 1, 2}, 3},
		{[]int{2, 0, 1}, 2},
		{[]int{3, 1, 2, 0, 4}, 3},
	}
	for _, tt := range tests {
		got := longestIncreasing(tt.seq)
		if len(got) != tt.want {
			t.Errorf("longestIncreasing(%v) = %v, want length %d", tt.seq, got, tt.want)
		}
		for k := 1; k < len(got); k++ {
			if got[k] <= got[k-1] || tt.seq[got[k]] <= tt.seq[got[k-1]] {
				t.Errorf("longestIncreasing(%v) = %v is not increasing", tt.seq, got)
			}
		}
	}
}
