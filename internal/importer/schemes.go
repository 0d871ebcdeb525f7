package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// form is how a unit's number is written: its label pattern and, for an
// insert, the insert pattern.
func (in *inferrer) form(u *model.Unit) (labelForm, insertForm string) {
	lab := in.labels[u]
	g := in.groups[u.Parent]
	if u.Depth == 0 {
		g = in.groups[nil]
	}
	romanFirst := g != nil && g.romanFirst
	f, _ := lab.numberFormat(romanFirst)
	if len(lab.parts) > 0 {
		return "{up}.{n}" + lab.after, ""
	}
	if lab.insert != "" {
		ins := strings.ReplaceAll(lab.insertForm, "{label}", lab.form(f))
		if g != nil {
			return g.before + g.format + g.after, ins
		}
		return lab.form(f), ins
	}
	return lab.form(f), ""
}

// schemes works out the numbering schemes the draft uses. When every one
// is a scheme of chancery's default numbering, the default stays and no
// numbering: block is written.
func (in *inferrer) schemes() {
	defaults := model.DefaultNumbering()
	type use struct {
		name  string
		count int
	}
	byForm := map[string]*model.Scheme{}
	counts := map[int]map[string]int{} // depth -> scheme -> units
	schemeOf := map[*model.Unit]string{}
	custom := false
	in.doc.Walk(func(u *model.Unit) {
		if !u.Numbered {
			return
		}
		f, ins := in.form(u)
		s := byForm[f]
		if s == nil {
			s = in.schemeFor(f, u.Depth, defaults)
			byForm[f] = s
		}
		if ins != "" {
			if s.Insert == "" || s.Insert == ins {
				if def := defaults.Schemes[s.Name]; def != nil && def.Label == s.Label && insertOf(def) != ins {
					s.Name = customName(f, u.Depth)
				}
				s.Insert = ins
			}
		}
		if counts[u.Depth] == nil {
			counts[u.Depth] = map[string]int{}
		}
		counts[u.Depth][f]++
		schemeOf[u] = f
	})
	// Names: a form that is a default scheme keeps the default's name.
	schemes := map[string]*model.Scheme{}
	nameOf := map[string]string{}
	for _, f := range slices.Sorted(maps.Keys(byForm)) {
		s := byForm[f]
		name := s.Name
		for k := 2; schemes[name] != nil; k++ {
			name = fmt.Sprintf("%s-%d", s.Name, k)
		}
		s.Name = name
		schemes[name] = s
		nameOf[f] = name
		if def := defaults.Schemes[name]; def == nil || def.Label != s.Label || insertOf(def) != insertOf(s) {
			custom = true
		}
	}
	var levels []string
	for d := 0; counts[d] != nil; d++ {
		best, bestN := "", -1
		for _, f := range slices.Sorted(maps.Keys(counts[d])) {
			if counts[d][f] > bestN {
				best, bestN = f, counts[d][f]
			}
		}
		levels = append(levels, nameOf[best])
	}
	if !custom {
		for d, name := range levels {
			if defaults.SchemeAt(d) != name {
				custom = true
			}
		}
	}
	if custom {
		for len(levels) < 2 {
			levels = append(levels, levels[len(levels)-1])
		}
		in.doc.Numbering = model.Numbering{Schemes: schemes, Levels: levels, Bullets: in.doc.Numbering.Bullets}
		in.report.recognised("numbering: %s", describeLevels(in.doc.Numbering))
	} else {
		in.report.recognised("numbering: chancery's default (%s)", describeLevels(defaults))
	}
	// Lists numbered otherwise than their level's default say so.
	in.doc.Walk(func(u *model.Unit) {
		for _, c := range u.Children {
			f, ok := schemeOf[c]
			if !ok {
				continue
			}
			if name := nameOf[f]; name != in.doc.Numbering.SchemeAt(u.Depth+1) {
				u.ChildScheme = name
			}
			break
		}
	})
}

func describeLevels(n model.Numbering) string {
	var parts []string
	for _, l := range n.Levels {
		if s := n.Schemes[l]; s != nil {
			parts = append(parts, strings.NewReplacer("{n}", "1", "{n:i}", "i", "{n:a}", "a", "{n:I}", "I", "{n:A}", "A", "{up}", "1").Replace(s.Label))
		}
	}
	return strings.Join(parts, ", ")
}

func insertOf(s *model.Scheme) string {
	if s.Insert != "" {
		return s.Insert
	}
	return s.Label + " {x}"
}

