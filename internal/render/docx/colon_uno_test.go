package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/unotest"
)

// The section label "{n}:" and REF fields in LibreOffice 7.4.
//
// The MoU's sections are labelled "{n}:" and cited "{n}". The writer puts
// the number in the list (lvlText "%1") and the ":" and tab after it in
// the heading as text, and REF \n fields on the heading read "{n}". The
// test below builds the other constructions from the writer's own DOCX and
// records what LibreOffice reads in each after an officer's edit after
// section n: every one that gives a new heading "n+1:" from the list
// either cites "paragraph n+2:" or loses a reference or a number under an
// everyday edit, which is why the writer keeps the trailer as text. When a
// LibreOffice release reads one of them otherwise, the test fails and the
// construction can be reconsidered.

// rewrite returns docx with each part passed through edit.
func rewrite(t *testing.T, docx []byte, edit func(name, part string) string) []byte {
	t.Helper()
	names, parts := unzip(t, docx)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(edit(name, string(parts[name])))); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// typedTrailer is the ":" and tab the writer types at the start of a
// section heading, after the bookmark of a referenced one.
var typedTrailer = regexp.MustCompile(`(<w:pStyle w:val="Heading1"/></w:pPr>(?:<w:bookmarkStart [^>]*/>)?)` +
	`<w:r><w:rPr><w:lang w:val="[^"]*"/></w:rPr><w:t xml:space="preserve">:</w:t></w:r>` +
	`<w:r><w:rPr><w:lang w:val="[^"]*"/></w:rPr><w:tab/></w:r>`)

// trailerInList moves the section trailer into the list: level 0 prints
// lvlText (": " after "%1" in "%1:") followed by a tab, and the headings
// lose their typed ":" and tab.
func trailerInList(t *testing.T, docx []byte, lvlText string) []byte {
	t.Helper()
	return rewrite(t, docx, func(name, part string) string {
		switch name {
		case "word/numbering.xml":
			const old = `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1"/>`
			if !strings.Contains(part, old) {
				t.Fatalf("the outline's level 0 is not %s", old)
			}
			return strings.Replace(part, old, strings.NewReplacer(`"nothing"`, `"tab"`, `"%1"`, `"`+lvlText+`"`).Replace(old), 1)
		case "word/document.xml":
			if n, all := len(typedTrailer.FindAllStringIndex(part, -1)), strings.Count(part, `<w:pStyle w:val="Heading1"/>`); n != all || n == 0 {
				t.Fatalf("%d of %d headings have a typed trailer", n, all)
			}
			return typedTrailer.ReplaceAllString(part, "$1")
		}
		return part
	})
}

// withSwitches gives every REF field the switches sw instead of `\n \h`.
func withSwitches(t *testing.T, docx []byte, sw string) []byte {
	t.Helper()
	return rewrite(t, docx, func(name, part string) string {
		if name != "word/document.xml" {
			return part
		}
		if !strings.Contains(part, ` \n \h `) {
			t.Fatal(`no REF field with \n \h`)
		}
		return strings.ReplaceAll(part, ` \n \h `, " "+sw+" ")
	})
}

// anchorNum is the list instance of the anchors: the outline's abstract
// list, its deepest level printing the section number alone.
const anchorNum = `<w:num w:numId="90"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="8"><w:lvl w:ilvl="8">` +
	`<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/>` +
	`</w:lvl></w:lvlOverride></w:num>`

var headingMark = regexp.MustCompile(`<w:bookmarkStart w:id="(\d+)" w:name="[^"]*"/>`)

// anchored moves the bookmark of every referenced heading, which the REF
// fields read, to a hidden empty paragraph on the deepest level of the
// outline, whose number is the section's ("%1"): right after the heading,
// or at the end of the section, before the next heading.
func anchored(t *testing.T, docx []byte, atEnd bool) []byte {
	t.Helper()
	return anchor(t, rewrite(t, docx, func(name, part string) string {
		if name == "word/numbering.xml" {
			return strings.Replace(part, "</w:numbering>", anchorNum+"</w:numbering>", 1)
		}
		return part
	}), atEnd, `<w:ilvl w:val="8"/><w:numId w:val="90"/>`)
}

