package importer

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// table is the paragraphs of one table of the draft, in reading order.
type table struct {
	paras []*Para
}

// tablesOf groups the table paragraphs of ps by table, in order.
func tablesOf(ps []*Para) []*table {
	var out []*table
	at := map[int]*table{}
	for _, p := range ps {
		if p.Table == 0 {
			continue
		}
		t := at[p.Table]
		if t == nil {
			t = &table{}
			at[p.Table] = t
			out = append(out, t)
		}
		t.paras = append(t.paras, p)
	}
	return out
}

// shape is the table's number of rows and of columns (its widest row).
func (t *table) shape() (rows, cols int) {
	for _, p := range t.paras {
		rows = max(rows, p.Row)
		cols = max(cols, p.Cell)
	}
	return rows, cols
}

// cell returns the paragraphs of one cell (1-based row and column).
func (t *table) cell(row, col int) []*Para {
	var out []*Para
	for _, p := range t.paras {
		if p.Row == row && p.Cell == col {
			out = append(out, p)
		}
	}
	return out
}

// describe names the table for the report: "a table of 3 rows and 4
// columns".
func (t *table) describe() string {
	rows, cols := t.shape()
	return fmt.Sprintf("a table of %s and %s", count(rows, "row"), count(cols, "column"))
}

// count writes n things: "1 row", "3 rows".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// joined is the spans of a cell's paragraphs, one space between two.
func joined(ps []*Para) []Span {
	var out []Span
	for i, p := range ps {
		if i > 0 {
			appendSpan(&out, Span{Text: " "})
		}
		for _, s := range p.Spans {
			appendSpan(&out, s)
		}
	}
	return out
}

// fieldLabel reports whether s reads as the label of a field: a few
// words without a sentence's closing stop ("Meeting:", "Place and date:").
func fieldLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(words(s)) > 6 || len([]rune(s)) > 48 {
		return false
	}
	last := []rune(s)[len([]rune(s))-1]
	return !strings.ContainsRune(".;,", last)
}

// isFieldTable reports whether a table holds labelled fields: two
// columns, every first cell a label, and most of them (at least half)
// ending with a colon, or all of them of three words at most.
func (t *table) isFieldTable() bool {
	rows, cols := t.shape()
	if cols != 2 || rows == 0 {
		return false
	}
	labels, colons, short := 0, 0, 0
	for r := 1; r <= rows; r++ {
		text := strings.TrimSpace(plainText(joined(t.cell(r, 1))))
		if text == "" {
			continue
		}
		if !fieldLabel(text) {
			return false
		}
		labels++
		if strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：") {
			colons++
		}
		if len(words(text)) <= 3 {
			short++
		}
	}
	return labels > 0 && (2*colons >= labels || short == labels)
}

// fields reads a table of labelled fields into the document: each row a
// field, its first cell the label, each paragraph of its second cell a
// line of the value; a row without a label goes on with the value of the
// field above it. A row that gives no field is reported.
func (in *inferrer) fields(t *table) {
	rows, _ := t.shape()
	for r := 1; r <= rows; r++ {
		label, value := t.cell(r, 1), t.cell(r, 2)
		lines := make([]model.Text, 0, len(value))
		for _, p := range value {
			lines = append(lines, in.text(p.Spans))
		}
		labelText := strings.TrimSpace(plainText(joined(label)))
		n := len(in.doc.Fields)
		switch {
		case labelText == "" && len(lines) > 0 && n > 0:
			in.doc.Fields[n-1].Lines = append(in.doc.Fields[n-1].Lines, lines...)
		case labelText != "" && len(lines) > 0:
			in.doc.Fields = append(in.doc.Fields, &model.Field{Label: in.text(joined(label)), Lines: lines})
		case labelText != "" || len(lines) > 0:
			where := append(label, value...)[0].Where
			in.unplaced(where, firstWords(labelText+" "+plainText(joined(value)), 5),
				"a row of the table of labelled fields with a label but no value, or a value but no label; left out")
		}
	}
}

// unplaced lists content the importer could not place.
func (in *inferrer) unplaced(where, what, why string) {
	in.report.Unplaced = append(in.report.Unplaced, Note{Where: where, What: what, Why: why})
}

// frontTables reads the tables before the first section: tables of
// labelled fields become the document's fields; any other is reported as
// not placed.
func (in *inferrer) frontTables(ps []*Para) {
	for _, t := range tablesOf(ps) {
		if t.isFieldTable() {
			in.fields(t)
			continue
		}
		in.unplaced(t.paras[0].Where, t.describe(),
			"a table before the first section that is not two columns of labelled fields; chancery has no place for it, left out")
	}
	if n := len(in.doc.Fields); n > 0 {
		in.report.recognised("%s", count(n, "labelled field"))
	}
}

// tableInBody decides about the table starting at ps[i], met among the
// sections: the signature table (a document with parties, or a table
// with signature lines, and no numbered paragraph after it) returns i;
// any other table is reported as not placed and the index after it is
// returned, so that the sections go on.
func (in *inferrer) tableInBody(ps []*Para, i int) int {
	end := i
	for end < len(ps) && ps[end].Table == ps[i].Table {
		end++
	}
	t := tablesOf(ps[i:end])[0]
	numberedAfter := false
	for _, p := range ps[end:] {
		if _, _, ok, _ := labelOf(p); ok && p.Table == 0 {
			numberedAfter = true
			break
		}
	}
	if !numberedAfter && (len(in.doc.Parties) > 0 || in.hasSignatureLines(t)) {
		return i
	}
	in.unplaced(t.paras[0].Where, t.describe(), "a table among the sections; chancery has no place for it, left out")
	return end
}

// hasSignatureLines reports whether a cell of the table is a signature
// line ("Signature", "Date:").
func (in *inferrer) hasSignatureLines(t *table) bool {
	for _, p := range t.paras {
		if in.lineKey(p.Text(), []string{"signature", "date", "place", "name", "title"}) != "" {
			return true
		}
	}
	return false
}
