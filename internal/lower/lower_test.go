package lower_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

const repoRoot = "../.."

func assemble(t *testing.T, dir string, final bool) (*build.Result, *model.Document) {
	t.Helper()
	res, diags := build.Assemble(os.DirFS(dir), build.Options{Final: final})
	if diags.HasErrors() {
		t.Fatalf("%v", diags)
	}
	if dir == repoRoot { // the example's instrument, beside its report
		id := projecttest.ReadExample(t, repoRoot).Enclosure
		doc := res.Project.Document(id)
		if doc == nil {
			t.Fatalf("the example has no document %s", id)
		}
		return res, doc
	}
	return res, res.Project.Documents[0]
}

func addresses(in *lower.Instrument) []string {
	var out []string
	for _, b := range in.Blocks {
		out = append(out, b.Address())
		if s, ok := b.(*lower.Signatures); ok {
			for _, p := range s.Parties {
				f, n, o, l := p.Addresses()
				out = append(out, f, n, o, l)
			}
		}
	}
	return out
}

// TestAddressesOfTheAgreement lowers the trilingual fixture and checks the
// blocks it is made of, by address, in reading order.
func TestAddressesOfTheAgreement(t *testing.T) {
	res, doc := assemble(t, repoRoot+"/testdata/agreement", false)
	l, err := res.Engine.Language("ru")
	if err != nil {
		t.Fatal(err)
	}
	in, err := lower.Lower(doc, l, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	got := addresses(in)
	head := []string{"marking", "title.1", "title.2", "title.3", "party.arcadia", "party.borealia.joiner", "party.borealia",
		"parties.outro", "recital.relations", "recital.information", "recital.wmo", "transition", "definitions", "definitions.terms"}
	if !slices.Equal(got[:len(head)], head) {
		t.Errorf("blocks start\n%q\nwant\n%q", got[:len(head)], head)
	}
	tail := []string{"closing", "signatures",
		"party.arcadia.for", "party.arcadia.signatory", "party.arcadia.office", "party.arcadia.lines",
		"party.borealia.for", "party.borealia.signatory", "party.borealia.office", "party.borealia.lines"}
	if !slices.Equal(got[len(got)-len(tail):], tail) {
		t.Errorf("blocks end\n%q\nwant\n%q", got[len(got)-len(tail):], tail)
	}
	seen := map[string]bool{}
	for _, a := range got {
		if seen[a] {
			t.Errorf("address %s twice", a)
		}
		seen[a] = true
	}
	if in.Marking != "ПРОЕКТ" || in.Blocks[0].(*lower.Marking).Text != "ПРОЕКТ" {
		t.Errorf("the draft's marking is %q", in.Marking)
	}
	sig := in.Blocks[len(in.Blocks)-1].(*lower.Signatures)
	if !slices.Equal(sig.Lines, []string{"Подпись", "Дата"}) {
		t.Errorf("signature lines %q", sig.Lines)
	}
	if got := lower.Plain(sig.Parties[1].Name); got != "г-жа Ингрид Хольм" {
		t.Errorf("second signatory %q", got)
	}
}

// TestCopiesOfAFinalBuild: marked originals each lower with their own
// marking, and no DRAFT; the insert is folded into the numbering.
func TestCopiesOfAFinalBuild(t *testing.T) {
	res, doc := assemble(t, repoRoot+"/testdata/agreement", true)
	copies := lower.Copies(doc)
	if !slices.Equal(copies, []lower.Copy{{Original: 1, Of: 2}, {Original: 2, Of: 2}}) {
		t.Fatalf("copies %v", copies)
	}
	l, _ := res.Engine.Language("kk")
	for _, c := range copies {
		in, err := lower.Lower(doc, l, c)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{1: "2 дананың 1-данасы", 2: "2 дананың 2-данасы"}[c.Original]
		m, ok := in.Blocks[0].(*lower.Marking)
		if !ok || m.Draft || m.Text != want || in.Marking != want {
			t.Errorf("copy %d opens with %#v, marking %q", c.Original, in.Blocks[0], in.Marking)
		}
		if c.Suffix() != map[int]string{1: ".original-1", 2: ".original-2"}[c.Original] {
			t.Errorf("suffix %q", c.Suffix())
		}
		for _, b := range in.Blocks {
			if u, ok := b.(*lower.Unit); ok && strings.Contains(u.Label, "bis") {
				t.Errorf("a final copy keeps the insert label %q", u.Label)
			}
		}
	}
}

// TestMissingLanguageIsNamed: lowering into a language a text lacks names
// the text.
func TestMissingLanguageIsNamed(t *testing.T) {
	res, doc := assemble(t, repoRoot, false)
	l, _ := res.Engine.Language("ru")
	_, err := lower.Lower(doc, l, lower.Copy{})
	if err == nil || !strings.Contains(err.Error(), "has no ru text") {
		t.Errorf("error %v", err)
	}
}

// TestRecitalsWithoutIDsAreAddressedByPosition checks role.position
// addresses and that a recital's lead stays apart from its text.
func TestRecitalsWithoutIDsAreAddressedByPosition(t *testing.T) {
	res, doc := assemble(t, repoRoot, false)
	l, _ := res.Engine.Language("en")
	in, err := lower.Lower(doc, l, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	var recitals []*lower.Recital
	for _, b := range in.Blocks {
		if r, ok := b.(*lower.Recital); ok {
			recitals = append(recitals, r)
		}
	}
	if len(recitals) == 0 {
		t.Fatal("no recitals")
	}
	for i, r := range recitals {
		if r.ID == "" && r.Address() != "recital."+strconv.Itoa(i+1) {
			t.Errorf("recital %d has address %s", i+1, r.Address())
		}
		if r.Lead != nil && strings.HasSuffix(lower.Plain(r.Lead), " ") {
			t.Errorf("lead %q", lower.Plain(r.Lead))
		}
	}
}
