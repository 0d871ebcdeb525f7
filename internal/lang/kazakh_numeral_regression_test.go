package lang

import (
	"math"
	"testing"
)

// TestKazakhNumberWordsLarge keeps what FuzzKazakhSuffix found: counts of a
// scale of a thousand or more, and the most negative int.
func TestKazakhNumberWordsLarge(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1_000_000_000_000, "мың миллиард"},
		{2_024_000_000_000, "екі мың жиырма төрт миллиард"},
		{-5, "минус бес"},
	}
	for _, tt := range tests {
		if got := KazakhNumberWords(tt.n); got != tt.want {
			t.Errorf("KazakhNumberWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := KazakhNumberWords(math.MinInt); got == "" || got[:len("минус")] != "минус" {
		t.Errorf("KazakhNumberWords(MinInt) = %q", got)
	}
	if got := KazakhNumeral("00000000000001000000000000", Possessive3, Genitive); got == "" {
		t.Error("empty numeral")
	}
}
