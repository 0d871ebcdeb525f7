package wordmatch

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	got := Words("**DRAFT** paragraph 2.1, subparagraph iii. of the “*Participants*” — cross-border; States’ 55/20")
	want := []string{"draft", "paragraph", "2.1", "subparagraph", "iii", "of", "the", "participants", "cross-border", "states", "55/20"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q\nwant %q", got, want)
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name, ref, got string
		want           float64
	}{
		{"identical", "a b c d", "a b c d", 1},
		{"one word missing", "a b c d", "a b d", 0.75},
		{"order matters", "a b c d", "d c b a", 0.25},
		{"extra words do not count against", "a b", "x a y b z", 1},
		{"Cyrillic", "подпункту iii. пункта 2.1", "к подпункту iii. пункта 2.1 проекта", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := Ratio(tt.ref, tt.got); got != tt.want {
				t.Errorf("Ratio = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBetween(t *testing.T) {
	s := "x\n**DRAFT\nMEMO**\nbody\n| Date | Date |\ntail\n"
	if got, want := Between(s, "DRAFT", "Date"), "**DRAFT\nMEMO**\nbody\n| Date | Date |\n"; got != want {
		t.Errorf("Between = %q, want %q", got, want)
	}
}