// ownLevel gives the anchors a list level of their own between the
// sections and their paragraphs: level 1 prints "%1" and every level below
// it moves one down ("%1.%2" becomes "%1.%3"); the anchors follow their
// headings.
func ownLevel(t *testing.T, docx []byte) []byte {
	t.Helper()
	lvl := regexp.MustCompile(`<w:lvl w:ilvl="(\d)">.*?</w:lvl>`)
	// down moves level numbers from 1 and placeholders from %2 on.
	down := func(s string) string {
		return regexp.MustCompile(`w:ilvl="[1-8]|<w:ilvl w:val="[1-8]|%[2-8]`).ReplaceAllStringFunc(s, func(m string) string {
			return m[:len(m)-1] + string(m[len(m)-1]+1)
		})
	}
	return anchor(t, rewrite(t, docx, func(name, part string) string {
		switch name {
		case "word/numbering.xml":
			levels := lvl.FindAllStringIndex(part, -1)
			var b strings.Builder
			from := 0
			for _, ix := range levels {
				l := part[ix[0]:ix[1]]
				b.WriteString(part[from:ix[0]])
				from = ix[1]
				switch {
				case strings.HasPrefix(l, `<w:lvl w:ilvl="0">`):
					b.WriteString(l)
					b.WriteString(`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>` +
						`<w:lvlText w:val="%1"/><w:lvlJc w:val="left"/></w:lvl>`)
				case strings.HasPrefix(l, `<w:lvl w:ilvl="8">`): // no room left
				default:
					b.WriteString(down(l))
				}
			}
			b.WriteString(part[from:])
			return regexp.MustCompile(`<w:lvlOverride w:ilvl="[1-8]">`).ReplaceAllStringFunc(b.String(), down)
		case "word/styles.xml", "word/document.xml":
			return regexp.MustCompile(`<w:ilvl w:val="[1-8]"/>`).ReplaceAllStringFunc(part, down)
		}
		return part
	}), false, `<w:ilvl w:val="1"/><w:numId w:val="1"/>`)
}

// anchor moves the bookmarks of the referenced headings to hidden empty
// paragraphs numbered numPr, after the headings or at the ends of their
// sections.
func anchor(t *testing.T, docx []byte, atEnd bool, numPr string) []byte {
	t.Helper()
	const heading = `<w:p><w:pPr><w:pStyle w:val="Heading1"/>`
	return rewrite(t, docx, func(name, part string) string {
		switch name {
		case "word/document.xml":
			var b strings.Builder
			moved := 0
			for {
				i := strings.Index(part, heading)
				if i < 0 {
					break
				}
				end := i + strings.Index(part[i:], "</w:p>") + len("</w:p>")
				b.WriteString(part[:i])
				p := part[i:end]
				part = part[end:]
				m := headingMark.FindStringSubmatch(p)
				if m == nil {
					b.WriteString(p)
					continue
				}
				closing := fmt.Sprintf(`<w:bookmarkEnd w:id="%s"/>`, m[1])
				p = strings.Replace(strings.Replace(p, m[0], "", 1), closing, "", 1)
				anchor := `<w:p><w:pPr><w:numPr>` + numPr + `</w:numPr>` +
					`<w:rPr><w:vanish/></w:rPr></w:pPr>` + m[0] + closing + `</w:p>`
				b.WriteString(p)
				moved++
				if !atEnd {
					b.WriteString(anchor)
					continue
				}
				next := strings.Index(part, heading)
				if next < 0 {
					t.Fatal("a referenced section is the last")
				}
				b.WriteString(part[:next])
				b.WriteString(anchor)
				part = part[next:]
			}
			if moved == 0 {
				t.Fatal("no referenced heading")
			}
			b.WriteString(part)
			return b.String()
		}
		return part
	})
}

// reading is what LibreOffice shows of the MoU after an edit.
type reading struct {
	t    *testing.T
	name string
	ps   []unotest.Para
}

