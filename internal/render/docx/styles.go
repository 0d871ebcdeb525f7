package docx

import "strconv"

// Style ids. Word shows a style's name, not its id; both are fixed so that
// officers, templates and tests can rely on them.
const (
	styleNormal        = "Normal"
	styleDraftMark     = "DraftMark"
	styleTitle         = "Title"
	styleTitleLast     = "TitleLast" // the title's last line
	styleParties       = "Parties"
	stylePartiesJoiner = "PartiesJoiner"
	styleRecital       = "Recital"
	styleTransition    = "Transition"
	styleHeadingPrefix = "Heading" // Heading1, Heading2, ...: Word's own
	styleParagraph     = "Paragraph"
	styleUnnumbered    = "ParagraphUnnumbered"
	styleItemPrefix    = "ItemLevel" // ItemLevel1, ItemLevel2, ...
	styleClosing       = "Closing"
	styleSignatureFor  = "SignatureFor"
	styleSignatureText = "SignatureText"
	styleSignatureLine = "SignatureLine"
	styleHeader        = "Header"
	styleFooter        = "Footer"

	// Notes verbales (notestyles.go).

	// Character styles.
	styleEmphasis       = "Emphasis"
	styleStrong         = "Strong"
	styleStrongEmphasis = "StrongEmphasis"
	styleFillIn         = "FillIn"

	// Table style.
	styleSignatureTable = "SignatureTable"
)

// Typography of every document, after the PDF writer's: Times New Roman
// (the PDF's Liberation Serif has its metrics) at 12 pt, single spacing,
// 8 pt between paragraphs and 16 pt above a section heading. Spacing is in
// twips (20 to the point).
const (
	fontFamily      = "Times New Roman"
	fontSize        = 24 // half-points: 12 pt
	smallSize       = 20 // 10 pt, the DRAFT marking and the page number
	lineSpace       = 240
	paraGap         = 160 // 8 pt
	headingGap      = 320 // 16 pt
	titleGap        = 80  // 4 pt between title lines
	signatureGap    = 794 // 14 mm free above the first signature line
	signatureGutter = 680 // 12 mm between the signature columns
	markingColor    = "969696"
	footerColor     = "3C3C3C"
)

// itemLevels is how many item depths get a style of their own: items
// (depth 2) use ItemLevel1, depth 8 and deeper ItemLevel7.
const itemLevels = 7

// itemStyle names the paragraph style of a unit at depth (2 or more).
func itemStyle(depth int) string {
	n := min(max(depth-1, 1), itemLevels)
	return styleItemPrefix + strconv.Itoa(n)
}

// headingStyle names Word's heading style of a unit at depth with a
// heading: Heading 1 for sections.
func headingStyle(depth int) string {
	return styleHeadingPrefix + strconv.Itoa(depth+1)
}

// depthStyle is the numbered paragraph style of units at depth, which the
// outline's level of that depth is linked to: Heading 1 for sections,
// Paragraph, then Item Level 1, 2 ...
func depthStyle(depth int) string {
	switch depth {
	case 0:
		return headingStyle(0)
	case 1:
		return styleParagraph
	}
	return itemStyle(depth)
}

// labelColumn is the width of the column numbers hang in (12.5 mm, the
// PDF's narrowest label column).
const labelColumn = 709

// labelColumns is the width of the label column at each depth, in twips:
// wide enough for the widest label at that depth (labels.go). Depth 0
// (section headings) shares the column of depth 1.
type labelColumns [maxLevels]int

// defaultColumns is every label column at its narrowest.
func defaultColumns() labelColumns {
	var c labelColumns
	for i := range c {
		c[i] = labelColumn
	}
	return c
}

// indent is the indentation of list level ilvl (the unit's depth):
// section headings and paragraphs hang their number in the label column
// at the margin; items hang theirs at their parent's text, one label
// column further in per level.
func (c *labelColumns) indent(ilvl int) indent {
	if ilvl <= 1 {
		w := max(c[0], c[1])
		return indent{Left: w, Hanging: w}
	}
	left := max(c[0], c[1])
	for d := 2; d <= ilvl; d++ {
		left += c[d]
	}
	return indent{Left: left, Hanging: c[ilvl]}
}

// styleLinks is what the numbered depth styles take from a document's
// numbering: the list level each is linked to (nil for none) and the label
// columns their text is indented by.
type styleLinks struct {
	Num  func(depth int) *numRef
	Cols labelColumns
}

// noLinks is the style sheet's linking for a document without lists.
func noLinks() styleLinks {
	return styleLinks{Num: func(int) *numRef { return nil }, Cols: defaultColumns()}
}

// styleKind is a w:style's w:type.
type styleKind string

const (
	paragraphStyle styleKind = "paragraph"
	characterStyle styleKind = "character"
	tableStyle     styleKind = "table"
)

// styleDef is one w:style.
type styleDef struct {
	ID, Name string
	Kind     styleKind
	BasedOn  string
	Next     string
	Para     paraProps
	Run      runProps
	// Borderless marks a table style without borders; Margins are its
	// cells' left and right padding.
	Borderless bool
	Margins    cellMargins
}

func para(id, name string, p paraProps, r runProps) styleDef {
	return styleDef{ID: id, Name: name, Kind: paragraphStyle, BasedOn: styleNormal, Para: p, Run: r}
}

func withNext(s styleDef, next string) styleDef {
	s.Next = next
	return s
}

