// Package pdfa makes the PDFs fpdf writes conform to PDF/A-2b (ISO
// 19005-2, level B), the archival profile signature copies are kept in.
// Before fpdf writes the file, Prepare gives it the XMP metadata (PDF/A
// identification, Dublin Core title, creator and description, and dates
// equal to the document information) and an output intent with the sRGB
// profile of Debian's icc-profiles-free (sRGB.icc, licence in
// LICENSE-sRGB.txt). After, Finish rewrites fpdf's bytes where fpdf cannot
// be told what PDF/A asks: the document information's dates carry their
// time zone, every annotation is printable, pages have no transparency
// group, and the trailer has a file identifier. The cross-reference table
// is written anew (package pdfpost).
package pdfa

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"github.com/chancery-dev/chancery/internal/deflate"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"slices"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chancery-dev/chancery/internal/pdfpost"
)

//go:embed sRGB.icc
var srgb []byte

// SRGB returns the sRGB ICC profile embedded as the output intent (a copy).
func SRGB() []byte { return bytes.Clone(srgb) }

// Info is what a file says about itself, in its document information and
// in its XMP metadata alike.
type Info struct {
	Title    string
	Author   string // "" for none
	Subject  string // "" for none
	Creator  string // the program that made the content
	Producer string // the program that wrote the PDF
	Lang     string // BCP 47 tag of the document's language
	Time     time.Time
}

// Prepare sets info as the document information of f, its XMP metadata
// (with the PDF/A-2b identification) and its sRGB output intent. Call it
// before f is written.
func Prepare(f *fpdf.Fpdf, info Info) {
	info.Time = info.Time.UTC()
	SetInfo(f, info)
	f.SetXmpMetadata(XMP(info))
	f.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                SRGB(),
	})
}

// SetInfo sets info as the document information dictionary of f (title,
// author and subject when given, creator, producer, language and both
// dates), as every PDF carries it, PDF/A or not.
func SetInfo(f *fpdf.Fpdf, info Info) {
	f.SetTitle(info.Title, true)
	if info.Author != "" {
		f.SetAuthor(info.Author, true)
	}
	if info.Subject != "" {
		f.SetSubject(info.Subject, true)
	}
	f.SetCreator(info.Creator, true)
	f.SetProducer(info.Producer, true)
	f.SetLang(info.Lang)
	f.SetCreationDate(info.Time)
	f.SetModificationDate(info.Time)
}

// XMP returns the metadata packet of a PDF/A-2b file with info.
func XMP(info Info) []byte {
	var b bytes.Buffer
	date := info.Time.UTC().Format("2006-01-02T15:04:05Z")
	lang := info.Lang
	if lang == "" {
		lang = "x-default"
	}
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about=""` +
		` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/"` +
		` xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` + "\n")
	b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	alt := func(name, v string) {
		fmt.Fprintf(&b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n", name, esc(v), name)
	}
	alt("dc:title", info.Title)
	if info.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(info.Author))
	}
	if info.Subject != "" {
		alt("dc:description", info.Subject)
	}
	if info.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", esc(info.Creator), esc(info.Producer))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="r"?>`)
	return b.Bytes()
}

// esc escapes text for XML character data.
func esc(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	infoRefRe    = lazyre.New(`/Info (\d+) 0 R`)
	infoDateRe   = lazyre.New(`(/(?:CreationDate|ModDate) \(D:\d{14})\)`)
	annotRe      = lazyre.New(`/Type\s*/Annot\b`)
	flagRe       = lazyre.New(`/F\s`)
	pageGroupRe  = lazyre.New(`/Group\s*<<\s*/Type\s*/Group\s*/S\s*/Transparency[^>]*>>\s*`)
	pageObjectRe = lazyre.New(`/Type\s*/Page\b`)
)

// Finish rewrites a PDF that fpdf wrote after Prepare: the document
// information's dates in UTC ("D:20240513103000Z", as the XMP dates are),
// the print flag on every annotation that has no flags, no transparency
// group on the pages (fpdf adds one to every page of a PDF 1.4 file; the
// pages use no transparency), and a trailer /ID from the file's content.
func Finish(data []byte) ([]byte, error) {
	f, err := pdfpost.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdfa: %w", err)
	}
	if err := FinishFile(f, nil); err != nil {
		return nil, err
	}
	return f.Bytes(), nil
}

