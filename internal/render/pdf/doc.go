// Package pdf writes an assembled instrument as a signature-quality PDF:
// A4, Liberation Serif 12 pt embedded, a bold centred title block,
// justified paragraphs with hanging numbers, a signature table that never
// leaves the closing clause, page numbers, a DRAFT marking on every page
// of a draft, an outline of the sections and document metadata.
//
// Layout is done here rather than by fpdf's MultiCell so that italic and
// bold runs can share a justified line: text becomes words made of styled
// fragments, measured with the font's metrics, broken into lines as the
// house style says (type.line_breaking: first fit, as word processors
// break them, or a total-fit line breaker, the least-demerits set of
// breaks over the whole paragraph) and justified by spreading the slack
// over the spaces. Blocks
// of lines are then paginated with keep-with-next, keep-together and
// widow and orphan control, and painted with codeberg.org/go-pdf/fpdf.
//
// The output is a function of the document, the language and
// Options.Time only: two renders with the same input are byte-identical.
//
// CheckGlyphs reports, before rendering, every character that the font
// cannot print, at its position in the clause files; Write refuses such
// text too rather than print an empty box.
package pdf
