// Package fonts carries the typeface chancery prints instruments in,
// Liberation Serif (Regular, Bold, Italic, Bold Italic), embedded in the
// binary with its licence (SIL Open Font License 1.1, see
// OFL-LiberationSerif.txt), and reads the fonts' character maps itself so
// that a build can tell, before rendering, which characters a font cannot
// print.
//
// Only the parts of the TrueType format needed for that are read: the
// table directory, "cmap" (subtable formats 4 and 12), "maxp" (the glyph
// count) and "name" (family and full names).
package fonts
