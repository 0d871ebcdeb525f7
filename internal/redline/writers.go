package redline

import (
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// DefaultAuthor is who the changes of a DOCX redline are attributed to
// when Options.Author is empty.
const DefaultAuthor = "chancery"

// marking heads every page of a DOCX or PDF redline.
const marking = "REDLINE"

// Options say how to write a DOCX or PDF redline.
type Options struct {
	// Lang is the language of the comparison: the language of the text
	// and of the page-number words. WritePDF needs it; WriteDOCX falls
	// back to the Document's language tag.
	Lang *lang.Language
	// Author is who the changes are attributed to (DefaultAuthor when
	// empty).
	Author string
	// Time dates the changes and the file. The zero Time stands for a
	// fixed date (2000-01-01), never the clock, so that output is
	// reproducible.
	Time time.Time
}

// stamp is the date of the changes and the file.
func (o Options) stamp() time.Time {
	if o.Time.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return o.Time.UTC().Truncate(time.Second)
}

func (o Options) author() string {
	if o.Author == "" {
		return DefaultAuthor
	}
	return o.Author
}

// WriteDOCX writes the redline of d as a .docx with Word tracked changes
// (see docx.WriteRedline): deletions and insertions word by word,
// attributed to the author at the time of opt, and the summary of changes
// at the end. The package is deterministic.
func WriteDOCX(w io.Writer, d *Document, opt Options) error {
	t := opt.stamp()
	return docx.WriteRedline(w, Marked(d, opt.author(), t), docx.Options{Lang: opt.Lang, Time: t, Marking: marking})
}

// WritePDF writes the redline of d as a PDF (see pdf.WriteRedline):
// deletions struck through in red, insertions underlined in blue, and the
// summary of changes at the end, dated opt.Time. It returns the number of
// pages.
func WritePDF(w io.Writer, d *Document, opt Options) (pages int, err error) {
	t := opt.stamp()
	return pdf.WriteRedline(w, Marked(d, opt.author(), t), pdf.Options{Lang: opt.Lang, Time: t, Marking: marking})
}
