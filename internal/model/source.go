package model

import (
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
)

// Project is everything a build reads: the instruments and the source
// documents their clauses quote or cite.
type Project struct {
	Documents []*Document
	Sources   map[string]*Source
}

// Document returns the document with the given id, or nil.
func (p *Project) Document(id string) *Document {
	for _, d := range p.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Source is an external text that clauses cite or quote (a Plan of
// Action), kept with its own structure: Levels names the lang term of each
// depth ("pillar", "paragraph").
type Source struct {
	ID     string
	Pos    diag.Pos
	Title  Text
	Levels []string
	Units  []*SourceUnit
}

// SourceUnit is a numbered part of a source. Numbers are given, not
// computed: a source file usually holds an excerpt.
type SourceUnit struct {
	Number string
	Pos    diag.Pos
	Text   Text
	Units  []*SourceUnit
}

// Lookup finds the unit at a dotted path ("II.3") and returns the chain of
// units from the outermost to it.
func (s *Source) Lookup(path string) ([]*SourceUnit, bool) {
	var chain []*SourceUnit
	units := s.Units
	for part := range strings.SplitSeq(path, ".") {
		var found *SourceUnit
		for _, u := range units {
			if u.Number == part {
				found = u
				break
			}
		}
		if found == nil {
			return nil, false
		}
		chain = append(chain, found)
		units = found.Units
	}
	return chain, len(chain) > 0
}

// Paths lists the dotted paths of every unit, for hints.
func (s *Source) Paths() []string {
	var out []string
	var walk func(prefix string, us []*SourceUnit)
	walk = func(prefix string, us []*SourceUnit) {
		for _, u := range us {
			p := prefix + u.Number
			out = append(out, p)
			walk(p+".", u.Units)
		}
	}
	walk("", s.Units)
	return out
}
