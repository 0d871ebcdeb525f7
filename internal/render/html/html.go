// Package html writes a lowered instrument, or the editions of a note
// verbale, as one standalone HTML5 page: the language in the lang
// attribute, an id on every unit that has one (so that
// page.html#areas.data-exchange opens at that clause), references
// as links to the units they cite, the marking of the copy (DRAFT,
// "Original 1 of 2") at the top, and print CSS for A4 with the marking
// and page numbers in the page margins. The page needs nothing else: no
// script, no external style sheet, no font.
package html

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// Options say what to write (see lower.Options).
type Options = lower.Options

// page writes escaped HTML, keeping the first write error.
type page struct {
	w   *bufio.Writer
	err error
	// footnote numbers a footnote of the instrument (nil for notes
	// verbales, which have none); the number names its anchors.
	footnote func(*model.Footnote) int
	// mark prints footnote n's mark in the style's marks (see
	// WriteInstrument).
	mark func(n int) string
	// prefix goes before every id and link target: the column's language
	// in a parallel edition ("ru-"), so that each column's references
	// lead within it.
	prefix string
	// bodyClass is the class of the body element ("" for none).
	bodyClass string
}

func (p *page) raw(s string) {
	if p.err == nil {
		_, p.err = p.w.WriteString(s)
	}
}

func (p *page) text(s string) { p.raw(escape(s)) }

// escape escapes text and attribute values.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\A `, "<", `\3C `).Replace(s) + `"`
}