// FinishFile is Finish on a parsed file, which the caller writes.
func FinishFile(f *pdfpost.File, pool *deflate.Pool) error {
	info, err := findInfo(f)
	if err != nil {
		return fmt.Errorf("pdfa: %w", err)
	}
	info.EditDict(func(d []byte) []byte { return infoDateRe().ReplaceAll(d, []byte("${1}Z)")) })
	for i := range f.Objects {
		o := &f.Objects[i]
		d := o.Dict()
		if pageObjectRe().Match(d) {
			o.EditDict(func(d []byte) []byte { return pageGroupRe().ReplaceAll(d, nil) })
		}
		if annotRe().Match(d) {
			o.EditDict(printable)
		}
	}
	if err := f.Compress(pool); err != nil {
		return fmt.Errorf("pdfa: %w", err)
	}
	return nil
}

// info returns the document information dictionary and points the
// trailer's /Info at it. fpdf takes the object before the catalog for it,
// which is the last output intent's profile when there is one.
func findInfo(f *pdfpost.File) (*pdfpost.Object, error) {
	if m := infoRefRe().FindSubmatch(f.Trailer); m != nil {
		num, _ := strconv.Atoi(string(m[1]))
		if o := f.Object(num); o != nil && isInfo(o) {
			return o, nil
		}
	}
	var found *pdfpost.Object
	for i := range f.Objects {
		if isInfo(&f.Objects[i]) {
			if found != nil {
				return nil, errors.New("two document information dictionaries")
			}
			found = &f.Objects[i]
		}
	}
	if found == nil {
		return nil, errors.New("no document information dictionary")
	}
	ref := []byte(fmt.Sprintf("/Info %d 0 R", found.Num))
	if infoRefRe().Match(f.Trailer) {
		f.Trailer = infoRefRe().ReplaceAll(f.Trailer, ref)
	} else {
		f.Trailer = append(append(f.Trailer, '\n'), ref...)
	}
	return found, nil
}

// isInfo reports whether o is a document information dictionary: no
// stream, a creation date and a producer.
func isInfo(o *pdfpost.Object) bool {
	d := o.Dict()
	return !o.HasStream() && bytes.Contains(d, []byte("/CreationDate")) && bytes.Contains(d, []byte("/Producer"))
}

// printable adds /F 4 (Print) to every annotation dictionary in d that
// has no /F entry.
func printable(d []byte) []byte {
	var out []byte
	for {
		loc := annotRe().FindIndex(d)
		if loc == nil {
			return append(out, d...)
		}
		start := bytes.LastIndex(d[:loc[0]], []byte("<<"))
		end := dictEnd(d, start)
		if start < 0 || end < 0 {
			return append(out, d...)
		}
		out = append(out, d[:start+2]...)
		if !flagRe().Match(topLevel(d[start+2 : end])) {
			out = append(out, "/F 4 "...)
		}
		out = append(out, d[start+2:end]...)
		d = d[end:]
	}
}

// dictEnd returns the index of the ">>" closing the dictionary that
// opens at start.
func dictEnd(d []byte, start int) int {
	if start < 0 {
		return -1
	}
	depth := 0
	for i := start; i+1 < len(d); i++ {
		switch {
		case d[i] == '<' && d[i+1] == '<':
			depth++
			i++
		case d[i] == '>' && d[i+1] == '>':
			depth--
			if depth == 0 {
				return i
			}
			i++
		}
	}
	return -1
}

// topLevel blanks nested dictionaries out of a dictionary's content, so
// that only its own keys are seen.
func topLevel(d []byte) []byte {
	out := slices.Clone(d)
	depth := 0
	for i := 0; i+1 < len(out); i++ {
		switch {
		case out[i] == '<' && out[i+1] == '<':
			depth++
		case out[i] == '>' && out[i+1] == '>':
			depth--
		}
		if depth > 0 {
			out[i] = ' '
		}
	}
	return out
}
