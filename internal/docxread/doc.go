// Package docxread reads WordprocessingML (.docx) documents into
// paragraphs: their text as runs with bold and italic, the number Word
// shows before each (resolved through the numbering and styles parts),
// whether it is a bullet, its footnotes (w:footnoteReference, with the
// note's text from word/footnotes.xml), bookmarks, the table cell a
// paragraph stands in, tracked changes (w:ins, w:del, w:moveFrom,
// w:moveTo, and inserted or deleted paragraph marks) and comments with the
// paragraphs they are anchored to.
//
// It reads hostile input with bounded memory: every zip entry's declared
// and actual size is limited (against zip bombs), documents with a DTD are
// refused (so no entity is ever expanded), element nesting and the number
// of elements are limited, and every failure is an error, never a panic.
// It is chancery's own reader over archive/zip and encoding/xml, the mirror
// of package render/docx.
package docxread
