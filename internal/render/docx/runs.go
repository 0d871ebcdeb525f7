package docx

import (
	"strconv"
	"strings"
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
func (tw *textWriter) run(style, text string) {
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
			if chunk != "" {
				x.elem("w:t", chunk, "xml:space", "preserve")
			}
		}
	}
	x.end("w:r")
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
