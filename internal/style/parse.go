package style

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// Parse reads the style file at project path file. Fields not given keep
// Builtin's values. exists checks that a font file (a project path) is
// there; nil skips the check.
func Parse(file string, data []byte, exists func(string) error) (*Style, error) {
	s := Builtin()
	s.File = file
	s.Name = path.Base(path.Dir(file))
	p := parser{file: file, s: s, exists: exists, gapPos: diag.Pos{File: file, Line: 1, Col: 1}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		at, msg := diag.Pos{File: file}, strings.TrimPrefix(err.Error(), "yaml: ")
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, text, ok := strings.Cut(rest, ": "); ok {
				if line, err := strconv.Atoi(n); err == nil {
					at.Line = yamlpos.ProblemLine(data, line)
					at.Col = yamlpos.Indent(data, at.Line)
					msg = text
				}
			}
		}
		p.diags.Errorf(at, "yaml-syntax", "%s", msg)
		return nil, &Error{p.diags}
	}
	if len(doc.Content) > 0 {
		p.top(doc.Content[0])
	}
	p.readForms()
	s.resolveLeadings()
	if !p.diags.HasErrors() && (s.TextWidth() < 20 || s.TextBottom()-s.MarginTop < 20) {
		p.diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "bad-margins",
			"the margins leave %.1f by %.1f mm of a %.1f by %.1f mm page", s.TextWidth(), s.TextBottom()-s.MarginTop, s.PageWidth, s.PageHeight).
			Hint = "make the margins narrower"
	}
	if !p.diags.HasErrors() && s.ParallelWidth()-s.ColumnGap < 2*minColumn {
		p.diags.Errorf(p.gapPos, "bad-column-gap",
			"page.column_gap: %.1f mm leaves less than %g mm to each of two columns in the %.1f mm between the landscape page's margins", s.ColumnGap, minColumn, s.ParallelWidth()).
			Hint = "make the gap between the columns of a parallel edition narrower"
	}
	if p.diags.HasErrors() {
		return nil, &Error{p.diags}
	}
	return s, nil
}

// minColumn is the narrowest column of a parallel edition in two
// languages that a style may leave, in millimetres.
const minColumn = 20.0

type parser struct {
	file   string
	s      *Style
	exists func(string) error
	diags  diag.List
	forms  *yaml.Node // correspondence:, read once the page is known
	gapPos diag.Pos   // where page.column_gap is given (the file's start if not)
}

func (p *parser) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: p.file, Line: n.Line, Col: n.Column}
}

// fields walks a mapping, calling set for each key it knows and reporting
// the others.
func (p *parser) fields(n *yaml.Node, where string, set map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.diags.Errorf(p.pos(n), "style-type", "%s must be a mapping", where)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := set[k.Value]
		if !ok {
			known := make([]string, 0, len(set))
			for name := range set {
				known = append(known, name)
			}
			slices.Sort(known)
			p.diags.Errorf(p.pos(k), "unknown-field", "unknown field %q in %s", k.Value, where).
				Hint = "known fields: " + strings.Join(known, ", ")
			continue
		}
		f(v)
	}
}

func (p *parser) top(n *yaml.Node) {
	p.fields(n, "the style", map[string]func(*yaml.Node){
		// Read by package scaffold (chancery init's styles).
		"description":     p.scalar("description"),
		"default_for":     func(*yaml.Node) {},
		"numbering":       func(*yaml.Node) {},
		"page":            p.page,
		"type":            p.typ,
		"spacing":         p.spacing,
		"indents":         p.indents,
		"fonts":           p.fonts,
		"headers_footers": p.headersFooters,
		"footnotes":       p.footnotes,
		// Forms of correspondence (correspondence.go).
		"correspondence": p.correspondence,
	})
}

func (p *parser) scalar(what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode {
			p.diags.Errorf(p.pos(n), "style-type", "%s must be a string", what)
		}
	}
}

func (p *parser) page(n *yaml.Node) {
	s := p.s
	p.fields(n, "page", map[string]func(*yaml.Node){
		"size": func(v *yaml.Node) {
			wh, ok := pageSizes[v.Value]
			if v.Kind != yaml.ScalarNode || !ok {
				p.diags.Errorf(p.pos(v), "bad-page-size", "unknown page size %q", v.Value).
					Hint = "use one of " + strings.Join(PageSizes(), ", ")
				return
			}
			s.PageSize, s.PageWidth, s.PageHeight = v.Value, wh[0], wh[1]
		},
		"margins": func(v *yaml.Node) {
			p.fields(v, "page.margins", map[string]func(*yaml.Node){
				"top":    p.length("page.margins.top", &s.MarginTop),
				"bottom": p.length("page.margins.bottom", &s.MarginBottom),
				"left":   p.length("page.margins.left", &s.MarginLeft),
				"right":  p.length("page.margins.right", &s.MarginRight),
			})
		},
		"binding": p.length("page.binding", &s.Binding),
		// Horizontal, as the margins: spacing: is vertical. Word and
		// LibreOffice keep the space between columns in the page setup too.
		"column_gap": func(v *yaml.Node) {
			p.gapPos = p.pos(v)
			p.length("page.column_gap", &s.ColumnGap)(v)
		},
		"header": p.length("page.header", &s.HeaderDistance),
		"footer": p.length("page.footer", &s.FooterDistance),
	})
}

