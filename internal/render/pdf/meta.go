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
	var title []string
	for _, line := range r.doc.Title {
		title = append(title, r.plain(line))
	}
	author := ""
	if r.doc.Issuer != nil {
		author = r.plain(r.doc.Issuer)
	}
	r.fileInfo(strings.Join(title, " "), author, t)
	if r.doc.Subject != nil {
		r.f.SetSubject(r.plain(r.doc.Subject), true)
	}
}

// fileInfo sets what every file chancery writes carries: title, author
// (none when empty), producer, language, creation and modification dates
// from t (the Unix epoch when zero, never the clock), a sorted catalog and
// compression, so that the same inputs give the same bytes.
func (r *renderer) fileInfo(title, author string, t time.Time) {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	t = t.UTC()
	f := r.f
	f.SetTitle(title, true)
	if author != "" {
		f.SetAuthor(author, true)
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
