// Package schema holds JSON Schemas (draft 2020-12) for every kind of YAML
// file a chancery project has: the document, its section and preamble
// parts, the source documents, and the notes verbales. Editors with a YAML
// language server use them for completion and validation while clauses
// are typed. The schemas describe what package load accepts; load stays
// the authority and reports at file:line:col what a schema cannot express
// (a part that does not exist, a reference to a missing id).
//
// Kinds are listed in one table (Kinds); a new kind of file is one more
// entry there, with any definitions it needs added to defs.
package schema
