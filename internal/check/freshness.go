package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/model"
)

// maxFreshnessHunks bounds how many changes of the base text a freshness
// warning shows.
const maxFreshnessHunks = 3

// freshness reports translations that record (translated: {ru: ...}) a
// version of the base text other than the current one. The base language
// is the document's first.
func (r *run) freshness() {
	if len(r.doc.Languages) == 0 {
		return
	}
	base := r.doc.Languages[0]
	r.doc.Walk(func(u *model.Unit) {
		for _, tag := range sortedTags(u.Translated) {
			mark := u.Translated[tag]
			switch {
			case tag == base:
				d := r.report(u, Freshness, diag.Warning, mark.Pos, Freshness,
					fmt.Sprintf("translated: names %s, the base language of %s", tag, r.doc.ID))
				d.Hint = "translated: records the translations of the " + base + " text; remove " + tag + ": from it"
				continue
			case !slices.Contains(r.doc.Languages, tag):
				d := r.report(u, Freshness, diag.Warning, mark.Pos, Freshness,
					fmt.Sprintf("translated: names %s, which %s is not written in (%s)", tag, r.doc.ID, strings.Join(r.doc.Languages, ", ")))
				d.Hint = "remove " + tag + ": from translated:"
				continue
			}
			cur := u.Text[base]
			if cur == nil || fingerprint.Of(cur.Raw) == mark.Fingerprint {
				continue
			}
			msg := fmt.Sprintf("%s text of %s translates an older %s text", tag, unitName(u), base)
			if r.baseText != nil {
				if old, ok := r.baseText(u, base, mark.Fingerprint); ok {
					msg += ": " + changes(old, cur.Raw)
				}
			}
			d := r.report(u, Freshness, diag.Warning, mark.Pos, Freshness, msg)
			d.Hint = fmt.Sprintf("bring the %s text up to date, then record it: chancery translate confirm %s --lang %s", tag, u.ID, tag)
		}
	})
}

// changes renders the word diff of two versions of a text.
func changes(old, cur string) string {
	ow, cw := strings.Fields(old), strings.Fields(cur)
	hs := hunks(diffWords(ow, cw, false))
	var parts []string
	for i, h := range hs {
		if i == maxFreshnessHunks {
			parts = append(parts, fmt.Sprintf("(and %d more %s)", len(hs)-i, plural(len(hs)-i, "change")))
			break
		}
		parts = append(parts, wordDiff(pick(ow, h.dropped), pick(cw, h.added)))
	}
	if len(parts) == 0 {
		return "only its layout changed"
	}
	return strings.Join(parts, "; ")
}

func sortedTags(m map[string]model.TranslationMark) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
