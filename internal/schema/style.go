package schema

import house "github.com/chancery-dev/chancery/internal/style"

// length is a length with its unit, as package style reads it.
func length(desc string) object {
	return described(desc, object{"type": "string", "pattern": `^\s*[0-9]+(\.[0-9]+)?\s*(mm|cm|in|pt)$`})
}

// styleSchema describes a house style, templates/<style>/style.yaml, as
// package style reads it. That font files exist is checked when the style
// is read.
func styleSchema() object {
	faces := object{}
	for _, f := range house.Faces() {
		faces[f] = described("a .ttf or .otf file, relative to the style's directory", object{"type": "string", "pattern": `\.([tT][tT][fF]|[oO][tT][fF])$`})
	}
	return fieldsOf("", object{
		"description": str("what the style is for (shown by chancery init)"),
		"default_for": described("the kinds of document chancery init uses the style for", object{"type": "array", "items": object{"type": "string"}}),
		"numbering":   str("the numbering block chancery init writes into a new document.yaml"),
		"page": fieldsOf("the page", object{
			"size": described("the paper size", object{"type": "string", "enum": strs(house.PageSizes())}),
			"margins": fieldsOf("the margins", object{
				"top":    length("top margin: 25mm"),
				"bottom": length("bottom margin: 22mm"),
				"left":   length("left margin: 25mm"),
				"right":  length("right margin: 25mm"),
			}),
			"binding":    length("added to the left margin for binding: 5mm"),
			"column_gap": length("between the language columns of a parallel edition: 8mm"),
			"header":     length("from the top edge to the header: 12.5mm"),
			"footer":     length("from the bottom edge to the footer: 10mm"),
		}),
		"type": fieldsOf("the body type", object{
			"body": described("the body size in points: 12pt", object{"anyOf": []any{
				object{"type": "number"},
				object{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?(pt)?$`},
			}}),
			"leading":       length("the distance between baselines: 13.8pt"),
			"justify":       boolean("body text flush at both edges (true) or flush left (false)"),
			"line_breaking": described("how paragraphs break into lines: first_fit as Word and LibreOffice do, or total_fit (most even spacing)", object{"type": "string", "enum": strs([]string{house.BreakFirstFit, house.BreakTotalFit})}),
			"widows":        lines("the fewest lines of a paragraph carried to a new page: 2"),
			"orphans":       lines("the fewest lines of a paragraph left at the foot of a page: 2"),
		}),
		"spacing": fieldsOf("vertical spacing", object{
			"paragraph":   length("between paragraphs: 8pt"),
			"heading":     length("above a section heading: 16pt"),
			"title":       length("between title lines: 4pt"),
			"after_title": length("after the title block: 18pt"),
		}),
		"indents": fieldsOf("the label column of numbered units", object{
			"label_column": length("the narrowest label column: 12.5mm"),
			"label_gutter": length("between the widest label and its text: 3mm"),
			"label_rule":   described("widest: a depth's label column fits its widest label plus the gutter; fixed: the column's width", object{"type": "string", "enum": strs([]string{house.LabelWidest, house.LabelFixed})}),
			"levels": described("the indents of each depth, from 0 (sections), 1 (paragraphs), 2 (items) on", object{"type": "array", "items": fieldsOf("the indents of one depth", object{
				"hanging":    length("the label column of the depth (instead of label_column): 12.5mm"),
				"first_line": length("the first-line indent of the depth's unnumbered paragraphs: 12.5mm"),
			})}),
		}),
		"fonts":           fieldsOf("the project's font files by face (Liberation Serif when absent)", faces),
		"headers_footers": headersFootersSchema(),
		"footnotes":       footnotesSchema(),
		// Forms of correspondence (correspondence.go).
		"correspondence": correspondenceSchema(),
	})
}

// headersFootersSchema describes headers_footers: per kind of document,
// the header and footer of every page, the first and the following ones.
func headersFootersSchema() object {
	tmpl := func(where string) object {
		return described("a template at the "+where+": text with {page}, {total}, {marking} or a word of the language data such as {page-of}",
			object{"type": "string"})
	}
	line := func(desc string) object {
		return fieldsOf(desc, object{
			"left":   tmpl("left"),
			"center": tmpl("centre"),
			"right":  tmpl("right"),
			"bold":   boolean("set the line in bold"),
		})
	}
	band := func(desc string) object {
		return fieldsOf(desc, object{"header": line("the header"), "footer": line("the footer")})
	}
	props := object{"size": described("the type size of headers and footers in points: 10pt", object{"anyOf": []any{
		object{"type": "number"},
		object{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?(pt)?$`},
	}})}
	for _, kind := range house.Kinds() {
		props[kind] = fieldsOf("the pages of a document of this kind (replaces the built-in ones)", object{
			"all":       band("every page"),
			"first":     band("the first page (over all)"),
			"following": band("the pages after the first (over all)"),
		})
	}
	return fieldsOf("headers and footers by kind of document and page range", props)
}

// lines is a count of lines, 1 to 9.
func lines(desc string) object {
	return described(desc, object{"type": "integer", "minimum": 1, "maximum": 9})
}
