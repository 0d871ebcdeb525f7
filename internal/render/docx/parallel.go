package docx

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// parallelLabel is the label column of a unit in a cell, in twips (14 mm).
const parallelLabel = 794

// WriteParallel writes a parallel edition as a .docx package on the paper
// of opt.Style (the built-in style when nil) turned landscape, with its
// margins, font, body size, leading and paragraph spacing: one table
// with a column per language, the style's column gap between their
// texts, and a row per block, so that 4.1 faces 4.1. Every cell's runs
// carry its language; labels are text (Word's list numbering would count
// on from column to column). A row longer than the rest of a page breaks
// across the page.
func WriteParallel(w io.Writer, par *lower.Parallel, opt Options) error {
	if opt.Lang == nil {
		return errors.New("docx: no language")
	}
	first := par.Editions[0]
	wl := wordLang(par.Langs[0])
	x := newXML()
	ts := spacedOf(opt.Style)
	// Ragged-right columns, as the PDF's: justified text in a narrow
	// column opens wide gaps.
	ts.jc = "left"
	pg := pageOf(opt.Style).landscape()
	wd := &wordDoc{
		Styles:    stylesXML(wl, noLinks(), ts),
		Settings:  settingsXML(wl),
		Meta:      meta{Title: first.Meta.Title, Subject: first.Meta.Subject, Creator: first.Meta.Creator, Language: wl},
		FontTable: fontTableXML(ts),
	}
	if par.Marking != "" {
		wd.Header = headerXML(wl, par.Marking)
	}
	pageOf, _ := opt.Lang.Word("page-of")
	wd.Footer = footerXML(wl, pageOf)

	writers := make([]*instrumentWriter, len(par.Editions))
	links, cited := &linkTargets{}, &citedNotes{}
	for i, in := range par.Editions {
		writers[i] = &instrumentWriter{textWriter: textWriter{x: x, lang: wordLang(in.Lang)}, in: in, plan: planNumbering(in.Source, in.Lang), marks: map[*model.Unit]string{},
			style: opt.Style, links: links, cited: cited, customMarks: true}
	}
	x.start("w:document", rootAttrs()...)
	x.start("w:body")
	t := table{Split: true}
	gap := columnGapOf(opt.Style)
	n := len(par.Editions)
	// The cells' margins make the gap, half on each side of it; the
	// table stands out into the side margins by as much, so that the
	// first column's text starts at the left margin and the last one's
	// ends at the right, as in the PDF.
	for range par.Editions {
		t.Widths = append(t.Widths, (pg.textWidth()+gap.total())/n)
	}
	if t.Widths[0] <= gap.total() {
		return fmt.Errorf("docx: %d columns %d twips apart leave no room for text (page.column_gap)", n, gap.total())
	}
	for _, row := range par.Rows {
		cells := make([]func(), len(row.Cells))
		for i, b := range row.Cells {
			iw := writers[i]
			cells[i] = func() {
				if b == nil {
					iw.paragraph(paraProps{}, nil)
					return
				}
				iw.parallelBlock(b)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	writers[0].writeParallelTable(t, gap)
	// A table cannot end the body: Word wants a paragraph after it.
	writers[0].paragraph(paraProps{}, nil)
	writeLandscapeSectPr(x, wd.sectionRefs(), pg)
	x.end("w:body")
	x.end("w:document")
	wd.Body = x.bytes()
	wd.Footnotes = writers[0].footnotesXML()
	wd.Links = writers[0].linkRels()
	wd.Meta.Time = stamp(opt.Time)
	return wd.write(w, wd.Meta.Time, opt.Compressors)
}

// columnGap is the space between the texts of two columns of a parallel
// edition as the cells' margins make it, in twips: the right margin of
// one cell and the left of the next.
type columnGap struct{ left, right int }

// columnGapOf is st's column gap (style.Builtin's when nil), split into
// the cells' left and right margins.
func columnGapOf(st *house.Style) columnGap {
	if st == nil {
		st = house.Builtin()
	}
	tw := mmTwips(st.ColumnGap)
	return columnGap{left: tw / 2, right: tw - tw/2}
}

func (g columnGap) total() int { return g.left + g.right }

// writeParallelTable writes t with cell margins of gap, indented to the
// left by the first cell's left margin.
func (tw *textWriter) writeParallelTable(t table, gap columnGap) {
	x := tw.x
	x.start("w:tbl")
	x.start("w:tblPr")
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	x.empty("w:tblW", "w:w", strconv.Itoa(total), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", strconv.Itoa(-gap.left), "w:type", "dxa")
	x.empty("w:tblLayout", "w:type", "fixed")
	x.start("w:tblCellMar")
	x.empty("w:left", "w:w", strconv.Itoa(gap.left), "w:type", "dxa")
	x.empty("w:right", "w:w", strconv.Itoa(gap.right), "w:type", "dxa")
	x.end("w:tblCellMar")
	x.end("w:tblPr")
	tw.writeGridAndRows(t)
	x.end("w:tbl")
}

// parallelBlock writes one block into a cell.
func (iw *instrumentWriter) parallelBlock(b lower.Block) {
	switch b := b.(type) {
	case *lower.Marking:
		iw.paragraph(paraProps{Style: styleDraftMark}, func() { iw.run("", b.Text) })
	case *lower.TitleLine:
		iw.block(styleTitle, b.Text)
	case *lower.Fields:
		iw.parallelFields(b)
	case *lower.Unit:
		// Narrow columns: a label column of parallelLabel per level and
		// ragged-right text.
		depth := max(b.Depth, 1)
		props := paraProps{Style: iw.unitStyle(b.Unit), Ind: &indent{Left: depth * parallelLabel, Hanging: parallelLabel}, Jc: "left"}
		iw.paragraph(props, func() {
			if b.Label != "" {
				iw.run("", b.Label)
				iw.tab("")
			}
			iw.text(b.Text)
		})
	case *lower.Signatures:
		for _, p := range b.Parties {
			iw.signatory(p)
			for _, word := range b.Lines {
				iw.paragraph(paraProps{Style: styleSignatureLine}, func() {
					iw.run("", word+": ")
					iw.tab("")
				})
			}
		}
		if len(b.Parties) == 0 {
			iw.paragraph(paraProps{}, nil)
		}
	default:
		if !iw.prose(b) {
			iw.paragraph(paraProps{}, nil)
		}
	}
}

// writeLandscapeSectPr writes the section properties of the landscape
// page g.
func writeLandscapeSectPr(x *xmlWriter, refs sectionRefs, g pageGeometry) {
	x.start("w:sectPr")
	if refs.Header != "" {
		x.empty("w:headerReference", "w:type", "default", "r:id", refs.Header)
	}
	if refs.Footer != "" {
		x.empty("w:footerReference", "w:type", "default", "r:id", refs.Footer)
	}
	x.empty("w:pgSz", "w:w", strconv.Itoa(g.width), "w:h", strconv.Itoa(g.height), "w:orient", "landscape")
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(g.top), "w:right", strconv.Itoa(g.right),
		"w:bottom", strconv.Itoa(g.bottom), "w:left", strconv.Itoa(g.left),
		"w:header", strconv.Itoa(g.header), "w:footer", strconv.Itoa(g.footer),
		"w:gutter", "0")
	x.end("w:sectPr")
}
