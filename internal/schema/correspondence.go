package schema

import house "github.com/chancery-dev/chancery/internal/style"

// leading is a line spacing: a length, or a multiple of the style's
// leading.
func leading(desc string) object {
	return described(desc, object{"anyOf": []any{
		object{"type": "number", "minimum": 0, "maximum": 10},
		object{"type": "string", "pattern": `^\s*[0-9]+(\.[0-9]+)?\s*(mm|cm|in|pt)?$`},
	}})
}

// blockFields are the fields every block of a form takes.
func blockFields() object {
	return object{
		"face":    described("the face of the block's text (markup still applies)", object{"type": "string", "enum": strs(house.BlockFaces())}),
		"align":   described("how the lines sit in the column", object{"type": "string", "enum": strs(house.BlockAligns())}),
		"size":    described("the type size in points: 9pt", object{"anyOf": []any{object{"type": "number"}, object{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?(pt)?$`}}}),
		"leading": leading("the distance between baselines: 1.5 (times the style's leading) or 18pt"),
		"indent":  length("the first-line indent of each paragraph (of each line of a lines block): 12.5mm"),
		"left":    length("the column's left edge, from the left margin: 85mm"),
		"width":   length("the column's width (default: to the right margin): 82mm"),
		"before":  length("space above the block: 12pt (of two neighbours' spaces the larger counts)"),
		"after":   length("space below the block: 12pt"),
		"gap":     length("space between the block's paragraphs, or between its letterhead's language blocks: 6pt"),
	}
}

// correspondenceSchema describes the correspondence section of a style:
// forms by name, each a page and its blocks in reading order.
func correspondenceSchema() object {
	block := blockFields()
	block["block"] = described("what the block is; its text comes from the template's {{define}} of that name (a masthead from masthead-left and masthead-right, an annex from the note's annexes)", object{"type": "string", "enum": strs(house.Blocks())})
	block["at"] = described("flow (in the text) or foot (stacked at the foot of page 1); enclosure, addressee and foot default to foot", object{"type": "string", "enum": []any{"flow", "foot"}})
	block["split"] = length("masthead: where the right column starts, from the left margin: 100mm")
	block["rule"] = length("masthead: the thickness of the rule under it: 1pt")
	block["image"] = fieldsOf("letterhead: a PNG or JPEG picture above its lines, in the block's alignment", object{
		"file":   str("the picture, relative to the style's directory: emblem.png"),
		"width":  length("its width (with height absent: in proportion): 20mm"),
		"height": length("its height: 20mm"),
	}, "file")
	block["heading"] = fieldsOf("annex: how its heading is set", blockFields())
	form := fieldsOf("a form of correspondence: its page and blocks; templates in templates/<style>/<form>/<lang>.tmpl", object{
		"margins": fieldsOf("the margins of its pages (default: the style's page margins)", object{
			"top":    length("top margin: 25mm"),
			"bottom": length("bottom margin: 22mm"),
			"left":   length("left margin: 30mm"),
			"right":  length("right margin: 15mm"),
		}),
		"first_page_top": length("room above the first block of page 1, for an emblem printed on the paper: 28mm"),
		"orphans":        described("lines of a paragraph at least left at the foot of a page", object{"type": "integer", "minimum": 0}),
		"widows":         described("lines of a paragraph at least carried to the next page", object{"type": "integer", "minimum": 0}),
		"page_numbers": fieldsOf("page numbers", object{
			"text":  described(`the number's text, {page} standing for it ({pages} for the edition's pages): "- {page} -"`, object{"type": "string", "pattern": `\{page\}`}),
			"from":  described("the first page numbered: 2", object{"type": "integer", "minimum": 1}),
			"at":    described("at the head or the foot of the page", object{"type": "string", "enum": []any{"head", "foot"}}),
			"align": described("where in the line", object{"type": "string", "enum": []any{"left", "center", "right"}}),
			"size":  described("the type size in points: 10pt", object{"anyOf": []any{object{"type": "number"}, object{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?(pt)?$`}}}),
		}),
		"blocks": listOf("the blocks in reading order; a block not listed is not printed", fieldsOf("a block", block, "block")),
	})
	return described("forms of correspondence by name (note-verbale, letter, ...): how the style lays out each kind", object{
		"type":                 "object",
		"additionalProperties": form,
	})
}
