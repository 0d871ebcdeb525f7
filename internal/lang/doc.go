// Package lang is chancery's language engine for English (en), Russian (ru)
// and Kazakh (kk).
//
// It owns everything that depends on the drafting language rather than on the
// document: the vocabulary of structural terms ("paragraph", "пункт",
// "тармақ"), their inflected forms, cross-reference phrases built from a chain
// of numbered steps ("paragraph 2.1, subparagraph iii.", "подпункту iii.
// пункта 2.1", "2.1-тармағының iii. тармақшасына"), dates in the form used by
// diplomatic correspondence, a small closed vocabulary of fixed words (DRAFT,
// Signature, ...), list joining and locale-aware upper-casing.
//
// The data lives in data/{en,ru,kk}.yaml, embedded in the binary and parsed
// into an Engine by New; projects can add or override terms with
// Engine.AddTerms using the same schema. English and Russian forms are listed
// in full in the data (a lexicon); Kazakh forms are computed from stems by
// rule (vowel harmony, final-consonant class, stem voicing), see KazakhSuffix,
// KazakhInflect and KazakhNumeral, with optional per-form overrides in data.
//
// An Engine is immutable except through AddTerms; it is safe for concurrent
// reads once set up, but AddTerms must not run concurrently with other use.
package lang
