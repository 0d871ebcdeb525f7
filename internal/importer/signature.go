package importer

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// honorifics open a signatory's name in a cell that runs the "For ...:"
// line, the name and the office together.
func honorifics() []string {
	return []string{"H.E.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "г-н", "г-жа", "Г-н", "Г-жа", "мырза", "ханым"}
}

// signature reads the signature block: the cells of the tables after the
// closing. A cell that starts with the party ("For ...:") gives that
// party's for line, signatory and office; rows of words such as
// "Signature" and "Date" give the signature lines.
func (in *inferrer) signature(ps []*Para) {
	type cell struct{ table, row, col int }
	cells := map[cell][]*Para{}
	var order []cell
	for _, p := range ps {
		if p.Table == 0 {
			if strings.TrimSpace(p.Text()) != "" {
				in.unplaced(p.Where, firstWords(p.Text(), 5), "text after the closing that is not in the signature table; left out")
			}
			continue
		}
		k := cell{p.Table, p.Row, p.Cell}
		if cells[k] == nil {
			order = append(order, k)
		}
		cells[k] = append(cells[k], p)
	}
	lineKeys := []string{"signature", "date", "place", "name", "title"}
	var lines []string
	column := 0
	for _, k := range order {
		cps := cells[k]
		text := strings.TrimSpace(cps[0].Text())
		if key := in.lineKey(text, lineKeys); key != "" {
			if !contains(lines, key) {
				lines = append(lines, key)
			}
			continue
		}
		if text == "" {
			continue
		}
		if k.col == 1 {
			column = 0
		}
		column++
		in.signatory(column, cps)
	}
	if len(lines) > 0 {
		in.doc.Signature.Lines = lines
		in.report.recognised("signature lines: %s", strings.Join(lines, ", "))
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// lineKey returns the word key a signature line cell shows ("Signature:",
// "Date"), or "".
func (in *inferrer) lineKey(text string, keys []string) string {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ":_. "))
	for _, k := range keys {
		if w, err := in.l.Word(k); err == nil && strings.EqualFold(t, w) {
			return k
		}
	}
	return ""
}

// signatory fills party n (1-based; added when the parties block named
// fewer) from one cell of the signature table.
func (in *inferrer) signatory(n int, cps []*Para) {
	for len(in.doc.Parties) < n {
		in.doc.Parties = append(in.doc.Parties, &model.Party{})
	}
	party := in.doc.Parties[n-1]
	var forLine, name, office []Span
	if len(cps) >= 2 {
		forLine = cps[0].Spans
		name = cps[1].Spans
		for _, p := range cps[2:] {
			if len(office) > 0 {
				office = append(office, Span{Text: " "})
			}
			office = append(office, p.Spans...)
		}
	} else {
		// One paragraph: "For ...:" (often italic), the name after an
		// honorific, then the office.
		spans := cps[0].Spans
		text := cps[0].Text()
		at := strings.Index(text, ":")
		if len(spans) > 0 && spans[0].Italic {
			at = len(spans[0].Text) - 1
		}
		if at < 0 {
			name = spans
		} else {
			forLine = cutEnd(spans, at+1)
			rest := strings.TrimSpace(text[at+1:])
			fields := strings.Fields(rest)
			k := 0
			for k < len(fields) && contains(honorifics(), fields[k]) {
				k++
			}
			end := min(len(fields), k+2)
			if k == 0 {
				end = len(fields)
			}
			name = []Span{{Text: strings.Join(fields[:end], " ")}}
			if end < len(fields) {
				office = []Span{{Text: strings.Join(fields[end:], " ")}}
			}
			in.report.Notes = append(in.report.Notes, Note{Where: cps[0].Where, What: firstWords(text, 5), Why: "one table cell holds the party, the signatory and the office; split after the name — check the split"})
		}
	}
	for i := range forLine {
		forLine[i].Italic = false
	}
	if len(forLine) > 0 {
		party.For = in.text(forLine)
	}
	if len(name) > 0 {
		party.Signatory = in.text(name)
	}
	if len(office) > 0 {
		party.Office = in.text(office)
	}
	if party.ID == "" {
		short := strings.TrimSuffix(strings.TrimSpace(plainText(forLine)), ":")
		party.ID = slug(short, 3)
		party.Name = in.text([]Span{{Text: short}})
		party.Description = in.text([]Span{{Text: short}})
	}
}
