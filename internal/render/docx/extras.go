package docx

import (
	"math"
	"strconv"

	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// Footnotes, links, bullet lists and labelled fields of an instrument, as
// Word has them: footnotes in word/footnotes.xml cited by
// w:footnoteReference (so that Word numbers and moves them), links as
// w:hyperlink to external relationships, bullets as a list with a bullet
// number format, fields as a borderless table.

const (
	rIDFootnotes = "rId6"
	// linkRelBase numbers the relationships of links: rId100, rId101 ...
	linkRelBase = 100

	relFootnotes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
	relHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	ctFootnotes  = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

	styleFootnoteText = "FootnoteText"
	styleFootnoteRef  = "FootnoteReference"
	styleHyperlink    = "Hyperlink"
	styleListBullet   = "ListBullet"
	styleFieldLabel   = "FieldLabel"
	styleFieldValue   = "FieldValue"
	styleFieldTable   = "FieldTable"

	footnoteSize = 20  // half-points: 10 pt
	bulletIndent = 709 // twips from the text's left edge to a bullet's text, per list level, without a style
	fieldCellPad = 113 // twips: the right margin of a field table's cells (2 mm)
)

// extrasStyles are the styles of footnotes, links, bullets and fields.
func extrasStyles() []styleDef {
	return []styleDef{
		para(styleFootnoteText, "footnote text", paraProps{Spacing: &spacing{Line: 240}}, runProps{Size: footnoteSize}),
		char(styleFootnoteRef, "footnote reference", runProps{}),
		char(styleHyperlink, "Hyperlink", runProps{Color: "0563C1"}),
		para(styleListBullet, "List Bullet", paraProps{Spacing: before(paraGap)}, runProps{}),
		para(styleFieldLabel, "Field Label", paraProps{Jc: "left"}, runProps{Bold: true}),
		para(styleFieldValue, "Field Value", paraProps{Jc: "left"}, runProps{}),
		{ID: styleFieldTable, Name: "Field Table", Kind: tableStyle, Borderless: true, Margins: cellMargins{Left: 0, Right: fieldCellPad}},
	}
}

// citedNote is a footnote cited in the text, with the writer of its
// column.
type citedNote struct {
	iw *instrumentWriter
	n  int // its number in its instrument
	f  *model.Footnote
}

// citedNotes are the footnotes of a document in the order they are cited;
// a note's id is its place (from 1). The writers of a parallel edition's
// columns share one.
type citedNotes struct{ list []citedNote }

// footnoteRef writes the reference mark of footnote f in the text: a
// w:footnoteReference Word numbers, or with custom marks one followed by
// the mark of the note in its own column's count.
func (iw *instrumentWriter) footnoteRef(f *model.Footnote) {
	n := iw.in.FootnoteNumber(f)
	if n == 0 {
		return
	}
	iw.cited.list = append(iw.cited.list, citedNote{iw: iw, n: n, f: f})
	id := strconv.Itoa(len(iw.cited.list))
	x := iw.x
	x.start("w:r")
	x.start("w:rPr")
	x.val("w:rStyle", styleFootnoteRef)
	x.val("w:vertAlign", "superscript")
	x.end("w:rPr")
	if iw.customMarks {
		x.empty("w:footnoteReference", "w:customMarkFollows", "1", "w:id", id)
		x.elem("w:t", iw.style.FootnoteMark(n))
	} else {
		x.empty("w:footnoteReference", "w:id", id)
	}
	x.end("w:r")
}

// footnotesXML writes word/footnotes.xml: Word's separator and
// continuation separator, then every footnote cited in the text, under
// the id its reference gave it (nil when there is none).
func (iw *instrumentWriter) footnotesXML() []byte {
	if len(iw.cited.list) == 0 {
		return nil
	}
	x := newXML()
	x.start("w:footnotes", append(rootAttrs(), "xmlns:mc", nsMC, "xmlns:w15", nsW15)...)
	for _, sep := range []struct{ id, kind string }{{"-1", "separator"}, {"0", "continuationSeparator"}} {
		x.start("w:footnote", "w:type", sep.kind, "w:id", sep.id)
		x.start("w:p")
		paraProps{Spacing: &spacing{Line: 240}}.write(x)
		x.start("w:r")
		x.empty("w:" + sep.kind)
		x.end("w:r")
		x.end("w:p")
		x.end("w:footnote")
	}
	for i, c := range iw.cited.list {
		c.iw.writeFootnote(x, i+1, c)
	}
	x.end("w:footnotes")
	return x.bytes()
}

// writeFootnote writes footnote c under id into x, after its mark: Word's
// count (w:footnoteRef), or with custom marks the mark itself, offered to
// Word alone (see customMark).
func (iw *instrumentWriter) writeFootnote(x *xmlWriter, id int, c citedNote) {
	body := iw.x
	defer func() { iw.x = body }()
	iw.x = x
	x.start("w:footnote", "w:id", strconv.Itoa(id))
	iw.paragraph(paraProps{Style: styleFootnoteText}, func() {
		if iw.customMarks {
			customMark(x, iw.style.FootnoteMark(c.n))
		} else {
			markRun(x, func() { x.empty("w:footnoteRef") })
		}
		iw.run("", " ")
		iw.inlines(c.f.Runs, "")
	})
	x.end("w:footnote")
}

// markRun writes a run in the footnote reference style holding what
// content writes.
func markRun(x *xmlWriter, content func()) {
	x.start("w:r")
	x.start("w:rPr")
	x.val("w:rStyle", styleFootnoteRef)
	x.val("w:vertAlign", "superscript")
	x.end("w:rPr")
	content()
	x.end("w:r")
}

// customMark writes the mark that opens a note cited with
// w:customMarkFollows. Word writes such a note as the mark's text in a run
// of the footnote reference style (a w:footnoteRef would print the count
// the note does not take, ECMA-376 Part 1 §17.11.14), and prints nothing
// else before the note's text. LibreOffice prints the mark it read after
// the reference as the note's own label, and drops a mark text that opens
// the note only for the first note of the document (7.4 reads all notes at
// the first reference, and forgets the custom mark after the first): every
// later note would show its mark twice. So the mark stands in an
// mc:AlternateContent (Part 3 §10.2) whose choice requires the Word 2012
// namespace w15: Word 2013 and later know it and print the choice, the
// mark; LibreOffice knows only w14, wps and wpg and takes the empty
// fallback, printing its label once. A reader that knows neither prints
// no mark before the note's text.
func customMark(x *xmlWriter, mark string) {
	x.start("mc:AlternateContent")
	x.start("mc:Choice", "Requires", "w15")
	markRun(x, func() { x.elem("w:t", mark) })
	x.end("mc:Choice")
	x.empty("mc:Fallback")
	x.end("mc:AlternateContent")
}

// link writes the runs of a link inside w:hyperlink, to an external
// relationship of its own.
func (iw *instrumentWriter) link(l *model.Link, style string) {
	id := iw.linkRel(l.Target)
	iw.x.start("w:hyperlink", "r:id", id, "w:history", "1")
	iw.inlines(l.Runs, styleHyperlink)
	iw.x.end("w:hyperlink")
}

// linkTargets are the targets of a document's links, in order of first
// use; the writers of a parallel edition's columns share one.
type linkTargets struct{ list []string }

// linkRel returns the relationship id of target, adding it the first time.
func (iw *instrumentWriter) linkRel(target string) string {
	for i, t := range iw.links.list {
		if t == target {
			return "rId" + strconv.Itoa(linkRelBase+i)
		}
	}
	iw.links.list = append(iw.links.list, target)
	return "rId" + strconv.Itoa(linkRelBase+len(iw.links.list)-1)
}

// linkRels are the document's relationships to the targets of its links.
func (iw *instrumentWriter) linkRels() []relationship {
	var out []relationship
	for i, t := range iw.links.list {
		out = append(out, relationship{ID: "rId" + strconv.Itoa(linkRelBase+i), Type: relHyperlink, Target: t, External: true})
	}
	return out
}

// bullet writes an item of a bullet list: a List Bullet paragraph on the
// bullet list at its list level.
func (iw *instrumentWriter) bullet(b *lower.Unit) {
	level := b.Unit.BulletLevel()
	props := paraProps{Style: styleListBullet, Num: &numRef{NumID: iw.plan.BulletNum, Level: level}}
	iw.paragraph(props, func() { iw.text(b.Text) })
}

// fields writes labelled fields as a borderless table: the label in its
// column, the lines of the value one paragraph each beside it.
func (iw *instrumentWriter) fields(f *lower.Fields) {
	labelW := fieldLabelWidth(f, iw.style)
	t := table{Style: styleFieldTable, Widths: []int{labelW, pageOf(iw.style).textWidth() - labelW}}
	for _, row := range f.Rows {
		row := row
		t.Rows = append(t.Rows, []func(){
			func() { iw.paragraph(paraProps{Style: styleFieldLabel}, func() { iw.text(row.Label) }) },
			func() {
				for _, l := range row.Lines {
					iw.paragraph(paraProps{Style: styleFieldValue}, func() { iw.text(l) })
				}
			},
		})
	}
	iw.writeTable(t)
}

// writeBulletAbstract writes the abstract list of bullet lists: one bullet
// character per list level, indented a step further each level.
func writeBulletAbstract(x *xmlWriter, id int, bullets []string, step int) {
	if step <= 0 {
		step = bulletIndent
	}
	x.start("w:abstractNum", "w:abstractNumId", strconv.Itoa(id))
	x.val("w:multiLevelType", "hybridMultilevel")
	for k := 0; k < maxLevels; k++ {
		b := bullets[min(k, len(bullets)-1)]
		x.start("w:lvl", "w:ilvl", strconv.Itoa(k))
		x.val("w:start", "1")
		x.val("w:numFmt", "bullet")
		x.val("w:suff", "tab")
		x.val("w:lvlText", b)
		x.val("w:lvlJc", "left")
		paraProps{Ind: &indent{Left: step * (k + 1), Hanging: step}}.write(x)
		x.end("w:lvl")
	}
	x.end("w:abstractNum")
}

// bulletStepOf is how far each level of a bullet list indents in st (nil
// for style.Builtin): the style's narrowest label column, as the PDF
// hangs a bullet's text.
func bulletStepOf(st *house.Style) int {
	if st == nil {
		st = house.Builtin()
	}
	return twips(st.LabelColumn)
}

// fieldLabelWidth is the width of the label column of labelled fields, in
// twips, as the PDF measures it: the widest label in bold at the body
// size, plus the style's label gutter (at least the cell's right margin),
// rounded up to half a millimetre so that no label wraps.
func fieldLabelWidth(f *lower.Fields, st *house.Style) int {
	if st == nil {
		st = house.Builtin()
	}
	bold, err := fonts.LoadMetrics(fonts.Bold)
	if err != nil {
		return twips(40) // the fonts are embedded: never
	}
	widest := 0.0
	for _, row := range f.Rows {
		widest = max(widest, bold.Width(lower.Plain(row.Label), st.BodySize))
	}
	mm := widest*pointsToTwips/twipsPerMM + max(st.LabelGutter, fieldCellPad/twipsPerMM)
	return int(math.Round(math.Ceil(mm*2) / 2 * twipsPerMM))
}
