package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
	"go.yaml.in/yaml/v3"
)

// VersionReport says how a language version was matched to a document.
type VersionReport struct {
	Matched   int    // texts given the new language
	Unmatched []Note // texts of either side that found no partner
	Refs      []Note // references carried over
}

// Version writes the texts of imported (a draft in language tag, read by
// Infer) into the clause files of doc as its tag version: units are
// matched by their numbers, the title lines, parties, recitals and the
// other texts by their order; the bullets under a matched unit pair in
// order with the bullets under its partner, the labelled fields row by
// row (a different count is reported, not guessed). A footnote goes with
// the text it is in. References are rewritten to the document's ids. A text of doc without a partner gets doc's first language in
// [brackets], so that the document still builds and the gap shows.
func Version(doc *model.Document, imported *Result, tag string, read func(string) ([]byte, error)) (map[string][]byte, *VersionReport, error) {
	first := doc.Languages[0]
	c := &changer{doc: doc, tag: first, read: read, files: map[string]*yamledit.File{}, report: &ChangeReport{}}
	targets := c.collect()
	rep := &VersionReport{}
	im := imported.Doc
	// Units by number.
	var mine, theirs []*model.Unit
	doc.Walk(func(u *model.Unit) { mine = append(mine, u) })
	im.Walk(func(u *model.Unit) { theirs = append(theirs, u) })
	pairs := alignUnits(withoutBullets(mine), withoutBullets(theirs))
	idMap := map[string]string{}
	partner := map[*model.Unit]*model.Unit{}
	for _, p := range pairs {
		if p[0] != nil && p[1] != nil {
			idMap[p[1].ID] = p[0].ID
			partner[p[0]] = p[1]
		}
	}
	for _, p := range pairs {
		if p[0] != nil && p[1] != nil {
			pairBullets(p[0], p[1], partner, rep, tag, first)
		}
	}
	for _, p := range pairs {
		switch {
		case p[0] == nil:
			rep.Unmatched = append(rep.Unmatched, Note{Where: imported.where[p[1]], What: p[1].Label + " " + firstWords(unitText(p[1], tag), 6), Why: "no unit of " + doc.ID + " has this number; left out"})
		case p[1] == nil:
			rep.Unmatched = append(rep.Unmatched, Note{Where: p[0].Pos.String(), What: p[0].Label + " " + p[0].ID, Why: "the " + tag + " draft has no unit with this number; its text is the " + first + " one in [brackets]"})
		}
	}
	texts := map[*target]model.Text{}
	var preUnits []*target
	for _, t := range targets {
		if t.unit != nil {
			if u := partner[t.unit]; u != nil {
				if t.unit.Depth == 0 {
					texts[t] = u.Heading
				} else {
					texts[t] = u.Text
				}
			}
			continue
		}
		preUnits = append(preUnits, t)
	}
	// Texts outside the units pair up in order within their kind.
	kinds := map[string][]model.Text{
		"title":      im.Title,
		"intro":      {im.PartiesIntro},
		"joiner":     {im.PartiesJoiner},
		"outro":      {im.PartiesOutro},
		"transition": {im.Transition},
		"closing":    {im.Closing},
	}
	for _, p := range im.Parties {
		kinds["party"] = append(kinds["party"], p.Description)
	}
	for _, r := range im.Recitals {
		kinds["recital"] = append(kinds["recital"], r.Text)
	}
	used := map[string]int{}
	for _, t := range preUnits {
		k := kindOf(t.what)
		list := kinds[k]
		if k == "joiner" {
			// one joiner, printed between every two parties
			if len(list) > 0 && list[0] != nil {
				texts[t] = list[0]
			}
			continue
		}
		if i := used[k]; i < len(list) && list[i] != nil {
			texts[t] = list[i]
		}
		used[k]++
	}
	for _, t := range targets {
		f, err := c.file(t.file)
		if err != nil {
			return nil, nil, err
		}
		path, ok := t.path(f)
		if t.unit != nil && t.unit.Bullet && t.unit.ID == "" {
			// a bullet without an id is found by its place
			if path, ok = unitPath(f, t.unit); ok {
				path = path.Append(yamledit.Key("text"))
			}
		}
		if !ok {
			continue
		}
		value := ""
		if text := texts[t]; text != nil && text[tag] != nil {
			remapRefs(text[tag].Runs, idMap, rep, t.what)
			value = Markup(text[tag].Runs)
			rep.Matched++
		} else {
			value = "[" + t.loc.Raw + "]"
			if t.unit == nil {
				rep.Unmatched = append(rep.Unmatched, Note{Where: t.file, What: t.what, Why: "the " + tag + " draft has no partner for it; its text is the " + first + " one in [brackets]"})
			}
		}
		if err := f.SetString(path.Append(yamledit.Key(tag)), value); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", t.file, err)
		}
	}
	// Recital leads go with their recitals.
	for i, r := range doc.Recitals {
		f, err := c.file(r.Pos.File)
		if err != nil {
			return nil, nil, err
		}
		p, ok := f.FindID(r.ID)
		if !ok || r.Lead == nil {
			continue
		}
		lead := "[" + r.Lead[first].Raw + "]"
		if i < len(im.Recitals) && im.Recitals[i].Lead[tag] != nil {
			lead = Markup(im.Recitals[i].Lead[tag].Runs)
		}
		if err := f.SetString(p.Append(yamledit.Key("lead"), yamledit.Key(tag)), lead); err != nil {
			return nil, nil, err
		}
	}
	// Party names and signature lines go with their parties.
	docFile := doc.Dir + "/document.yaml"
	f, err := c.file(docFile)
	if err != nil {
		return nil, nil, err
	}
	if err := versionFields(f, doc, im, tag, first, rep); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", docFile, err)
	}
	for i, p := range doc.Parties {
		fields := map[string]model.Text{"name": p.Name, "for": p.For, "signatory": p.Signatory, "office": p.Office}
		for _, key := range slices.Sorted(maps.Keys(fields)) {
			if fields[key] == nil {
				continue
			}
			value := "[" + fields[key][first].Raw + "]"
			if i < len(im.Parties) {
				q := im.Parties[i]
				if t := map[string]model.Text{"name": q.Name, "for": q.For, "signatory": q.Signatory, "office": q.Office}[key]; t != nil && t[tag] != nil {
					value = Markup(t[tag].Runs)
				}
			}
			if err := f.SetString(yamledit.Path{yamledit.Key("parties"), yamledit.ID(p.ID), yamledit.Key(key), yamledit.Key(tag)}, value); err != nil {
				return nil, nil, err
			}
		}
	}
	if !slices.Contains(doc.Languages, tag) {
		if err := f.Insert(yamledit.Path{yamledit.Key("languages")}, len(doc.Languages), &yaml.Node{Kind: yaml.ScalarNode, Value: tag}); err != nil {
			return nil, nil, err
		}
	}
	out := map[string][]byte{}
	for name, f := range c.files {
		orig, _ := read(name)
		if b := f.Bytes(); string(b) != string(orig) {
			out[name] = b
		}
	}
	return out, rep, nil
}

