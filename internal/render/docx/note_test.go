package docx_test

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/notetest"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// noteCopies are the copies the build writes of the note: each language,
// then all three.
func noteCopies() []string { return []string{"en", "ru", "kk", "trilingual"} }

// noteLangs is the language of each edition of a copy, in order.
func noteLangs(copy string) []string {
	if copy == "trilingual" {
		return []string{"en-GB", "ru-RU", "kk-KZ"}
	}
	return []string{map[string]string{"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}[copy]}
}

// buildNotes builds the example project at time tm in formats and returns
// the outputs whose name starts with the note's id, by the rest of the
// name ("en.docx", "trilingual.txt").
func buildNotes(t testing.TB, tm time.Time, formats ...string) map[string][]byte {
	t.Helper()
	res, diags := build.Build(os.DirFS(repoRoot), build.Options{Formats: formats, Time: tm})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	noteID := example(t).Note
	out := map[string][]byte{}
	for _, o := range res.Outputs {
		if rest, ok := strings.CutPrefix(o.Name, noteID+"."); ok {
			out[rest] = o.Data
		}
	}
	for _, c := range noteCopies() {
		if out[c+".docx"] == nil && slices.Contains(formats, "docx") {
			t.Fatalf("the build wrote no %s.%s.docx (outputs: %v)", noteID, c, slices.Sorted(maps.Keys(out)))
		}
	}
	return out
}

// noteParts returns a note copy's parsed document and styles.
func noteParts(t *testing.T, data []byte) (doc, styles *node, parts map[string][]byte) {
	t.Helper()
	_, parts = unzip(t, data)
	return parseXML(t, parts["word/document.xml"]), parseXML(t, parts["word/styles.xml"]), parts
}

func TestNoteDocxIsDeterministic(t *testing.T) {
	a := buildNotes(t, testTime(), "docx")
	b := buildNotes(t, testTime(), "docx")
	later := buildNotes(t, testTime().Add(24*time.Hour), "docx")
	for _, c := range noteCopies() {
		name := c + ".docx"
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s: two builds differ", name)
		}
		// Another time changes the stamps, not the document.
		_, pa := unzip(t, a[name])
		_, pl := unzip(t, later[name])
		if !bytes.Equal(pa["word/document.xml"], pl["word/document.xml"]) {
			t.Errorf("%s: the document depends on the time", name)
		}
		if !strings.Contains(string(pa["docProps/core.xml"]), ">2024-05-13T09:30:00Z<") ||
			!strings.Contains(string(pl["docProps/core.xml"]), ">2024-05-14T09:30:00Z<") {
			t.Errorf("%s: core.xml is not stamped with the build time:\n%s", name, pa["docProps/core.xml"])
		}
	}
}

// broken is the text of a paragraph with its line breaks (w:br) as line
// feeds.
func broken(p *node) string {
	var b strings.Builder
	for _, r := range p.all("r") {
		for _, k := range r.Kids {
			switch k.Name.Local {
			case "t":
				b.WriteString(k.Text)
			case "noBreakHyphen":
				b.WriteByte('-')
			case "br":
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// cyrillic reports whether s holds a Cyrillic letter.
func cyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

func TestNoteRunsCarryTheirLanguage(t *testing.T) {
	notes := buildNotes(t, testTime(), "docx")
	for _, c := range noteCopies() {
		t.Run(c, func(t *testing.T) {
			doc, styles, parts := noteParts(t, notes[c+".docx"])
			langs := noteLangs(c)
			edition := -1
			count := map[string]int{}
			for _, p := range doc.all("p") {
				style := p.child("pPr").val("pStyle")
				if p.child("pPr").child("sectPr") != nil {
					continue // the end of an edition's section
				}
				if style == "LetterheadTop" {
					edition++
				}
				if edition < 0 {
					t.Fatalf("paragraph %q comes before the first letterhead", p.shown())
				}
				want := langs[edition]
				if style == "Letterhead" || style == "LetterheadTop" {
					// The letterhead is English and Russian whatever the
					// edition's language.
					want = "en-GB"
					if cyrillic(p.shown()) {
						want = "ru-RU"
					}
				}
				for _, r := range p.all("r") {
					if got := r.child("rPr").val("lang"); got != want {
						t.Errorf("edition %d: %s run %q has w:lang %q, want %q", edition, style, r.shown(), got, want)
					}
					count[want]++
				}
			}
			if edition != len(langs)-1 {
				t.Errorf("%d letterheads starting an edition, want %d", edition+1, len(langs))
			}
			t.Logf("runs by w:lang: %v", count)
			for _, l := range langs {
				if count[l] < 6 {
					t.Errorf("only %d runs in %s", count[l], l)
				}
			}
			// The styles, settings and metadata are in the first edition's
			// language.
			if got := styles.first("rPrDefault").first("lang").attr("val"); got != langs[0] {
				t.Errorf("default w:lang %q, want %q", got, langs[0])
			}
			if got := styleByID(t, styles, "Normal").child("rPr").val("lang"); got != langs[0] {
				t.Errorf("Normal w:lang %q, want %q", got, langs[0])
			}
			if got := parseXML(t, parts["word/settings.xml"]).first("themeFontLang").attr("val"); got != langs[0] {
				t.Errorf("themeFontLang %q", got)
			}
			if got := parseXML(t, parts["docProps/core.xml"]).first("language").Text; got != langs[0] {
				t.Errorf("dc:language %q", got)
			}
		})
	}
}

func TestNoteDocxCarriesTheTextEditionsWords(t *testing.T) {
	notes := buildNotes(t, testTime(), "txt", "docx")
	for _, c := range noteCopies() {
		doc, _, parts := noteParts(t, notes[c+".docx"])
		var paras []string
		for _, p := range doc.all("p") {
			paras = append(paras, broken(p))
		}
		// The foot of each edition's first page is a footer of its own.
		for name, data := range parts {
			if strings.HasPrefix(name, "word/footer") {
				for _, p := range parseXML(t, data).all("p") {
					paras = append(paras, broken(p))
				}
			}
		}
		got := wordmatch.Words(strings.Join(paras, "\n"))
		want := wordmatch.Words(string(notes[c+".txt"]))
		// The foot stands elsewhere (in a footer, not at the page break),
		// so the words are compared as a multiset.
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the .docx has %d words, the .txt %d, not the same ones", c, len(got), len(want))
		}
		if len(want) < 250 {
			t.Errorf("%s: only %d words", c, len(want))
		}
	}
}

func TestWriteNoteRefusesNoEdition(t *testing.T) {
	var buf bytes.Buffer
	for _, eds := range [][]*model.NoteEdition{nil, {nil}} {
		if err := docx.WriteNote(&buf, eds, docx.Options{}); err == nil {
			t.Errorf("WriteNote(%v) succeeded", eds)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("WriteNote wrote %d bytes for nothing", buf.Len())
	}
}

// An edition without a letterhead or a foot: each is a section of its own
// (the second starting a page at its number); the styles are in the first
// edition's language when no language is given.
func TestWriteNoteWithoutLetterheadOrFoot(t *testing.T) {
	eds := []*model.NoteEdition{
		notetest.Edition(notetest.Note{Lang: "kk", Number: "№ 1", Paragraphs: []string{"Бірінші."}, PlaceDate: "Астана"}, nil),
		notetest.Edition(notetest.Note{Lang: "ru", Number: "№ 1", Paragraphs: []string{"Первый.", "Второй."}, PlaceDate: "Астана"}, nil),
	}
	var buf bytes.Buffer
	if err := docx.WriteNote(&buf, eds, docx.Options{Time: testTime()}); err != nil {
		t.Fatal(err)
	}
	doc, styles, _ := noteParts(t, buf.Bytes())
	var got []string
	for _, p := range doc.all("p") {
		ppr := p.child("pPr")
		if ppr.child("sectPr") != nil {
			got = append(got, "SECTION "+ppr.child("sectPr").child("type").attr("val"))
			continue
		}
		s := ppr.val("pStyle") + ":" + p.first("lang").attr("val") + ":" + p.shown()
		if len(ppr.Kids) != 1 {
			s = "DIRECT " + s
		}
		got = append(got, s)
	}
	want := []string{
		"NoteNumber:kk-KZ:№ 1", "NoteBody:kk-KZ:Бірінші.", "PlaceDate:kk-KZ:Астана", "SECTION nextPage",
		"NoteNumber:ru-RU:№ 1", "NoteBody:ru-RU:Первый.", "NoteBody:ru-RU:Второй.", "PlaceDate:ru-RU:Астана",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	if got := styleByID(t, styles, "Normal").child("rPr").val("lang"); got != "kk-KZ" {
		t.Errorf("Normal w:lang %q, want kk-KZ", got)
	}
}