func (p *parser) typ(n *yaml.Node) {
	s := p.s
	p.fields(n, "type", map[string]func(*yaml.Node){
		"body":          p.points("type.body", &s.BodySize),
		"leading":       p.length("type.leading", &s.Leading),
		"justify":       p.boolean("type.justify", &s.Justify),
		"line_breaking": p.choice("type.line_breaking", []string{BreakFirstFit, BreakTotalFit}, &s.LineBreaking),
		"widows":        p.integer("type.widows", 1, 9, "a number of lines from 1 to 9", &s.Widows),
		"orphans":       p.integer("type.orphans", 1, 9, "a number of lines from 1 to 9", &s.Orphans),
	})
}

func (p *parser) spacing(n *yaml.Node) {
	s := p.s
	p.fields(n, "spacing", map[string]func(*yaml.Node){
		"paragraph":   p.length("spacing.paragraph", &s.ParagraphGap),
		"heading":     p.length("spacing.heading", &s.HeadingGap),
		"title":       p.length("spacing.title", &s.TitleGap),
		"after_title": p.length("spacing.after_title", &s.AfterTitleGap),
	})
}

func (p *parser) indents(n *yaml.Node) {
	s := p.s
	p.fields(n, "indents", map[string]func(*yaml.Node){
		"label_column": p.length("indents.label_column", &s.LabelColumn),
		"label_gutter": p.length("indents.label_gutter", &s.LabelGutter),
		"label_rule":   p.choice("indents.label_rule", []string{LabelWidest, LabelFixed}, &s.LabelRule),
		"levels":       p.levels,
	})
}

func (p *parser) fonts(n *yaml.Node) {
	set := map[string]func(*yaml.Node){}
	for _, face := range Faces() {
		set[face] = func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				p.diags.Errorf(p.pos(v), "style-type", "fonts.%s must be a font file's path", face)
				return
			}
			file := path.Clean(path.Join(path.Dir(p.file), v.Value))
			ext := strings.ToLower(path.Ext(file))
			if ext != ".ttf" && ext != ".otf" {
				p.diags.Errorf(p.pos(v), "bad-font", "fonts.%s: %s is not a TrueType or OpenType file (.ttf, .otf)", face, v.Value)
				return
			}
			if p.exists != nil {
				if err := p.exists(file); err != nil {
					p.diags.Errorf(p.pos(v), "missing-font", "fonts.%s: font file %s not found", face, file).
						Hint = "give the path relative to the style's directory, or copy the font there"
					return
				}
			}
			if p.s.Fonts == nil {
				p.s.Fonts, p.s.fontPos = map[string]string{}, map[string]diag.Pos{}
			}
			p.s.Fonts[face] = file
			p.s.fontPos[face] = p.pos(v)
		}
	}
	p.fields(n, "fonts", set)
}

// levels reads indents.levels: a list of the indents of each depth.
func (p *parser) levels(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.diags.Errorf(p.pos(n), "style-type", "indents.levels must be a list, one entry per depth (0 sections, 1 paragraphs, 2 items ...)")
		return
	}
	p.s.Levels = make([]Level, len(n.Content))
	for i, v := range n.Content {
		where := fmt.Sprintf("indents.levels[%d]", i)
		l := &p.s.Levels[i]
		p.fields(v, where, map[string]func(*yaml.Node){
			"hanging":    p.length(where+".hanging", &l.Hanging),
			"first_line": p.length(where+".first_line", &l.FirstLine),
		})
	}
}

// boolean reads true or false.
func (p *parser) boolean(what string, dst *bool) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
			p.diags.Errorf(p.pos(n), "style-type", "%s must be true or false", what)
			return
		}
		*dst = n.Value == "true"
	}
}

// integer reads a whole number from lo to hi; is names what one is, for
// the error ("a count", "a number of lines from 1 to 9").
func (p *parser) integer(what string, lo, hi int, is string, dst *int) func(*yaml.Node) {
	return func(n *yaml.Node) {
		v, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil || v < lo || v > hi {
			p.diags.Errorf(p.pos(n), "bad-value", "%s: %q is not %s", what, n.Value, is)
			return
		}
		*dst = v
	}
}

// length reads a length with its unit into *dst, in millimetres.
func (p *parser) length(what string, dst *float64) func(*yaml.Node) {
	return func(n *yaml.Node) {
		v, err := ParseLength(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			p.diags.Errorf(p.pos(n), "bad-length", "%s: %q is not a length", what, n.Value).
				Hint = "give a number and its unit: 25mm, 2.5cm, 1in, 12pt"
			return
		}
		*dst = v
	}
}

// points reads a type size in points ("12pt" or 12).
func (p *parser) points(what string, dst *float64) func(*yaml.Node) {
	return func(n *yaml.Node) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(n.Value, "pt"), 64)
		if n.Kind != yaml.ScalarNode || err != nil || v <= 0 || v > 200 {
			p.diags.Errorf(p.pos(n), "bad-size", "%s: %q is not a type size", what, n.Value).
				Hint = "give a size in points: 12pt"
			return
		}
		*dst = v
	}
}

// ParseLength reads a non-negative length with its unit (mm, cm, in, pt)
// and returns it in millimetres.
func ParseLength(s string) (float64, error) {
	units := []struct {
		suffix string
		mm     float64
	}{{"mm", 1}, {"cm", 10}, {"in", 25.4}, {"pt", PointMM}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(strings.TrimSpace(s), u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || v < 0 || v > 2000 {
				return 0, fmt.Errorf("bad length %q", s)
			}
			return v * u.mm, nil
		}
	}
	return 0, fmt.Errorf("length %q has no unit", s)
}
