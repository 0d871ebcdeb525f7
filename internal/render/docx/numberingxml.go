package docx

import "strconv"

// numberingXML writes word/numbering.xml: the abstract lists with their
// nine levels, then the list instances.
func numberingXML(n *numbering) []byte {
	x := newXML()
	x.start("w:numbering", rootAttrs()...)
	for _, a := range n.Abstracts {
		x.start("w:abstractNum", "w:abstractNumId", strconv.Itoa(a.ID))
		x.val("w:multiLevelType", "multilevel")
		for k, l := range a.Levels {
			style := ""
			if n.Outline != nil && a == n.Outline.Abstract {
				style = depthStyle(k)
			}
			writeLevel(x, k, l, style, n.Cols.indent(k))
		}
		x.end("w:abstractNum")
	}
	if n.BulletNum > 0 {
		writeBulletAbstract(x, n.bulletAbstractID(), n.Bullets, n.BulletStep)
	}
	for _, l := range n.Lists {
		x.start("w:num", "w:numId", strconv.Itoa(l.ID))
		x.val("w:abstractNumId", strconv.Itoa(l.Abstract.ID))
		if l.Restart >= 0 {
			x.start("w:lvlOverride", "w:ilvl", strconv.Itoa(l.Restart))
			x.val("w:startOverride", "1")
			x.end("w:lvlOverride")
		}
		x.end("w:num")
	}
	if n.BulletNum > 0 {
		x.start("w:num", "w:numId", strconv.Itoa(n.BulletNum))
		x.val("w:abstractNumId", strconv.Itoa(n.bulletAbstractID()))
		x.end("w:num")
	}
	x.end("w:numbering")
	return x.bytes()
}

// writeLevel writes one w:lvl, linked to the paragraph style style ("" for
// none). The number is followed by a tab to the hanging indent in, unless
// the paragraph carries a trailer ("4" + ":"), which then brings its own
// tab: LibreOffice (7.4) cites a number with the level's whole text in a
// REF field ("paragraph 4:"), dropping only one final full stop, with
// \n, \r or \w, and its import drops \t, \# and \*. Hidden anchor
// paragraphs numbered "%1" for the fields to read cost a number or a
// reference under everyday edits; colon_uno_test.go records each.
func writeLevel(x *xmlWriter, k int, l listLevel, style string, in indent) {
	x.start("w:lvl", "w:ilvl", strconv.Itoa(k))
	x.val("w:start", "1")
	x.val("w:numFmt", l.Format)
	if style != "" {
		x.val("w:pStyle", style)
	}
	if l.Trailer != "" {
		x.val("w:suff", "nothing")
	} else {
		x.val("w:suff", "tab")
	}
	x.val("w:lvlText", l.Text)
	x.val("w:lvlJc", "left")
	paraProps{Ind: &in}.write(x)
	x.end("w:lvl")
}
