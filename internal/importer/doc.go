// Package importer turns a draft written elsewhere — a Word document or
// plain text — into a chancery project: it infers the title block,
// parties, recitals, transition, sections, numbered paragraphs and items
// with their numbering schemes (negotiation inserts included), the closing
// and the signature table; a report's labelled fields (a two-column table
// before the first section), bullet lists (nested by level) and footnotes
// ({fn:...} where cited); gives every unit a readable id; and turns the
// cross-references written as words ("paragraph 4", "подпункту iii.
// пункта 2.1", "2.1-тармағының iii. тармақшасына") into {ref:...} with
// the case and options under which chancery writes the same words again.
//
// It also takes in a counterpart's tracked changes (see Changes): the
// inserted, deleted and moved paragraphs and changed words of a returned
// DOCX are written into the clause YAML through package yamledit, so that
// every untouched byte stays as it was.
//
// The input is read into Paras (ReadDOCX, ReadText); Infer builds a
// model.Document from them and a Report of what it recognised and what it
// could not place (paragraphs, tables, text: nothing is dropped without a
// line in the report); Write lays the document out as YAML files.
package importer
