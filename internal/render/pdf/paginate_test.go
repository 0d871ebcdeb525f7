package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// lines makes a block of n line boxes of the body leading, named by the
// text of their one op so that the test can tell where each went.
func lines(name string, n int) block {
	b := block{after: builtin().paraGap}
	for i := range n {
		b.boxes = append(b.boxes, box{h: builtin().leading, ops: []op{{s: fmt.Sprintf("%s%d", name, i+1)}}})
	}
	return b
}

func heading(name string) block {
	b := lines(name, 1)
	b.before, b.keepWithNext, b.keepTogether = builtin().headingGap, true, true
	return b
}

// pageRows lists each page's boxes by name.
func pageRows(pages []page) []string {
	var out []string
	for _, p := range pages {
		var names []string
		for _, pl := range p {
			names = append(names, pl.b.ops[0].s)
		}
		out = append(out, strings.Join(names, " "))
	}
	return out
}

// linesPerPage is how many body lines fit on a page.
func linesPerPage() int {
	room := builtin().textBottom - builtin().marginTop + 1e-6
	return int(room / builtin().leading)
}

func TestPaginate(t *testing.T) {
	full := linesPerPage()
	tests := []struct {
		name   string
		blocks []block
		// firstOfPage2 is the box that must open page 2.
		firstOfPage2 string
	}{
		{
			name:         "a paragraph runs on",
			blocks:       []block{lines("a", full+3)},
			firstOfPage2: fmt.Sprintf("a%d", full+1),
		},
		{
			name:         "no widow: two lines carried over",
			blocks:       []block{lines("a", full+1)},
			firstOfPage2: fmt.Sprintf("a%d", full),
		},
		{
			name:         "no orphan: a paragraph that would leave one line moves",
			blocks:       []block{lines("a", full-2), lines("b", 5)},
			firstOfPage2: "b1",
		},
		{
			name:         "a heading keeps with the next paragraph's first lines",
			blocks:       []block{lines("a", full-4), heading("h"), lines("b", 6)},
			firstOfPage2: "h1",
		},
		{
			name:         "a heading and two lines fit",
			blocks:       []block{lines("a", full-5), heading("h"), lines("b", 6)},
			firstOfPage2: "b3",
		},
		{
			name: "kept together",
			blocks: []block{lines("a", full-3), func() block {
				b := lines("k", 4)
				b.keepTogether = true
				return b
			}()},
			firstOfPage2: "k1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := paginate(tt.blocks, geometryOf(nil))
			rows := pageRows(pages)
			if len(rows) < 2 || !strings.HasPrefix(rows[1]+" ", tt.firstOfPage2+" ") {
				t.Errorf("pages:\n%s\nwant page 2 to start with %s", strings.Join(rows, "\n"), tt.firstOfPage2)
			}
			for i, p := range pages {
				if len(p) == 0 {
					t.Errorf("page %d is empty", i+1)
				}
				if p[0].y != builtin().marginTop {
					t.Errorf("page %d starts at %v, want %v (no gap at the top)", i+1, p[0].y, builtin().marginTop)
				}
				for _, pl := range p {
					if pl.y+pl.b.h > builtin().textBottom+1e-6 {
						t.Errorf("page %d: %s ends at %v, below %v", i+1, pl.b.ops[0].s, pl.y+pl.b.h, builtin().textBottom)
					}
				}
			}
		})
	}
}

func TestPaginateOversizeBox(t *testing.T) {
	big := block{boxes: []box{{h: 400, ops: []op{{s: "big"}}}}, keepTogether: true}
	pages := paginate([]block{lines("a", 2), big, lines("b", 1)}, geometryOf(nil))
	if got := strings.Join(pageRows(pages), " | "); got != "a1 a2 | big | b1" {
		t.Errorf("pages = %s", got)
	}
}

// builtin is the geometry of the built-in style, which the layout tests
// set their documents in.
func builtin() geometry { return geometryOf(nil) }
