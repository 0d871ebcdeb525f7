package suggest

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"тармақ", "тармағ", 1},
		{"areas", "areas", 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	ids := []string{"purpose", "areas", "areas.basis", "areas.consultation", "subsequent", "subsequent.specific", "financial"}
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"typo", "subsequnet", []string{"subsequent"}},
		{"sibling ids count as near", "areas.basiss", []string{"areas.basis", "areas.consultation"}},
		{"nothing close", "zzzzzzzzzzzz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Nearest(tt.in, ids, 3); !slices.Equal(got, tt.want) {
				t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := Hint("financal", ids); got != "did you mean financial?" {
		t.Errorf("Hint = %q", got)
	}
}
