// Package style reads a house style, templates/<style>/style.yaml: the page
// (size, margins, binding margin), the type (body size, leading), the
// vertical spacing and the label column of numbered units that the PDF and
// DOCX writers lay documents out with. Lengths are given with their unit
// ("25mm", "12pt", "1in", "2.5cm") and kept in millimetres.
//
// A style file may also carry the numbering fields of chancery init's
// styles (description, default_for, numbering); they are read by package
// scaffold and accepted here as they are.
package style

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fonts"
)

// Dir is the directory holding one directory per style.
const Dir = "templates"

// FileName is the name of a style's file inside its directory.
const FileName = "style.yaml"

// DefaultFile names the project default style when a project has more
// than one: templates/default-style holds the style's name on one line.
const DefaultFile = "default-style"

// PointMM is one typographic point in millimetres.
const PointMM = 25.4 / 72

// Page sizes in millimetres (width, height), by the name style.yaml uses.
var pageSizes = map[string][2]float64{
	"A4":     {210, 297},
	"Letter": {215.9, 279.4},
}

// PageSizes lists the page size names a style may give.
func PageSizes() []string {
	return []string{"A4", "Letter"}
}

// Style is a house style. Every length is in millimetres, every size in
// points.
type Style struct {
	Name string // the style's directory name
	File string // slash-separated path of style.yaml in the project

	PageSize                                         string
	PageWidth, PageHeight                            float64
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
	// Binding is added to the inner (left) margin of every page.
	Binding float64
	// ColumnGap is the space between the columns of a parallel edition,
	// one language to a column, from the end of one column's text to the
	// start of the next.
	ColumnGap float64

	BodySize float64 // points
	Leading  float64 // mm: the distance between baselines of body text

	ParagraphGap  float64 // between paragraphs
	HeadingGap    float64 // above a section heading
	TitleGap      float64 // between title lines
	AfterTitleGap float64 // after the title block

	LabelColumn float64 // narrowest label column of a numbered unit
	LabelGutter float64 // between the widest label and its text
	// LabelRule is how wide a depth's label column is: LabelWidest (the
	// widest label of the depth plus LabelGutter, at least the column's
	// width) or LabelFixed (the column's width).
	LabelRule string
	// Levels are the indents of each depth (0 sections, 1 paragraphs, 2
	// items ...); a depth beyond them takes LabelColumn and no first-line
	// indent.
	Levels []Level

	// Justify sets body text flush at both edges (the last line of a
	// paragraph flush left), else flush left.
	Justify bool
	// LineBreaking is how paragraphs are broken into lines: BreakFirstFit
	// (as Word and LibreOffice do: each line takes as many words as fit at
	// their natural spacing) or BreakTotalFit (the breaks that space the
	// whole paragraph most evenly, spaces shrinking by up to a third).
	LineBreaking string
	// Widows and Orphans are the fewest lines of a paragraph carried to a
	// new page and left at the foot of one.
	Widows, Orphans int

	// HeaderDistance is from the top edge to the top of the header,
	// FooterDistance from the bottom edge to the foot of the footer.
	HeaderDistance, FooterDistance float64
	// Running is the header and footer of each kind of document (Kinds),
	// RunningSize their type size in points.
	Running     map[string]Running
	RunningSize float64

	// Fonts are the project's font files by face (regular, bold, italic,
	// bolditalic), slash-separated project paths; empty for the built-in
	// Liberation Serif.
	Fonts map[string]string
	// fontData holds the files of Fonts, read by Resolve; faces parses
	// them once (nil: the embedded faces).
	fontPos map[string]diag.Pos // where Fonts names each face
	faces   func() (*fonts.Set, error)

	// Footnotes is how footnotes are marked and counted (footnotes.go);
	// the zero value numbers them through the document.
	Footnotes Footnotes

	// Correspondence are the forms of the correspondence the style serves
	// (correspondence.go), in the order of the file.
	Correspondence []*Correspondence
}

// FontSet returns the faces the style sets text in: the project's font
// files where Fonts names them, Liberation Serif for the faces it does
// not name (and for every face of a style without fonts). The files are
// parsed once per style.
func (s *Style) FontSet() (*fonts.Set, error) {
	if s == nil || s.faces == nil {
		return fonts.Faces()
	}
	return s.faces()
}

// loadFonts reads the files of s.Fonts with read, checks that each is a
// font, and prepares FontSet; a file that is not is an error at the line
// naming it.
func (s *Style) loadFonts(read func(string) ([]byte, error)) error {
	if len(s.Fonts) == 0 {
		return nil
	}
	var data [4][]byte
	var names [4]string
	for i, face := range Faces() {
		file, ok := s.Fonts[face]
		if !ok {
			continue
		}
		b, err := read(file)
		if err == nil {
			_, err = fonts.Parse(b)
		}
		if err != nil {
			var l diag.List
			l.Errorf(s.fontPos[face], "bad-font", "fonts.%s: %s is not a font chancery can read: %v", face, file, err).
				Hint = "name a TrueType or OpenType font file"
			return &Error{l}
		}
		data[i], names[i] = b, file
	}
	s.faces = sync.OnceValues(func() (*fonts.Set, error) { return fonts.NewSet(data, names) })
	return nil
}

// Level is the indentation of the units at one depth.
type Level struct {
	// Hanging is the width of the label column the depth's labels hang
	// in (0: LabelColumn).
	Hanging float64
	// FirstLine indents the first line of the depth's unnumbered
	// paragraphs.
	FirstLine float64
}

// Label column rules and line-breaking methods.
const (
	LabelWidest   = "widest"
	LabelFixed    = "fixed"
	BreakFirstFit = "first_fit"
	BreakTotalFit = "total_fit"
)

