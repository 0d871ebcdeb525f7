// Package check runs the checks that need a numbered, cross-referenced
// document: clauses aligned to a source quote it verbatim, no wording is
// left in square brackets, no negotiation insert or placeholder is left,
// and no word mixes Latin and Cyrillic letters. What load, number and xref
// already report (unknown ids, ids defined twice, a clause missing in one
// language) is not reported again.
//
// A clause silences a check for itself alone with an explained entry in
// its YAML: suppress: [{check: mixed-script, reason: "..."}]. The names
// that suppress: accepts are those of Checks.
package check
