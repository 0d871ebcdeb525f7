package check

// Word diffs of a clause against the source passage it quotes.

// opKind is what an edit does to a word.
type opKind uint8

const (
	same    opKind = iota // in both
	dropped               // in the source, not in the clause
	added                 // in the clause, not in the source
	skipped               // a source word before or after a quoted excerpt
)

// op is one step of a word diff; s and c index the source and clause words.
type op struct {
	kind opKind
	s, c int
}

// maxDiffCells bounds the table of a word diff; longer passages are
// compared by their common start and end only.
const maxDiffCells = 4_000_000

// diffWords aligns clause words with source words with the fewest words
// changed, dropped or added. With excerpt, source words before and after the clause cost
// nothing: the clause may quote any part of the source.
func diffWords(src, cl []string, excerpt bool) []op {
	n, m := len(src), len(cl)
	if (n+1)*(m+1) > maxDiffCells {
		return diffEnds(src, cl)
	}
	// cost[i][j]: the cheapest diff of src[:i] against cl[:j].
	cost := make([][]int, n+1)
	for i := range cost {
		cost[i] = make([]int, m+1)
		for j := range cost[i] {
			switch {
			case i == 0:
				cost[i][j] = j
			case j == 0 && excerpt:
				cost[i][j] = 0
			case j == 0:
				cost[i][j] = i
			default:
				cost[i][j] = min(cost[i-1][j]+1, cost[i][j-1]+1, cost[i-1][j-1]+change(src[i-1], cl[j-1]))
			}
		}
	}
	end := n
	if excerpt {
		// The cheapest end; of equals the last, so that a changed last
		// word shows as changed rather than as added after the excerpt.
		for i := range n + 1 {
			if cost[i][m] <= cost[end][m] {
				end = i
			}
		}
	}
	var rev []op
	for i := n; i > end; i-- {
		rev = append(rev, op{skipped, i - 1, m})
	}
	i, j := end, m
	for i > 0 || j > 0 {
		switch {
		case j == 0 && excerpt:
			rev = append(rev, op{skipped, i - 1, 0})
			i--
		case i > 0 && j > 0 && src[i-1] == cl[j-1] && cost[i][j] == cost[i-1][j-1]:
			rev = append(rev, op{same, i - 1, j - 1})
			i, j = i-1, j-1
		case j > 0 && cost[i][j] == cost[i][j-1]+1:
			rev = append(rev, op{added, i, j - 1})
			j--
		case i > 0 && cost[i][j] == cost[i-1][j]+1:
			rev = append(rev, op{dropped, i - 1, j})
			i--
		default: // a word changed: tried last, as of diffs that cost the same the one keeping more words in common reads better
			rev = append(rev, op{added, i - 1, j - 1}, op{dropped, i - 1, j - 1})
			i, j = i-1, j-1
		}
	}
	out := make([]op, len(rev))
	for k, o := range rev {
		out[len(rev)-1-k] = o
	}
	return out
}

// change is the cost of putting clause word c where the source has s.
func change(s, c string) int {
	if s == c {
		return 0
	}
	return 1
}

// diffEnds is the fallback for very long passages: common first and last
// words, and everything between them changed.
func diffEnds(src, cl []string) []op {
	p := 0
	for p < len(src) && p < len(cl) && src[p] == cl[p] {
		p++
	}
	q := 0
	for q < len(src)-p && q < len(cl)-p && src[len(src)-1-q] == cl[len(cl)-1-q] {
		q++
	}
	var out []op
	for k := range p {
		out = append(out, op{same, k, k})
	}
	for k := p; k < len(src)-q; k++ {
		out = append(out, op{dropped, k, p})
	}
	for k := p; k < len(cl)-q; k++ {
		out = append(out, op{added, len(src) - q, k})
	}
	for k := q; k > 0; k-- {
		out = append(out, op{same, len(src) - k, len(cl) - k})
	}
	return out
}

// hunk is a run of dropped and added words between words in common.
type hunk struct {
	dropped []int // source word indexes
	added   []int // clause word indexes
	at      int   // clause word index where the hunk is (its first added word, or the word after it)
}

// hunks groups a diff's changes.
func hunks(ops []op) []hunk {
	var out []hunk
	var cur *hunk
	for _, o := range ops {
		switch o.kind {
		case dropped, added:
			if cur == nil {
				out = append(out, hunk{at: o.c})
				cur = &out[len(out)-1]
			}
			if o.kind == dropped {
				cur.dropped = append(cur.dropped, o.s)
			} else {
				cur.added = append(cur.added, o.c)
			}
		default:
			cur = nil
		}
	}
	return out
}
