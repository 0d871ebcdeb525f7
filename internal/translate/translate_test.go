package translate

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/xliff"
)

const fixture = "../../testdata/agreement"

func loadProject(t *testing.T, fsys fstest.MapFS) *model.Project {
	t.Helper()
	proj, diags := load.Project(fsys)
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	return proj
}

// apply writes edited files into fsys.
func apply(fsys fstest.MapFS, edits []Edited) {
	for _, e := range edits {
		fsys[e.Name] = &fstest.MapFile{Data: e.Data}
	}
}

// lineDiff lists the lines of a that b lacks ("-...") and those of b that
// a lacks ("+..."), in order; enough for files that differ in few lines.
func lineDiff(a, b []byte) []string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	in := func(ls []string, s string) bool {
		for _, l := range ls {
			if l == s {
				return true
			}
		}
		return false
	}
	var out []string
	for _, l := range al {
		if !in(bl, l) {
			out = append(out, "-"+l)
		}
	}
	for _, l := range bl {
		if !in(al, l) {
			out = append(out, "+"+l)
		}
	}
	return out
}

// TestMarkupRoundTrip carries every text of the fixture and of the example
// to XLIFF inline content and back unchanged.
func TestMarkupRoundTrip(t *testing.T) {
	for _, root := range []string{fixture, "../.."} {
		proj := loadProject(t, projecttest.Copy(t, root))
		n := 0
		for _, doc := range proj.Documents {
			for _, e := range Entries(doc) {
				for _, l := range e.Text.Langs() {
					raw := e.Text[l].Raw
					if got := fromSegment(toSegment(raw)); got != raw {
						t.Errorf("%s (%s): %q came back as %q", e.Address, l, raw, got)
					}
					n++
				}
			}
		}
		if n < 50 {
			t.Errorf("%s: only %d texts", root, n)
		}
	}
	for _, raw := range []string{
		`an escaped \* star, \{ brace \} and \\ backslash`,
		`**bold with *italic* inside** and *italic*`,
		`{ref:a,b|dat,poss} and {fill:date of signature} in {originals|pre} copies`,
	} {
		if got := fromSegment(toSegment(raw)); got != raw {
			t.Errorf("%q came back as %q", raw, got)
		}
	}
}

// TestEntries names every text of the fixture by its address.
func TestEntries(t *testing.T) {
	proj := loadProject(t, projecttest.Copy(t, fixture))
	var addrs []string
	for _, e := range Entries(proj.Documents[0]) {
		addrs = append(addrs, e.Address)
	}
	got := strings.Join(addrs, " ")
	for _, want := range []string{
		"subject issuer title.1 title.2 title.3 party.arcadia party.arcadia.name party.arcadia.for party.arcadia.signatory party.arcadia.office party.borealia.joiner party.borealia party.borealia.name",
		"party.borealia.office parties.outro recital.relations recital.information recital.wmo transition definitions definitions.terms definitions.terms.authorities",
		"final.projects closing",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("addresses lack %q:\n%s", want, got)
		}
	}
}

