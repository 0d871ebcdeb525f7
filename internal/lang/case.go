package lang

import (
	"fmt"
	"strings"
)

// Case is a grammatical case of a noun phrase.
//
// Russian uses nom, gen, dat, acc, ins and pre (prepositional). Kazakh uses
// nom, gen, dat, acc, loc, abl, ins (көмектес, -мен/-бен/-пен) and attr, the
// locative-attributive form (-дағы/-дегі/-тағы/-тегі: "18 сәуірдегі") used to
// make a noun phrase or date qualify a following noun. English has no case:
// every Case is accepted and ignored.
//
// The empty Case is treated as nominative wherever a Case is taken.
type Case string

// The cases known to the engine.
const (
	Nom  Case = "nom"
	Gen  Case = "gen"
	Dat  Case = "dat"
	Acc  Case = "acc"
	Ins  Case = "ins"
	Pre  Case = "pre"
	Loc  Case = "loc"
	Abl  Case = "abl"
	Attr Case = "attr"
)

// AllCases returns every case known to the engine, in a stable order.
func AllCases() []Case {
	return []Case{Nom, Gen, Dat, Acc, Ins, Pre, Loc, Abl, Attr}
}

// ParseCase parses a case name. It accepts the short names ("gen") and the
// English grammatical names ("genitive", "prepositional", "locative",
// "attributive", ...), ignoring letter case and surrounding space.
func ParseCase(s string) (Case, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nom", "nominative":
		return Nom, nil
	case "gen", "genitive":
		return Gen, nil
	case "dat", "dative":
		return Dat, nil
	case "acc", "accusative":
		return Acc, nil
	case "ins", "instr", "instrumental":
		return Ins, nil
	case "pre", "prep", "prepositional":
		return Pre, nil
	case "loc", "locative":
		return Loc, nil
	case "abl", "ablative":
		return Abl, nil
	case "attr", "attributive", "locative-attributive":
		return Attr, nil
	}
	return "", fmt.Errorf("lang: unknown case %q", s)
}

// orNom maps the empty Case to Nom.
func (c Case) orNom() Case {
	if c == "" {
		return Nom
	}
	return c
}
