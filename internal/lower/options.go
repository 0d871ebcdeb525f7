package lower

import (
	"time"

	"github.com/chancery-dev/chancery/internal/deflate"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/style"
)

// Options is what every writer is told besides its blocks: the language
// (for the words a writer adds itself, such as page numbers), the date
// stamped into the file, the copy being made, and for redlines who the
// changes are attributed to.
type Options struct {
	Lang *lang.Language
	// Time stamps the file (PDF and DOCX dates, zip entries, tracked
	// changes). The zero Time stands for DefaultTime, never the clock, so
	// that output is reproducible.
	Time time.Time
	Copy Copy
	// Author is who a redline's changes are attributed to ("" for
	// DefaultAuthor).
	Author string
	// PDFA asks the PDF writer for PDF/A-2b (a final build's notes); an
	// instrument is PDF/A anyway when final or when its document says
	// pdfa: true.
	PDFA bool
	// Style is the house style the PDF and DOCX writers lay the document
	// out in (nil for style.Builtin).
	Style *style.Style
	// Paginated, if set, is told a paged writer's page count as soon as
	// its layout is known, before the pages are drawn (a build starts
	// the notes enclosing the document then).
	Paginated func(pages int)
	// Compressors lends the PDF and DOCX writers their compressors; a
	// build shares one between its files (nil: a new one for each file).
	Compressors *deflate.Pool
	// PageBreaks are, for each edition of a note copy, where its printed
	// pages break, in reading order (the PDF layout's, see
	// pdf.NoteLayout): the text copy follows them. None for an edition:
	// it fits on one page.
	PageBreaks [][]model.NoteBreak
}

// DefaultAuthor is who a redline's changes are attributed to when
// Options.Author is empty.
const DefaultAuthor = "chancery"

// DefaultTime is the date of every output when none is given
// (SOURCE_DATE_EPOCH unset): 2000-01-01, fixed, never the clock.
func DefaultTime() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// Stamp is the date to write: Time in UTC to the second, or DefaultTime.
func (o Options) Stamp() time.Time {
	if o.Time.IsZero() {
		return DefaultTime()
	}
	return o.Time.UTC().Truncate(time.Second)
}

// Who is the author of a redline's changes.
func (o Options) Who() string {
	if o.Author == "" {
		return DefaultAuthor
	}
	return o.Author
}
