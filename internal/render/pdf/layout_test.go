package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

func en(s string) model.Text {
	return model.Text{"en": &model.Localized{Raw: s, Runs: []model.Inline{&model.Plain{Text: s}}}}
}

// clause is n sentences long, n lines or more at any depth.
func clause(n int) model.Text {
	return en(strings.TrimSpace(strings.Repeat("The Parties will endeavour to exchange river gauge readings and to publish combined flood forecasts. ", n)))
}

// nestedHeading is the heading of nestedDocument's section.
const nestedHeading = "Objects of Cooperation"

// nestedDocument has a section with paragraphs, items (one a negotiation
// insert) and sub-items, and an unnumbered paragraph.
func nestedDocument() *model.Document {
	unit := func(depth int, label string, text model.Text, children ...*model.Unit) *model.Unit {
		return &model.Unit{ID: label, Depth: depth, Label: label, Text: text, Numbered: label != "", Children: children}
	}
	sec := unit(0, "1:", nil,
		unit(1, "1.1", clause(2),
			unit(2, "i.", clause(2)),
			unit(2, "(ii) (bis)", clause(2)),
			unit(2, "iii.", clause(1),
				unit(3, "a.", clause(2)))),
		unit(1, "1.2", clause(1)),
		unit(1, "", clause(2)),
	)
	sec.Heading = en(nestedHeading)
	return &model.Document{ID: "t", Status: model.StatusDraft, Languages: []string{"en"}, Title: []model.Text{en("TITLE")}, Sections: []*model.Unit{sec}}
}

func testRenderer(t *testing.T, doc *model.Document) *renderer {
	t.Helper()
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	l, err := e.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	in, err := lower.Lower(doc, l, lower.Copy{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(in, l, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestHangingIndents(t *testing.T) {
	r := testRenderer(t, nestedDocument())
	blocks := r.document()
	if r.err != nil {
		t.Fatal(r.err)
	}
	// blocks: title, heading, 1.1, i., (ii) (bis), iii., a., 1.2, unnumbered
	if len(blocks) != 9 {
		t.Fatalf("%d blocks", len(blocks))
	}
	bis := r.m.width("(ii) (bis)", regular, r.g.bodySize)
	col1, col2 := r.labelCols[1], r.labelCols[2]
	if col2 < bis+r.g.labelGutter {
		t.Errorf("the item label column is %.1f mm, narrower than (ii) (bis) and its gutter, %.1f mm", col2, bis+r.g.labelGutter)
	}
	tests := []struct {
		block          int
		label          string
		labelX, textX  float64
		justifiedLines bool
	}{
		{1, "1:", r.g.marginLeft, r.g.marginLeft + col1, false},
		{2, "1.1", r.g.marginLeft, r.g.marginLeft + col1, true},
		{3, "i.", r.g.marginLeft + col1, r.g.marginLeft + col1 + col2, true},
		{4, "(ii) (bis)", r.g.marginLeft + col1, r.g.marginLeft + col1 + col2, true},
		{5, "iii.", r.g.marginLeft + col1, r.g.marginLeft + col1 + col2, false},
		{6, "a.", r.g.marginLeft + col1 + col2, r.g.marginLeft + col1 + col2 + r.labelCols[3], true},
		{7, "1.2", r.g.marginLeft, r.g.marginLeft + col1, false},
		{8, "", 0, r.g.marginLeft, true},
	}
	right := r.g.marginLeft + r.g.textWidth
	for _, tt := range tests {
		b := blocks[tt.block]
		first := b.boxes[0].ops
		if tt.label != "" {
			if first[0].s != tt.label || first[0].x != tt.labelX {
				t.Errorf("block %d: label %q at %.2f, want %q at %.2f", tt.block, first[0].s, first[0].x, tt.label, tt.labelX)
			}
			first = first[1:]
		}
		for i, bx := range b.boxes {
			ops := bx.ops
			if i == 0 {
				ops = first
			}
			if math.Abs(ops[0].x-tt.textX) > 1e-9 {
				t.Errorf("block %d (%s) line %d starts at %.2f, want %.2f", tt.block, tt.label, i+1, ops[0].x, tt.textX)
			}
			last := ops[len(ops)-1]
			end := last.x + r.m.width(last.s, last.st, last.size)
			if end > right+0.01 {
				t.Errorf("block %d line %d ends at %.2f, beyond the margin %.2f", tt.block, i+1, end, right)
			}
			if tt.justifiedLines && i < len(b.boxes)-1 && math.Abs(end-right) > 0.01 {
				t.Errorf("block %d line %d ends at %.2f, not justified to %.2f", tt.block, i+1, end, right)
			}
		}
	}
	if !blocks[1].keepWithNext || blocks[1].boxes[0].mark != "1: "+nestedHeading {
		t.Errorf("heading: keepWithNext %v, outline entry %q", blocks[1].keepWithNext, blocks[1].boxes[0].mark)
	}
}

func TestTitleBlock(t *testing.T) {
	tests := []struct {
		status string
		want   string
	}{
		{model.StatusDraft, "DRAFT|TITLE"},
		{model.StatusFinal, "TITLE"},
	}
	for _, tt := range tests {
		doc := nestedDocument()
		doc.Status = tt.status
		r := testRenderer(t, doc)
		title := r.document()[0]
		var lines []string
		for _, b := range title.boxes {
			o := b.ops[0]
			w := r.m.width(o.s, o.st, o.size)
			if o.st != bold || math.Abs(o.x-(r.g.marginLeft+(r.g.textWidth-w)/2)) > 1e-9 {
				t.Errorf("%s: title line %q style %v at %.2f, not bold and centred", tt.status, o.s, o.st, o.x)
			}
			lines = append(lines, o.s)
		}
		if got := strings.Join(lines, "|"); got != tt.want || !title.keepTogether {
			t.Errorf("%s: title %q (kept together %v), want %q", tt.status, got, title.keepTogether, tt.want)
		}
	}
}
