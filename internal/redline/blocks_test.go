package redline

import (
	"bytes"
	"maps"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/text"
)

// frontAndEndEdit changes a part of the document that is not a numbered
// unit: it must be compared and named by its address.
type frontAndEndEdit struct {
	name, file, from, to string
	address              string
	old, new             string // a word only in the old and only in the new version
}

// frontAndEndEdits reads the edits of the example's instrument that
// testdata/example/redline.txtar lists, one a file "edit/<name>" of
// "key: value" lines, from and to Go-quoted.
func frontAndEndEdits(t *testing.T) []frontAndEndEdit {
	t.Helper()
	archive := projecttest.ReadExpectedArchive(t, repoRoot, "redline.txtar")
	var edits []frontAndEndEdit
	for _, name := range slices.Sorted(maps.Keys(archive)) {
		name, ok := strings.CutPrefix(name, "edit/")
		if !ok {
			continue
		}
		f := map[string]string{}
		for line := range strings.SplitSeq(strings.TrimSpace(archive["edit/"+name]), "\n") {
			k, v, _ := strings.Cut(line, ": ")
			f[k] = v
		}
		from, err1 := strconv.Unquote(f["from"])
		to, err2 := strconv.Unquote(f["to"])
		if err1 != nil || err2 != nil || f["file"] == "" || f["address"] == "" || f["old"] == "" || f["new"] == "" {
			t.Fatalf("redline.txtar: edit/%s is incomplete: %q", name, f)
		}
		edits = append(edits, frontAndEndEdit{name, instrumentFile(t, f["file"]), from, to, f["address"], f["old"], f["new"]})
	}
	if len(edits) == 0 {
		t.Fatal("redline.txtar lists no edit")
	}
	return edits
}

// TestFrontAndEndMatterIsCompared changes a signatory, a for-line, an
// office, a party's description, a title line, a recital's lead and the
// closing clause, and finds each change in the summary by its address and
// in the text, DOCX and PDF redlines.
func TestFrontAndEndMatterIsCompared(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	old := assemble(t, exampleFS(t))
	opt := testOptions(t)
	for _, e := range frontAndEndEdits(t) {
		t.Run(e.name, func(t *testing.T) {
			changed := exampleFS(t)
			edit(t, changed, e.file, e.from, e.to)
			d := compare(t, old, assemble(t, changed))
			want := []Change{{Kind: Changed, Address: e.address}}
			if !slices.Equal(d.Changes, want) {
				t.Errorf("changes %+v, want %+v", d.Changes, want)
			}
			var sum bytes.Buffer
			WriteSummary(&sum, d)
			if !strings.Contains(sum.String(), "\n  changed     "+e.address+"\n") {
				t.Errorf("summary:\n%s", sum.String())
			}
			m, err := MarkedFor(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			var txt bytes.Buffer
			if err := text.WriteRedline(&txt, m); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(txt.String(), "{+"+e.new) || !strings.Contains(txt.String(), "[-"+e.old) {
				t.Errorf("the text redline lacks [-%s and {+%s:\n%s", e.old, e.new, txt.String())
			}
			_, ps := paragraphs(t, writeDOCX(t, d, opt))
			var accepted, rejected string
			for _, p := range ps {
				accepted += p.text(true) + "\n"
				rejected += p.text(false) + "\n"
			}
			if !strings.Contains(accepted, e.new) || strings.Contains(rejected, e.new) && !strings.Contains(rejected, e.old) {
				t.Errorf("the DOCX redline does not insert %q", e.new)
			}
			if !strings.Contains(rejected, e.old) {
				t.Errorf("the DOCX redline does not keep %q among the deletions", e.old)
			}
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", writeTemp(t, "r.pdf", writePDF(t, d, opt)), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{e.old, e.new} {
				if !strings.Contains(string(out), w) {
					t.Errorf("the PDF redline lacks %q", w)
				}
			}
		})
	}
}

// TestIdenticalVersionsReadAsTheDocument compares the example with itself:
// no change, and every redline reads word for word as the document's text
// copy (the DRAFT line aside, which the redline replaces by its own
// marking) — recital leads apart from their text, the "and" between the
// parties, the signature block — followed only by the summary.
func TestIdenticalVersionsReadAsTheDocument(t *testing.T) {
	pdftotext := clienttest.Command(t, "pdftotext", "poppler-utils")
	doc := assemble(t, exampleFS(t))
	d := compare(t, doc, doc)
	if len(d.Changes) != 0 {
		t.Fatalf("changes %+v", d.Changes)
	}
	opt := testOptions(t)
	var plain bytes.Buffer
	if err := text.Write(&plain, doc, text.Options{Lang: opt.Lang}); err != nil {
		t.Fatal(err)
	}
	in, err := lower.Lower(doc, opt.Lang, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Fields(strings.TrimPrefix(plain.String(), in.Marking+"\n"))
	m, err := MarkedFor(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	var txt bytes.Buffer
	if err := text.WriteRedline(&txt, m); err != nil {
		t.Fatal(err)
	}
	check := func(format string, got []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			n := 0
			for n < min(len(got), len(want)) && got[n] == want[n] {
				n++
			}
			t.Errorf("the %s redline differs from the document at word %d: %q, want %q", format, n+1,
				strings.Join(got[n:min(n+6, len(got))], " "), strings.Join(want[n:min(n+6, len(want))], " "))
		}
	}
	check("text", strings.Fields(txt.String()))
	// No recital's lead is glued to the word after it.
	leads := 0
	for _, r := range doc.Recitals {
		lead := lower.Plain(r.Lead["en"])
		if lead == "" {
			continue
		}
		leads++
		if glued := regexp.MustCompile(regexp.QuoteMeta(lead) + `[\pL\pN“"]`).FindString(txt.String()); glued != "" {
			t.Errorf("the text redline glues %s", glued)
		}
	}
	if leads == 0 {
		t.Error("the example's recitals have no lead")
	}
	_, ps := paragraphs(t, writeDOCX(t, d, opt))
	var docx []string
	for _, p := range ps {
		docx = append(docx, strings.Fields(p.text(true))...)
	}
	check("DOCX", untilSummary(docx, summaryHeading))
	out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", writeTemp(t, "r.pdf", writePDF(t, d, opt)), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pdf []string
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.Trim(line, "\f")
		if line == m.Marking || strings.HasPrefix(line, "Page ") && strings.Contains(line, " of ") {
			continue
		}
		pdf = append(pdf, strings.Fields(line)...)
	}
	// The PDF draws the signature rules as lines, not underscores.
	check("PDF", untilSummary(pdf, summaryHeading))
}

// untilSummary cuts words before the summary's heading; the PDF's and the
// text's signature rules (underscores) are not words.
func untilSummary(ws []string, heading string) []string {
	first := strings.Fields(heading)[0]
	var out []string
	for i, w := range ws {
		if w == first && strings.Join(ws[i:min(i+len(strings.Fields(heading)), len(ws))], " ") == heading {
			break
		}
		out = append(out, w)
	}
	return out
}
