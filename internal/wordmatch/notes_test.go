package wordmatch

import (
	"os"
	"strings"
	"testing"
)

func TestReferenceNotesCutsTheThreeNotes(t *testing.T) {
	data, err := os.ReadFile("../../testdata/reference/cica-note-NCT-CT-569-and-draft-mou.txt")
	if err != nil {
		t.Fatal(err)
	}
	en, ru, kk := ReferenceNotes(string(data))
	for _, c := range []struct {
		tag, note, first, last, foreign string
	}{
		{"en", en, "**SECRETARIAT OF THE CONFERENCE", "Astana, 13 May 2024", "Секретариат Совещания по взаимодействию и мерам"},
		{"ru", ru, "**SECRETARIAT OF THE CONFERENCE", "город Астана, 13 мая 2024 года", "The Secretariat of the Conference"},
		{"kk", kk, "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (Азия Кеңесінің) Хатшылығы", "Астана қаласы, 2024 жылғы 13 мамыр", "MEMORANDUM OF UNDERSTANDING"},
	} {
		if !strings.HasPrefix(c.note, c.first) || !strings.HasSuffix(c.note, c.last) {
			t.Errorf("%s note runs from %.40q to %.40q", c.tag, c.note, c.note[max(len(c.note)-40, 0):])
		}
		if strings.Contains(c.note, c.foreign) {
			t.Errorf("%s note holds %q of another part", c.tag, c.foreign)
		}
		if n := len(Words(c.note)); n < 250 {
			t.Errorf("%s note has %d words", c.tag, n)
		}
	}
	if !strings.Contains(ru, "№ NCT/CT/569") || !strings.Contains(en, "No. NCT/CT/569") || !strings.Contains(kk, "Қосымша:") {
		t.Error("a note lacks its number or its enclosure line")
	}
}

func TestReferenceNotesMissingParts(t *testing.T) {
	en, ru, kk := ReferenceNotes("**SECRETARIAT OF THE CONFERENCE x Astana, 13 May 2024 tail")
	if en != "**SECRETARIAT OF THE CONFERENCE x Astana, 13 May 2024" || ru != "" || kk != "" {
		t.Errorf("ReferenceNotes = %q, %q, %q", en, ru, kk)
	}
	if en, ru, kk := ReferenceNotes(""); en != "" || ru != "" || kk != "" {
		t.Errorf("ReferenceNotes of nothing = %q, %q, %q", en, ru, kk)
	}
}
