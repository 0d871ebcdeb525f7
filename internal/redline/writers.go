package redline

import (
	"errors"
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/redline/marked"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/render/pdf"
)

// DefaultAuthor is who the changes of a DOCX redline are attributed to
// when Options.Author is empty.
const DefaultAuthor = "chancery"

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

// marked is d in the writers' form, and the marking at the head of every
// page ("REDLINE"), both in o.Lang.
func (o Options) marked(d *Document, t time.Time) (*marked.Doc, string, error) {
	if o.Lang == nil {
		return nil, "", errors.New("redline: no language")
	}
	mark, err := o.Lang.Word("redline")
	if err != nil {
		return nil, "", err
	}
	m, err := Marked(d, o.author(), t, o.Lang)
	if m != nil {
		m.Marking = mark
	}
	return m, mark, err
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
	m, _, err := opt.marked(d, t)
	if err != nil {
		return err
	}
	return docx.WriteRedline(w, m, docx.Options{Lang: opt.Lang, Time: t})
}

// WritePDF writes the redline of d as a PDF (see pdf.WriteRedline):
// deletions struck through in red, insertions underlined in blue, and the
// summary of changes at the end, dated opt.Time. It returns the number of
// pages.
func WritePDF(w io.Writer, d *Document, opt Options) (pages int, err error) {
	t := opt.stamp()
	m, _, err := opt.marked(d, t)
	if err != nil {
		return 0, err
	}
	return pdf.WriteRedline(w, m, pdf.Options{Lang: opt.Lang, Time: t})
}
