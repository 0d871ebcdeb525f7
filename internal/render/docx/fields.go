package docx

// field writes a complex field: the instruction (" REF x \h ") and the
// result Word shows until the field is updated, each part a run in the
// character style style.
func (tw *textWriter) field(style, instr, result string) {
	x := tw.x
	char := func(kind string) {
		x.start("w:r")
		tw.runProps(style).write(x)
		x.empty("w:fldChar", "w:fldCharType", kind)
		x.end("w:r")
	}
	char("begin")
	x.start("w:r")
	tw.runProps(style).write(x)
	x.elem("w:instrText", " "+instr+" ", "xml:space", "preserve")
	x.end("w:r")
	char("separate")
	tw.run(style, result)
	char("end")
}

// pageField writes the current page number.
func (tw *textWriter) pageField(style string) {
	tw.field(style, "PAGE", "1")
}

// refField writes a reference to the bookmark mark: switches `\n` (the
// paragraph's number without context) or "" (the bookmark's text); `\h`
// makes it a link.
func (tw *textWriter) refField(style, mark, switches, result string) {
	instr := "REF " + mark
	if switches != "" {
		instr += " " + switches
	}
	tw.field(style, instr+` \h`, result)
}
