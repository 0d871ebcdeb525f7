package docx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// mouParts renders the draft MoU and parses its main parts.
func mouParts(t *testing.T, final bool) (doc, styles, numbering *node, parts map[string][]byte) {
	t.Helper()
	_, parts = unzip(t, render(t, assembleMoU(t, final)))
	return parseXML(t, parts["word/document.xml"]), parseXML(t, parts["word/styles.xml"]),
		parseXML(t, parts["word/numbering.xml"]), parts
}

func TestEveryRunCarriesItsLanguage(t *testing.T) {
	doc, styles, _, parts := mouParts(t, false)
	for name, root := range map[string]*node{
		"document": doc,
		"header":   parseXML(t, parts["word/header1.xml"]),
		"footer":   parseXML(t, parts["word/footer1.xml"]),
	} {
		runs := root.all("r")
		if len(runs) == 0 {
			t.Errorf("%s has no runs", name)
		}
		for i, r := range runs {
			rpr := r.child("rPr")
			if rpr == nil || rpr.val("lang") != "en-GB" {
				t.Errorf("%s run %d (%q) has no w:lang en-GB", name, i, r.shown())
				break
			}
		}
	}
	// The styles carry the language and the font too, so that text Word
	// adds later is right.
	def := styles.first("rPrDefault")
	if got := def.first("lang").attr("val"); got != "en-GB" {
		t.Errorf("default w:lang = %q", got)
	}
	normal := styleByID(t, styles, "Normal")
	if got := normal.child("rPr").val("lang"); got != "en-GB" {
		t.Errorf("Normal w:lang = %q", got)
	}
	for _, rpr := range []*node{def, normal.child("rPr")} {
		fonts := rpr.first("rFonts")
		for _, slot := range []string{"ascii", "hAnsi", "cs", "eastAsia"} {
			if got := fonts.attr(slot); got != "Times New Roman" {
				t.Errorf("rFonts %s = %q", slot, got)
			}
		}
	}
}

