package pdf

import (
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/model"
)

// producer names the program in the file's metadata, without a version so
// that output does not change with the build.
const producer = "chancery"

// metadata sets the document information (title lines, subject, issuer as
// author), the language, the dates and the settings that make the output
// reproducible.
func (r *renderer) metadata(t time.Time) {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	t = t.UTC()
	var title []string
	for _, line := range r.doc.Title {
		title = append(title, r.plain(line))
	}
	f := r.f
	f.SetTitle(strings.Join(title, " "), true)
	if r.doc.Subject != nil {
		f.SetSubject(r.plain(r.doc.Subject), true)
	}
	if r.doc.Issuer != nil {
		f.SetAuthor(r.plain(r.doc.Issuer), true)
	}
	f.SetCreator(producer, true)
	f.SetProducer(producer, true)
	f.SetLang(r.tag)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	f.SetCompression(true)
}

// plain is a text's content in the render's language, or "" when the
// language is missing (metadata is not worth failing for).
func (r *renderer) plain(t model.Text) string {
	if loc := t[r.tag]; loc != nil {
		return model.PlainText(loc.Runs)
	}
	return ""
}
