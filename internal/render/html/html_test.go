package html_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/render/html"
)

const repoRoot = "../../.."

// exampleHTML returns the lines of the example's enclosure's page that
// testdata/example/render.txtar lists: an anchor, a reference and
// emphasis, with "~" read as a no-break space.
func exampleHTML(t *testing.T) []string {
	t.Helper()
	lines := projecttest.ExpectedLines(t, repoRoot, "render.txtar", "enclosure-html")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "~", lang.NoBreakSpace)
	}
	return lines
}

// pages builds the HTML of the example and the trilingual fixture, draft
// and final, and returns the pages by a name that says which.
func pages(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []struct{ name, dir string }{{"example", repoRoot}, {"agreement", repoRoot + "/testdata/agreement"}, {"marks", repoRoot + "/testdata/footnote-marks"}} {
		for _, final := range []bool{false, true} {
			res, diags := build.Build(os.DirFS(p.dir), build.Options{Final: final, Formats: []string{"html"}})
			if diags.HasErrors() {
				t.Fatalf("%s: %v", p.name, diags)
			}
			kind := "draft"
			if final {
				kind = "final"
			}
			for _, o := range res.Outputs {
				if filepath.Ext(o.Name) != ".html" {
					t.Errorf("--formats html wrote %s", o.Name)
				}
				out[p.name+"/"+kind+"/"+o.Name] = o.Data
			}
		}
	}
	return out
}

func TestTidyFindsNoErrorsOrWarnings(t *testing.T) {
	tidy := clienttest.Command(t, "tidy", "tidy")
	dir := t.TempDir()
	ps := pages(t)
	if len(ps) < 10 {
		t.Fatalf("only %d pages", len(ps))
	}
	for name, data := range ps {
		path := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(tidy, "-errors", "-q", path).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("tidy -errors -q %s: %v\n%s", name, err, out)
		}
	}
}

var (
	hrefRE = regexp.MustCompile(`href="#([^"]*)"`)
	idRE   = regexp.MustCompile(` id="([^"]*)"`)
)

func TestEveryLinkHasItsTarget(t *testing.T) {
	links := 0
	for name, data := range pages(t) {
		ids := map[string]bool{}
		for _, m := range idRE.FindAllSubmatch(data, -1) {
			if ids[string(m[1])] {
				t.Errorf("%s: id %q twice", name, m[1])
			}
			ids[string(m[1])] = true
		}
		for _, m := range hrefRE.FindAllSubmatch(data, -1) {
			links++
			if !ids[string(m[1])] {
				t.Errorf("%s: href=\"#%s\" has no target", name, m[1])
			}
		}
	}
	if links < 20 {
		t.Errorf("only %d links in all pages", links)
	}
}

func TestPagesSayTheirLanguageAndAnchorEveryUnit(t *testing.T) {
	ps := pages(t)
	e := projecttest.ReadExample(t, repoRoot)
	mou := ps["example/draft/"+e.Enclosure+".en.html"]
	for _, want := range append([]string{
		`<html lang="en">`,
		`<p class="marking">DRAFT</p>`,
		`@top-right { content: "DRAFT";`,
		`@bottom-center { content: "Page " counter(page) " of " counter(pages);`,
		`size: A4;`,
	}, exampleHTML(t)...) {
		if !bytes.Contains(mou, []byte(want)) {
			t.Errorf("the MoU's page lacks %s", want)
		}
	}
	ru := ps["agreement/final/agr.ru.original-2.html"]
	for _, want := range []string{
		`<html lang="ru">`,
		"<p class=\"marking\">Экземпляр №\u00a02 из 2</p>",
		`<td><p class="line">Место подписания: <span class="rule">`,
	} {
		if !bytes.Contains(ru, []byte(want)) {
			t.Errorf("the agreement's Russian original 2 lacks %s", want)
		}
	}
	if bytes.Contains(ru, []byte("ПРОЕКТ")) {
		t.Error("a final copy carries the DRAFT marking")
	}
	tri := ps["example/draft/"+e.Note+".trilingual.html"]
	var langs []string
	for _, m := range regexp.MustCompile(`<section class="edition" lang="([a-z]+)">`).FindAllSubmatch(tri, -1) {
		langs = append(langs, string(m[1]))
	}
	if !slices.Equal(langs, []string{"en", "ru", "kk"}) {
		t.Errorf("the trilingual note has editions %q", langs)
	}
}

func TestNoLanguageIsAnError(t *testing.T) {
	if err := html.WriteInstrument(&bytes.Buffer{}, &lower.Instrument{}, html.Options{}); err != nil {
		// An instrument needs no language words of its own beyond the
		// page numbers; without a language it is written without them.
		t.Errorf("without a language: %v", err)
	}
	if err := html.WriteNote(&bytes.Buffer{}, nil, html.Options{}); err == nil {
		t.Error("a note without editions was written")
	}
}

// TestFootnoteMarksInTheStylesSymbols: a style marking footnotes with
// symbols afresh on each page gives the HTML page (which has no pages)
// the symbols counted through the document, in the text and in the list
// of notes alike, each linked to the other by the note's number.
func TestFootnoteMarksInTheStylesSymbols(t *testing.T) {
	page := string(pages(t)["marks/draft/marks.en.html"])
	for _, want := range []string{
		`MEMORANDUM<sup class="fnref"><a href="#fn-1" id="fnref-1">*</a></sup>`,
		`alpha case<sup class="fnref"><a href="#fn-2" id="fnref-2">†</a></sup>`,
		`charlie case<sup class="fnref"><a href="#fn-5" id="fnref-5">**</a></sup>`,
		`echo case<sup class="fnref"><a href="#fn-7" id="fnref-7">‡‡</a></sup>`,
		`<li id="fn-1"><span class="fnmark">*</span> Prepared for testing; not an official text.`,
		`<li id="fn-7"><span class="fnmark">‡‡</span> Note on echo.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
