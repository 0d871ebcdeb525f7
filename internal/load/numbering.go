package load

import (
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

var patternToken = lazyre.New(`\{[^{}]*\}`)

// knownTokens are the tokens a numbering pattern may use.
func knownTokens() []string {
	return []string{"{n}", "{n:i}", "{n:I}", "{n:a}", "{n:A}", "{up}", "{x}"}
}

func (r *reader) numbering(n *yaml.Node) model.Numbering {
	num := model.Numbering{Schemes: map[string]*model.Scheme{}, Pos: r.pos(n)}
	var levelNodes []*yaml.Node
	r.mapping(n, "numbering", fields{
		"schemes": func(v *yaml.Node) {
			if v.Kind != yaml.MappingNode {
				r.errorf(v, "type", "schemes must be a mapping from scheme name to scheme, found %s", kindName(v))
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				name, body := v.Content[i].Value, v.Content[i+1]
				if first, dup := num.Schemes[name]; dup {
					d := r.errorf(v.Content[i], "duplicate-key", "numbering scheme %q is defined twice", name)
					d.Hint = "the first is at " + first.Pos.String() + "; give the second another name or remove one"
					continue
				}
				num.Schemes[name] = r.scheme(name, body)
			}
		},
		"bullets": func(v *yaml.Node) {
			num.Bullets = r.strList(v, "bullets")
			for i, b := range num.Bullets {
				if strings.TrimSpace(b) == "" {
					r.errorf(v.Content[i], "bad-value", "bullet %d is empty", i+1).Hint = `write the character, e.g. bullets: ["•", "–"]`
				}
			}
		},
		"levels": func(v *yaml.Node) {
			r.list(v, "levels", func(c *yaml.Node) {
				if s, ok := r.str(c, "level"); ok {
					num.Levels = append(num.Levels, s)
					levelNodes = append(levelNodes, c)
				}
			})
		},
	}, "schemes", "levels")
	if num.Bullets == nil {
		num.Bullets = model.DefaultBullets()
	}
	for i, l := range num.Levels {
		if num.Schemes[l] == nil {
			r.unknownScheme(levelNodes[i], l, num)
		}
	}
	if len(num.Levels) < 2 && n.Kind == yaml.MappingNode && hasKey(n, "levels") {
		r.errorf(n, "bad-value", "levels must name at least the section and paragraph schemes")
	}
	return num
}

func (r *reader) unknownScheme(n *yaml.Node, name string, num model.Numbering) {
	known := make([]string, 0, len(num.Schemes))
	for k := range num.Schemes {
		known = append(known, k)
	}
	slices.Sort(known)
	r.errorf(n, "unknown-scheme", "unknown numbering scheme %q", name).Hint = "schemes: " + strings.Join(known, ", ")
}

func (r *reader) scheme(name string, n *yaml.Node) *model.Scheme {
	s := &model.Scheme{Name: name, Pos: r.pos(n)}
	pattern := func(dst *string, what string) func(*yaml.Node) {
		return func(v *yaml.Node) {
			p, ok := r.str(v, what)
			if !ok {
				return
			}
			if rest := patternToken().ReplaceAllString(p, ""); strings.ContainsAny(rest, "{}") {
				r.errorf(v, "bad-pattern", "%s pattern %q has a { without its } (or a } without its {)", what, p).Hint = "close the token, e.g. {n} or {n:i}"
				return
			}
			for _, tok := range patternToken().FindAllString(p, -1) {
				if !slices.Contains(knownTokens(), tok) || tok == "{x}" && what != "insert" {
					r.errorf(v, "bad-pattern", "unknown token %s in %s pattern %q", tok, what, p).Hint = "tokens: {n} {n:i} {n:I} {n:a} {n:A} {up}, and {x} in insert"
					return
				}
			}
			if what != "ref" && !strings.Contains(p, "{n") {
				r.errorf(v, "bad-pattern", "%s pattern %q has no number token", what, p).Hint = "use {n}, {n:i}, {n:I}, {n:a} or {n:A}"
				return
			}
			*dst = p
		}
	}
	r.mapping(n, "scheme "+name, fields{
		"label":          pattern(&s.Label, "label"),
		"labels":         func(v *yaml.Node) { s.Labels = r.languageLabels(v, pattern) },
		"ref":            pattern(&s.Ref, "ref"),
		"insert":         pattern(&s.Insert, "insert"),
		"term":           func(v *yaml.Node) { s.Term, _ = r.str(v, "term") },
		"container_term": func(v *yaml.Node) { s.ContainerTerm, _ = r.str(v, "container_term") },
	}, "label", "term")
	return s
}

// languageLabels reads a scheme's labels: a label pattern per language,
// {ru: "{n}.", kk: "{n}."}, each checked as label is.
func (r *reader) languageLabels(n *yaml.Node, pattern func(*string, string) func(*yaml.Node)) map[string]string {
	out := map[string]string{}
	r.perLanguage(n, "labels", func(tag string, v *yaml.Node) bool {
		var p string
		pattern(&p, "label")(v)
		if p != "" {
			out[tag] = p
		}
		return p != ""
	})
	return out
}
