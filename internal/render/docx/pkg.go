package docx

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"github.com/chancery-dev/chancery/internal/deflate"
	"github.com/chancery-dev/chancery/internal/lower"
	"io"
	"time"
)

// part is one file of the package.
type part struct {
	Name        string // zip path, no leading slash
	ContentType string
	Data        []byte
}

// zipEpoch is the earliest time a zip (MS-DOS) timestamp can hold.
func zipEpoch() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// stamp is the time written into the package: t in UTC to the second, or
// lower.DefaultTime.
func stamp(t time.Time) time.Time { return lower.Options{Time: t}.Stamp() }

// writeZip writes the parts in the order given, every entry deflated and
// dated t, so that equal inputs give byte-identical packages.
func writeZip(w io.Writer, parts []part, t time.Time, pool *deflate.Pool) error {
	if t.Before(zipEpoch()) {
		t = zipEpoch()
	}
	zw := zip.NewWriter(w)
	// One compressor for the package (lent by pool), reset for
	// each part, at the fastest level: a new one per part, at the default
	// level, was most of the time of a small document.
	var fl *flate.Writer
	defer func() {
		if fl != nil {
			pool.PutFlate(fl)
		}
	}()
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fl == nil {
			fl = pool.Flate(out)
		} else {
			fl.Reset(out)
		}
		return fl, nil
	})
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: t})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.Name, err)
		}
		if _, err := fw.Write(p.Data); err != nil {
			return fmt.Errorf("docx: %s: %w", p.Name, err)
		}
	}
	return zw.Close()
}

// contentTypesPart lists the content type of every other part.
func contentTypesPart(parts []part) part {
	x := newXML()
	x.start("Types", "xmlns", nsTypes)
	x.empty("Default", "Extension", "rels", "ContentType", ctRels)
	x.empty("Default", "Extension", "xml", "ContentType", ctXML)
	for _, p := range parts {
		if p.ContentType == ctRels {
			continue
		}
		x.empty("Override", "PartName", "/"+p.Name, "ContentType", p.ContentType)
	}
	x.end("Types")
	return part{Name: "[Content_Types].xml", ContentType: ctXML, Data: x.bytes()}
}
