package docx_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestNoteParagraphsUseTheNoteStyles(t *testing.T) {
	// The paragraph styles of each edition, in order: the letterhead
	// blocks, the number, the body, place and date; the foot is the
	// section's first-page footer.
	editionPattern := regexp.MustCompile(`^(LetterheadTop Letterhead NoteNumber (NoteBody ){6}PlaceDate ?)+$`)
	notes := buildNotes(t, testTime(), "docx")
	number := expected(t, "note-number")
	en, ru, kk := tie("No.~")+number, tie("№~")+number, tie("№~")+number
	numbers := map[string][]string{
		"en": {en}, "ru": {ru}, "kk": {kk},
		"trilingual": {en, ru, kk},
	}
	for _, c := range noteCopies() {
		t.Run(c, func(t *testing.T) {
			doc, _, parts := noteParts(t, notes[c+".docx"])
			var styles, got []string
			breaks := 0
			for _, p := range doc.all("p") {
				ppr := p.child("pPr")
				if ppr.child("sectPr") != nil {
					// The empty paragraph that ends an edition's section.
					if p.shown() != "" {
						t.Errorf("section ends in paragraph %q", p.shown())
					}
					breaks++
					continue
				}
				style := ppr.val("pStyle")
				styles = append(styles, style)
				// No direct formatting: the style says it all.
				for _, k := range ppr.Kids {
					if name := k.Name.Local; name != "pStyle" {
						t.Errorf("%s paragraph %q has direct %s", style, p.shown(), name)
					}
				}
				for _, r := range p.all("rPr") {
					if len(r.Kids) != 1 || r.Kids[0].Name.Local != "lang" {
						t.Errorf("%s run %q has direct formatting", style, r.Parent.shown())
					}
				}
				if style == "NoteNumber" {
					got = append(got, p.shown())
				}
			}
			if seq := strings.Join(styles, " "); !editionPattern.MatchString(seq) {
				t.Errorf("paragraph styles %s", seq)
			}
			if !slices.Equal(got, numbers[c]) {
				t.Errorf("numbers %q, want %q", got, numbers[c])
			}
			if breaks != len(numbers[c])-1 {
				t.Errorf("%d section breaks for %d editions", breaks, len(numbers[c]))
			}
			// Each section: A4, the note's margins, a first-page footer
			// holding the foot, no page numbers.
			sects := doc.all("sectPr")
			if len(sects) != len(numbers[c]) {
				t.Fatalf("%d sections for %d editions", len(sects), len(numbers[c]))
			}
			rels := string(parts["word/_rels/document.xml.rels"])
			for _, sect := range sects {
				size, mar := sect.child("pgSz"), sect.child("pgMar")
				if size.attr("w") != "11906" || size.attr("h") != "16838" || mar.attr("left") != "1701" ||
					mar.attr("right") != "851" || mar.attr("top") != "1418" || mar.attr("bottom") != "1247" {
					t.Errorf("page %v, margins %v", size.Attr, mar.Attr)
				}
				if sect.child("titlePg") == nil || sect.child("headerReference") != nil {
					t.Error("a note's section has no distinct first page, or has a header")
				}
				refs := sect.all("footerReference")
				if len(refs) != 1 || refs[0].attr("type") != "first" {
					t.Fatalf("footer references %v, want the first page's alone", refs)
				}
				m := regexp.MustCompile(`Id="` + refs[0].attr("id") + `"[^>]*Target="([^"]+)"`).FindStringSubmatch(rels)
				if m == nil {
					m = regexp.MustCompile(`Target="([^"]+)"[^>]*Id="` + refs[0].attr("id") + `"`).FindStringSubmatch(rels)
				}
				if m == nil || parts["word/"+m[1]] == nil {
					t.Fatalf("no footer part for %s", refs[0].attr("id"))
				}
				foot := parseXML(t, parts["word/"+m[1]])
				var fs []string
				for _, p := range foot.all("p") {
					fs = append(fs, p.child("pPr").val("pStyle"))
				}
				if strings.Join(fs, " ") != "Enclosure Addressee" {
					t.Errorf("first-page footer paragraphs %v, want Enclosure Addressee", fs)
				}
			}
			for _, name := range []string{"word/header1.xml", "word/footer1.xml", "word/numbering.xml"} {
				if parts[name] != nil {
					t.Errorf("the package has %s", name)
				}
			}
		})
	}
}

func TestNoteStylesFollowThePDFNote(t *testing.T) {
	notes := buildNotes(t, testTime(), "docx")
	_, styles, _ := noteParts(t, notes["ru.docx"])
	type want struct {
		name, basedOn, jc   string
		before, after, line string
		firstLine           string
		pageBreak, keepNext bool
		bold, italic, caps  bool
	}
	for id, w := range map[string]want{
		"Letterhead":    {name: "Letterhead", basedOn: "Normal", jc: "center", after: "160", keepNext: true, bold: true},
		"LetterheadTop": {name: "Letterhead Top", basedOn: "Letterhead", before: "1587", after: "160"},
		"NoteNumber":    {name: "Note Number", basedOn: "Normal", jc: "left", before: "280", after: "280", keepNext: true},
		"NoteBody":      {name: "Note Body", basedOn: "Normal", jc: "both", after: "120", line: "360", firstLine: "709"},
		"PlaceDate":     {name: "Place Date", basedOn: "Normal", jc: "left", before: "360", line: "360"},
		"Enclosure":     {name: "Enclosure", basedOn: "Normal", jc: "left", before: "240", after: "240", italic: true},
		"Addressee":     {name: "Addressee", basedOn: "Normal", jc: "left", before: "240", bold: true},
	} {
		s := styleByID(t, styles, id)
		ppr, rpr := s.child("pPr"), s.child("rPr")
		if rpr == nil {
			rpr = &node{}
		}
		sp := ppr.child("spacing")
		if sp == nil {
			sp = &node{}
		}
		ind := ppr.child("ind")
		if ind == nil {
			ind = &node{}
		}
		got := want{
			name: s.val("name"), basedOn: s.val("basedOn"), jc: ppr.val("jc"),
			before: sp.attr("before"), after: sp.attr("after"), line: sp.attr("line"), firstLine: ind.attr("firstLine"),
			pageBreak: ppr.child("pageBreakBefore") != nil, keepNext: ppr.child("keepNext") != nil,
			bold: rpr.child("b") != nil, italic: rpr.child("i") != nil, caps: rpr.child("caps") != nil,
		}
		// Zero spacing is written out; the table leaves it blank.
		for _, f := range []*string{&got.before, &got.after} {
			if *f == "0" {
				*f = ""
			}
		}
		if got != w {
			t.Errorf("style %s:\n got %+v\nwant %+v", id, got, w)
		}
	}
	// The Russian note's styles are in Russian.
	if got := styleByID(t, styles, "Normal").child("rPr").val("lang"); got != "ru-RU" {
		t.Errorf("Normal w:lang %q in the Russian note", got)
	}
}
