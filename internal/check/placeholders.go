package check

import (
	"fmt"

	"github.com/chancery-dev/chancery/internal/model"
)

// placeholders reports {fill:...} gaps still to be filled.
func (r *run) placeholders() {
	for _, t := range r.texts {
		model.WalkInline(t.loc.Runs, func(in model.Inline) {
			p, ok := in.(*model.Placeholder)
			if !ok {
				return
			}
			d := r.report(t.unit, Placeholder, r.draftSeverity(), p.Pos, Placeholder,
				fmt.Sprintf("placeholder {fill:%s} is not filled in", p.Name))
			d.Hint = "replace it with the text"
			if !r.final {
				d.Hint += "; a final build (--final) fails on it"
			}
		})
	}
}
