package style

import (
	"errors"
	"math"
	"testing"
	"testing/fstest"
)

func parseErr(t *testing.T, src string, exists func(string) error) string {
	t.Helper()
	_, err := Parse("templates/house/style.yaml", []byte(src), exists)
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("Parse(%q) = %v, want a style error", src, err)
	}
	return se.Diags[0].String()
}

func TestParseErrors(t *testing.T) {
	missing := func(string) error { return errors.New("no such file") }
	tests := []struct{ name, src, want string }{
		{"unknown field", "page:\n  size: A4\n  colour: red\n",
			`templates/house/style.yaml:3:3: error: unknown field "colour" in page [unknown-field]`},
		{"bad length", "page:\n  margins: {top: 25}\n",
			`templates/house/style.yaml:2:18: error: page.margins.top: "25" is not a length [bad-length]`},
		{"bad unit", "spacing:\n  paragraph: 8px\n",
			`templates/house/style.yaml:2:14: error: spacing.paragraph: "8px" is not a length [bad-length]`},
		{"bad size", "type:\n  body: big\n",
			`templates/house/style.yaml:2:9: error: type.body: "big" is not a type size [bad-size]`},
		{"page size", "page: {size: A5}\n",
			`templates/house/style.yaml:1:14: error: unknown page size "A5" [bad-page-size]`},
		{"missing font", "fonts:\n  regular: fonts/Face.ttf\n",
			`templates/house/style.yaml:2:12: error: fonts.regular: font file templates/house/fonts/Face.ttf not found [missing-font]`},
		{"not a font", "fonts:\n  bold: face.woff\n",
			`templates/house/style.yaml:2:9: error: fonts.bold: face.woff is not a TrueType or OpenType file (.ttf, .otf) [bad-font]`},
		{"column gap", "page:\n  column_gap: 8px\n",
			`templates/house/style.yaml:2:15: error: page.column_gap: "8px" is not a length [bad-length]`},
		{"column gap too wide", "page:\n  column_gap: 230mm\n",
			`templates/house/style.yaml:2:15: error: page.column_gap: 230.0 mm leaves less than 20 mm to each of two columns in the 247.0 mm between the landscape page's margins [bad-column-gap]`},
		{"key indented too few", "page:\n  size: A4\n  margins: {top: 25mm}\n header: 12mm\ntype:\n  body: 12pt\n",
			`templates/house/style.yaml:4:2: error: did not find expected key [yaml-syntax]`},
		{"margins too wide", "page:\n  margins: {left: 100mm, right: 100mm}\n",
			`templates/house/style.yaml:1:1: error: the margins leave 10.0 by 250.0 mm of a 210.0 by 297.0 mm page [bad-margins]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseErr(t, tt.src, missing); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	src := `description: test
page:
  size: Letter
  margins: {top: 1in, bottom: 2cm, left: 30mm, right: 72pt}
  binding: 5mm
  column_gap: 0.5in
type: {body: 11pt, leading: 13pt}
spacing: {paragraph: 6pt, heading: 12pt}
indents: {label_column: 10mm}
fonts: {regular: Face.ttf}
`
	s, err := Parse("templates/house/style.yaml", []byte(src), func(string) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, got, want float64) {
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	near("page width", s.PageWidth, 215.9)
	near("page height", s.PageHeight, 279.4)
	near("top", s.MarginTop, 25.4)
	near("bottom", s.MarginBottom, 20)
	near("right", s.MarginRight, 25.4)
	near("left edge (margin + binding)", s.LeftEdge(), 35)
	near("text width", s.TextWidth(), 215.9-35-25.4)
	near("column gap", s.ColumnGap, 12.7)
	near("parallel column of three", s.ParallelColumn(3), (279.4-35-25.4-2*12.7)/3)
	near("column gap (built in)", Builtin().ColumnGap, 8)
	near("body", s.BodySize, 11)
	near("leading", s.Leading, 13*PointMM)
	near("paragraph gap", s.ParagraphGap, 6*PointMM)
	near("label column", s.LabelColumn, 10)
	near("label gutter (built in)", s.LabelGutter, Builtin().LabelGutter)
	if s.Fonts["regular"] != "templates/house/Face.ttf" {
		t.Errorf("regular font %q, want templates/house/Face.ttf", s.Fonts["regular"])
	}
}

func TestResolve(t *testing.T) {
	one := fstest.MapFS{"templates/a/style.yaml": {Data: []byte("type: {body: 11pt}\n")}, "templates/note/en.tmpl": {}}
	s, err := Resolve(one, "")
	if err != nil || s.Name != "a" || s.BodySize != 11 {
		t.Fatalf("only style: %+v, %v; want style a", s, err)
	}
	none := fstest.MapFS{"templates/note/en.tmpl": {}}
	if s, err := Resolve(none, ""); err != nil || s.Name != "builtin" {
		t.Fatalf("no style: %+v, %v; want the built-in style", s, err)
	}
	two := fstest.MapFS{
		"templates/a/style.yaml": {Data: []byte("type: {body: 11pt}\n")},
		"templates/b/style.yaml": {Data: []byte("type: {body: 13pt}\n")},
	}
	_, err = Resolve(two, "")
	var se *Error
	if !errors.As(err, &se) || se.Diags[0].String() != "templates: error: the project has 2 styles (a, b) and no default [ambiguous-style]" {
		t.Fatalf("two styles, no default: %v", err)
	}
	two["templates/default-style"] = &fstest.MapFile{Data: []byte("b\n")}
	if s, err := Resolve(two, ""); err != nil || s.BodySize != 13 {
		t.Fatalf("default-style b: %+v, %v", s, err)
	}
	if s, err := Resolve(two, "a"); err != nil || s.BodySize != 11 {
		t.Fatalf("named a: %+v, %v", s, err)
	}
	_, err = Resolve(two, "c")
	if !errors.As(err, &se) || se.Diags[0].String() != `templates/c/style.yaml: error: no style "c": templates/c/style.yaml does not exist [unknown-style]` {
		t.Fatalf("unknown style: %v", err)
	}
}

func TestParseLength(t *testing.T) {
	for in, want := range map[string]float64{"25mm": 25, "2.5cm": 25, "1in": 25.4, "72pt": 25.4, " 3 mm": 3} {
		if got, err := ParseLength(in); err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"25", "-1mm", "mm", "1 furlong"} {
		if _, err := ParseLength(in); err == nil {
			t.Errorf("ParseLength(%q) succeeded", in)
		}
	}
}
