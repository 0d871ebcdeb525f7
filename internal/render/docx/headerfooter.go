package docx

import "strings"

// headerXML writes a header part holding mark ("DRAFT") at the right.
func headerXML(lang, mark string) []byte {
	x := newXML()
	x.start("w:hdr", rootAttrs()...)
	tw := &textWriter{x: x, lang: lang}
	tw.paragraph(paraProps{Style: styleHeader}, func() { tw.run(styleStrong, mark) })
	x.end("w:hdr")
	return x.bytes()
}

// footerXML writes a footer part with the page number, centred, in the
// language's pattern ("Page {page} of {total}"): {page} becomes a PAGE
// field, {total} a NUMPAGES field. An empty pattern gives the page number
// alone.
func footerXML(lang, pattern string) []byte {
	x := newXML()
	x.start("w:ftr", rootAttrs()...)
	tw := &textWriter{x: x, lang: lang}
	tw.paragraph(paraProps{Style: styleFooter}, func() {
		if pattern == "" {
			tw.pageField("")
			return
		}
		for pattern != "" {
			i := strings.IndexByte(pattern, '{')
			j := strings.IndexByte(pattern, '}')
			if i < 0 || j < i {
				tw.run("", pattern)
				return
			}
			tw.run("", pattern[:i])
			switch pattern[i : j+1] {
			case "{page}":
				tw.pageField("")
			case "{total}":
				tw.field("", "NUMPAGES", "1")
			default:
				tw.run("", pattern[i:j+1])
			}
			pattern = pattern[j+1:]
		}
	})
	x.end("w:ftr")
	return x.bytes()
}
