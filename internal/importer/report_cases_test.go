package importer

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

// A small DOCX written by hand: paragraphs, tables, a bullet list
// definition (Word's Symbol bullet, then "o") and footnotes.
const (
	wNS           = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	relType       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	testNumbering = `<?xml version="1.0"?><w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="3">` +
		`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf0b7" + `"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>`
)

// testDOCX packs a document body, with the bullet list definition and
// the given footnotes (w:footnote elements), into a DOCX.
func testDOCX(t *testing.T, body, footnotes string) []byte {
	t.Helper()
	parts := map[string]string{
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relType + `numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId2" Type="` + relType + `footnotes" Target="footnotes.xml"/></Relationships>`,
		"word/document.xml":  `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": testNumbering,
		"word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ` + wNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			footnotes + `</w:footnotes>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/numbering.xml", "word/footnotes.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// para is a paragraph of runs (XML of w:r elements).
func para(runs string) string { return `<w:p>` + runs + `</w:p>` }

// run is a run of text.
func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// bulletPara is a paragraph of the bullet list at level lvl.
func bulletPara(lvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="5"/></w:numPr></w:pPr>` + run(text) + `</w:p>`
}

// tableOf is a table of rows of cells, each cell a list of paragraphs.
func tableOf(rows ...[][]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl>`)
	for _, r := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range r {
			b.WriteString(`<w:tc>`)
			for _, p := range c {
				b.WriteString(para(run(p)))
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// importDOCX reads, infers, writes and builds a small DOCX draft; it
// returns the written files by name, the built text and the result.
func importDOCX(t *testing.T, data []byte) (map[string]string, string, *Result) {
	t.Helper()
	paras, err := ReadDOCX("case.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	return importParas(t, paras, "case.docx")
}

// importParas infers, writes and builds paragraphs read from a draft.
func importParas(t *testing.T, paras []*Para, source string) (map[string]string, string, *Result) {
	t.Helper()
	fsys, res := importInto(t, paras, "case", source)
	files := map[string]string{}
	for name, f := range fsys {
		files[strings.TrimPrefix(name, "clauses/case/")] = string(f.Data)
	}
	return files, string(output(t, buildFS(t, fsys, "txt"), ".en.txt")), res
}

func containsAll(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s lacks %q:\n%s", what, p, s)
		}
	}
}

// A two-column table of labels and values before the first section
// becomes the document's fields; a second paragraph in a value cell is a
// second line of the value.
func TestImportFieldsTable(t *testing.T) {
	body := para(run("Briefing Note")) +
		tableOf([][]string{{"Meeting:"}, {"Annual review of the harbour lights"}},
			[][]string{{"Attendees:"}, {"Harbour board: three members", "Guests: two pilots"}}) +
		para(run("1. Summary")) + para(run("The lights were found in good order."))
	files, text, res := importDOCX(t, testDOCX(t, body, ""))
	d := res.Doc
	if len(d.Fields) != 2 || len(d.Fields[0].Lines) != 1 || len(d.Fields[1].Lines) != 2 {
		t.Fatalf("fields %s", fieldsOf(d))
	}
	if got, want := fieldsOf(d), "Meeting: | Annual review of the harbour lights\nAttendees: | Harbour board: three members\nGuests: two pilots\n"; got != want {
		t.Errorf("fields\n%s\nwant\n%s", got, want)
	}
	containsAll(t, "document.yaml", files["document.yaml"],
		"fields:\n  - label: {en: \"Meeting:\"}\n    value: {en: \"Annual review of the harbour lights\"}\n",
		"  - label: {en: \"Attendees:\"}\n    value:\n      - {en: \"Harbour board: three members\"}\n      - {en: \"Guests: two pilots\"}\n")
	containsAll(t, "the built text", text, "Meeting:", "Annual review of the harbour lights", "Guests: two pilots")
	if !strings.Contains(strings.Join(res.Report.Recognised, "\n"), "2 labelled fields") || len(res.Report.Unplaced) != 0 {
		t.Errorf("report: %q, not placed %v", res.Report.Recognised, res.Report.Unplaced)
	}
}

// Word bullets under a numbered paragraph, one nested a level down,
// become the paragraph's bullets: with Word's characters in
// numbering.bullets; the paragraph after them is numbered on.
func TestImportNestedBulletsDOCX(t *testing.T) {
	body := para(run("1. Duties")) + para(run("1.1 The keeper will:")) +
		bulletPara("0", "trim the wicks;") + bulletPara("1", "twice a night;") + bulletPara("0", "log the weather.") +
		para(run("1.2 Nothing else applies."))
	files, text, res := importDOCX(t, testDOCX(t, body, ""))
	checkNestedBullets(t, files, text, res, []string{"•", "o"})
}

// The same draft as text: "- " bullets, "• " one level down by indent.
func TestImportNestedBulletsText(t *testing.T) {
	draft := "1. Duties\n1.1 The keeper will:\n- trim the wicks;\n  • twice a night;\n- log the weather.\n1.2 Nothing else applies.\n"
	paras, err := ReadText("case.txt", []byte(draft))
	if err != nil {
		t.Fatal(err)
	}
	files, text, res := importParas(t, paras, "case.txt")
	checkNestedBullets(t, files, text, res, []string{"-", "•"})
}

func checkNestedBullets(t *testing.T, files map[string]string, text string, res *Result, chars []string) {
	t.Helper()
	d := res.Doc
	if got, want := bulletsOf(d), "1.1 trim the wicks;\n  1.1 twice a night;\n1.1 log the weather.\n"; got != want {
		t.Errorf("bullets\n%s\nwant\n%s", got, want)
	}
	var labels []string
	d.Walk(func(u *model.Unit) {
		if u.Numbered {
			labels = append(labels, u.Label)
		}
	})
	if strings.Join(labels, " ") != "1. 1.1 1.2" {
		t.Errorf("numbered units %q", labels)
	}
	if strings.Join(d.Numbering.Bullets, " ") != strings.Join(chars, " ") {
		t.Errorf("numbering.bullets %q, want %q", d.Numbering.Bullets, chars)
	}
	containsAll(t, "the section file", files["01-duties.yaml"],
		"    text: {en: \"The keeper will:\"}\n    bullets:\n      - text: {en: \"trim the wicks;\"}\n        bullets:\n          - text: {en: \"twice a night;\"}\n      - text: {en: \"log the weather.\"}\n")
	containsAll(t, "document.yaml", files["document.yaml"], `bullets: ["`+chars[0]+`", "`+chars[1]+`"]`)
	containsAll(t, "the built text", text, chars[0]+" trim the wicks;", chars[1]+" twice a night;", chars[0]+" log the weather.", "1.2 Nothing else applies.")
	if !strings.Contains(strings.Join(res.Report.Recognised, "\n"), "2 bullet lists (3 bullets: ") || len(res.Report.Unplaced) != 0 {
		t.Errorf("report: %q, not placed %v", res.Report.Recognised, res.Report.Unplaced)
	}
}

// A footnote cited in a paragraph becomes {fn:...} where it is cited; its
// separator notes are not read as notes.
func TestImportFootnoteInParagraph(t *testing.T) {
	body := para(run("1. Supplies")) +
		para(run("1.1 The lamp burns oil")+`<w:r><w:footnoteReference w:id="1"/></w:r>`+run(" from the store."))
	notes := `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + run(" Whale oil until 1880.") + `</w:p></w:footnote>`
	files, text, res := importDOCX(t, testDOCX(t, body, notes))
	containsAll(t, "the section file", files["01-supplies.yaml"], `text: {en: "The lamp burns oil{fn:Whale oil until 1880.} from the store."}`)
	containsAll(t, "the built text", text, "1.1 The lamp burns oil[1] from the store.", "[1] Whale oil until 1880.")
	if !strings.Contains(strings.Join(res.Report.Recognised, "\n"), "1 footnote") {
		t.Errorf("report: %q", res.Report.Recognised)
	}
}

// Tables chancery has no place for — three columns before the first
// section, one among the sections — are listed as not placed with their
// position, and the sections around them are read.
func TestImportUnplacedTables(t *testing.T) {
	body := para(run("Tide Table")) +
		tableOf([][]string{{"Day"}, {"High"}, {"Low"}}, [][]string{{"Monday"}, {"06:10"}, {"12:25"}}) +
		para(run("1. Harbour")) + para(run("1.1 The harbour opens at dawn.")) +
		tableOf([][]string{{"Berth"}, {"Length of the berth in metres, measured at low water"}}) +
		para(run("1.2 The harbour closes at dusk.")) + para(run("2. Fees")) + para(run("2.1 Fees are due on arrival."))
	_, text, res := importDOCX(t, testDOCX(t, body, ""))
	var got []string
	for _, n := range res.Report.Unplaced {
		got = append(got, n.Where+": "+n.What)
	}
	want := []string{"case.docx: paragraph 2: a table of 2 rows and 3 columns", "case.docx: paragraph 10: a table of 1 row and 2 columns"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("not placed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	containsAll(t, "the built text", text, "1.2 The harbour closes at dusk.", "2.1 Fees are due on arrival.")
	if len(res.Doc.Fields) != 0 {
		t.Errorf("fields %s", fieldsOf(res.Doc))
	}
}

// In a text draft a Markdown table of labels and values is read as
// fields, a wider one is listed as not placed with its line.
func TestImportTablesInText(t *testing.T) {
	draft := "Briefing Note\n\n| Meeting: | Annual review |\n|---|---|\n| Place: | The old pier |\n|  | north end |\n\n" +
		"| Day | High | Low |\n|---|---|---|\n| Monday | 06:10 | 12:25 |\n\n1. Summary\nThe lights were found in good order.\n"
	paras, err := ReadText("case.txt", []byte(draft))
	if err != nil {
		t.Fatal(err)
	}
	_, _, res := importParas(t, paras, "case.txt")
	if got, want := fieldsOf(res.Doc), "Meeting: | Annual review\nPlace: | The old pier\nnorth end\n"; got != want {
		t.Errorf("fields\n%s\nwant\n%s", got, want)
	}
	if len(res.Report.Unplaced) != 1 || res.Report.Unplaced[0].Where != "case.txt:8:1" || res.Report.Unplaced[0].What != "a table of 2 rows and 3 columns" {
		t.Errorf("not placed %v", res.Report.Unplaced)
	}
}
