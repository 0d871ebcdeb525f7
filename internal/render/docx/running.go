package docx

import (
	"fmt"

	"github.com/chancery-dev/chancery/internal/lang"
	house "github.com/chancery-dev/chancery/internal/style"
)

// runningParts are the header and footer parts of a section, from a
// style's house.Running: the default parts show on every page, or on the
// pages after the first when the first page has a band of its own
// (w:titlePg), whose parts are First*. A nil part is none.
type runningParts struct {
	Header, Footer           []byte
	FirstHeader, FirstFooter []byte
	TitlePg                  bool
}

// runningOf writes the header and footer parts of running for a document
// in l (w:lang form wl) whose marking is marking.
func runningOf(run house.Running, l *lang.Language, wl, marking string, width int) (runningParts, error) {
	var rp runningParts
	var err error
	part := func(root string, line house.Line) []byte {
		if err != nil {
			return nil
		}
		var b []byte
		b, err = lineXML(root, line, l, wl, marking, width)
		return b
	}
	rp.Header = part("w:hdr", run.Following.Header)
	rp.Footer = part("w:ftr", run.Following.Footer)
	if run.First != run.Following {
		rp.TitlePg = true
		rp.FirstHeader = part("w:hdr", run.First.Header)
		rp.FirstFooter = part("w:ftr", run.First.Footer)
		// A first page without a header of its own shows none: an empty
		// part, since a section without a first-page reference would show
		// the default one in some readers.
		if rp.FirstHeader == nil && rp.Header != nil {
			rp.FirstHeader = emptyPart("w:hdr", wl)
		}
		if rp.FirstFooter == nil && rp.Footer != nil {
			rp.FirstFooter = emptyPart("w:ftr", wl)
		}
	}
	return rp, err
}

// emptyPart is a header or footer holding one empty paragraph.
func emptyPart(root, wl string) []byte {
	x := newXML()
	x.start(root, rootAttrs()...)
	x.start("w:p")
	x.end("w:p")
	x.end(root)
	return x.bytes()
}

// lineXML writes a header (root w:hdr) or footer (w:ftr) part holding
// line, or returns nil when the line comes out empty. {page} is a PAGE
// field, {total} a NUMPAGES field, so that Word and LibreOffice number
// the pages as they lay them out; a word of the language data is
// expanded, its own {page} and {total} as fields too. A line with one
// slot is aligned as the slot says; with more, the centre and right slots
// go to tab stops at the middle and the end of the text width.
func lineXML(root string, line house.Line, l *lang.Language, wl, marking string, width int) ([]byte, error) {
	slots := []struct {
		tmpl, jc string
	}{{line.Left, "left"}, {line.Center, "center"}, {line.Right, "right"}}
	var pieces [3][]house.Field
	used := 0
	jc := ""
	for i, sl := range slots {
		fs, err := fieldsOf(sl.tmpl, l, marking)
		if err != nil {
			return nil, fmt.Errorf("docx: header or footer %q: %w", sl.tmpl, err)
		}
		if len(fs) > 0 {
			pieces[i] = fs
			used++
			jc = sl.jc
		}
	}
	if used == 0 {
		return nil, nil
	}
	style := styleHeader
	if root == "w:ftr" {
		style = styleFooter
	}
	props := paraProps{Style: style, Jc: jc}
	if used > 1 {
		props.Jc = "left"
		props.Tabs = []tabStop{{Align: "center", Pos: width / 2}, {Align: "right", Pos: width}}
	}
	runStyle := ""
	if line.Bold {
		runStyle = styleStrong
	}
	x := newXML()
	x.start(root, rootAttrs()...)
	tw := &textWriter{x: x, lang: wl}
	tw.paragraph(props, func() {
		for i, fs := range pieces {
			if used > 1 && i > 0 {
				tw.tab(runStyle)
			}
			for _, f := range fs {
				switch f.Name {
				case "":
					tw.run(runStyle, f.Text)
				case house.FieldPage:
					tw.pageField(runStyle)
				case house.FieldTotal:
					tw.field(runStyle, "NUMPAGES", "1")
				}
			}
		}
	})
	x.end(root)
	return x.bytes(), nil
}

// fieldsOf splits a header or footer template into text and the page
// fields, the marking and the words of the language data expanded (a
// word is the bare page number when l is nil); nil when it comes out
// empty.
func fieldsOf(tmpl string, l *lang.Language, marking string) ([]house.Field, error) {
	fs, err := house.SplitTemplate(tmpl)
	if err != nil {
		return nil, err
	}
	var out []house.Field
	for _, f := range fs {
		switch f.Name {
		case "", house.FieldPage, house.FieldTotal:
			out = append(out, f)
		case house.FieldMarking:
			if marking == "" && len(fs) == 1 {
				return nil, nil
			}
			out = append(out, house.Field{Text: marking})
		default:
			if l == nil {
				// No language data (a redline written without one): the
				// bare page number stands for the words.
				out = append(out, house.Field{Name: house.FieldPage})
				continue
			}
			w, err := l.Word(f.Name)
			if err != nil {
				return nil, err
			}
			inner, err := house.SplitTemplate(w)
			if err != nil {
				return nil, fmt.Errorf("the word %s: %w", f.Name, err)
			}
			for _, g := range inner {
				switch g.Name {
				case "", house.FieldPage, house.FieldTotal:
					out = append(out, g)
				default:
					out = append(out, house.Field{Text: "{" + g.Name + "}"})
				}
			}
		}
	}
	return out, nil
}

// Relationship ids of the first page's header and footer.
const (
	rIDFirstHeader = "rId7"
	rIDFirstFooter = "rId8"
)

// writeRunningRefs writes a section's header and footer references and
// its w:titlePg.
func writeRunningRefs(x *xmlWriter, refs sectionRefs) {
	if refs.Header != "" {
		x.empty("w:headerReference", "w:type", "default", "r:id", refs.Header)
	}
	if refs.FirstHeader != "" {
		x.empty("w:headerReference", "w:type", "first", "r:id", refs.FirstHeader)
	}
	if refs.Footer != "" {
		x.empty("w:footerReference", "w:type", "default", "r:id", refs.Footer)
	}
	if refs.FirstFooter != "" {
		x.empty("w:footerReference", "w:type", "first", "r:id", refs.FirstFooter)
	}
}

// writeTitlePg marks a section whose first page has a header and footer
// of its own.
func writeTitlePg(x *xmlWriter, refs sectionRefs) {
	if refs.TitlePg {
		x.empty("w:titlePg")
	}
}

// runningFor is the header and footer st (style.Builtin when nil) gives
// documents of kind.
func runningFor(st *house.Style, kind string) house.Running {
	if st == nil {
		st = house.Builtin()
	}
	return st.Running[kind]
}
