package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// fixedWords makes words of the given widths with spaces of width 1.
func fixedWords(widths ...float64) []word {
	ws := make([]word, len(widths))
	for i, w := range widths {
		ws[i] = word{frags: []frag{{s: strings.Repeat("x", int(w)), w: w}}, width: w, space: 1}
	}
	ws[len(ws)-1].space = 0
	return ws
}

// shape returns the number of words per line.
func shape(lines []setLine) []int {
	var out []int
	for _, l := range lines {
		out = append(out, len(l.words))
	}
	return out
}

func ends(l setLine) float64 {
	n := len(l.words) - 1
	return l.xs[n] + l.words[n].width
}

func TestSetParagraph(t *testing.T) {
	tests := []struct {
		name   string
		widths []float64
		width  float64
		al     align
		want   []int
	}{
		{"one line", []float64{3, 3, 3}, 20, justify, []int{3}},
		{"exact fit", []float64{4, 4, 4, 4}, 9, justify, []int{2, 2}},
		{"word wider than the column", []float64{3, 30, 3}, 10, justify, []int{1, 1, 1}},
		{"centred lines balance", []float64{4, 4, 4, 4, 4}, 22, center, []int{3, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := setParagraph(fixedWords(tt.widths...), tt.width, tt.al)
			if got := shape(lines); !equal(got, tt.want) {
				t.Errorf("words per line = %v, want %v", got, tt.want)
			}
		})
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestJustifiedLinesFillTheColumn(t *testing.T) {
	words := fixedWords(7, 3, 9, 2, 5, 8, 4, 6, 3, 7, 5, 2, 9, 4)
	const width = 30
	lines := setParagraph(words, width, justify)
	if len(lines) < 3 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		end := ends(l)
		last := i == len(lines)-1
		switch {
		case !last && math.Abs(end-width) > 1e-9:
			t.Errorf("line %d ends at %v, want %v", i, end, width)
		case last && end > width+1e-9:
			t.Errorf("the last line ends at %v, beyond %v", end, width)
		}
		if l.xs[0] != 0 {
			t.Errorf("line %d starts at %v", i, l.xs[0])
		}
		// Spaces never shrink below two thirds of their width.
		for k := 1; k < len(l.words); k++ {
			gap := l.xs[k] - l.xs[k-1] - l.words[k-1].width
			if gap < 1-shrinkRatio-1e-9 {
				t.Errorf("line %d: space %d is %v wide", i, k, gap)
			}
		}
	}
}

func TestCentredAndLeftLines(t *testing.T) {
	words := fixedWords(4, 4)
	c := setParagraph(words, 20, center)[0]
	if c.xs[0] != 5.5 || c.xs[1] != 10.5 || !c.natural {
		t.Errorf("centred line at %v (natural %v), want [5.5 10.5]", c.xs, c.natural)
	}
	l := setParagraph(words, 20, left)[0]
	if l.xs[0] != 0 || l.xs[1] != 5 {
		t.Errorf("left line at %v, want [0 5]", l.xs)
	}
}

func TestNoWords(t *testing.T) {
	if got := setParagraph(nil, 10, justify); got != nil {
		t.Errorf("setParagraph(nil) = %v", got)
	}
}

// shrinkingFirstFit breaks lines the way a typewriter does: as many words as fit
// (spaces shrunk at most to their limit) on each line.
func shrinkingFirstFit(words []word, width float64) []int {
	var breaks []int
	for i := 0; i < len(words); {
		j, natural, spaces := i+1, words[i].width, 0.0
		for j < len(words) {
			n, s := natural+words[j].width, spaces+words[j-1].space
			if n+s-s*shrinkRatio > width {
				break
			}
			natural, spaces, j = n, s, j+1
		}
		breaks = append(breaks, j)
		i = j
	}
	return breaks
}

// totalDemerits rates a set of breaks.
func totalDemerits(words []word, breaks []int, width float64) float64 {
	sum, start := 0.0, 0
	for _, end := range breaks {
		natural, spaces := 0.0, 0.0
		for k := start; k < end; k++ {
			natural += words[k].width
			if k < end-1 {
				spaces += words[k].space
			}
		}
		d, _ := lineDemerits(natural+spaces, spaces, width, justify, end == len(words), end-start)
		sum += d
		start = end
	}
	return sum
}

// TestTotalFitBeatsFirstFit checks the line breaker against first fit on
// pseudo-random paragraphs: never worse, and better on some.
func TestTotalFitBeatsFirstFit(t *testing.T) {
	seed := uint32(1)
	next := func() float64 { // xorshift: reproducible without package rand's state
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return float64(seed%9 + 2)
	}
	better := 0
	for range 200 {
		widths := make([]float64, 40)
		for i := range widths {
			widths[i] = next()
		}
		words := fixedWords(widths...)
		const width = 40
		lines := setParagraph(words, width, justify)
		var breaks []int
		n := 0
		for _, l := range lines {
			n += len(l.words)
			breaks = append(breaks, n)
		}
		tf, ff := totalDemerits(words, breaks, width), totalDemerits(words, shrinkingFirstFit(words, width), width)
		if tf > ff+1e-6 {
			t.Fatalf("total fit %v worse than first fit %v for %v", tf, ff, widths)
		}
		if tf < ff-1e-6 {
			better++
		}
	}
	if better == 0 {
		t.Error("total fit never did better than first fit")
	}
	t.Logf("total fit better than first fit on %d of 200 paragraphs", better)
}

// TestFirstFitNaturalSpaces checks the word processor's breaking: a line
// takes the words that fit at their natural spacing, never shrinking its
// spaces, and a justified line only stretches them.
func TestFirstFitNaturalSpaces(t *testing.T) {
	// Words 10 wide with spaces of 1: three fit in 34 (10+1+10+1+10),
	// four would need 43; total fit shrinks spaces and could take more.
	words := fixedWords(10, 10, 10, 10, 10, 10, 10)
	if got := shape(firstFit(words, 34, justify)); fmt.Sprint(got) != "[3 3 1]" {
		t.Fatalf("first fit in 34: lines of %v words, want [3 3 1]", got)
	}
	if xs := firstFit(words, 32, justify)[0].xs; fmt.Sprint(xs) != "[0 11 22]" {
		t.Errorf("a justified line of exactly the width: words at %v, want [0 11 22]", xs)
	}
	if xs := firstFit(words, 38, justify)[0].xs; fmt.Sprint(xs) != "[0 14 28]" {
		t.Errorf("a justified line 6 short: words at %v, want [0 14 28] (spaces stretched to 4)", xs)
	}
	if xs := firstFit(words, 38, left)[0].xs; fmt.Sprint(xs) != "[0 11 22]" {
		t.Errorf("flush left: words at %v, want [0 11 22]", xs)
	}
}