// Column returns the narrowest label column of depth: the level's hanging
// indent, else LabelColumn.
func (s *Style) Column(depth int) float64 {
	if depth >= 0 && depth < len(s.Levels) && s.Levels[depth].Hanging > 0 {
		return s.Levels[depth].Hanging
	}
	return s.LabelColumn
}

// FirstLine returns the first-line indent of depth's unnumbered
// paragraphs.
func (s *Style) FirstLine(depth int) float64 {
	if depth >= 0 && depth < len(s.Levels) {
		return s.Levels[depth].FirstLine
	}
	return 0
}

// LeftEdge is the left margin plus the binding margin.
func (s *Style) LeftEdge() float64 { return s.MarginLeft + s.Binding }

// TextWidth is the width between the margins.
func (s *Style) TextWidth() float64 {
	return s.PageWidth - s.LeftEdge() - s.MarginRight
}

// ParallelWidth is the width between the margins of the page turned
// landscape, the page of a parallel edition: its columns and the gaps
// between them.
func (s *Style) ParallelWidth() float64 {
	return s.PageHeight - s.LeftEdge() - s.MarginRight
}

// ParallelColumn is the width of each of n columns of a parallel edition,
// ColumnGap apart.
func (s *Style) ParallelColumn(n int) float64 {
	return (s.ParallelWidth() - s.ColumnGap*float64(n-1)) / float64(n)
}

// TextBottom is the distance from the top edge to the bottom margin.
func (s *Style) TextBottom() float64 { return s.PageHeight - s.MarginBottom }

// Faces lists the font faces a style may name.
func Faces() []string { return []string{"regular", "bold", "italic", "bolditalic"} }

// Builtin is the style used when a project has none: A4, margins of
// 25 mm (22 mm at the foot), 8 mm between the columns of a parallel
// edition, 12 pt type on 13.8 pt, an instrument's
// marking at the head of its pages and "Page n of N" at the foot. It is the style the
// writers were compiled with before styles became data.
func Builtin() *Style {
	return &Style{
		Name: "builtin", PageSize: "A4", PageWidth: 210, PageHeight: 297,
		MarginTop: 25, MarginBottom: 22, MarginLeft: 25, MarginRight: 25,
		ColumnGap: 8,
		BodySize:  12, Leading: 13.8 * PointMM,
		ParagraphGap: 8 * PointMM, HeadingGap: 16 * PointMM,
		TitleGap: 4 * PointMM, AfterTitleGap: 18 * PointMM,
		LabelColumn: 12.5, LabelGutter: 3, LabelRule: LabelWidest,
		Justify: true, LineBreaking: BreakFirstFit, Widows: 2, Orphans: 2,
		HeaderDistance: 12.5, FooterDistance: 10,
		Running: builtinRunning(), RunningSize: 10,
	}
}

// Error is a style file that cannot be used; Diags say where and why.
type Error struct{ Diags diag.List }

func (e *Error) Error() string {
	var b strings.Builder
	for i, d := range e.Diags {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
		if d.Hint != "" {
			b.WriteString("\n  " + d.Hint)
		}
	}
	return b.String()
}

// Names lists the styles of the project fsys: the directories of
// templates/ that hold a style.yaml, sorted.
func Names(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(Dir, e.Name(), FileName)); err == nil {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// Resolve reads the style named name of the project fsys; an empty name is
// the project default: the one in templates/default-style, else the only
// style present, else Builtin.
func Resolve(fsys fs.FS, name string) (*Style, error) {
	if name == "" {
		var err error
		name, err = defaultName(fsys)
		if err != nil {
			return nil, err
		}
		if name == "" {
			return Builtin(), nil
		}
	}
	rel := path.Join(Dir, name, FileName)
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			names, _ := Names(fsys)
			var l diag.List
			l.Errorf(diag.Pos{File: rel}, "unknown-style", "no style %q: %s does not exist", name, rel).
				Hint = fmt.Sprintf("name one of the project's styles (%s) or add %s", strings.Join(names, ", "), rel)
			return nil, &Error{l}
		}
		return nil, err
	}
	st, err := Parse(rel, data, func(p string) error {
		_, err := fs.Stat(fsys, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := st.loadFonts(func(p string) ([]byte, error) { return fs.ReadFile(fsys, p) }); err != nil {
		return nil, err
	}
	if diags := st.loadImages(fsys); diags.HasErrors() {
		return nil, &Error{diags}
	}
	return st, nil
}

// defaultName is the project default style's name, "" for none.
func defaultName(fsys fs.FS) (string, error) {
	rel := path.Join(Dir, DefaultFile)
	data, err := fs.ReadFile(fsys, rel)
	if err == nil {
		name := strings.TrimSpace(string(data))
		if name == "" || strings.ContainsAny(name, "/\\ \n") {
			var l diag.List
			l.Errorf(diag.Pos{File: rel, Line: 1, Col: 1}, "bad-default-style", "%s must hold one style name", rel).
				Hint = "write the name of a directory of templates/ that holds a style.yaml"
			return "", &Error{l}
		}
		return name, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	names, err := Names(fsys)
	if err != nil {
		return "", err
	}
	switch len(names) {
	case 0:
		return "", nil
	case 1:
		return names[0], nil
	}
	var l diag.List
	l.Errorf(diag.Pos{File: Dir}, "ambiguous-style", "the project has %d styles (%s) and no default", len(names), strings.Join(names, ", ")).
		Hint = fmt.Sprintf("write the default style's name in %s", rel)
	return "", &Error{l}
}