func (r reading) label(text string) string {
	i := unotest.Find(r.ps, text)
	if i < 0 {
		r.t.Fatalf("%s: no paragraph with %q in\n%s", r.name, text, unotest.Text(r.ps))
	}
	return r.ps[i].Label
}

func (r reading) wantLabels(want map[string]string) {
	for text, label := range want {
		if got := r.label(text); got != label {
			r.t.Errorf("%s: %q is numbered %q, want %q", r.name, text, got, label)
		}
	}
}

func (r reading) wantText(ss ...string) {
	text := unotest.Text(r.ps)
	for _, s := range ss {
		if !strings.Contains(text, tie(s)) {
			r.t.Errorf("%s: LibreOffice text lacks %q", r.name, s)
		}
	}
}

// colonHeading is the section heading the officer types.
const colonHeading = "Review of arrangements"

// TestSectionColonConstructionsInLibreOffice records why the writer keeps
// the section trailer ":" as text: the MoU is built with the trailer in
// the list ("%1:") with each set of REF switches, and with the REF fields
// pointed at hidden anchor paragraphs in three places, and the officer
// types a new section heading or a new first paragraph; every one loses
// a number or a reference. All in one LibreOffice.
func TestSectionColonConstructionsInLibreOffice(t *testing.T) {
	t.Parallel() // in a LibreOffice of its own
	m := readOfficerEdit(t)
	doc := render(t, assembleMoU(t, false))
	colon := trailerInList(t, doc, "%1:")
	const newPara = "The Participants will inform each other of new arrangements."
	typeHeading := []unotest.Op{unotest.HeadingAfter(headingStyle, m.section, colonHeading)}
	headingFromEnd := []unotest.Op{unotest.HeadingFromEnd(headingStyle, m.section, colonHeading)}
	// With "%1:" the new heading reads "n+1:" from the list, and every REF
	// field reads the colon: LibreOffice's import keeps \n, \r and \w
	// (number without context, relative, full context) and drops \t, \#
	// and \*, and its number references print the level's whole text.
	citesColon := func(r reading) {
		r.wantLabels(map[string]string{colonHeading: m.sec(1, ":"), m.nextHeading: m.sec(2, ":"), m.nextFirst: m.para(2, 1)})
		r.wantText(cite(m.citesNext, m.sec(2, ":")), cite(m.citesSection, m.sec(0, ":")))
	}
	variants := []struct {
		name string
		job  unotest.Job
		// check asserts LibreOffice's reading.
		check func(r reading)
	}{
		{`"%1:", REF \n`, unotest.Job{DOCX: colon, Ops: typeHeading}, citesColon},
		{`"%1:", REF \n \t`, unotest.Job{DOCX: withSwitches(t, colon, `\n \t \h`), Ops: typeHeading}, citesColon},
		{`"%1:", REF \r`, unotest.Job{DOCX: withSwitches(t, colon, `\r \h`), Ops: typeHeading}, citesColon},
		{`"%1:", REF \w`, unotest.Job{DOCX: withSwitches(t, colon, `\w \h`), Ops: typeHeading}, citesColon},
		{`"%1:", REF \n \# "0"`, unotest.Job{DOCX: withSwitches(t, colon, `\n \# "0" \h`), Ops: typeHeading}, citesColon},
		{`"%1:", REF \n \* Arabic`, unotest.Job{DOCX: withSwitches(t, colon, `\n \* Arabic \h`), Ops: typeHeading}, citesColon},
		// A full stop is the one trailer it drops (as Word drops
		// trailing periods).
		{`"%1."`, unotest.Job{DOCX: trailerInList(t, doc, "%1."), Ops: typeHeading}, func(r reading) {
			r.wantLabels(map[string]string{colonHeading: m.sec(1, "."), m.nextHeading: m.sec(2, ".")})
			r.wantText(cite(m.citesNext, m.sec(2, "")), cite(m.citesSection, m.sec(0, "")))
		}},
		// An anchor right after the heading would follow it through any
		// edit, but LibreOffice counts the levels it skips (phantoms):
		// the section's first paragraph becomes n.2.
		{"anchor after the heading", unotest.Job{DOCX: anchored(t, colon, false), Ops: typeHeading}, func(r reading) {
			r.wantLabels(map[string]string{colonHeading: m.sec(1, ":"), m.nextHeading: m.sec(2, ":"), m.sectionFirst: m.para(0, 2), m.nextFirst: m.para(2, 2)})
			r.wantText(cite(m.citesNext, m.sec(2, "")), cite(m.citesSection, m.sec(0, "")))
		}},
		// At the end of the section the anchor numbers nothing else and
		// reads right after a heading typed before the next one...
		{"anchor at the end of the section", unotest.Job{DOCX: anchored(t, colon, true), Ops: typeHeading}, func(r reading) {
			r.wantLabels(map[string]string{colonHeading: m.sec(1, ":"), m.nextHeading: m.sec(2, ":"), m.sectionFirst: m.para(0, 1), m.nextFirst: m.para(2, 1)})
			r.wantText(cite(m.citesNext, m.sec(2, "")), cite(m.citesSection, m.sec(0, "")))
		}},
		// ...but a heading made the way Word users usually do, from the
		// end of section n (Enter after its last paragraph, Heading 1 on
		// the heading's level), takes section n's anchor: "paragraph n"
		// silently reads "paragraph n+1".
		{"anchor at the end, heading from the end", unotest.Job{DOCX: anchored(t, colon, true), Ops: headingFromEnd}, func(r reading) {
			r.wantLabels(map[string]string{colonHeading: m.sec(1, ":"), m.nextHeading: m.sec(2, ":")})
			r.wantText(cite(m.citesSection, m.sec(1, "")), cite(m.citesNext, m.sec(2, "")))
		}},
		// The writer's own construction: the references stay right and
		// only the new heading lacks its typed colon and tab.
		{"typed trailer, heading from the end", unotest.Job{DOCX: doc, Ops: headingFromEnd}, func(r reading) {
			r.wantLabels(map[string]string{colonHeading: m.sec(1, ""), m.nextHeading: m.sec(2, "")})
			r.wantText(cite(m.citesSection, m.sec(0, "")), cite(m.citesNext, m.sec(2, "")))
			if h := r.ps[unotest.Find(r.ps, colonHeading)]; h.Text != colonHeading {
				r.t.Errorf("the new heading reads %q", h.Text)
			}
		}},
		// On a list level of its own right after the heading, the
		// paragraphs one level down, LibreOffice counts no phantom and
		// the anchor follows its heading: the officer's edits of
		// TestOfficerEditsTheMoUInLibreOffice read right...
		{"anchor on its own level", unotest.Job{DOCX: ownLevel(t, colon), Ops: []unotest.Op{
			unotest.InsertFirst(headingStyle, m.section, newPara),
			unotest.HeadingAfter(headingStyle, m.section, colonHeading)}}, func(r reading) {
			r.wantLabels(map[string]string{newPara: m.para(0, 1), m.sectionFirst: m.para(0, 2),
				colonHeading: m.sec(1, ":"), m.nextHeading: m.sec(2, ":"), m.nextFirst: m.para(2, 1)})
			r.wantText(cite(m.citesSectionFirst, m.para(0, 2)), cite(m.citesNext, m.sec(2, "")),
				cite(m.citesSection, m.sec(0, "")))
		}},
		// ...but Enter at the end of a heading, to start a new first
		// paragraph, puts the paragraph before the anchor, and the
		// paragraphs after the anchor count from n.1 again.
		{"anchor on its own level, Enter after the heading", unotest.Job{DOCX: ownLevel(t, colon), Ops: []unotest.Op{
			unotest.AfterHeading(headingStyle, m.section, newPara)}}, func(r reading) {
			r.wantLabels(map[string]string{newPara: m.para(0, 1), m.sectionFirst: m.para(0, 1)})
		}},
	}
	jobs := make([]unotest.Job, len(variants))
	for i, v := range variants {
		jobs[i] = v.job
	}
	read := unotest.Read(t, jobs...)
	for i, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			v.check(reading{t: t, name: v.name, ps: read[i]})
		})
	}
}
