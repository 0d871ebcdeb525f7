package docx

import "github.com/chancery-dev/chancery/internal/model"

// unit writes a section, paragraph or item and then its children. A unit
// Word numbers is numbered by its style or carries its own numPr (and its
// trailer, "4" + ":", as text: see writeLevel); a draft
// insert gets its label as text and a numbered style's paragraph no number
// (numId 0); an unnumbered unit no label. A referenced unit carries its
// bookmark: round the whole paragraph when Word numbers it (REF \n reads
// the number of the paragraph holding the bookmark), round the label when
// the label is text (plain REF reads the bookmarked text).
func (iw *instrumentWriter) unit(u *model.Unit) {
	style, what, t := iw.unitStyle(u)
	props := paraProps{Style: style}
	if style == depthStyle(u.Depth) {
		props.Num = iw.plan.styleNum(u, u.Depth)
	} else {
		props.Num = iw.plan.ref(u)
	}
	lvl, numbered := iw.plan.level(u)
	mark := iw.marks[u]
	iw.paragraph(props, func() {
		content := func() {
			if numbered && lvl.Trailer != "" {
				iw.run("", lvl.Trailer)
				iw.tab("")
			}
			iw.text(t, what)
		}
		if !numbered && u.Numbered && u.Label != "" {
			label := func() { iw.run("", u.Label) }
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
	for _, c := range u.Children {
		iw.unit(c)
	}
}

// unitStyle returns the paragraph style of u and the text it shows.
func (iw *instrumentWriter) unitStyle(u *model.Unit) (style, what string, t model.Text) {
	switch {
	case u.Depth == 0:
		return headingStyle(0), "heading of section " + u.ID, u.Heading
	case u.Depth == 1 && !u.Numbered:
		return styleUnnumbered, "clause " + u.ID, u.Text
	case u.Depth == 1:
		return styleParagraph, "clause " + u.ID, u.Text
	}
	return itemStyle(u.Depth), "clause " + u.ID, u.Text
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
