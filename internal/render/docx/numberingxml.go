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
			writeLevel(x, k, l)
		}
		x.end("w:abstractNum")
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
	x.end("w:numbering")
	return x.bytes()
}

// writeLevel writes one w:lvl. The number is followed by a tab to the
// hanging indent, unless the paragraph carries a trailer ("4" + ":"),
// which then brings its own tab.
func writeLevel(x *xmlWriter, k int, l listLevel) {
	x.start("w:lvl", "w:ilvl", strconv.Itoa(k))
	x.val("w:start", "1")
	x.val("w:numFmt", l.Format)
	if l.Trailer != "" {
		x.val("w:suff", "nothing")
	} else {
		x.val("w:suff", "tab")
	}
	x.val("w:lvlText", l.Text)
	x.val("w:lvlJc", "left")
	in := levelIndent(k)
	paraProps{Ind: &in}.write(x)
	x.end("w:lvl")
}
