// Package note renders notes verbales. A note's facts (number, date, place,
// issuer, addressee, the note it refers to, the enclosed instrument, a
// deadline) and its note-specific wording come from YAML (package load,
// model.Note); the courtesy formulas and the shape of each language come
// from a text/template per language, templates/<name>/<lang>.tmpl in the
// project.
//
// A template defines named blocks: "number" (the number line), "body"
// (the paragraphs, separated by blank lines), "place-date", "addressee"
// (the addressee block, one line per line) and, when the note has an
// enclosure, "enclosure" (the enclosure line, one line per line). The
// note's purpose and body paragraphs are templates too, executed first with
// the same data and functions.
//
// Templates run with a small function set and nothing else: ref (a
// reference into the enclosure or a source it cites, in any case), date,
// upper, pages (the enclosure's page count), term and word (the language
// engine's vocabulary), plus text/template's harmless builtins. They cannot
// read files, the environment or the clock, nor call functions found in the
// data. An unknown key is an error, not an empty string, and every error is
// reported at the template's (or the note YAML's) file:line:col. The
// templates of one edition write at most MaxOutput bytes and run at most
// MaxWork steps, so that a {{range 1000000000}} or templates calling one
// another fail with a diagnostic instead of running without end.
package note
