package docx

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// maxBookmarkName is the longest bookmark name Word accepts.
const maxBookmarkName = 40

// referencedUnits names a bookmark for every unit some reference of the
// document (in language tag) points at, in document order.
func referencedUnits(in *lower.Instrument) map[*model.Unit]string {
	targets := map[*model.Unit]bool{}
	in.Texts(func(loc *model.Localized) {
		model.WalkInline(loc.Runs, func(in model.Inline) {
			if r, ok := in.(*model.Ref); ok {
				for _, u := range r.Targets {
					targets[u] = true
					// An item is cited with the number of the paragraph
					// it is in ("подпунктом iii. пункта 4.1"): that
					// number is a field too.
					for p := u.Parent; p != nil && p.Depth >= 1; p = p.Parent {
						if p.ID != "" {
							targets[p] = true
						}
					}
				}
			}
		})
	})
	names := map[*model.Unit]string{}
	taken := map[string]bool{}
	for _, b := range in.Blocks {
		if u, ok := b.(*lower.Unit); ok && targets[u.Unit] {
			names[u.Unit] = bookmarkName(u.ID, taken)
			taken[names[u.Unit]] = true
		}
	}
	return names
}

// BookmarkStem is the bookmark name a unit id gives before it is cut to
// length: letters, digits and underscores, starting with a letter
// ("areas.data" -> "areas_data", "4" -> "u_4").
func BookmarkStem(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || !(name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		name = "u_" + name
	}
	return name
}

// bookmarkName derives a Word bookmark name from a unit id: letters,
// digits and underscores only, starting with a letter, at most 40
// characters ("areas.data.flood-warnings" -> "areas_data_flood_warnings"). A
// name too long or already taken is cut and given a hash of the id.
func bookmarkName(id string, taken map[string]bool) string {
	name := BookmarkStem(id)
	if len(name) <= maxBookmarkName && !taken[name] {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	sum := h.Sum32()
	for i := 0; ; i++ {
		suffix := fmt.Sprintf("_%08x", sum+uint32(i))
		cand := name[:min(len(name), maxBookmarkName-len(suffix))] + suffix
		if !taken[cand] {
			return cand
		}
	}
}
