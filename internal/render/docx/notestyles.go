package docx

// noteStyles returns the paragraph styles of a note verbale, spaced as the
// PDF note is (notepage.go). Letterhead Top is the first letterhead block
// of an edition: it starts a new page (a no-op for the first paragraph of
// the file) below the emblem room. The foot of the first page (Enclosure,
// Addressee) floats in a frame; its styles hold its type, the frame its
// place.
//
// Between two paragraphs Word (and LibreOffice in a .docx) leave the
// larger of the first's space after and the second's space before, as the
// PDF writer does; each style states the gaps it wants in full.
//
// Note Body has widow control on (Word's default, written out so that Word
// and LibreOffice agree): a paragraph leaves no lone line at the foot of a
// page and carries none to the head of the next. The PDF writer allows the
// first and forbids the second, which Word cannot express; of Word's two
// settings this one never gives a page the PDF writer would refuse. The
// writer breaks the pages of a generated note where the PDF edition does
// (a page-break run), so widow control only matters once an officer edits
// the document in Word.
func noteStyles() []styleDef {
	letterheadTop := para(styleLetterheadTop, "Letterhead Top",
		paraProps{PageBreakBefore: true, Spacing: &spacing{Before: emblemRoom, After: letterheadGap}}, runProps{})
	letterheadTop.BasedOn = styleLetterhead
	letterheadTop.Next = styleLetterhead
	return []styleDef{
		para(styleLetterhead, "Letterhead", paraProps{KeepNext: true, KeepLines: true,
			Spacing: &spacing{After: letterheadGap}, Jc: "center"}, runProps{Bold: true}),
		letterheadTop,
		para(styleNoteNumber, "Note Number", paraProps{KeepNext: true,
			Spacing: &spacing{Before: numberGap, After: numberGap}, Jc: "left"}, runProps{}),
		para(styleNoteBody, "Note Body", paraProps{Spacing: &spacing{After: noteParaGap, Line: noteLineSpace},
			Ind: &indent{FirstLine: noteIndent}, Jc: "both", WidowControl: new(true)}, runProps{}),
		para(stylePlaceDate, "Place Date", paraProps{KeepLines: true,
			Spacing: &spacing{Before: placeDateGap, Line: noteLineSpace}, Jc: "left"}, runProps{}),
		para(styleEnclosure, "Enclosure", paraProps{KeepNext: true, KeepLines: true,
			Spacing: &spacing{After: footGap}, Jc: "left"}, runProps{Italic: true}),
		para(styleAddressee, "Addressee", paraProps{KeepLines: true, Jc: "left"}, runProps{Bold: true, Caps: true}),
	}
}
