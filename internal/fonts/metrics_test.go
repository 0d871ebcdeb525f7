package fonts

import (
	"math"
	"testing"
)

// Liberation Serif has the advance widths of Times New Roman; these are
// Times's, in thousandths of an em (Adobe's Times-Roman and Times-Bold
// metrics).
func TestAdvanceWidths(t *testing.T) {
	for _, tc := range []struct {
		style Style
		text  string
		width float64 // thousandths of an em
	}{
		{Regular, "i", 278},
		{Regular, "ii.", 278 + 278 + 250},
		{Regular, "(ii) (bis)", 333 + 278 + 278 + 333 + 250 + 333 + 500 + 278 + 389 + 333},
		{Regular, "4.1", 500 + 250 + 500},
		{Bold, "12:", 500 + 500 + 333},
		{Regular, "а)", 444 + 333}, // Cyrillic a, as wide as the Latin one
	} {
		m, err := LoadMetrics(tc.style)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Width(tc.text, 1000); math.Abs(got-tc.width) > 1 {
			t.Errorf("%v %q: %.1f, want %.0f", tc.style, tc.text, got, tc.width)
		}
	}
}

func TestMetricsErrors(t *testing.T) {
	if _, err := ParseMetrics([]byte("not a font")); err == nil {
		t.Error("no error for data that is not a font")
	}
}
