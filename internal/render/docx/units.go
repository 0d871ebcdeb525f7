package docx

import (
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
)

// unit writes a section, paragraph or item and then its children. A unit
// Word numbers is numbered by its style or carries its own numPr (and its
// trailer, "4" + ":", as text: see writeLevel); a draft insert gets its
// label as text and a numbered style's paragraph no number (numId 0); an
// unnumbered unit no label. A referenced unit carries its bookmark: round
// the whole paragraph when Word numbers it (REF \n reads the number of the
// paragraph holding the bookmark), round the label when the label is text
// (plain REF reads the bookmarked text).
func (iw *instrumentWriter) unit(b *lower.Unit) {
	u := b.Unit
	style := iw.unitStyle(u)
	props := paraProps{Style: style}
	if style == depthStyle(u.Depth) {
		props.Num = iw.plan.styleNum(u, u.Depth)
	} else {
		props.Num = iw.plan.ref(u)
	}
	if props.Num != nil && props.Num.NumID == 0 {
		// Out of its style's list, the paragraph keeps the list's
		// indentation: LibreOffice drops it with the numbering.
		in := iw.plan.Cols.indent(u.Depth)
		props.Ind = &in
	}
	lvl, numbered := iw.plan.level(u)
	mark := iw.marks[u]
	iw.paragraph(props, func() {
		content := func() {
			if numbered && lvl.Trailer != "" {
				iw.run("", lvl.Trailer)
				iw.tab("")
			}
			iw.text(b.Text)
		}
		if !numbered && u.Numbered && b.Label != "" {
			label := func() { iw.run("", b.Label) }
			if mark != "" {
				iw.bookmark(mark, label)
			} else {
				label()
			}
			iw.tab("")
		}
		if numbered && mark != "" {
			iw.bookmark(mark, content)
		} else {
			content()
		}
	})
}

// unitStyle returns the paragraph style of u.
func (iw *instrumentWriter) unitStyle(u *model.Unit) string {
	switch {
	case u.Depth == 0:
		return headingStyle(0)
	case u.Depth == 1 && !u.Numbered:
		return styleUnnumbered
	case u.Depth == 1:
		return styleParagraph
	}
	return itemStyle(u.Depth)
}

// inlines writes inline runs; style is the character style of the runs
// around them ("" for none).
func (iw *instrumentWriter) inlines(runs []model.Inline, style string) {
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			iw.run(style, r.Text)
		case *model.Emphasis:
			iw.inlines(r.Runs, withEmphasis(style))
		case *model.Strong:
			iw.inlines(r.Runs, withStrong(style))
		case *model.Ref:
			iw.ref(r, style)
		case *model.Placeholder:
			iw.run(styleFillIn, "["+r.Name+"]")
		case *model.Footnote:
			iw.footnoteRef(r)
		case *model.Link:
			iw.link(r, style)
		}
	}
}

func withEmphasis(style string) string {
	if style == styleStrong || style == styleStrongEmphasis {
		return styleStrongEmphasis
	}
	return styleEmphasis
}

func withStrong(style string) string {
	if style == styleEmphasis || style == styleStrongEmphasis {
		return styleStrongEmphasis
	}
	return styleStrong
}
