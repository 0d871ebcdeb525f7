package docx

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textWriter writes paragraphs, runs, bookmarks and fields into a part.
// Every run it writes carries the document's language (w:lang), so that
// Word checks spelling and hyphenates in the right language even where a
// style is later changed.
type textWriter struct {
	x      *xmlWriter
	lang   string // w:lang form: "en-GB"
	markID int    // id of the next bookmark
}

// paragraph writes a w:p with props, its content written by content.
func (tw *textWriter) paragraph(props paraProps, content func()) {
	tw.x.start("w:p")
	props.write(tw.x)
	if content != nil {
		content()
	}
	tw.x.end("w:p")
}

// runProps returns the properties of a run in character style style
// ("" for none).
func (tw *textWriter) runProps(style string) runProps {
	return runProps{Style: style, Lang: tw.lang}
}

// run writes text as one run; tabs and line feeds in text become w:tab
// and w:br.
func (tw *textWriter) run(style, text string) { tw.runAfter(style, text, false) }

// runAfter writes text as one run, like run; afterNumber says the text
// follows a number written apart (a REF field's "4.1"), so that a hyphen
// opening it ("-тармақтың") is joined to that number too.
func (tw *textWriter) runAfter(style, text string, afterNumber bool) {
	if text == "" {
		return
	}
	x := tw.x
	x.start("w:r")
	tw.runProps(style).write(x)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			x.empty("w:br")
		}
		for j, chunk := range strings.Split(line, "\t") {
			if j > 0 {
				x.empty("w:tab")
			}
			writeText(x, chunk, afterNumber && i == 0 && j == 0)
		}
	}
	x.end("w:r")
}

// writeText writes text as w:t, each hyphen that joins a number to a
// word ("4.1-тармақтың", "1-данасы") as a w:noBreakHyphen: Word and
// LibreOffice break a line after an ordinary hyphen, and a number is
// never parted from its suffix (the PDF breaks only at spaces).
func writeText(x *xmlWriter, text string, afterNumber bool) {
	for text != "" {
		i := numberHyphen(text, afterNumber)
		afterNumber = false
		if i < 0 {
			x.elem("w:t", text, "xml:space", "preserve")
			return
		}
		if i > 0 {
			x.elem("w:t", text[:i], "xml:space", "preserve")
		}
		x.empty("w:noBreakHyphen")
		text = text[i+1:]
	}
}

// numberHyphen returns the byte offset of the first hyphen-minus in s
// between a digit (or, when afterNumber, the start of s) and a letter, -1
// for none.
func numberHyphen(s string, afterNumber bool) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '-' || (i == 0 && !afterNumber) || (i > 0 && (s[i-1] < '0' || s[i-1] > '9')) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(r) {
			return i
		}
	}
	return -1
}

// tab writes a run holding a tab.
func (tw *textWriter) tab(style string) {
	tw.x.start("w:r")
	tw.runProps(style).write(tw.x)
	tw.x.empty("w:tab")
	tw.x.end("w:r")
}

// bookmark wraps what content writes in the bookmark name.
func (tw *textWriter) bookmark(name string, content func()) {
	id := strconv.Itoa(tw.markID)
	tw.markID++
	tw.x.empty("w:bookmarkStart", "w:id", id, "w:name", name)
	content()
	tw.x.empty("w:bookmarkEnd", "w:id", id)
}
