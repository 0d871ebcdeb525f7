package schema

import "github.com/chancery-dev/chancery/internal/load"

func documentSchema() object {
	s := fieldsOf("", object{
		"id":     ref("id"),
		"status": described("draft: DRAFT marking, inserts keep their labels; final: signature-ready", object{"type": "string", "enum": strs([]string{"draft", "final"})}),
		"languages": described("the languages the document is built in", object{
			"type": "array", "minItems": 1, "uniqueItems": true,
			"items": object{"type": "string", "enum": strs(load.Languages())},
		}),
		"issuer":         textOf("issuing body, for metadata"),
		"subject":        textOf("short title, for metadata"),
		"title":          listOf("title block lines, without the DRAFT line", ref("text")),
		"parties":        listOf("the participants, in order", ref("party")),
		"parties_intro":  textOf(`"THIS MEMORANDUM OF UNDERSTANDING ... BETWEEN"`),
		"parties_joiner": textOf(`"and"`),
		"parties_outro":  textOf(`"hereinafter collectively referred to as ..."`),
		"parts": described("the part files, in order", object{
			"type": "array", "uniqueItems": true,
			"items": object{"type": "string", "pattern": partPattern},
		}),
		"closing":   textOf(`"IN WITNESS WHEREOF, ..."`),
		"signature": listOf("lines under each party's column: signature, date, place", object{"type": "string"}),
		"numbering": ref("numbering"),
		"aliases": described("old ids that still work, mapped to the ids they now go by", object{
			"type": "object", "propertyNames": ref("id"), "additionalProperties": ref("id"),
		}),
	}, "id", "languages", "parts")
	s["title"] = "chancery document (document.yaml)"
	return s
}

func sectionSchema() object {
	s := fieldsOf("", object{
		"section":           described("the section's id", ref("id")),
		"heading":           textOf("the section's heading"),
		"numbered":          boolean("false for an unnumbered section"),
		"paragraphs":        listOf("the section's paragraphs", ref("unit")),
		"paragraphs_scheme": str("numbering scheme of the paragraphs"),
		"suppress":          ref("suppress"),
	}, "section", "heading")
	s["title"] = "chancery section part"
	return s
}

func preambleSchema() object {
	s := fieldsOf("", object{
		"recitals":   listOf("the preambular paragraphs", ref("recital")),
		"transition": textOf(`"NOW, THEREFORE, the Participants ... as follows:"`),
	})
	s["minProperties"] = 1
	s["title"] = "chancery preamble part"
	return s
}

func sourceSchema() object {
	s := fieldsOf("", object{
		"id":     ref("id"),
		"title":  textOf("the source's title"),
		"levels": listOf("the term of each depth: pillar, paragraph", object{"type": "string"}),
		"units":  listOf("the source's numbered units", ref("sourceUnit")),
	}, "id", "title", "levels", "units")
	s["title"] = "chancery source document (clauses/sources/<id>.yaml)"
	return s
}
