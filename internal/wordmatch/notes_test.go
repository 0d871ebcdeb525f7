package wordmatch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReferencePartsCutsTheThreeNotes(t *testing.T) {
	parts, err := ReferenceParts("../../testdata/reference/cica-note-NCT-CT-569-and-draft-mou.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		tag, first, last, foreign string
	}{
		{"en", "**SECRETARIAT OF THE CONFERENCE", "Astana, 13 May 2024", "Секретариат Совещания по взаимодействию и мерам"},
		{"ru", "**SECRETARIAT OF THE CONFERENCE", "город Астана, 13 мая 2024 года", "The Secretariat of the Conference"},
		{"kk", "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (Азия Кеңесінің) Хатшылығы", "Астана қаласы, 2024 жылғы 13 мамыр", "MEMORANDUM OF UNDERSTANDING"},
	} {
		note := parts[c.tag]
		if !strings.HasPrefix(note, c.first) || !strings.HasSuffix(note, c.last) {
			t.Errorf("%s note runs from %.40q to %.40q", c.tag, note, note[max(len(note)-40, 0):])
		}
		if strings.Contains(note, c.foreign) {
			t.Errorf("%s note holds %q of another part", c.tag, c.foreign)
		}
		if n := len(Words(note)); n < 250 {
			t.Errorf("%s note has %d words", c.tag, n)
		}
	}
	if !strings.Contains(parts["ru"], "№ NCT/CT/569") || !strings.Contains(parts["en"], "No. NCT/CT/569") || !strings.Contains(parts["kk"], "Қосымша:") {
		t.Error("a note lacks its number or its enclosure line")
	}
}

func TestCutMissingParts(t *testing.T) {
	spans := []Span{{"a", "START", "END"}, {"b", "START", "FIN"}, {"c", "X", "Y"}}
	got := Cut("START x END tail", spans)
	if got["a"] != "START x END" || got["b"] != "" || got["c"] != "" {
		t.Errorf("Cut = %q", got)
	}
	if got := Cut("", spans); got["a"] != "" || got["b"] != "" || got["c"] != "" || len(got) != 3 {
		t.Errorf("Cut of nothing = %q", got)
	}
}

func TestReadSpansReportsABadLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ref.notes")
	os.WriteFile(file, []byte("# comment\n\nen\tstart\tend\nbad line\n"), 0o644)
	if _, err := ReadSpans(file); err == nil || err.Error() != file+":4: want name, start and end separated by tabs" {
		t.Errorf("ReadSpans error = %v", err)
	}
}
