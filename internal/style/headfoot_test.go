package style

import (
	"errors"
	"testing"
)

func TestHeadersFooters(t *testing.T) {
	src := `headers_footers:
  size: 9pt
  instrument:
    all:
      footer: {center: "{page-of}"}
    first:
      header: {right: "{marking}", bold: true}
page: {header: 10mm, footer: 8mm}
`
	s, err := Parse("templates/house/style.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	in := s.Running[KindInstrument]
	want := Running{
		First:     Band{Header: Line{Right: "{marking}", Bold: true}, Footer: Line{Center: "{page-of}"}},
		Following: Band{Footer: Line{Center: "{page-of}"}},
	}
	if in != want {
		t.Errorf("instrument: %+v, want %+v", in, want)
	}
	if s.RunningSize != 9 || s.HeaderDistance != 10 || s.FooterDistance != 8 {
		t.Errorf("size %v, distances %v %v", s.RunningSize, s.HeaderDistance, s.FooterDistance)
	}
	if b := Builtin().Running[KindInstrument]; b.First != b.Following || b.First.Footer.Center != "{page-of}" || b.First.Header.Right != "{marking}" {
		t.Errorf("built-in instrument bands: %+v", b)
	}
}

func TestHeadersFootersErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unclosed", "headers_footers:\n  instrument:\n    all:\n      footer: {center: \"-{page-\"}\n",
			`templates/house/style.yaml:4:24: error: headers_footers.instrument.all.footer.center: a { without its } [bad-template]`},
		{"unknown kind", "headers_footers:\n  memo: {}\n",
			`templates/house/style.yaml:2:3: error: unknown field "memo" in headers_footers [unknown-field]`},
		{"unknown range", "headers_footers:\n  instrument:\n    last: {}\n",
			`templates/house/style.yaml:3:5: error: unknown field "last" in headers_footers.instrument [unknown-field]`},
		{"bad field", "headers_footers:\n  instrument:\n    first:\n      header: {left: \"{Page No}\"}\n",
			`templates/house/style.yaml:4:22: error: headers_footers.instrument.first.header.left: {Page No} is not a field name [bad-template]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseErr(t, tt.src, nil); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	words := func(name string, vars map[string]string) (string, error) {
		if name == "page-of" {
			return "Page " + vars["page"] + " of " + vars["total"], nil
		}
		return "", errors.New("no word " + name)
	}
	for _, tt := range []struct {
		tmpl, marking, want string
	}{
		{"{page-of}", "", "Page 2 of 8"},
		{"-{page}-", "", "-2-"},
		{"{marking}", "DRAFT", "DRAFT"},
		{"{marking}", "", ""},
		{"{page}/{total}", "", "2/8"},
	} {
		got, err := Expand(tt.tmpl, 2, 8, tt.marking, words)
		if err != nil || got != tt.want {
			t.Errorf("Expand(%q) = %q, %v; want %q", tt.tmpl, got, err, tt.want)
		}
	}
	if _, err := Expand("{signature-of}", 1, 1, "", words); err == nil {
		t.Error("an unknown word expanded")
	}
}

func TestTypeAndIndents(t *testing.T) {
	src := `type: {justify: false, line_breaking: total_fit, widows: 3, orphans: 1}
indents:
  label_rule: fixed
  levels:
    - {hanging: 15mm}
    - {first_line: 10mm}
`
	s, err := Parse("templates/house/style.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Justify || s.LineBreaking != BreakTotalFit || s.Widows != 3 || s.Orphans != 1 || s.LabelRule != LabelFixed {
		t.Errorf("type %v %v %v %v, rule %v", s.Justify, s.LineBreaking, s.Widows, s.Orphans, s.LabelRule)
	}
	if s.Column(0) != 15 || s.Column(1) != s.LabelColumn || s.Column(5) != s.LabelColumn {
		t.Errorf("columns %v %v %v", s.Column(0), s.Column(1), s.Column(5))
	}
	if s.FirstLine(1) != 10 || s.FirstLine(0) != 0 || s.FirstLine(4) != 0 {
		t.Errorf("first lines %v %v %v", s.FirstLine(1), s.FirstLine(0), s.FirstLine(4))
	}
	b := Builtin()
	if !b.Justify || b.LineBreaking != BreakFirstFit || b.Widows != 2 || b.Orphans != 2 || b.LabelRule != LabelWidest {
		t.Errorf("built-in type: %+v", b)
	}
	for _, tt := range []struct{ src, want string }{
		{"type: {widows: 0}\n", `templates/house/style.yaml:1:16: error: type.widows: "0" is not a number of lines from 1 to 9 [bad-value]`},
		{"type: {line_breaking: best}\n", `templates/house/style.yaml:1:23: error: type.line_breaking: "best" is not one of first_fit, total_fit [bad-value]`},
		{"indents: {levels: {hanging: 1mm}}\n", `templates/house/style.yaml:1:19: error: indents.levels must be a list, one entry per depth (0 sections, 1 paragraphs, 2 items ...) [style-type]`},
		{"indents:\n  levels:\n    - {hang: 1mm}\n", `templates/house/style.yaml:3:8: error: unknown field "hang" in indents.levels[0] [unknown-field]`},
	} {
		if got := parseErr(t, tt.src, nil); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