// style is the page's style sheet: the screen layout, and for print the
// A4 page with the marking at the head and "Page n of N" at the foot
// (marking and the page-of pattern in the document's language).
func style(marking, pageOf string) string {
	var b strings.Builder
	b.WriteString(`
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.35; max-width: 42em; margin: 2em auto; padding: 0 1em; }
p { margin: 0 0 0.8em; text-align: justify; }
.marking { text-align: right; font-weight: bold; color: #777; }
.title p { text-align: center; font-weight: bold; margin: 0 0 0.3em; }
.title { margin-bottom: 1.5em; }
.joiner { text-align: center; }
h2 { font-size: 1em; margin: 1.4em 0 0.6em; }
.label { display: inline-block; min-width: 2.5em; text-indent: 0; white-space: pre; }
.unit { padding-left: 2.5em; text-indent: -2.5em; }
.d2 { margin-left: 2.5em; } .d3 { margin-left: 5em; } .d4 { margin-left: 7.5em; } .d5 { margin-left: 10em; }
.d6 { margin-left: 12.5em; } .d7 { margin-left: 15em; } .d8 { margin-left: 17.5em; } .d9 { margin-left: 20em; }
.d10 { margin-left: 22.5em; } .d11 { margin-left: 25em; } .d12 { margin-left: 27.5em; }
.fill { background: #ffd; }
table.fields { border-collapse: collapse; margin: 0 0 1.5em; }
table.fields th { text-align: left; vertical-align: top; padding: 0 1em 0.3em 0; white-space: nowrap; }
table.fields td { vertical-align: top; padding: 0 0 0.3em 0; }
.footnotes { font-size: 10pt; margin-top: 2em; }
.footnotes hr { width: 10em; margin: 0 0 0.5em; text-align: left; }
.footnotes ol { list-style: none; padding-left: 0; }
.fnmark { vertical-align: super; font-size: 75%; }
.fnback { text-decoration: none; }
a { color: inherit; }
table.signatures { width: 100%; border-collapse: collapse; margin-top: 2em; page-break-inside: avoid; }
table.signatures td { vertical-align: top; padding: 0 1em 0.6em 0; width: 50%; }
table.signatures p { text-align: left; margin: 0 0 0.2em; }
.for { font-style: italic; }
.rule { display: inline-block; width: 12em; border-bottom: 1px solid; }
.edition + .edition { break-before: page; }
.letterhead p { text-align: center; margin: 0; }
body.parallel { max-width: none; }
table.parallel { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.parallel > tbody > tr > td { vertical-align: top; padding: 0 0.75em; }
table.parallel > tbody > tr { break-inside: auto; }
.title-line, .marking-line { text-align: center; font-weight: bold; }
.number, .place-date { margin: 1.5em 0; }
.number p, .place-date p, .masthead p, .signature p, .foot p { margin: 0; text-align: left; }
.addressee p, .enclosure p { margin: 0; text-align: left; }
.title p { text-align: center; font-weight: bold; }
table.masthead { width: 100%; border-bottom: 1px solid; }
table.masthead td { vertical-align: top; width: 50%; }
.annex { break-before: page; }
.annex > p:first-child { text-align: center; font-weight: bold; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 12pt; }
  .marking { display: none; }
  a { text-decoration: none; }
}
@page {
  size: A4;
  margin: 25mm 20mm 25mm 25mm;
`)
	if marking != "" {
		fmt.Fprintf(&b, "  @top-right { content: %s; font-weight: bold; color: #969696; font-size: 10pt; }\n", cssString(marking))
	}
	if pageOf != "" {
		b.WriteString("  @bottom-center { content: ")
		b.WriteString(pageOfContent(pageOf))
		b.WriteString("; font-size: 10pt; color: #505050; }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// pageOfContent turns a "Page {page} of {total}" pattern into CSS content
// with page counters.
func pageOfContent(pattern string) string {
	var parts []string
	for pattern != "" {
		i := strings.IndexByte(pattern, '{')
		j := strings.IndexByte(pattern, '}')
		if i < 0 || j < i {
			parts = append(parts, cssString(pattern))
			break
		}
		if i > 0 {
			parts = append(parts, cssString(pattern[:i]))
		}
		switch pattern[i+1 : j] {
		case "page":
			parts = append(parts, "counter(page)")
		case "total":
			parts = append(parts, "counter(pages)")
		default:
			parts = append(parts, cssString(pattern[i:j+1]))
		}
		pattern = pattern[j+1:]
	}
	return strings.Join(parts, " ")
}

// head writes the page up to the opening of its body.
func (p *page) head(tag, title, marking, pageOf string, meta map[string]string) {
	p.raw("<!DOCTYPE html>\n<html lang=\"" + escape(tag) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	p.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p.raw("<meta name=\"generator\" content=\"chancery\">\n")
	for _, k := range []string{"author", "description"} {
		if v := meta[k]; v != "" {
			p.raw("<meta name=\"" + k + "\" content=\"" + escape(v) + "\">\n")
		}
	}
	p.raw("<title>")
	p.text(title)
	p.raw("</title>\n<style>")
	p.raw(style(marking, pageOf))
	p.raw("</style>\n</head>\n<body")
	if p.bodyClass != "" {
		p.raw(" class=\"" + p.bodyClass + "\"")
	}
	p.raw(">\n")
}

// Write lowers doc for opt.Lang and opt.Copy and writes it as an HTML page
// (see WriteInstrument).
func Write(w io.Writer, doc *model.Document, opt Options) error {
	if opt.Lang == nil {
		return errors.New("html: no language")
	}
	in, err := lower.Lower(doc, opt.Lang, opt.Copy)
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return WriteInstrument(w, in, opt)
}

// WriteInstrument writes in as one HTML page. opt.Lang gives the words of
// the printed page numbers.
func WriteInstrument(w io.Writer, in *lower.Instrument, opt Options) error {
	// A page of HTML is not paged: footnote marks count through the
	// document even when the style restarts them on every page.
	p := &page{w: bufio.NewWriter(w), footnote: in.FootnoteNumber, mark: opt.Style.FootnoteMark}
	pageOf := ""
	if opt.Lang != nil {
		pageOf, _ = opt.Lang.Word("page-of")
	}
	title := in.Meta.Title
	if title == "" {
		title = in.ID
	}
	p.head(in.Lang, title, in.Marking, pageOf, map[string]string{"author": in.Meta.Creator, "description": in.Meta.Subject})
	p.raw("<main>\n")
	inTitle := false
	for _, b := range in.Blocks {
		_, isTitle := b.(*lower.TitleLine)
		if inTitle && !isTitle {
			p.raw("</div>\n")
			inTitle = false
		}
		switch b := b.(type) {
		case *lower.Marking:
			p.raw("<p class=\"marking\">")
			p.text(b.Text)
			p.raw("</p>\n")
		case *lower.TitleLine:
			if !inTitle {
				p.raw("<div class=\"title\">\n")
				inTitle = true
			}
			p.para("", "", b.Text)
		default:
			p.block(b)
		}
	}
	if inTitle {
		p.raw("</div>\n")
	}
	p.footnotes(in)
	p.raw("</main>\n</body>\n</html>\n")
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// para writes a paragraph of the given texts separated by spaces.
func (p *page) para(class, id string, locs ...*model.Localized) {
	p.raw("<p")
	if class != "" {
		p.raw(" class=\"" + class + "\"")
	}
	if id != "" {
		p.raw(" id=\"" + escape(p.prefix+id) + "\"")
	}
	p.raw(">")
	first := true
	for _, loc := range locs {
		if loc == nil {
			continue
		}
		if !first {
			p.raw(" ")
		}
		first = false
		p.inlines(loc.Runs)
	}
	p.raw("</p>\n")
}

// unit writes a section heading or a numbered or unnumbered paragraph.
func (p *page) unit(u *lower.Unit) {
	id := ""
	if u.Anchor != "" {
		id = " id=\"" + escape(p.prefix+u.Anchor) + "\""
	}
	if u.Heading {
		p.raw("<h2" + id + ">")
		if u.Label != "" {
			p.label(u.Label)
		}
		p.inlines(lower.Runs(u.Text))
		p.raw("</h2>\n")
		return
	}
	class := "unit d" + strconv.Itoa(max(u.Depth, 1))
	if u.Label == "" {
		class = "d" + strconv.Itoa(max(u.Depth, 1))
	}
	p.raw("<p class=\"" + class + "\"" + id + ">")
	if u.Label != "" {
		p.label(u.Label)
	}
	p.inlines(lower.Runs(u.Text))
	p.raw("</p>\n")
}

// label writes a unit's label and the space after it. The space is
// inside the label's box, which keeps it (white-space: pre): outside, a
// justified first line would stretch it and set the text off the column
// the following lines start at. The box does not take the unit's hanging
// indent (text-indent: 0), which it would otherwise inherit and move its
// label left of the margin.
func (p *page) label(label string) {
	p.raw("<span class=\"label\">")
	p.text(label)
	p.raw(" </span>")
}

// inlines writes runs: emphasis, strong, references as links, fill-ins.
func (p *page) inlines(runs []model.Inline) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			p.text(r.Text)
		case *model.Emphasis:
			p.raw("<em>")
			p.inlines(r.Runs)
			p.raw("</em>")
		case *model.Strong:
			p.raw("<strong>")
			p.inlines(r.Runs)
			p.raw("</strong>")
		case *model.Ref:
			p.ref(r)
		case *model.Placeholder:
			p.raw("<span class=\"fill\">")
			p.text("[" + r.Name + "]")
			p.raw("</span>")
		case *model.Link:
			p.raw("<a href=\"" + escape(r.Target) + "\">")
			p.inlines(r.Runs)
			p.raw("</a>")
		case *model.Footnote:
			if p.footnote != nil {
				k := p.footnote(r)
				n := strconv.Itoa(k)
				p.raw("<sup class=\"fnref\"><a href=\"#" + escape(p.prefix) + "fn-" + n + "\" id=\"" + escape(p.prefix) + "fnref-" + n + "\">")
				p.text(p.mark(k))
				p.raw("</a></sup>")
			}
		}
	}
}

// footnotes writes the instrument's footnotes after its text, each linked
// back to its mark.
func (p *page) footnotes(in *lower.Instrument) {
	if len(in.Footnotes) == 0 {
		return
	}
	p.raw("<section class=\"footnotes\">\n<hr>\n<ol>\n")
	for _, f := range in.Footnotes {
		n := strconv.Itoa(f.N)
		p.raw("<li id=\"" + escape(p.prefix) + "fn-" + n + "\"><span class=\"fnmark\">")
		p.text(p.mark(f.N))
		p.raw("</span> ")
		p.inlines(f.Note.Runs)
		p.raw(" <a href=\"#" + escape(p.prefix) + "fnref-" + n + "\" class=\"fnback\">↩</a></li>\n")
	}
	p.raw("</ol>\n</section>\n")
}

// fields writes labelled fields as a table of label and value lines.
func (p *page) fields(f *lower.Fields) {
	p.raw("<table class=\"fields\">\n")
	for _, row := range f.Rows {
		p.raw("<tr><th>")
		p.inlines(lower.Runs(row.Label))
		p.raw("</th><td>")
		for i, l := range row.Lines {
			if i > 0 {
				p.raw("<br>")
			}
			p.inlines(lower.Runs(l))
		}
		p.raw("</td></tr>\n")
	}
	p.raw("</table>\n")
}

// ref writes a reference: each target's number a link to the target when
// every number can be found in the resolved text, in order; else the
// whole text a link to the first target. A reference to a source
// paragraph is text.
func (p *page) ref(r *model.Ref) {
	text := r.Resolved
	if text == "" {
		text = strings.Join(r.IDs, ", ")
	}
	var targets []*model.Unit
	for _, u := range r.Targets {
		if u.ID != "" {
			targets = append(targets, u)
		}
	}
	if len(targets) == 0 || len(targets) != len(r.Targets) {
		p.text(text)
		return
	}
	link := func(u *model.Unit, s string) {
		p.raw("<a href=\"#" + escape(p.prefix+u.ID) + "\">")
		p.text(s)
		p.raw("</a>")
	}
	if len(targets) == 1 {
		link(targets[0], text)
		return
	}
	type cut struct{ at, end int }
	var cuts []cut
	from := 0
	for _, u := range targets {
		i := strings.Index(text[from:], u.RefNumber)
		if u.RefNumber == "" || i < 0 {
			link(targets[0], text)
			return
		}
		cuts = append(cuts, cut{from + i, from + i + len(u.RefNumber)})
		from += i + len(u.RefNumber)
	}
	prev := 0
	for k, c := range cuts {
		p.text(text[prev:c.at])
		link(targets[k], text[c.at:c.end])
		prev = c.end
	}
	p.text(text[prev:])
}

// signatures writes the signature table: a column per party, its for-line,
// signatory and office, then a row per signature line.
func (p *page) signatures(s *lower.Signatures) {
	if len(s.Parties) == 0 {
		return
	}
	p.raw("<table class=\"signatures\">\n<tr>")
	for _, party := range s.Parties {
		p.raw("<td>")
		for _, part := range []struct {
			class string
			loc   *model.Localized
		}{{"for", party.For}, {"signatory", party.Name}, {"office", party.Office}} {
			if part.loc != nil {
				p.para(part.class, "", part.loc)
			}
		}
		p.raw("</td>")
	}
	p.raw("</tr>\n")
	for _, word := range s.Lines {
		p.raw("<tr>")
		for range s.Parties {
			p.raw("<td><p class=\"line\">")
			p.text(word + ":")
			p.raw(" <span class=\"rule\">&#160;</span></p></td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</table>\n")
}
