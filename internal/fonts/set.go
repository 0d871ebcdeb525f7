package fonts

import (
	"fmt"
	"sync"
)

// Set is the four faces of the family, parsed once per process and shared
// by every render: a Set is never changed after it is made.
type Set struct {
	faces [4]*Face
	// data is each face's font file (nil: the embedded face's).
	data [4][]byte
	// all has, for every code point of the Basic Multilingual Plane, one
	// bit per face (1<<Style) that has a glyph for it.
	all []uint8
}

// everyFace is Set.all's value for a code point that every face has.
const everyFace = 1<<Regular | 1<<Bold | 1<<Italic | 1<<BoldItalic

// faces parses the embedded faces the first time it is called and returns
// the same Set, or the same error, ever after. It is the package's one
// piece of state, written once.
var faces = sync.OnceValues(loadSet)

// Faces returns the embedded faces, parsed once per process.
func Faces() (*Set, error) { return faces() }

func loadSet() (*Set, error) { return NewSet([4][]byte{}, [4]string{}) }

// NewSet parses a set of faces from font files, by Style: a face whose
// data is nil is the embedded one. names name the files in errors.
func NewSet(data [4][]byte, names [4]string) (*Set, error) {
	s := &Set{all: make([]uint8, 0x10000), data: data}
	// The faces are parsed at the same time: each is a few tables of a
	// file of its own.
	var errs [4]error
	var wg sync.WaitGroup
	for _, st := range Styles() {
		wg.Go(func() {
			if data[st] == nil {
				s.faces[st], errs[st] = Load(st)
			} else if s.faces[st], errs[st] = Parse(data[st]); errs[st] != nil {
				errs[st] = fmt.Errorf("fonts: %s: %w", names[st], errs[st])
			}
		})
	}
	wg.Wait()
	for _, st := range Styles() {
		if errs[st] != nil {
			return nil, errs[st]
		}
		for r, w := range s.faces[st].widths {
			if w != noGlyph {
				s.all[r] |= 1 << st
			}
		}
	}
	return s, nil
}

// TTF returns the font file of a face: the project's, or the embedded
// one. The slice is shared: callers must not change it.
func (s *Set) TTF(st Style) ([]byte, error) {
	if st >= Regular && st <= BoldItalic && s.data[st] != nil {
		return s.data[st], nil
	}
	return shared(st)
}

// Family is the family name of the set's regular face.
func (s *Set) Family() string { return s.faces[Regular].Family() }

// Face returns the face of a style.
func (s *Set) Face(st Style) *Face {
	if st < Regular || st > BoldItalic {
		panic(fmt.Sprintf("fonts: no face %v", st))
	}
	return s.faces[st]
}

// Lacking returns the first face, in the order of Styles, that has no
// glyph for r, or nil when every face has one. A character of the Basic
// Multilingual Plane costs one table look-up.
func (s *Set) Lacking(r rune) *Face {
	if r >= 0 && r < 0x10000 {
		m := s.all[r]
		if m == everyFace {
			return nil
		}
		for _, st := range Styles() {
			if m&(1<<st) == 0 {
				return s.faces[st]
			}
		}
	}
	for _, st := range Styles() {
		if !s.faces[st].Has(r) {
			return s.faces[st]
		}
	}
	return nil
}
