package fonts

import (
	"bytes"
	"embed"
	"fmt"
)

// Family is the name of the embedded typeface.
const Family = "Liberation Serif"

// LicenceFile is the name of the licence that ships with the fonts.
const LicenceFile = "OFL-LiberationSerif.txt"

//go:embed OFL-LiberationSerif.txt
var files embed.FS

// The faces' files, embedded as byte slices so that parsing them copies
// nothing; they are read, never written (see shared).
var (
	//go:embed LiberationSerif-Regular.ttf
	regularTTF []byte
	//go:embed LiberationSerif-Bold.ttf
	boldTTF []byte
	//go:embed LiberationSerif-Italic.ttf
	italicTTF []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	boldItalicTTF []byte
)

// Style is one face of the family.
type Style int

// The four faces of the family.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists the faces in the order Regular, Bold, Italic, BoldItalic.
func Styles() []Style { return []Style{Regular, Bold, Italic, BoldItalic} }

// String names the face as the font does: "Regular", "Bold", "Italic",
// "Bold Italic".
func (s Style) String() string {
	switch s {
	case Regular:
		return "Regular"
	case Bold:
		return "Bold"
	case Italic:
		return "Italic"
	case BoldItalic:
		return "Bold Italic"
	}
	return fmt.Sprintf("Style(%d)", int(s))
}

// File returns the name of the face's TrueType file.
func (s Style) File() string {
	switch s {
	case Regular:
		return "LiberationSerif-Regular.ttf"
	case Bold:
		return "LiberationSerif-Bold.ttf"
	case Italic:
		return "LiberationSerif-Italic.ttf"
	case BoldItalic:
		return "LiberationSerif-BoldItalic.ttf"
	}
	return ""
}

// TTF returns the TrueType data of a face. The slice is the caller's own.
func TTF(s Style) ([]byte, error) {
	data, err := shared(s)
	return bytes.Clone(data), err
}

// shared returns the embedded file of a face itself, which the package
// only reads: a Face keeps it for the glyphs it embeds.
func shared(s Style) ([]byte, error) {
	switch s {
	case Regular:
		return regularTTF, nil
	case Bold:
		return boldTTF, nil
	case Italic:
		return italicTTF, nil
	case BoldItalic:
		return boldItalicTTF, nil
	}
	return nil, fmt.Errorf("fonts: no face %v", s)
}

// Load parses the character map and names of a face.
func Load(s Style) (*Face, error) {
	data, err := shared(s)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", s.File(), err)
	}
	return f, nil
}

// Licence returns the text of the fonts' licence, with their copyright
// notices.
func Licence() string {
	data, err := files.ReadFile(LicenceFile)
	if err != nil {
		// The file is embedded at compile time; it cannot be missing.
		panic(err)
	}
	return string(data)
}
