package docx

import (
	"github.com/chancery-dev/chancery/internal/deflate"
	"io"
	"time"
)

// setRunning gives the document the header and footer parts of rp.
func (d *wordDoc) setRunning(rp runningParts) {
	d.Header, d.Footer = rp.Header, rp.Footer
	d.FirstHeader, d.FirstFooter, d.TitlePg = rp.FirstHeader, rp.FirstFooter, rp.TitlePg
}

// Relationship ids of the main document's parts, fixed so that the body
// can name the header and footer before the package is put together.
const (
	rIDStyles    = "rId1"
	rIDNumbering = "rId2"
	rIDSettings  = "rId3"
	rIDHeader    = "rId4"
	rIDFooter    = "rId5"
)

// wordDoc is a WordprocessingML document before packaging: the XML of its
// parts and its metadata. Header, Footer and Numbering are optional.
type wordDoc struct {
	Body      []byte // word/document.xml
	Styles    []byte
	Numbering []byte
	Settings  []byte
	Header    []byte
	Footer    []byte
	// FirstHeader and FirstFooter are the first page's (TitlePg).
	FirstHeader, FirstFooter []byte
	TitlePg                  bool
	// FontTable is word/fontTable.xml, naming a project's font (nil for
	// the built-in Times New Roman).
	FontTable []byte
	// Footnotes is word/footnotes.xml (nil for none); Links are the
	// relationships to the targets of the document's links.
	Footnotes []byte
	Links     []relationship
	Meta      meta
	// Extra are further parts with their relationships from the document
	// part: a note's headers, footers and pictures (note.go).
	Extra []extraPart
}

// extraPart is a part the document part refers to by Rel.
type extraPart struct {
	Rel  relationship
	Part part
}

// sectionRefs returns the references the body's w:sectPr must carry for
// the header and footer the document has.
func (d *wordDoc) sectionRefs() sectionRefs {
	var r sectionRefs
	if d.Header != nil {
		r.Header = rIDHeader
	}
	if d.Footer != nil {
		r.Footer = rIDFooter
	}
	if d.FirstHeader != nil {
		r.FirstHeader = rIDFirstHeader
	}
	if d.FirstFooter != nil {
		r.FirstFooter = rIDFirstFooter
	}
	r.TitlePg = d.TitlePg
	return r
}

// parts lays the document out as package parts, in a fixed order.
func (d *wordDoc) parts() []part {
	docRels := []relationship{
		{ID: rIDStyles, Type: relStyles, Target: "styles.xml"},
	}
	if d.Numbering != nil {
		docRels = append(docRels, relationship{ID: rIDNumbering, Type: relNumbering, Target: "numbering.xml"})
	}
	docRels = append(docRels, relationship{ID: rIDSettings, Type: relSettings, Target: "settings.xml"})
	if d.Header != nil {
		docRels = append(docRels, relationship{ID: rIDHeader, Type: relHeader, Target: "header1.xml"})
	}
	if d.Footer != nil {
		docRels = append(docRels, relationship{ID: rIDFooter, Type: relFooter, Target: "footer1.xml"})
	}
	if d.FirstHeader != nil {
		docRels = append(docRels, relationship{ID: rIDFirstHeader, Type: relHeader, Target: "header2.xml"})
	}
	if d.FirstFooter != nil {
		docRels = append(docRels, relationship{ID: rIDFirstFooter, Type: relFooter, Target: "footer2.xml"})
	}
	if d.FontTable != nil {
		docRels = append(docRels, relationship{ID: rIDFontTable, Type: relFontTable, Target: "fontTable.xml"})
	}
	if d.Footnotes != nil {
		docRels = append(docRels, relationship{ID: rIDFootnotes, Type: relFootnotes, Target: "footnotes.xml"})
	}
	docRels = append(docRels, d.Links...)
	for _, e := range d.Extra {
		docRels = append(docRels, e.Rel)
	}
	ps := []part{
		relsPart("_rels/.rels", []relationship{
			{ID: "rId1", Type: relOfficeDocument, Target: "word/document.xml"},
			{ID: "rId2", Type: relCoreProps, Target: "docProps/core.xml"},
			{ID: "rId3", Type: relAppProps, Target: "docProps/app.xml"},
		}),
		corePart(d.Meta),
		appPart(d.Meta),
		{Name: "word/document.xml", ContentType: ctDocument, Data: d.Body},
		relsPart("word/_rels/document.xml.rels", docRels),
		{Name: "word/styles.xml", ContentType: ctStyles, Data: d.Styles},
	}
	if d.Numbering != nil {
		ps = append(ps, part{Name: "word/numbering.xml", ContentType: ctNumbering, Data: d.Numbering})
	}
	ps = append(ps, part{Name: "word/settings.xml", ContentType: ctSettings, Data: d.Settings})
	if d.Header != nil {
		ps = append(ps, part{Name: "word/header1.xml", ContentType: ctHeader, Data: d.Header})
	}
	if d.Footer != nil {
		ps = append(ps, part{Name: "word/footer1.xml", ContentType: ctFooter, Data: d.Footer})
	}
	if d.FirstHeader != nil {
		ps = append(ps, part{Name: "word/header2.xml", ContentType: ctHeader, Data: d.FirstHeader})
	}
	if d.FirstFooter != nil {
		ps = append(ps, part{Name: "word/footer2.xml", ContentType: ctFooter, Data: d.FirstFooter})
	}
	if d.FontTable != nil {
		ps = append(ps, part{Name: "word/fontTable.xml", ContentType: ctFontTable, Data: d.FontTable})
	}
	if d.Footnotes != nil {
		ps = append(ps, part{Name: "word/footnotes.xml", ContentType: ctFootnotes, Data: d.Footnotes})
	}
	for _, e := range d.Extra {
		ps = append(ps, e.Part)
	}
	return append([]part{contentTypesPart(ps)}, ps...)
}

// write packages the document into w, every entry dated t.
func (d *wordDoc) write(w io.Writer, t time.Time, pool *deflate.Pool) error {
	return writeZip(w, d.parts(), t, pool)
}
