package docx

import (
	"strconv"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// table is a grid of cells; each cell's content writes its paragraphs
// (Word wants at least one per cell).
type table struct {
	Style  string
	Widths []int // column widths in twips
	Rows   [][]func()
	// Split lets a row break across pages; by default rows do not.
	Split bool
}

// writeTable writes t.
func (tw *textWriter) writeTable(t table) {
	x := tw.x
	x.start("w:tbl")
	x.start("w:tblPr")
	if t.Style != "" {
		x.val("w:tblStyle", t.Style)
	}
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	x.empty("w:tblW", "w:w", strconv.Itoa(total), "w:type", "dxa")
	x.empty("w:tblLayout", "w:type", "fixed")
	x.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0",
		"w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	x.end("w:tblPr")
	tw.writeGridAndRows(t)
	x.end("w:tbl")
}

// writeGridAndRows writes t's column grid and its rows, which rows that
// may not break across pages unless t.Split.
func (tw *textWriter) writeGridAndRows(t table) {
	x := tw.x
	x.start("w:tblGrid")
	for _, w := range t.Widths {
		x.empty("w:gridCol", "w:w", strconv.Itoa(w))
	}
	x.end("w:tblGrid")
	for _, row := range t.Rows {
		x.start("w:tr")
		if !t.Split {
			x.start("w:trPr")
			x.empty("w:cantSplit")
			x.end("w:trPr")
		}
		for i, cell := range row {
			x.start("w:tc")
			x.start("w:tcPr")
			x.empty("w:tcW", "w:w", strconv.Itoa(t.Widths[i]), "w:type", "dxa")
			x.end("w:tcPr")
			cell()
			x.end("w:tc")
		}
		x.end("w:tr")
	}
}

// signatures writes the signature block as a borderless table: one
// column per party signing, with the italic for-line, the signatory and
// the office in the first row, then a row per signature line ("Signature:
// ____", "Date: ____") so that the lines stand level across the columns.
func (iw *instrumentWriter) signatures(s *lower.Signatures) {
	parties := s.Parties
	if len(parties) == 0 {
		return
	}
	t := table{Style: styleSignatureTable}
	var names []func()
	for _, p := range parties {
		t.Widths = append(t.Widths, pageOf(iw.style).textWidth()/len(parties))
		names = append(names, func() { iw.signatory(p) })
	}
	t.Rows = append(t.Rows, names)
	for _, word := range s.Lines {
		row := make([]func(), len(parties))
		for i := range row {
			row[i] = func() {
				iw.paragraph(paraProps{Style: styleSignatureLine}, func() {
					iw.run("", word+": ")
					iw.tab("")
				})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	iw.writeTable(t)
	// A table cannot end the body: Word wants a paragraph after it.
	iw.paragraph(paraProps{Style: styleSignatureText}, nil)
}

// signatory writes a party's cell of the signature block.
func (iw *instrumentWriter) signatory(p lower.Signatory) {
	wrote := false
	for _, line := range []struct {
		style string
		text  *model.Localized
	}{{styleSignatureFor, p.For}, {styleSignatureText, p.Name}, {styleSignatureText, p.Office}} {
		if line.text != nil {
			iw.block(line.style, line.text)
			wrote = true
		}
	}
	if !wrote {
		iw.paragraph(paraProps{Style: styleSignatureText}, nil)
	}
}
