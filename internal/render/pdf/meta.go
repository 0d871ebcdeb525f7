package pdf

import (
	"time"

	"github.com/chancery-dev/chancery/internal/lower"

	"github.com/chancery-dev/chancery/internal/model"
)

// producer names the program in the file's metadata, without a version so
// that output does not change with the build.
const producer = "chancery"

// metadata sets the document information (title lines, subject, issuer as
// author), the language, the dates and the settings that make the output
// reproducible.
func (r *renderer) metadata(t time.Time) {
	meta := r.in.Meta
	r.fileInfo(meta.Title, meta.Creator, t)
	if meta.Subject != "" {
		r.f.SetSubject(meta.Subject, true)
	}
}

// fileInfo sets what every file chancery writes carries: title, author
// (none when empty), producer, language, creation and modification dates
// from t (lower.DefaultTime when zero, never the clock), a sorted catalog and
// compression, so that the same inputs give the same bytes.
func (r *renderer) fileInfo(title, author string, t time.Time) {
	t = lower.Options{Time: t}.Stamp()
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