func char(id, name string, r runProps) styleDef {
	return styleDef{ID: id, Name: name, Kind: characterStyle, Run: r}
}

func before(tw int) *spacing { return &spacing{Before: tw} }

func ind(in indent) *indent { return &in }

// styleSheet returns every style of the package, for text in lang (w:lang
// form), the numbered styles linked as links say. Every paragraph style
// derives from Normal, which carries the font and the language. Title and
// Heading 1 are Word's own (Word knows them by name: the navigation pane,
// the table of contents and outline view use them); a heading leads to
// Paragraph, the style of the text under it.
func styleSheet(lang string, links styleLinks, ts typeSpec) []styleDef {
	paraGap, headingGap, titleGap := ts.paraGap, ts.headingGap, ts.titleGap
	normal := styleDef{ID: styleNormal, Name: "Normal", Kind: paragraphStyle,
		Para: paraProps{Spacing: ts.lineSpacing(), Jc: ts.jc},
		Run:  runProps{Font: ts.font, Size: ts.size, Lang: lang}}
	if ts.widowControl {
		normal.Para.WidowControl = new(true)
	} else if ts.line > 0 {
		normal.Para.WidowControl = new(false)
	}
	var unnumberedInd *indent
	if fl := ts.firstLine(1); fl > 0 {
		unnumberedInd = &indent{FirstLine: fl}
	}
	ss := []styleDef{
		normal,
		para(styleDraftMark, "Draft Mark", paraProps{KeepNext: true, Spacing: &spacing{After: titleGap}, Jc: "center"}, runProps{Bold: true}),
		para(styleTitle, "Title", paraProps{KeepNext: true, KeepLines: true, Spacing: &spacing{After: titleGap}, Jc: "center"}, runProps{Bold: true}),
		// The gap after the title block: LibreOffice takes the larger of
		// it and the next paragraph's space above, as the PDF writer does
		// (Word adds the two).
		styleDef{ID: styleTitleLast, Name: "Title Last Line", Kind: paragraphStyle, BasedOn: styleTitle, Next: styleParties,
			Para: paraProps{KeepNext: true, KeepLines: true, Spacing: &spacing{After: ts.afterTitle}, Jc: "center"}, Run: runProps{Bold: true}},
		para(styleParties, "Parties", paraProps{Spacing: before(paraGap)}, runProps{}),
		para(stylePartiesJoiner, "Parties Joiner", paraProps{KeepNext: true, Spacing: before(paraGap), Jc: "center"}, runProps{}),
		para(styleRecital, "Recital", paraProps{Spacing: before(paraGap)}, runProps{}),
		para(styleTransition, "Transition", paraProps{KeepNext: true, Spacing: before(paraGap)}, runProps{}),
		withNext(para(headingStyle(0), "heading 1", paraProps{KeepNext: true, KeepLines: true, Spacing: before(headingGap),
			Num: links.Num(0), Ind: ind(links.Cols.indent(0)), Jc: "left", OutlineLvl: 1}, runProps{Bold: true}), styleParagraph),
		para(styleParagraph, "Paragraph", paraProps{Spacing: before(paraGap), Num: links.Num(1), Ind: ind(links.Cols.indent(1))}, runProps{}),
		para(styleUnnumbered, "Paragraph Unnumbered", paraProps{Spacing: before(paraGap), Ind: unnumberedInd}, runProps{}),
	}
	for n := 1; n <= itemLevels; n++ {
		ss = append(ss, para(styleItemPrefix+strconv.Itoa(n), "Item Level "+strconv.Itoa(n),
			paraProps{Spacing: before(paraGap), Num: links.Num(n + 1), Ind: ind(links.Cols.indent(n + 1))}, runProps{}))
	}
	// The signature line runs to the end of its column's text.
	sigTab := []tabStop{{Align: "right", Leader: "underscore", Pos: ts.textWidth/2 - signatureGutter}}
	ss = append(ss,
		para(styleClosing, "Closing", paraProps{KeepNext: true, Spacing: before(paraGap)}, runProps{}),
		para(styleSignatureFor, "Signature For", paraProps{KeepNext: true, Spacing: before(paraGap), Jc: "left"}, runProps{Italic: true}),
		para(styleSignatureText, "Signature Text", paraProps{KeepNext: true, Jc: "left"}, runProps{}),
		para(styleSignatureLine, "Signature Line", paraProps{KeepNext: true, Tabs: sigTab, Spacing: before(signatureGap), Jc: "left"}, runProps{}),
		para(styleHeader, "header", paraProps{Jc: "right"}, runProps{Color: markingColor, Size: smallSize}),
		para(styleFooter, "footer", paraProps{Jc: "center"}, runProps{Color: footerColor, Size: smallSize}),
		char(styleEmphasis, "Emphasis", runProps{Italic: true}),
		char(styleStrong, "Strong", runProps{Bold: true}),
		char(styleStrongEmphasis, "Strong Emphasis", runProps{Bold: true, Italic: true}),
		char(styleFillIn, "Fill-in", runProps{Highlight: "yellow"}),
		// The columns' text starts at the column's left edge and stops
		// short of the next column by the PDF's gutter.
		styleDef{ID: styleSignatureTable, Name: "Signature Table", Kind: tableStyle, Borderless: true,
			Margins: cellMargins{Left: 0, Right: signatureGutter}},
	)
	return append(ss, extrasStyles()...)
}