// schemeFor returns a new scheme for a label form at depth: the default
// scheme with that label if there is one, else one named after the form.
func (in *inferrer) schemeFor(form string, depth int, defaults model.Numbering) *model.Scheme {
	for _, name := range slices.Sorted(maps.Keys(defaults.Schemes)) {
		def := defaults.Schemes[name]
		if def.Label == form && (depth == 0) == (name == defaults.SchemeAt(0)) {
			c := *def
			return &c
		}
	}
	s := &model.Scheme{Name: customName(form, depth), Label: form}
	if depth == 0 {
		ref := strings.TrimRight(form, ":.")
		if i := strings.Index(ref, "{n"); i > 0 {
			ref = ref[i:]
		}
		if ref != form {
			s.Ref = ref
		}
	}
	return s
}

func customName(form string, depth int) string {
	kind := "arabic"
	switch {
	case strings.Contains(form, "{up}"):
		kind = "dotted"
	case strings.Contains(form, "{n:i}"):
		kind = "roman"
	case strings.Contains(form, "{n:I}"):
		kind = "upper-roman"
	case strings.Contains(form, "{n:a}"):
		kind = "alpha"
	case strings.Contains(form, "{n:A}"):
		kind = "upper-alpha"
	}
	if depth == 0 {
		kind = "section"
		if !strings.HasPrefix(form, "{") {
			kind = slug(form[:strings.Index(form, "{")], 1)
		}
	}
	if strings.HasPrefix(form, "(") {
		kind += "-paren"
	} else if strings.HasSuffix(form, ")") {
		kind += "-bracket"
	}
	return kind
}

// terms chooses, for every scheme not taken from the defaults, the term it
// is cited by: the term under which the draft's own references to its
// units read most often, else a plain default by depth.
func (in *inferrer) terms(texts []string) {
	opts := refOptions(in.l)
	byScheme := map[*model.Scheme][]*model.Unit{}
	in.doc.Walk(func(u *model.Unit) {
		if u.Numbered && u.Scheme != nil {
			byScheme[u.Scheme] = append(byScheme[u.Scheme], u)
		}
	})
	for _, name := range slices.Sorted(maps.Keys(in.doc.Numbering.Schemes)) {
		s := in.doc.Numbering.Schemes[name]
		units := byScheme[s]
		// The texts that hold each unit's number, where a reference to
		// it can be.
		holding := map[*model.Unit][]string{}
		for _, u := range units {
			for _, t := range texts {
				if strings.Contains(t, strings.TrimSuffix(u.RefNumber, ".")) {
					holding[u] = append(holding[u], t)
				}
			}
		}
		// The scheme's own term wins a tie: "item" and "subparagraph"
		// may read alike.
		keys := in.l.TermKeys()
		if s.Term != "" {
			keys = append([]string{s.Term}, slices.DeleteFunc(keys, func(k string) bool { return k == s.Term })...)
		}
		best, bestN := "", 0
		for _, key := range keys {
			n := 0
			for _, u := range units {
				if len(holding[u]) == 0 {
					continue
				}
				seen := map[string]bool{}
				for _, o := range opts {
					phrase, err := in.l.Ref([]lang.Step{{Term: key, Number: u.RefNumber}}, o)
					if err != nil || seen[phrase] {
						continue
					}
					seen[phrase] = true
					// chancery ties a term to its number with a no-break
					// space; a typed text has an ordinary one.
					spaced := strings.ReplaceAll(phrase, lang.NoBreakSpace, " ")
					for _, t := range holding[u] {
						n += countWord(t, phrase)
						if spaced != phrase {
							n += countWord(t, spaced)
						}
					}
				}
			}
			if n > bestN {
				best, bestN = key, n
			}
		}
		if best == "" && s.Term != "" {
			continue // no evidence: a default scheme keeps its term
		}
		if best == "" {
			depth := 0
			if len(units) > 0 {
				depth = units[0].Depth
			}
			switch {
			case depth == 0 && !strings.HasPrefix(s.Label, "{"):
				best = slug(s.Label[:strings.Index(s.Label, "{")], 1)
				if _, err := in.l.Term(best, "", false); err != nil {
					best = "article"
				}
			case depth == 0:
				best = "section"
			case depth == 1:
				best = "paragraph"
			default:
				best = "subparagraph"
			}
		}
		s.Term = best
	}
}

// countWord counts the occurrences of phrase in t that stand as words.
func countWord(t, phrase string) int {
	n := 0
	for off := 0; ; {
		i := strings.Index(t[off:], phrase)
		if i < 0 {
			return n
		}
		at := off + i
		if boundaryBefore(t, at) && boundaryAfter(t, at+len(phrase)) {
			n++
		}
		off = at + len(phrase)
	}
}
