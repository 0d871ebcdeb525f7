package text_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
)

// TestFootnoteMarksInTheStylesSymbols: the text copy of a document whose
// style marks footnotes with symbols afresh on each page marks them with
// the symbols, counted through the document (a text copy has no pages),
// in the text and in the notes at the end alike.
func TestFootnoteMarksInTheStylesSymbols(t *testing.T) {
	res, diags := build.Build(os.DirFS("../../../testdata/footnote-marks"), build.Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(res.Outputs) != 1 {
		t.Fatalf("%d outputs", len(res.Outputs))
	}
	text := string(res.Outputs[0].Data)
	for _, want := range []string{
		"MEMORANDUM[*]\n",
		"the alpha case[†] of the test.",
		"the echo case[‡‡] of the test.",
		"the papa case[******] of the test.",
		"\n[*] Prepared for testing; not an official text.\n[†] Note on alpha.\n",
		"\n[‡‡] Note on echo.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text copy lacks %q", want)
		}
	}
}
