package pdf

import "math"

// align is how lines sit in their column.
type align int

const (
	justify align = iota // both edges; the last line flush left
	left
	center
	right // flush right (correspondence)
)

// setLine is one line of a paragraph: its words and where each starts,
// measured from the column's left edge.
type setLine struct {
	words []word
	xs    []float64
	// natural is true when the spaces keep their natural width, so that
	// words can be drawn together as one string.
	natural bool
}

// Line-breaking parameters, in the manner of TeX: a space may stretch by
// half its width and shrink by a third; a line's badness grows with the
// cube of how far its spaces are stretched or shrunk, and each line adds a
// fixed penalty so that fewer lines win when all else is equal.
const (
	stretchRatio = 1.0 / 2
	shrinkRatio  = 1.0 / 3
	linePenalty  = 10.0
	maxBadness   = 10000.0
	overfull     = 1e12 // demerits of a single word wider than the column
)

// setParagraph breaks words into lines of the given width and positions
// the words for the alignment. The breaks minimise the sum of the lines'
// demerits over the whole paragraph (a total-fit line breaker), so a tight
// line early on can spare a loose one later.
func setParagraph(words []word, width float64, al align) []setLine {
	n := len(words)
	if n == 0 {
		return nil
	}
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j] = math.Inf(1)
		natural, spaces := 0.0, 0.0
		for i := j - 1; i >= 0; i-- {
			natural += words[i].width
			if i < j-1 {
				spaces += words[i].space
			}
			cost, ok := lineDemerits(natural+spaces, spaces, width, al, j == n, j-i)
			if !ok {
				break // longer lines are longer still
			}
			if c := best[i] + cost; c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	var breaks []int
	for j := n; j > 0; j = from[j] {
		breaks = append(breaks, j)
	}
	lines := make([]setLine, 0, len(breaks))
	start := 0
	for k := len(breaks) - 1; k >= 0; k-- {
		end := breaks[k]
		lines = append(lines, placeWords(words[start:end], width, al, end == n))
		start = end
	}
	return lines
}

// lineDemerits rates a line of the given natural width whose spaces add up
// to spaces. It reports false when the line cannot be set at all (too wide
// even with its spaces shrunk), which only happens to lines of more than
// one word.
func lineDemerits(total, spaces, width float64, al align, last bool, nwords int) (float64, bool) {
	slack := width - total
	if al != justify {
		if slack < 0 {
			return overfull, nwords == 1
		}
		if last && al == left {
			return linePenalty * linePenalty, true
		}
		// Ragged lines: prefer even lengths (balanced centred titles).
		return linePenalty*linePenalty + slack*slack*100, true
	}
	if slack < 0 {
		shrink := spaces * shrinkRatio
		if -slack > shrink {
			return overfull, nwords == 1
		}
		return demerits(-slack / shrink), true
	}
	if last {
		return demerits(0), true
	}
	stretch := spaces * stretchRatio
	if stretch == 0 {
		return demerits(math.Inf(1)), true
	}
	return demerits(slack / stretch), true
}

// demerits of a line whose spaces are stretched or shrunk by ratio r.
func demerits(r float64) float64 {
	b := min(100*r*r*r, maxBadness)
	return (linePenalty + b) * (linePenalty + b)
}

// placeWords positions a line's words: justified lines spread (or take
// up) the slack over their spaces in proportion to the spaces' widths.
func placeWords(words []word, width float64, al align, last bool) setLine {
	natural, spaces := 0.0, 0.0
	for i, w := range words {
		natural += w.width
		if i < len(words)-1 {
			spaces += w.space
		}
	}
	slack := width - natural - spaces
	line := setLine{words: words, xs: make([]float64, len(words)), natural: true}
	x, scale := 0.0, 1.0
	switch {
	case al == center:
		x = slack / 2
	case al == right:
		x = slack
	case al == justify && spaces > 0 && (!last || slack < 0):
		scale = 1 + slack/spaces
		line.natural = false
	}
	for i, w := range words {
		line.xs[i] = x
		x += w.width + w.space*scale
	}
	return line
}

// firstFit breaks a paragraph as a word processor does: each line takes
// as many words as fit at their natural spacing and is then aligned (a
// justified line's spaces only stretch; the last line is flush left). A
// word wider than the column has a line of its own.
func firstFit(words []word, width float64, al align) []setLine {
	var lines []setLine
	for start := 0; start < len(words); {
		end, w := start+1, words[start].width
		for end < len(words) && w+words[end-1].space+words[end].width <= width+1e-6 {
			w += words[end-1].space + words[end].width
			end++
		}
		lines = append(lines, placeWords(words[start:end], width, al, end == len(words)))
		start = end
	}
	return lines
}

// set breaks words into lines of the given width as the style says: first
// fit or total fit; a justified paragraph is set flush left when the style
// does not justify.
func (r *renderer) set(words []word, width float64, al align) []setLine {
	if al == justify && !r.g.justify {
		al = left
	}
	if r.g.firstFit {
		return firstFit(words, width, al)
	}
	return setParagraph(words, width, al)
}
