package importer

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
)

// withoutBullets is the units of a walk that are not bullets: bullets
// pair by the unit their list is under (pairBullets), not by number.
func withoutBullets(us []*model.Unit) []*model.Unit {
	var out []*model.Unit
	for _, u := range us {
		if !u.Bullet {
			out = append(out, u)
		}
	}
	return out
}

// bulletChildren is a unit's bullet children.
func bulletChildren(u *model.Unit) []*model.Unit {
	var out []*model.Unit
	for _, c := range u.Children {
		if c.Bullet {
			out = append(out, c)
		}
	}
	return out
}

// pairBullets pairs the bullets under a unit with the bullets under its
// partner in the version, in order, and their bullets in turn. When the
// counts differ, none of the list pairs (which bullet is missing would be
// a guess) and the mismatch is reported; its bullets keep the first
// language's texts in [brackets].
func pairBullets(mine, theirs *model.Unit, partner map[*model.Unit]*model.Unit, rep *VersionReport, tag, first string) {
	a, b := bulletChildren(mine), bulletChildren(theirs)
	if len(a) == 0 && len(b) == 0 {
		return
	}
	if len(a) != len(b) {
		rep.Unmatched = append(rep.Unmatched, Note{
			Where: mine.Pos.String(),
			What:  "the bullets under " + unitName(mine, first),
			Why:   fmt.Sprintf("%s in %s, %s in the %s draft; not paired, the %s texts are in [brackets]", count(len(a), "bullet"), first, count(len(b), "bullet"), tag, first),
		})
		return
	}
	for i := range a {
		partner[a[i]] = b[i]
		pairBullets(a[i], b[i], partner, rep, tag, first)
	}
}

// unitName names a unit for the report: "section 2 (results)", or the
// start of an unnumbered unit's text in language tag.
func unitName(u *model.Unit, tag string) string {
	kind := "paragraph"
	switch {
	case u.Depth == 0:
		kind = "section"
	case u.Bullet:
		kind = "bullet"
	case u.Depth > 1:
		kind = "item"
	}
	var parts []string
	if u.Label != "" {
		parts = append(parts, strings.TrimRight(u.Label, ".:"))
	}
	if u.ID != "" {
		parts = append(parts, "("+u.ID+")")
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%s %q", kind, firstWords(unitText(u, tag), 4))
	}
	return kind + " " + strings.Join(parts, " ")
}

// unitPath finds a unit without an id in its file: a bullet is the k-th
// of its parent's bullets:, the parent found by its id, as the section
// the file holds, or as a bullet in turn.
func unitPath(f *yamledit.File, u *model.Unit) (yamledit.Path, bool) {
	if u.Depth == 0 {
		return yamledit.Path{}, true
	}
	if u.ID != "" {
		return f.FindID(u.ID)
	}
	if !u.Bullet || u.Parent == nil {
		return nil, false
	}
	p, ok := unitPath(f, u.Parent)
	if !ok {
		return nil, false
	}
	k := 0
	for _, c := range u.Parent.Children {
		if c == u {
			break
		}
		if c.Bullet {
			k++
		}
	}
	return p.Append(yamledit.Key("bullets"), yamledit.Index(k)), true
}

// versionFields writes the tag texts of the labelled fields: the version's
// fields pair with the document's row by row, each label and each line of
// its value. A different number of rows, or of a field's lines, is
// reported and not guessed: the texts without a partner keep the first
// language's text in [brackets].
func versionFields(f *yamledit.File, doc *model.Document, im *model.Document, tag, first string, rep *VersionReport) error {
	mine, theirs := doc.Fields, im.Fields
	if len(mine) == 0 && len(theirs) == 0 {
		return nil
	}
	paired := len(mine) == len(theirs)
	if !paired {
		rep.Unmatched = append(rep.Unmatched, Note{
			Where: doc.Dir + "/document.yaml",
			What:  "fields",
			Why: fmt.Sprintf("%s in %s (%s), %s in the %s draft (%s); not paired, the %s texts are in [brackets]",
				count(len(mine), "field"), first, fieldLabels(mine, first), count(len(theirs), "field"), tag, fieldLabels(theirs, tag), first),
		})
	}
	set := func(p yamledit.Path, own model.Text, t model.Text) error {
		value := "[" + own[first].Raw + "]"
		if t != nil && t[tag] != nil {
			value = Markup(t[tag].Runs)
			rep.Matched++
		}
		return f.SetString(p.Append(yamledit.Key(tag)), value)
	}
	for i, fd := range mine {
		var other *model.Field
		if paired {
			other = theirs[i]
		}
		row := yamledit.Path{yamledit.Key("fields"), yamledit.Index(i)}
		var label model.Text
		if other != nil {
			label = other.Label
		}
		if err := set(row.Append(yamledit.Key("label")), fd.Label, label); err != nil {
			return err
		}
		linesPaired := other != nil && len(other.Lines) == len(fd.Lines)
		if other != nil && !linesPaired {
			rep.Unmatched = append(rep.Unmatched, Note{
				Where: fd.Pos.String(),
				What:  fmt.Sprintf("field %d (%s)", i+1, plainOf(fd.Label, first)),
				Why:   fmt.Sprintf("its value has %s in %s, %s in the %s draft; not paired, the %s lines are in [brackets]", count(len(fd.Lines), "line"), first, count(len(other.Lines), "line"), tag, first),
			})
		}
		for j, line := range fd.Lines {
			p := row.Append(yamledit.Key("value"))
			if len(fd.Lines) > 1 {
				p = p.Append(yamledit.Index(j))
			}
			var t model.Text
			if linesPaired {
				t = other.Lines[j]
			}
			if err := set(p, line, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// fieldLabels lists the fields' labels in language tag, numbered by row:
// "1 Meeting:, 2 Place:".
func fieldLabels(fs []*model.Field, tag string) string {
	var out []string
	for i, f := range fs {
		out = append(out, fmt.Sprintf("%d %s", i+1, plainOf(f.Label, tag)))
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// plainOf is a text's words in language tag, or "" when it has none.
func plainOf(t model.Text, tag string) string {
	if t == nil || t[tag] == nil {
		return ""
	}
	return model.PlainText(t[tag].Runs)
}
