package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// script names the script of a letter that texts are written in, "" for
// anything else.
func script(r rune) string {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return "Latin"
		}
		return ""
	case unicode.Is(unicode.Latin, r):
		return "Latin"
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	}
	return ""
}

// describe names a character so that look-alikes can be told apart:
// "Latin i (U+0069)", "“ (U+201C)".
func describe(r rune) string {
	code := fmt.Sprintf("U+%04X", r)
	switch {
	case script(r) != "":
		return fmt.Sprintf("%s %c (%s)", script(r), r, code)
	case unicode.IsSpace(r):
		return "white space (" + code + ")"
	case !unicode.IsPrint(r):
		// Invisible: only its name tells what it is.
		if name := runenames.Name(r); name != "" {
			return code + " " + name
		}
		return code
	}
	return fmt.Sprintf("%c (%s)", r, code)
}

// lookalikes pairs Latin letters with the Cyrillic letters drawn the same
// (Kazakh's Ү and һ included).
const lookalikes = "aа cс eе oо pр xх yу iі jј sѕ hһ AА BВ CС EЕ HН KК MМ OО PР TТ XХ IІ JЈ SЅ YҮ"

// lookalike returns the letter of the other script that looks like r.
func lookalike(r rune) (rune, bool) {
	for pair := range strings.FieldsSeq(lookalikes) {
		p := []rune(pair)
		switch r {
		case p[0]:
			return p[1], true
		case p[1]:
			return p[0], true
		}
	}
	return 0, false
}

// Classes of punctuation that differ only in how they are drawn.
const (
	quoteMarks  = "\"“”„‟«»‹›"
	apostrophes = "'’‘‚‛ʼ`´"
	dashes      = "-‐‑‒–—―−"
)

// kinship says how two different characters are alike, "" when they are
// not: "letter case", "a look-alike letter from another script", "a
// different quote mark".
func kinship(a, b rune) string {
	la, lb := unicode.ToLower(a), unicode.ToLower(b)
	switch {
	case la == lb:
		return "letter case"
	case script(a) != script(b) && (lookalikeOf(a, b) || lookalikeOf(la, lb)):
		return "a look-alike letter from another script"
	case strings.ContainsRune(quoteMarks, a) && strings.ContainsRune(quoteMarks, b):
		return "a different quote mark"
	case strings.ContainsRune(apostrophes, a) && strings.ContainsRune(apostrophes, b):
		return "a different apostrophe"
	case strings.ContainsRune(quoteMarks+apostrophes, a) && strings.ContainsRune(quoteMarks+apostrophes, b):
		return "a quote mark for an apostrophe"
	case strings.ContainsRune(dashes, a) && strings.ContainsRune(dashes, b):
		return "a different dash"
	}
	return ""
}

func lookalikeOf(a, b rune) bool {
	l, ok := lookalike(a)
	return ok && l == b
}

// explain names the characters that make two spellings of a passage
// differ, when they differ in one character or in characters that only
// look alike: "“ (U+201C) in the source, \" (U+0022) here: a different
// quote mark". It returns "" when the difference is one of words.
func explain(source, here string) string {
	s, h := []rune(source), []rune(here)
	p := 0
	for p < len(s) && p < len(h) && s[p] == h[p] {
		p++
	}
	q := 0
	for q < len(s)-p && q < len(h)-p && s[len(s)-1-q] == h[len(h)-1-q] {
		q++
	}
	ms, mh := s[p:len(s)-q], h[p:len(h)-q]
	switch {
	case len(ms) == 0 && len(mh) == 0:
		return ""
	case len(ms) == 1 && len(mh) == 0:
		return describe(ms[0]) + " in the source, missing here"
	case len(ms) == 0 && len(mh) == 1:
		return "not in the source, " + describe(mh[0]) + " here"
	case len(ms) != len(mh):
		return ""
	}
	var first string
	more := 0
	for i := range ms {
		if ms[i] == mh[i] {
			continue
		}
		k := kinship(ms[i], mh[i])
		if k == "" && len(ms) > 1 {
			return ""
		}
		if first == "" {
			first = describe(ms[i]) + " in the source, " + describe(mh[i]) + " here"
			if k != "" {
				first += ": " + k
			}
			continue
		}
		more++
	}
	if more > 0 {
		first += fmt.Sprintf(" (and %d more such %s)", more, plural(more, "character"))
	}
	return first
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
