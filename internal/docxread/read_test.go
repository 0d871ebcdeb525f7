package docxread

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

const (
	wNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	relsTop = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	relsDoc = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`
)

// pack zips parts into a DOCX package.
func pack(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		data := parts[name]
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
}

func docx(t testing.TB, body string, extra map[string]string) []byte {
	parts := map[string]string{"_rels/.rels": relsTop, "word/_rels/document.xml.rels": relsDoc, "word/document.xml": document(body)}
	for k, v := range extra {
		parts[k] = v
	}
	return pack(t, parts)
}

// A list definition as Word writes it: decimal sections "1:", "1.1"
// paragraphs, roman items restarted by a second instance, letters below.
const numberingXML = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1:"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="3"><w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%4)"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="StrongEm"><w:basedOn w:val="Strong"/><w:rPr><w:i/></w:rPr></w:style>
</w:styles>`

func p(numID, lvl, text string) string {
	num := ""
	if numID != "" {
		num = `<w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
	}
	return `<w:p><w:pPr>` + num + `</w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func read(t *testing.T, data []byte) *Document {
	t.Helper()
	d, err := Read(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestNumberingAsWordShowsIt(t *testing.T) {
	body := `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>First</w:t></w:r></w:p>` +
		p("1", "2", "item") + p("1", "2", "item") + p("1", "3", "sub") + p("1", "3", "sub") + p("1", "2", "item") +
		p("1", "1", "Second") + p("2", "2", "restarted") + p("2", "2", "item") +
		p("", "", "unnumbered") + p("0", "0", "numId 0") +
		p("1", "0", "Next section") + p("1", "1", "para") + p("3", "3", "override level")
	d := read(t, docx(t, body, map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Label)
	}
	want := []string{"1:", "1.1", "(i)", "(ii)", "a.", "b.", "(iii)", "1.2", "(i)", "(ii)", "", "", "2:", "2.1", "A)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("labels\n got %q\nwant %q", got, want)
	}
}

func TestRunsChangesBookmarksTablesComments(t *testing.T) {
	body := `<w:p><w:pPr><w:rPr><w:ins w:author="B"/></w:rPr></w:pPr>` +
		`<w:bookmarkStart w:id="1" w:name="areas_basis"/><w:bookmarkStart w:id="2" w:name="_GoBack"/>` +
		`<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="StrongEm"/></w:rPr><w:t>both</w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="Strong"/><w:b w:val="0"/><w:i/></w:rPr><w:t xml:space="preserve"> italic</w:t></w:r>` +
		`<w:commentRangeStart w:id="5"/>` +
		`<w:del w:author="A"><w:r><w:delText xml:space="preserve"> sixty</w:delText></w:r></w:del>` +
		`<w:ins w:author="A"><w:r><w:t xml:space="preserve"> ninety</w:t></w:r></w:ins>` +
		`<w:r><w:t xml:space="preserve"> see </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF x \n \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:tab/><w:t>end</w:t><w:br/><w:noBreakHyphen/></w:r>` +
		`<w:moveFrom w:author="A"><w:r><w:t>gone</w:t></w:r></w:moveFrom></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:commentReference w:id="6"/></w:r></w:p>`
	comments := `<?xml version="1.0"?><w:comments ` + wNS + `><w:comment w:id="5" w:author="Counterpart"><w:p><w:r><w:t>Why ninety?</w:t></w:r></w:p><w:p><w:r><w:t>Second line</w:t></w:r></w:p></w:comment><w:comment w:id="6" w:author="X"><w:p><w:r><w:t>On the end</w:t></w:r></w:p></w:comment></w:comments>`
	d := read(t, docx(t, body, map[string]string{"word/styles.xml": stylesXML, "word/comments.xml": comments}))
	if len(d.Paragraphs) != 6 {
		t.Fatalf("%d paragraphs: %v", len(d.Paragraphs), d.Paragraphs)
	}
	p0 := d.Paragraphs[0]
	if got, want := p0.OldText(), "Bold both italic sixty see 4\tend\n\u2011gone"; got != want {
		t.Errorf("old text %q, want %q", got, want)
	}
	if got, want := p0.Text(), "Bold both italic ninety see 4\tend\n\u2011"; got != want {
		t.Errorf("new text %q, want %q", got, want)
	}
	if p0.Mark != Inserted || p0.MarkAuthor != "B" || !p0.Changed() {
		t.Errorf("paragraph mark %v by %q", p0.Mark, p0.MarkAuthor)
	}
	type runWant struct {
		text         string
		bold, italic bool
		change       Change
		field        string
	}
	want := []runWant{
		{"Bold ", true, false, Unchanged, ""},
		{"both", true, true, Unchanged, ""},
		{" italic", false, true, Unchanged, ""},
		{" sixty", false, false, Deleted, ""},
		{" ninety", false, false, Inserted, ""},
		{" see ", false, false, Unchanged, ""},
		{"4", false, false, Unchanged, `REF x \n \h`},
		{"\tend\n\u2011", false, false, Unchanged, ""},
		{"gone", false, false, MovedFrom, ""},
	}
	if len(p0.Runs) != len(want) {
		t.Fatalf("runs %+v", p0.Runs)
	}
	for i, w := range want {
		r := p0.Runs[i]
		if r.Text != w.text || r.Bold != w.bold || r.Italic != w.italic || r.Change != w.change || r.Field != w.field {
			t.Errorf("run %d = %+v, want %+v", i, r, w)
		}
	}
	if strings.Join(p0.Bookmark, ",") != "areas_basis" {
		t.Errorf("bookmarks %v", p0.Bookmark)
	}
	cells := [][3]int{{1, 1, 1}, {1, 1, 1}, {1, 1, 2}, {1, 2, 1}}
	for i, c := range cells {
		q := d.Paragraphs[i+1]
		if [3]int{q.Table, q.Row, q.Cell} != c {
			t.Errorf("paragraph %d in table %d row %d cell %d, want %v", q.Index, q.Table, q.Row, q.Cell, c)
		}
	}
	if len(d.Comments) != 2 || d.Comments[0].Text != "Why ninety?\nSecond line" || d.Comments[0].Author != "Counterpart" || d.Comments[0].Paragraph != 1 || d.Comments[1].Paragraph != 6 {
		t.Errorf("comments %+v", d.Comments)
	}
}

func TestHostileDOCX(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 10000) + strings.Repeat("</w:sdtContent></w:sdt>", 10000)
	entities := `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`
	undeclared := document(`<w:p><w:r><w:t>&bomb;</w:t></w:r></w:p>`)
	whole := docx(t, p("1", "0", "x"), map[string]string{"word/numbering.xml": numberingXML})

	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	zeros := make([]byte, 1<<20)
	for range 40 {
		w.Write(zeros)
	}
	r, _ := zw.Create("_rels/.rels")
	r.Write([]byte(relsTop))
	zw.Close()

	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"zip bomb", bomb.Bytes(), "word/document.xml: declares 41943040 bytes uncompressed, more than the limit of 33554432 (a zip bomb?)"},
		{"entity expansion", pack(t, map[string]string{"_rels/.rels": relsTop, "word/document.xml": entities}), "word/document.xml: has a document type declaration (<!DOCTYPE ...>), which DOCX never needs; refused so that no entity is expanded"},
		{"undeclared entity", pack(t, map[string]string{"_rels/.rels": relsTop, "word/document.xml": undeclared}), "word/document.xml: not well-formed XML: XML syntax error on line 1: invalid character entity &bomb;"},
		{"10,000 levels", docx(t, deep, nil), "word/document.xml: XML nested more than 256 levels deep"},
		{"missing numbering.xml", docx(t, p("3", "0", "numbered"), nil), "word/document.xml: paragraph 1 is numbered (list 3) but the package has no numbering part (word/numbering.xml); save the document again from Word or LibreOffice"},
		{"broken zip", whole[:len(whole)/2], "not a DOCX (zip) package: zip: not a valid zip file"},
		{"not a zip", []byte("{\\rtf1 hello}"), "not a DOCX (zip) package: zip: not a valid zip file"},
		{"OpenDocument", pack(t, map[string]string{"content.xml": "<x/>"}), "this is an OpenDocument file, not a DOCX"},
		{"no body", pack(t, map[string]string{"_rels/.rels": relsTop, "word/document.xml": `<w:document ` + wNS + `/>`}), "word/document.xml: has no w:document/w:body"},
	}
	for _, c := range cases {
		_, err := Read(c.data, DefaultLimits())
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// A part that lies about its size is stopped where it passes the limit,
// not where it says it ends.
func TestActualSizeLimit(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxPartSize = 1 << 16
	body := strings.Repeat(p("", "", strings.Repeat("x", 1000)), 100)
	_, err := Read(docx(t, body, nil), lim)
	if err == nil || !strings.Contains(err.Error(), "more than the limit of 65536") {
		t.Errorf("got %v", err)
	}
	lim = DefaultLimits()
	lim.MaxElements = 100
	_, err = Read(docx(t, body, nil), lim)
	if err == nil || err.Error() != "word/document.xml: more than 100 XML elements" {
		t.Errorf("got %v", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(docx(f, p("1", "1", "x")+`<w:tbl><w:tr><w:tc>`+p("", "", "y")+`</w:tc></w:tr></w:tbl>`, map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	f.Add(docx(f, `<w:p><w:ins><w:r><w:t>a</w:t></w:r></w:ins><w:del><w:r><w:delText>b</w:delText></w:r></w:del></w:p>`, nil))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := DefaultLimits()
		lim.MaxPartSize, lim.MaxTotal = 1<<20, 4<<20
		d, err := Read(data, lim)
		if err != nil {
			return
		}
		for _, p := range d.Paragraphs {
			_ = p.Text() + p.OldText() + p.Label
		}
	})
}

// TestParts reads every part of a package by name, and refuses a zip bomb
// as Read does.
func TestParts(t *testing.T) {
	data := docx(t, p("", "", "hello"), map[string]string{"word/styles.xml": stylesXML})
	parts, err := Parts(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(parts)); strings.Join(got, " ") != "_rels/.rels word/_rels/document.xml.rels word/document.xml word/styles.xml" {
		t.Errorf("parts %q", got)
	}
	if got := string(parts["word/document.xml"]); got != document(p("", "", "hello")) {
		t.Errorf("word/document.xml reads %q", got)
	}
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	w.Write(make([]byte, 40<<20))
	zw.Close()
	if _, err := Parts(bomb.Bytes()); err == nil || err.Error() != "word/document.xml: declares 41943040 bytes uncompressed, more than the limit of 33554432 (a zip bomb?)" {
		t.Errorf("a zip bomb: %v", err)
	}
}

// A list whose levels are bullets ("-", then Word's Symbol bullet) marks
// its paragraphs as bullets with the character as label; a footnote
// reference becomes a run carrying the note's text, separators skipped.
func TestBulletsAndFootnotes(t *testing.T) {
	const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf0b7" + `"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	notes := `<?xml version="1.0"?><w:footnotes ` + wNS + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>slanted</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>and a second paragraph.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	body := `<w:p><w:r><w:t>Heading</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> after</w:t></w:r></w:p>` +
		p("4", "0", "outer") + p("4", "1", "inner")
	d := read(t, pack(t, map[string]string{"_rels/.rels": relsTop, "word/_rels/document.xml.rels": rels, "word/document.xml": document(body),
		"word/numbering.xml": numbering, "word/footnotes.xml": notes}))
	if len(d.Paragraphs) != 3 {
		t.Fatalf("%d paragraphs", len(d.Paragraphs))
	}
	runs := d.Paragraphs[0].Runs
	if len(runs) != 3 || runs[0].Text != "Heading" || runs[1].Footnote == nil || runs[1].Text != "" || runs[2].Text != " after" {
		t.Fatalf("runs %+v", runs)
	}
	var note []string
	for _, r := range runs[1].Footnote.Runs {
		note = append(note, fmt.Sprintf("%q italic=%v", r.Text, r.Italic))
	}
	if got, want := strings.Join(note, " "), `" A note, " italic=false "slanted" italic=true "\n" italic=false "and a second paragraph." italic=false`; got != want {
		t.Errorf("footnote runs %s, want %s", got, want)
	}
	for i, want := range []string{"-", "\uf0b7"} {
		bp := d.Paragraphs[i+1]
		if !bp.Bullet || bp.Label != want || bp.Level != i {
			t.Errorf("paragraph %d: bullet %v label %q level %d", bp.Index, bp.Bullet, bp.Label, bp.Level)
		}
	}
	if d.Paragraphs[0].Bullet {
		t.Error("an unnumbered paragraph reads as a bullet")
	}
}