// TestConfirm adds one line to a unit without translated:, and changes
// that one line when the base text has changed since.
func TestConfirm(t *testing.T) {
	fsys := projecttest.Copy(t, fixture)
	const file = "clauses/agr/08-final.yaml"
	before := fsys[file].Data
	edits, err := Confirm(fsys, loadProject(t, fsys), []string{"final.duration"}, "ru")
	if err != nil {
		t.Fatal(err)
	}
	if len(edits) != 1 || edits[0].Name != file {
		t.Fatalf("edits: %v", edits)
	}
	proj := loadProject(t, fsys)
	fp := fingerprint.Of(findEntry(t, proj, "final.duration").Text["en"].Raw)
	if got, want := lineDiff(before, edits[0].Data), []string{"+    translated: {ru: " + fp + "}"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	apply(fsys, edits)
	projecttest.Edit(t, fsys, file, "sixty (60) days before", "ninety (90) days before")
	before = fsys[file].Data
	proj = loadProject(t, fsys)
	edits, err = Confirm(fsys, proj, []string{"final.duration"}, "ru")
	if err != nil {
		t.Fatal(err)
	}
	fp2 := fingerprint.Of(findEntry(t, proj, "final.duration").Text["en"].Raw)
	want := []string{"-    translated: {ru: " + fp + "}", "+    translated: {ru: " + fp2 + "}"}
	if got := lineDiff(before, edits[0].Data); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Confirming again changes nothing.
	apply(fsys, edits)
	if edits, err := Confirm(fsys, loadProject(t, fsys), []string{"final.duration"}, "ru"); err != nil || len(edits) != 0 {
		t.Errorf("second confirm: %v, %v", edits, err)
	}
	for _, bad := range []struct{ id, lang, want string }{
		{"final.nosuch", "ru", `no unit has the id "final.nosuch"`},
		{"final.duration", "en", "en is the base language of agr; confirm a translation into ru or kk"},
		{"final.duration", "fr", "agr is not written in fr (its languages: en, ru, kk)"},
	} {
		if _, err := Confirm(fsys, loadProject(t, fsys), []string{bad.id}, bad.lang); err == nil || err.Error() != bad.want {
			t.Errorf("Confirm(%s, %s) = %v, want %q", bad.id, bad.lang, err, bad.want)
		}
	}
}

func findEntry(t *testing.T, proj *model.Project, addr string) Entry {
	t.Helper()
	for _, e := range Entries(proj.Documents[0]) {
		if e.Address == addr {
			return e
		}
	}
	t.Fatalf("no entry %s", addr)
	return Entry{}
}

// exported writes the fixture's XLIFF into lang and returns its bytes.
func exported(t *testing.T, fsys fstest.MapFS, lang string) []byte {
	t.Helper()
	f, err := Export(loadProject(t, fsys).Documents[0], lang)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, &xliff.Doc{Files: []xliff.File{f}}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func imported(t *testing.T, fsys fstest.MapFS, data []byte) ([]Edited, diag.List) {
	t.Helper()
	x, err := xliff.Read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return Import(fsys, loadProject(t, fsys), x, "agr.ru.xlf")
}

// TestExport gives every text a unit, with codes for references and a
// state from the freshness of the translation.
func TestExport(t *testing.T) {
	fsys := projecttest.Copy(t, fixture)
	projecttest.Edit(t, fsys, "clauses/agr/03-authorities.yaml", "    text:\n      en: A Party that changes", "    translated: {ru: 00000000}\n    text:\n      en: A Party that changes")
	data := string(exported(t, fsys, "ru"))
	for _, want := range []string{
		`<file original="agr" source-language="en" target-language="ru" datatype="plaintext">`,
		`<trans-unit id="final.duration" approved="yes" extradata="` + fingerprint.Of("This Agreement is concluded for a period of five (5) years and shall be automatically extended for successive five-year periods unless either Party notifies the other Party in writing of its intention to terminate it not later than sixty (60) days before the expiry of the current period.") + `" xml:space="preserve">`,
		`<source>A Party that changes its competent authority shall notify the other Party thereof in the manner provided for in <ph id="1" ctype="x-chancery-ref">{ref:authorities.designation}</ph>.</source>`,
		`<target state="needs-review-translation">Сторона, изменившая свой компетентный орган, уведомляет об этом другую Сторону в порядке, предусмотренном <ph id="1" ctype="x-chancery-ref">{ref:authorities.designation|ins}</ph>.</target>`,
		`<note from="chancery">The en text changed since this translation was confirmed.</note>`,
		`<source>The Parties shall cooperate in the following forms:</source>`,
	} {
		if !strings.Contains(data, want) {
			t.Errorf("XLIFF lacks %s", want)
		}
	}
	if n := strings.Count(data, "<trans-unit "); n != 58 {
		t.Errorf("%d units, want 58", n)
	}
	if _, err := Export(loadProject(t, fsys).Documents[0], "en"); err == nil {
		t.Error("export into the base language: no error")
	}
}

// TestImport writes back what changed, and only that.
func TestImport(t *testing.T) {
	fsys := projecttest.Copy(t, fixture)
	data := exported(t, fsys, "ru")
	if edits, diags := imported(t, fsys, data); len(edits) != 0 || len(diags) != 0 {
		t.Fatalf("importing the export unchanged: %d edits (%v), %v", len(edits), names(edits), diags)
	}
	const old = "за шестьдесят (60) дней до истечения"
	edited := bytes.Replace(data, []byte(old), []byte("за девяносто (90) дней до истечения"), 1)
	edits, diags := imported(t, fsys, edited)
	if len(diags) != 0 || len(edits) != 1 || edits[0].Name != "clauses/agr/08-final.yaml" {
		t.Fatalf("edits %v, diags %v", names(edits), diags)
	}
	before := fsys["clauses/agr/08-final.yaml"].Data
	proj := loadProject(t, fsys)
	fp := fingerprint.Of(findEntry(t, proj, "final.duration").Text["en"].Raw)
	oldLine := findLine(t, before, old)
	want := []string{"-" + oldLine, "+" + strings.Replace(oldLine, "шестьдесят (60)", "девяносто (90)", 1), "+    translated: {ru: " + fp + "}"}
	if got := lineDiff(before, edits[0].Data); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func findLine(t *testing.T, data []byte, s string) string {
	t.Helper()
	for _, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line has %q", s)
	return ""
}

// TestImportRefusesBrokenCodes reports a target whose codes do not match
// its source at the XLIFF file's line and column, and writes nothing.
func TestImportRefusesBrokenCodes(t *testing.T) {
	fsys := projecttest.Copy(t, fixture)
	data := string(exported(t, fsys, "ru"))
	const ph = `<ph id="1" ctype="x-chancery-ref">{ref:authorities.designation|ins}</ph>`
	tests := []struct {
		name, from, to string
		find           string // where the error is: the first occurrence of this after the edit
		msg            string
	}{
		{"another reference", ph, `<ph id="1" ctype="x-chancery-ref">{ref:final.entry|ins}</ph>`, `<ph id="1" ctype="x-chancery-ref">{ref:final.entry|ins}`,
			`error: authorities.change: inline code "1" stands for {ref:authorities.designation} in the source but for {ref:final.entry|ins} in the target [xliff-code]`},
		{"code removed", ph, `пунктом 3.1`, `<target state="translated">Сторона, изменившая`,
			`error: authorities.change: the target lacks the inline code 1 ({ref:authorities.designation}) of its source [xliff-code]`},
		{"code added", ph, ph + ` <ph id="7" ctype="x-chancery-ref">{ref:data}</ph>`, `<ph id="7"`,
			`error: authorities.change: the target has an inline code "7" that its source does not have [xliff-code]`},
		{"unknown unit", `<trans-unit id="authorities.change"`, `<trans-unit id="authorities.nosuch"`, `<trans-unit id="authorities.nosuch"`,
			`error: agr has no text "authorities.nosuch" [xliff-unit]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(data, tt.from) {
				t.Fatalf("export lacks %q", tt.from)
			}
			// The edits are made in the unit of authorities.change.
			unit := strings.Index(data, `<trans-unit id="authorities.change"`)
			broken := data[:unit] + strings.Replace(data[unit:], tt.from, tt.to, 1)
			edits, diags := imported(t, fsys, []byte(broken))
			if edits != nil {
				t.Errorf("edits despite errors: %v", names(edits))
			}
			off := unit + strings.Index(broken[unit:], tt.find)
			line := strings.Count(broken[:off], "\n") + 1
			col := len([]rune(broken[strings.LastIndex(broken[:off], "\n")+1:off])) + 1
			want := diag.Pos{File: "agr.ru.xlf", Line: line, Col: col}.String() + ": " + tt.msg
			if len(diags) != 1 || diags[0].String() != want {
				t.Errorf("diagnostics %v\nwant %s", diags, want)
			}
		})
	}
}

func names(edits []Edited) []string {
	var out []string
	for _, e := range edits {
		out = append(out, e.Name)
	}
	return out
}
