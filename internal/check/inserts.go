package check

import (
	"fmt"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// inserts reports negotiation inserts ("(ii) (bis)") left in a draft. A
// final build folds them into the numbering, so a final check has nothing
// to report: the insert is then an ordinary unit.
func (r *run) inserts() {
	if r.final {
		return
	}
	r.doc.Walk(func(u *model.Unit) {
		if !u.Inserted || u.Suffix == "" {
			return // not numbered as an insert: package number says why
		}
		d := r.report(u, Insert, diag.Warning, u.Pos, Insert,
			fmt.Sprintf("%s is still a negotiation insert, numbered %s", unitName(u), u.Label))
		d.Hint = "a final build (--final) folds it into the numbering; once the wording is agreed, remove insert: from it"
	})
}
