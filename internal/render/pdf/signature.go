package pdf

import (
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// signatureColumns is how many parties sign side by side.
const signatureColumns = 2

// signatureBlock is the signature table: one column per party (two
// parties to a row), each with the party's for-line in italic, the
// signatory and the office, then, aligned across the columns, one ruled
// line per word of the document's signature lines ("Signature", "Date").
// It is one box: a page break never splits it.
func (r *renderer) signatureBlock(s *lower.Signatures) (block, bool) {
	parties := s.Parties
	if len(parties) == 0 {
		return block{}, false
	}
	var labels []string
	for _, word := range s.Lines {
		labels = append(labels, word+":")
	}
	colW := (r.g.textWidth - columnGutter*(signatureColumns-1)) / signatureColumns
	var sig box
	y := 0.0
	for row := 0; row < len(parties); row += signatureColumns {
		if row > 0 {
			y += signatureRoom
		}
		stack := 0.0
		for c, p := range parties[row:min(row+signatureColumns, len(parties))] {
			x := r.g.marginLeft + float64(c)*(colW+columnGutter)
			h := r.signatureStack(&sig, p, x, y, colW)
			stack = max(stack, h)
		}
		y += stack
		for i, label := range labels {
			if i == 0 {
				y += signatureRoom
			} else {
				y += lineRoom
			}
			base := y + r.g.leading*ascentRatio
			for c := range parties[row:min(row+signatureColumns, len(parties))] {
				x := r.g.marginLeft + float64(c)*(colW+columnGutter)
				w := r.m.width(label, regular, r.g.bodySize)
				sig.ops = append(sig.ops,
					op{x: x, y: base, s: label, st: regular, size: r.g.bodySize},
					op{rule: true, x: x + w + 2, y: base + 0.6, x2: x + colW, y2: base + 0.6})
			}
			y += r.g.leading
		}
	}
	sig.h = y
	return block{boxes: []box{sig}, before: r.g.headingGap, keepTogether: true}, true
}

// signatureStack draws a party's for-line, signatory and office into the
// box at x, y and returns their height.
func (r *renderer) signatureStack(b *box, p lower.Signatory, x, y, width float64) float64 {
	h := 0.0
	for _, part := range []struct {
		t  *model.Localized
		st style
	}{{p.For, italic}, {p.Name, regular}, {p.Office, regular}} {
		if part.t == nil {
			continue
		}
		words := r.words(flatten(part.t.Runs, part.st)...)
		for _, ln := range lineBoxes(r.set(words, width, left), x, r.g.leading, r.g.bodySize) {
			for _, o := range ln.ops {
				o.y += y + h
				b.ops = append(b.ops, o)
			}
			h += ln.h
		}
	}
	return h
}
