package pdf_test

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/notetest"
	"github.com/chancery-dev/chancery/internal/render/pdf"
	"github.com/chancery-dev/chancery/internal/style"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// noteOutputs builds the example's note as text and PDF and returns its
// outputs by the rest of their names after the note's id: "en.pdf",
// "trilingual.pdf", "ru.txt" ….
func noteOutputs(t *testing.T) map[string][]byte {
	t.Helper()
	res, diags := build.Build(os.DirFS(repoRoot), build.Options{Formats: []string{"txt", "pdf"}, Time: stamp()})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	out := map[string][]byte{}
	prefix := example(t).Note + "."
	for _, o := range res.Outputs {
		if rest, ok := strings.CutPrefix(o.Name, prefix); ok {
			out[rest] = o.Data
		}
	}
	return out
}

// TestNoteEditions checks the example's note as built: each edition's
// PDF against its text copy, the trilingual copy's pages, and qpdf.
func TestNoteEditions(t *testing.T) {
	out := noteOutputs(t)
	t.Run("pages-follow-text", func(t *testing.T) { pagesFollowText(t, out) })
	t.Run("trilingual-pages", func(t *testing.T) {
		total := 0
		for _, tag := range []string{"en", "ru", "kk"} {
			total += pagesOf(t, runTool(t, out[tag+".pdf"], "pdfinfo", "{}"))
		}
		if got := pagesOf(t, runTool(t, out["trilingual.pdf"], "pdfinfo", "{}")); got != total {
			t.Errorf("trilingual copy has %d pages, the editions %d", got, total)
		}
	})
	t.Run("qpdf-check", func(t *testing.T) {
		runTool(t, out["trilingual.pdf"], "qpdf", "--check", "{}")
	})
}

// pagesFollowText: page 1 of each edition carries the letterhead, the
// number, the text up to where the text copy puts the page break and, at
// its foot, the enclosure line and the addressee block; page 2 the rest.
func pagesFollowText(t *testing.T, out map[string][]byte) {
	foot := map[string]string{"en": "Enclosure:", "ru": "Приложение:", "kk": "Қосымша:"}
	for _, tag := range []string{"en", "ru", "kk"} {
		text := string(out[tag+".txt"])
		data := out[tag+".pdf"]
		i := strings.Index(text, "\n\n"+foot[tag])
		j := strings.Index(text, "\f\n")
		if i < 0 || j < i {
			t.Fatalf("%s text copy has no first-page foot before a page break:\n%s", tag, text)
		}
		for _, c := range []struct {
			name, want, got string
		}{
			{"page 1 with its foot", text[:j], pdftotext(t, data, "-raw", "-f", "1", "-l", "1")},
			{"page 2", text[j+2:], pdftotext(t, data, "-raw", "-f", "2", "-l", "2")},
		} {
			if ratio, n := wordmatch.Ratio(c.want, c.got); ratio < 1 {
				t.Errorf("%s: PDF %s has %d of the text copy's %d words in order:\n%s", tag, c.name, n, len(wordmatch.Words(c.want)), c.got)
			}
		}
	}
}

func pagesOf(t *testing.T, info string) int {
	t.Helper()
	for line := range strings.SplitSeq(info, "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil {
				return n
			}
		}
	}
	t.Fatalf("no page count in:\n%s", info)
	return 0
}

// TestWriteNoteBreaks lays out a long edition: it breaks inside a
// paragraph at a word, carries at least two lines over, and is the same
// bytes twice.
func TestWriteNoteBreaks(t *testing.T) {
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	sentence := "The Participants will keep each other informed of their activities in the areas of cooperation. "
	long := strings.TrimSpace(strings.Repeat(sentence, 60))
	ed := notetest.Edition(notetest.Note{
		Lang:       "en",
		Letterhead: []notetest.Letterhead{{Lang: "en", Lines: []string{"SECRETARIAT"}}},
		Number:     "No. A/1",
		Paragraphs: []string{long, "Closing."},
		PlaceDate:  "Nordhaven, 13 May 2024",
		Enclosure:  []string{"Enclosure:", "as stated,", "on 1 p."},
		Addressee:  []string{"MEMBER STATES"},
	}, nil)
	var a, b bytes.Buffer
	la, err := pdf.WriteNote(&a, []*model.NoteEdition{ed}, pdf.Options{Lang: language(t, e, "en"), Time: stamp()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.WriteNote(&b, []*model.NoteEdition{ed}, pdf.Options{Lang: language(t, e, "en"), Time: stamp()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
	if la.Pages < 2 || len(la.Breaks) != 1 || len(la.Breaks[0]) != la.Pages-1 {
		t.Fatalf("layout %+v", la)
	}
	br := la.Breaks[0][0]
	p := long
	if br.Block != notetest.Index(ed, style.BlockBody) || br.Para != 0 || br.Offset <= 0 || br.Offset >= len(p) || p[br.Offset-1] != ' ' {
		t.Errorf("first break %+v is not at a word inside the first paragraph", br)
	}
}

func TestWriteNoteRefusesNothing(t *testing.T) {
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.WriteNote(io.Discard, nil, pdf.Options{Lang: language(t, e, "en")}); err == nil {
		t.Error("no error for no editions")
	}
	if _, err := pdf.WriteNote(io.Discard, []*model.NoteEdition{{Lang: "en"}}, pdf.Options{}); err == nil {
		t.Error("no error for no language")
	}
}