func styleByID(t *testing.T, styles *node, id string) *node {
	t.Helper()
	for _, s := range styles.all("style") {
		if s.attr("styleId") == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

func TestStylesAreDefinedAndUsed(t *testing.T) {
	doc, styles, _, _ := mouParts(t, false)
	defined := map[string]string{} // id -> name
	for _, s := range styles.all("style") {
		defined[s.attr("styleId")] = s.val("name")
	}
	wantNames := map[string]string{
		"DraftMark": "Draft Mark", "Title": "Title", "TitleLast": "Title Last Line", "Parties": "Parties",
		"PartiesJoiner": "Parties Joiner", "Recital": "Recital", "Transition": "Transition",
		"Heading1": "heading 1", "Paragraph": "Paragraph",
		"ParagraphUnnumbered": "Paragraph Unnumbered", "ItemLevel1": "Item Level 1",
		"ItemLevel2": "Item Level 2", "Closing": "Closing", "SignatureFor": "Signature For",
		"SignatureText": "Signature Text", "SignatureLine": "Signature Line",
		"Emphasis": "Emphasis", "Strong": "Strong",
		"SignatureTable": "Signature Table",
	}
	for id, name := range wantNames {
		if defined[id] != name {
			t.Errorf("style %s named %q, want %q", id, defined[id], name)
		}
	}
	// A note's styles come from its form, in notes only.
	for _, id := range []string{"NoteBody", "Letterhead", "Addressee", "NoteNumber"} {
		if defined[id] != "" {
			t.Errorf("the instrument defines the note style %s", id)
		}
	}
	// Every style the document uses is defined, and the body has no
	// direct paragraph formatting besides style and numbering.
	count := map[string]int{}
	for _, p := range doc.all("p") {
		ppr := p.child("pPr")
		if ppr == nil {
			t.Errorf("paragraph %q has no style", p.shown())
			continue
		}
		id := ppr.val("pStyle")
		if _, ok := defined[id]; !ok {
			t.Errorf("paragraph %q uses undefined style %q", p.shown(), id)
		}
		count[id]++
		outOfList := ppr.child("numPr") != nil && ppr.child("numPr").val("numId") == "0"
		for _, k := range ppr.Kids {
			if outOfList && k.Name.Local == "ind" {
				// A paragraph taken out of its style's list keeps the
				// list's indentation, which LibreOffice would drop.
				continue
			}
			if k.Name.Local != "pStyle" && k.Name.Local != "numPr" {
				t.Errorf("paragraph %q has direct formatting %s", p.shown(), k.Name.Local)
			}
		}
	}
	for _, r := range doc.all("rPr") {
		if s := r.val("rStyle"); s != "" {
			if _, ok := defined[s]; !ok {
				t.Errorf("run uses undefined style %q", s)
			}
		}
	}
	want := map[string]int{
		"DraftMark": 1, "Title": 4, "TitleLast": 1, "Parties": 3, "PartiesJoiner": 1, "Recital": 15,
		"Transition": 1, "Heading1": 12, "Paragraph": 32, "ParagraphUnnumbered": 2,
		"ItemLevel1": 15, "Closing": 1, "SignatureFor": 2, "SignatureText": 5, "SignatureLine": 4,
	}
	for id, n := range want {
		if count[id] != n {
			t.Errorf("%d paragraphs in %s, want %d", count[id], id, n)
		}
	}
	// Emphasis and bold come from character styles.
	var emph, strong []string
	for _, r := range doc.all("r") {
		switch r.child("rPr").val("rStyle") {
		case "Emphasis":
			emph = append(emph, r.shown())
		case "Strong":
			strong = append(strong, r.shown())
		}
	}
	if !slices.Equal(emph, expectedLines(t, "enclosure-emphasis")) {
		t.Errorf("emphasis runs %q", emph)
	}
	if !slices.Equal(strong, expectedLines(t, "enclosure-strong")) {
		t.Errorf("strong runs %q", strong)
	}
}

func TestPageIsA4WithMarginsAndMarkings(t *testing.T) {
	doc, _, _, parts := mouParts(t, false)
	sect := doc.first("sectPr")
	sz, mar := sect.child("pgSz"), sect.child("pgMar")
	if sz.attr("w") != "11906" || sz.attr("h") != "16838" {
		t.Errorf("page %s×%s twips, want A4 11906×16838", sz.attr("w"), sz.attr("h"))
	}
	for side, want := range map[string]string{"left": "1418", "right": "1418", "top": "1418", "bottom": "1247"} {
		if got := mar.attr(side); got != want {
			t.Errorf("%s margin %s, want %s", side, got, want)
		}
	}
	header := parseXML(t, parts["word/header1.xml"])
	if got := header.shown(); got != "DRAFT" {
		t.Errorf("header shows %q", got)
	}
	footer := parseXML(t, parts["word/footer1.xml"])
	var instrs []string
	for _, f := range fields(footer) {
		instrs = append(instrs, f.Instr)
	}
	if !slices.Equal(instrs, []string{"PAGE", "NUMPAGES"}) {
		t.Errorf("footer fields %q", instrs)
	}
	if got := footer.shown(); got != "Page 1 of 1" {
		t.Errorf("footer shows %q", got)
	}
}

func TestReferencesAreREFFieldsToBookmarks(t *testing.T) {
	doc, _, _, _ := mouParts(t, false)
	marks := map[string]*node{}
	for _, b := range doc.all("bookmarkStart") {
		name := b.attr("name")
		if marks[name] != nil {
			t.Errorf("bookmark %s twice", name)
		}
		marks[name] = b
		if len(name) > 40 || !isBookmarkName(name) {
			t.Errorf("bookmark name %q is not a valid Word name", name)
		}
	}
	ends := map[string]bool{}
	for _, e := range doc.all("bookmarkEnd") {
		ends[e.attr("id")] = true
	}
	var got []string
	for _, f := range fields(doc) {
		parts := strings.Fields(f.Instr)
		if parts[0] != "REF" {
			continue
		}
		b := marks[parts[1]]
		if b == nil {
			t.Errorf("%s points at no bookmark", f.Instr)
			continue
		}
		if !ends[b.attr("id")] {
			t.Errorf("bookmark %s is not closed", parts[1])
		}
		if parts[len(parts)-1] != `\h` {
			t.Errorf("%s is not a link", f.Instr)
		}
		got = append(got, fmt.Sprintf("%s=%s", strings.Join(parts[1:len(parts)-1], " "), f.Result))
	}
	// The instrument's references (the bookmark, its switches and the
	// number), each field covering the number only.
	if want := exdocxLines(t, "ref-fields"); !slices.Equal(got, want) {
		t.Errorf("REF fields:\n got %q\nwant %q", got, want)
	}
	// The words around the number stay text, and the paragraph reads as
	// the resolved reference.
	for _, s := range exdocxLines(t, "citing-sentences") {
		if s = tie(s); !strings.Contains(doc.shown(), s) {
			t.Errorf("document does not read %q", s)
		}
	}
	// A Word-numbered target carries its bookmark inside its paragraph.
	for name, b := range marks {
		if b.Parent.Name.Local != "p" {
			t.Errorf("bookmark %s outside a paragraph", name)
		}
	}
}

func isBookmarkName(s string) bool {
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if i == 0 && !letter {
			return false
		}
		if !letter && !(r >= '0' && r <= '9') && r != '_' {
			return false
		}
	}
	return s != ""
}

func TestSignatureBlockIsABorderlessTable(t *testing.T) {
	doc, styles, _, _ := mouParts(t, false)
	tbls := doc.all("tbl")
	if len(tbls) != 1 {
		t.Fatalf("%d tables, want 1", len(tbls))
	}
	tbl := tbls[0]
	if got := tbl.child("tblPr").val("tblStyle"); got != "SignatureTable" {
		t.Errorf("table style %q", got)
	}
	for _, b := range styleByID(t, styles, "SignatureTable").first("tblBorders").Kids {
		if b.attr("val") != "nil" {
			t.Errorf("table style border %s = %s", b.Name.Local, b.attr("val"))
		}
	}
	var rows [][]string
	for _, tr := range tbl.all("tr") {
		var cells []string
		for _, tc := range tr.all("tc") {
			var lines []string
			for _, p := range tc.all("p") {
				lines = append(lines, p.child("pPr").val("pStyle")+": "+p.shown())
			}
			cells = append(cells, strings.Join(lines, " | "))
		}
		rows = append(rows, cells)
	}
	// The parties' cells: the "For …:" line, the signatory and office.
	var parties []string
	for _, cell := range signatories(t) {
		parties = append(parties, fmt.Sprintf("SignatureFor: %s | SignatureText: %s | SignatureText: %s", cell[0], cell[1], cell[2]))
	}
	want := [][]string{
		parties,
		{"SignatureLine: Signature: \t", "SignatureLine: Signature: \t"},
		{"SignatureLine: Date: \t", "SignatureLine: Date: \t"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("signature table:\n got %q\nwant %q", rows, want)
	}
	if got := styleByID(t, styles, "SignatureFor").child("rPr").child("i"); got == nil {
		t.Error("Signature For is not italic")
	}
}

func TestFinalHasNoDraftMarking(t *testing.T) {
	doc, _, _, parts := mouParts(t, true)
	if _, ok := parts["word/header1.xml"]; ok {
		t.Error("final copy has a header")
	}
	if doc.first("sectPr").child("headerReference") != nil {
		t.Error("final copy refers to a header")
	}
	if strings.Contains(doc.shown(), "DRAFT") {
		t.Error("final copy says DRAFT")
	}
	for _, p := range doc.all("p") {
		if strings.HasPrefix(p.shown(), "(ii) (bis)") {
			t.Error("final copy keeps the insert label")
		}
	}
}
