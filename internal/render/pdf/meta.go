package pdf

import (
	"time"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/pdfa"
)

// producer names the program in the file's metadata, without a version so
// that output does not change with the build.
const producer = "chancery"

// metadata sets the document information (title lines, subject, issuer as
// author), the language, the dates and the settings that make the output
// reproducible.
func (r *renderer) metadata(t time.Time) {
	meta := r.in.Meta
	r.fileInfo(meta.Title, meta.Creator, meta.Subject, t)
}

// fileInfo sets what every file chancery writes carries: title, author
// and subject (none when empty), producer, language, creation and
// modification dates from t (lower.DefaultTime when zero, never the
// clock) and a sorted catalog, so that the same inputs give the same
// bytes. A PDF/A file carries the same in its XMP metadata.
func (r *renderer) fileInfo(title, author, subject string, t time.Time) {
	info := pdfa.Info{Title: title, Author: author, Subject: subject, Creator: producer, Producer: producer,
		Lang: r.tag, Time: lower.Options{Time: t}.Stamp()}
	f := r.f
	if r.pdfa {
		pdfa.Prepare(f, info)
	} else {
		pdfa.SetInfo(f, info)
	}
	f.SetCatalogSort(true)
	// Streams are compressed after fpdf has written them (see output).
	f.SetCompression(false)
}

// plain is a text's content in the render's language, or "" when the
// language is missing (metadata is not worth failing for).
func (r *renderer) plain(t model.Text) string {
	if loc := t[r.tag]; loc != nil {
		return model.PlainText(loc.Runs)
	}
	return ""
}
