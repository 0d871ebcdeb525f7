package docx

import "strconv"

// stylesXML writes word/styles.xml: the document defaults (font, size and
// language, so that text Word adds later is right too), Word's own default
// styles, and the style sheet with its numbered styles linked as links say.
// extra are styles besides the sheet's (a note's, from its form).
func stylesXML(lang string, links styleLinks, ts typeSpec, extra ...styleDef) []byte {
	x := newXML()
	x.start("w:styles", rootAttrs()...)
	x.start("w:docDefaults")
	x.start("w:rPrDefault")
	runProps{Font: ts.font, Size: ts.size, Lang: lang}.write(x)
	x.end("w:rPrDefault")
	x.start("w:pPrDefault")
	paraProps{Spacing: ts.lineSpacing()}.write(x)
	x.end("w:pPrDefault")
	x.end("w:docDefaults")

	x.start("w:style", "w:type", "character", "w:default", "1", "w:styleId", "DefaultParagraphFont")
	x.val("w:name", "Default Paragraph Font")
	x.val("w:uiPriority", "1")
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.end("w:style")
	x.start("w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal")
	x.val("w:name", "Normal Table")
	x.val("w:uiPriority", "99")
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.start("w:tblPr")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	writeCellMargins(x, cellMargins{Left: wordCellMargin, Right: wordCellMargin})
	x.end("w:tblPr")
	x.end("w:style")
	x.start("w:style", "w:type", "numbering", "w:default", "1", "w:styleId", "NoList")
	x.val("w:name", "No List")
	x.val("w:uiPriority", "99")
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.end("w:style")

	for _, s := range append(styleSheet(lang, links, ts), extra...) {
		writeStyle(x, s)
	}
	x.end("w:styles")
	return x.bytes()
}

func writeStyle(x *xmlWriter, s styleDef) {
	kv := []string{"w:type", string(s.Kind)}
	if s.ID == styleNormal {
		kv = append(kv, "w:default", "1")
	}
	kv = append(kv, "w:styleId", s.ID)
	x.start("w:style", kv...)
	x.val("w:name", s.Name)
	if s.BasedOn != "" {
		x.val("w:basedOn", s.BasedOn)
	}
	if s.Kind == paragraphStyle {
		next := s.Next
		if next == "" {
			next = s.ID
		}
		x.val("w:next", next)
	}
	x.empty("w:qFormat")
	s.Para.write(x)
	s.Run.write(x)
	if s.Kind == tableStyle {
		x.start("w:tblPr")
		if s.Borderless {
			x.start("w:tblBorders")
			for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
				x.empty(side, "w:val", "nil")
			}
			x.end("w:tblBorders")
		}
		writeCellMargins(x, s.Margins)
		x.end("w:tblPr")
	}
	x.end("w:style")
}

// cellMargins is the left and right padding of table cells, in twips.
type cellMargins struct {
	Left, Right int
}

// wordCellMargin is Word's default left and right cell padding (0.19 cm).
const wordCellMargin = 108

func writeCellMargins(x *xmlWriter, m cellMargins) {
	x.start("w:tblCellMar")
	x.empty("w:top", "w:w", "0", "w:type", "dxa")
	x.empty("w:left", "w:w", strconv.Itoa(m.Left), "w:type", "dxa")
	x.empty("w:bottom", "w:w", "0", "w:type", "dxa")
	x.empty("w:right", "w:w", strconv.Itoa(m.Right), "w:type", "dxa")
	x.end("w:tblCellMar")
}
