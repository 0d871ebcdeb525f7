package docx

import "strconv"

// frame is a paragraph's w:framePr: the paragraph leaves the flow of text
// and floats in a text frame Width twips wide, at the left margin, against
// the bottom margin of the page its place in the flow falls on. Text does
// not run beside the frame (wrap "notBeside"); VSpace twips above it are
// kept free of text. Consecutive paragraphs with equal frames share one
// frame, stacked in their order. Word shows it under Format > Frame;
// LibreOffice turns it into a text frame anchored to the next paragraph.
type frame struct {
	Width  int // twips
	VSpace int // twips kept free above and below
}

func (f *frame) write(x *xmlWriter) {
	x.empty("w:framePr",
		"w:w", strconv.Itoa(f.Width),
		"w:vSpace", strconv.Itoa(f.VSpace),
		"w:wrap", "notBeside",
		"w:vAnchor", "margin",
		"w:hAnchor", "margin",
		"w:xAlign", "left",
		"w:yAlign", "bottom")
}
