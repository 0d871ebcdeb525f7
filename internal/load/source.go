package load

import (
	"io/fs"
	"path"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

// Source loads a source document (clauses/sources/<id>.yaml).
func Source(fsys fs.FS, file string) (*model.Source, diag.List) {
	var diags diag.List
	root := parseFile(fsys, file, &diags)
	if root == nil {
		return nil, diags
	}
	r := &reader{file: file, diags: &diags}
	src := &model.Source{Pos: r.pos(root)}
	r.mapping(root, "source", fields{
		"id":     func(v *yaml.Node) { src.ID, _ = r.id(v, "source id") },
		"title":  func(v *yaml.Node) { src.Title = r.text(v, "source title") },
		"levels": func(v *yaml.Node) { src.Levels = r.strList(v, "levels") },
		"units": func(v *yaml.Node) {
			src.Units = r.sourceUnits(v, 1)
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				r.errorf(v, "empty", "source has no units").Hint = "give the paragraphs that clauses quote: units: [{number: \"1\", text: {en: ...}}]"
			}
		},
	}, "id", "title", "levels", "units")
	if want := path.Base(file); src.ID != "" && want != src.ID+".yaml" {
		r.errorf(root, "bad-id", "source id %q does not match its file name %s", src.ID, want).Hint = "name the file " + src.ID + ".yaml"
	}
	return src, diags
}

func (r *reader) sourceUnits(n *yaml.Node, depth int) []*model.SourceUnit {
	var out []*model.SourceUnit
	seen := map[string]diag.Pos{}
	r.list(n, "units", func(c *yaml.Node) {
		u := &model.SourceUnit{Pos: r.pos(c)}
		r.mapping(c, "source unit", fields{
			"number": func(v *yaml.Node) {
				u.Number, _ = r.str(v, "number")
				if strings.ContainsAny(u.Number, ".@,") {
					d := r.errorf(v, "bad-value", "source number %q contains %q, which aligned: at: uses to separate levels", u.Number, string(u.Number[strings.IndexAny(u.Number, ".@,")]))
					d.Hint = "nest the units instead (number: \"1\" with units: [{number: \"10\", ...}]), and quote numbers: YAML reads 1.10 as 1.1"
				}
				if first, dup := seen[u.Number]; dup && u.Number != "" {
					d := r.errorf(v, "duplicate-number", "number %q is used twice at this level of the source", u.Number)
					d.Hint = "the first is at " + first.String() + "; a quotation could not tell them apart"
				} else {
					seen[u.Number] = r.pos(v)
				}
			},
			"text":  func(v *yaml.Node) { u.Text = r.text(v, "source text") },
			"units": func(v *yaml.Node) { u.Units = r.sourceUnits(v, depth+1) },
		}, "number")
		out = append(out, u)
	})
	return out
}
