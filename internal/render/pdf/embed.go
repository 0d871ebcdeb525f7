package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"unicode/utf16"

	"github.com/chancery-dev/chancery/internal/fonts"
	"github.com/chancery-dev/chancery/internal/pdfpost"
)

// Fonts are embedded by chancery, not by fpdf. fpdf's own embedding parses
// the whole TrueType file again for every PDF, names the font by hashing a
// JSON encoding of a 65,536-entry width table, and subsets and compresses
// the file again when it writes: most of the CPU time of a build. Here
// fpdf draws with one of its built-in (core) fonts standing in for each
// face, every string given to it already encoded as two-byte character
// codes (CIDs); after fpdf has written the file, each stand-in's font
// object becomes a composite (Type 0) font whose descendant embeds a
// TrueType program with only the glyphs the PDF sets (fonts.Face.Program),
// glyph n drawing CID n, with the widths and a ToUnicode map for text
// extraction. The faces are parsed once per process (fonts.Faces).

// coreFamily is the fpdf core font whose four styles stand in for the
// four faces while fpdf writes the page content.
const coreFamily = "Times"

// coreName is the base font name fpdf writes for the stand-in of style s.
func coreName(s style) string {
	switch s.font() {
	case bold:
		return "Times-Bold"
	case italic:
		return "Times-Italic"
	case bold | italic:
		return "Times-BoldItalic"
	}
	return "Times-Roman"
}

// fontUse is a face as one PDF uses it: every character set in it gets a
// two-byte code (CID), in the order first set, so that the PDF embeds the
// glyphs of these characters only.
type fontUse struct {
	face  *fonts.Face
	core  string // base font name of the stand-in core font
	cids  map[rune]uint16
	runes []rune // by CID - 1
}

func newFontUse(face *fonts.Face, s style) *fontUse {
	return &fontUse{face: face, core: coreName(s), cids: map[rune]uint16{}}
}

// encode returns s as CIDs, two bytes each, big-endian (the Identity-H
// encoding), giving a new CID to each character not set before.
func (u *fontUse) encode(s string) string {
	b := make([]byte, 0, 2*len(s))
	for _, c := range s {
		cid, ok := u.cids[c]
		if !ok {
			u.runes = append(u.runes, c)
			cid = uint16(len(u.runes))
			u.cids[c] = cid
		}
		b = append(b, byte(cid>>8), byte(cid))
	}
	return string(b)
}

// bookmarkText is s as a PDF text string in UTF-16BE with its byte order
// mark, which fpdf writes as it is when the current font is a core font.
func bookmarkText(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, v := range u {
		b = append(b, byte(v>>8), byte(v))
	}
	return string(b)
}

// embedFonts replaces the stand-in core fonts of f by the faces of uses,
// each embedded with the glyphs it set.
func embedFonts(f *pdfpost.File, uses []*fontUse) error {
	next := 0
	for _, o := range f.Objects {
		next = max(next, o.Num+1)
	}
	for _, u := range uses {
		if u == nil {
			continue
		}
		obj := findCoreFont(f, u.core)
		if obj == nil {
			return fmt.Errorf("pdf: no font object for %s", u.face.FullName())
		}
		objs, err := u.objects(obj.Num, next)
		if err != nil {
			return err
		}
		next += len(objs) - 1
		obj.Body = objs[0].Body
		f.Objects = append(f.Objects, objs[1:]...)
	}
	return nil
}

// findCoreFont returns the font object fpdf wrote for the core font name.
func findCoreFont(f *pdfpost.File, name string) *pdfpost.Object {
	re := regexp.MustCompile(`^\s*<</Type /Font\s*/BaseFont /` + regexp.QuoteMeta(name) + `\s*/Subtype /Type1\b`)
	for i := range f.Objects {
		if re.Match(f.Objects[i].Body) {
			return &f.Objects[i]
		}
	}
	return nil
}

// objects returns the PDF objects of the face as used: first the Type 0
// font (numbered num, replacing the stand-in), then its descendant CID
// font, font descriptor, font program and ToUnicode map, numbered from
// next.
func (u *fontUse) objects(num, next int) ([]pdfpost.Object, error) {
	// The glyph of every CID, in the order of the CIDs: CID n is glyph n
	// of the program (a glyph two characters share is copied), so that
	// the CID-to-glyph map is the identity.
	glyphs := make([]uint16, len(u.runes))
	for i, c := range u.runes {
		g, ok := u.face.Glyph(c)
		if !ok {
			return nil, fmt.Errorf("pdf: character %s is not in the font %s", describeRune(c), u.face.FullName())
		}
		glyphs[i] = g
	}
	program, err := u.face.Program(glyphs)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	d, err := u.face.Descriptor()
	if err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", u.face.FullName(), err)
	}
	name := subsetTag(u.face.PostScriptName(), u.runes) + "+" + u.face.PostScriptName()
	cidFont, descriptor, file, toUnicode := next, next+1, next+2, next+3

	var widths bytes.Buffer
	widths.WriteString("[1 [")
	for i, g := range glyphs {
		if i > 0 {
			widths.WriteByte(' ')
		}
		widths.WriteString(strconv.Itoa(u.face.GlyphWidth(g)))
	}
	widths.WriteString("]]")

	flags := 4 // symbolic: the glyphs are reached by the CID map, not by a standard encoding
	if d.FixedPitch {
		flags |= 1
	}
	if d.ItalicAngle != 0 {
		flags |= 64
	}
	dict := func(n int, format string, args ...any) pdfpost.Object {
		return pdfpost.Object{Num: n, Body: fmt.Appendf(nil, "\n"+format+"\nendobj\n", args...)}
	}
	stream := func(n int, extra string, data []byte) pdfpost.Object {
		body := fmt.Appendf(nil, "\n<</Length %d%s>>\nstream\n", len(data), extra)
		body = append(body, data...)
		body = append(body, "\nendstream\nendobj\n"...)
		return pdfpost.Object{Num: n, Body: body}
	}
	return []pdfpost.Object{
		dict(num, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
			name, cidFont, toUnicode),
		dict(cidFont, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap /Identity>>",
			name, descriptor, d.MissingWidth, widths.Bytes()),
		dict(descriptor, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
			name, flags, d.BBox[0], d.BBox[1], d.BBox[2], d.BBox[3], strconv.FormatFloat(d.ItalicAngle, 'f', -1, 64),
			d.Ascent, d.Descent, d.CapHeight, d.StemV, d.MissingWidth, file),
		stream(file, fmt.Sprintf(" /Length1 %d", len(program)), program),
		stream(toUnicode, "", toUnicodeCMap(u.runes)),
	}, nil
}

// subsetTag is the six capital letters that name a subset of a font (ISO
// 32000-1, 9.6.4), made from the font's name and characters, so that the
// same text gives the same tag.
func subsetTag(font string, runes []rune) string {
	h := fnv.New64a()
	h.Write([]byte(font))
	for _, c := range runes {
		h.Write([]byte(string(c)))
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicodeCMap maps each CID (1, 2, ...) to its character, so that text
// can be extracted and searched.
func toUnicodeCMap(runes []rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for start := 0; start < len(runes); start += 100 {
		chunk := runes[start:min(start+100, len(runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for i, c := range chunk {
			fmt.Fprintf(&b, "<%04X> <", start+i+1)
			for _, v := range utf16.Encode([]rune{c}) {
				fmt.Fprintf(&b, "%04X", v)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}
