package check

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/suggest"
)

// Codes of problems with suppress: entries.
const (
	CodeUnknownCheck      = "unknown-check"
	CodeSuppressReason    = "suppress-reason"
	CodeUnusedSuppression = "unused-suppression"
)

// suppress drops the findings that their clause's suppress: entries
// silence and reports the entries that are wrong or silence nothing.
func (r *run) suppress() diag.List {
	var out diag.List
	used := map[*model.Suppression]bool{}
	for _, f := range r.findings {
		if s := silencer(f); s != nil {
			used[s] = true
			continue
		}
		out = append(out, f.diag)
	}
	r.doc.Walk(func(u *model.Unit) {
		for i := range u.Suppress {
			s := &u.Suppress[i]
			c, known := lookup(s.Check)
			switch {
			case !known:
				d := out.Errorf(s.Pos, CodeUnknownCheck, "unknown check %q in suppress:", s.Check)
				if h := suggest.Hint(s.Check, Names()); h != "" {
					d.Hint = h
				} else {
					d.Hint = "checks: " + strings.Join(Names(), ", ")
				}
			case !used[s] && !(c.draftOnly && r.final):
				d := out.Warnf(s.Pos, CodeUnusedSuppression, "suppression of %s silences nothing in %s", s.Check, unitName(u))
				d.Hint = "remove it: the check finds nothing to report here"
			}
			if strings.TrimSpace(s.Reason) == "" {
				d := out.Errorf(s.Pos, CodeSuppressReason, "suppression of %s gives no reason", s.Check)
				d.Hint = fmt.Sprintf("say why the finding is right for this clause: {check: %s, reason: \"...\"}", s.Check)
			}
		}
	})
	return out
}

// silencer returns the suppress: entry of the finding's clause that
// silences it, or nil.
func silencer(f finding) *model.Suppression {
	if f.unit == nil || f.check == "" {
		return nil
	}
	for i := range f.unit.Suppress {
		if f.unit.Suppress[i].Check == f.check {
			return &f.unit.Suppress[i]
		}
	}
	return nil
}

// unitName names a unit in messages: its id, or for an unnumbered one,
// where it is.
func unitName(u *model.Unit) string {
	if u.ID != "" {
		return u.ID
	}
	return "the unit at " + u.Pos.String()
}