func kindOf(what string) string {
	switch {
	case strings.HasPrefix(what, "title"):
		return "title"
	case what == "parties_intro":
		return "intro"
	case what == "parties_joiner":
		return "joiner"
	case what == "parties_outro":
		return "outro"
	case strings.HasPrefix(what, "party "):
		return "party"
	case strings.HasPrefix(what, "recital "):
		return "recital"
	}
	return what
}

func unitText(u *model.Unit, tag string) string {
	t := u.Text
	if u.Depth == 0 {
		t = u.Heading
	}
	if t == nil || t[tag] == nil {
		return ""
	}
	return model.PlainText(t[tag].Runs)
}

// alignUnits pairs the units of two versions by their printed numbers, in
// order (a longest common subsequence of the labels); unnumbered units
// pair with unnumbered units at the same place.
func alignUnits(a, b []*model.Unit) [][2]*model.Unit {
	key := func(u *model.Unit) string {
		if u.Label == "" {
			return fmt.Sprintf("~%d:%s", u.Depth, parentLabel(u))
		}
		return fmt.Sprintf("%d:%s", u.Depth, u.Label)
	}
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(a[i]) == key(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out [][2]*model.Unit
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case key(a[i]) == key(b[j]):
			out = append(out, [2]*model.Unit{a[i], b[j]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, [2]*model.Unit{a[i], nil})
			i++
		default:
			out = append(out, [2]*model.Unit{nil, b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, [2]*model.Unit{a[i], nil})
	}
	for ; j < m; j++ {
		out = append(out, [2]*model.Unit{nil, b[j]})
	}
	return out
}

func parentLabel(u *model.Unit) string {
	for p := u.Parent; p != nil; p = p.Parent {
		if p.Label != "" {
			return p.Label
		}
	}
	return ""
}

// remapRefs points references at the document's ids; a reference whose
// target has no partner becomes its words.
func remapRefs(runs []model.Inline, idMap map[string]string, rep *VersionReport, what string) {
	for i, in := range runs {
		switch r := in.(type) {
		case *model.Ref:
			ok := true
			ids := make([]string, len(r.IDs))
			for k, id := range r.IDs {
				ids[k], ok = idMap[id], ok && idMap[id] != ""
			}
			if !ok {
				runs[i] = &model.Plain{Text: r.Resolved}
				rep.Unmatched = append(rep.Unmatched, Note{Where: what, What: r.Resolved, Why: "the reference's unit has no partner; kept as words"})
				continue
			}
			r.IDs = ids
			rep.Refs = append(rep.Refs, Note{Where: what, What: r.Resolved, Why: refMarkup(r)})
		case *model.Strong:
			remapRefs(r.Runs, idMap, rep, what)
		case *model.Emphasis:
			remapRefs(r.Runs, idMap, rep, what)
		}
	}
}
