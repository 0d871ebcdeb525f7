// Package docx writes an assembled instrument as a WordprocessingML
// (.docx) package that Word and LibreOffice open as an ordinary, editable
// document: named styles instead of direct formatting, list numbering that
// Word continues when an officer adds a paragraph, bookmarks and REF fields
// for cross-references, and the signature block as a borderless table.
//
// The package is written with archive/zip and a small XML builder, part by
// part in a fixed order with fixed timestamps, so that two builds of the
// same document at the same Options.Time are byte-identical.
//
// The building blocks are kept apart from the instrument's layout so that
// other kinds of document (notes verbales) can reuse them:
//
//   - xmlw.go, namespaces.go: the XML builder and the OOXML names;
//   - pkg.go, rels.go, wordpkg.go, docprops.go, settings.go: the zip
//     package, its relationships, a WordprocessingML document's parts and
//     metadata;
//   - styles.go, stylesxml.go: the style sheet (instrument and note styles);
//   - props.go, page.go, langtag.go: paragraph and run properties in schema
//     order, the A4 page, Word language tags;
//   - runs.go, fields.go, table.go, headerfooter.go: paragraphs and runs
//     carrying their language, bookmarks, complex fields, tables, the
//     DRAFT header and the page-number footer.
//
// The instrument itself is laid out by instrument.go and units.go; its
// list numbering is planned in numbering.go from levels derived in
// levels.go and written by numberingxml.go; its cross-references are
// bookmarks.go and refs.go.
//
// A note verbale (WriteNote) is laid out by note.go, its page and styles
// by notepage.go and notestyles.go, the foot of its first page floating in
// a frame (frame.go).
package docx
