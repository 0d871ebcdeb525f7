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
		"fields":         listOf("labelled fields printed under the title", ref("field")),
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
		"final": finalDef(),
		"pdfa":  boolean("write PDF/A-2b files of drafts too (final copies always are)"),
		"style": described("the house style, templates/<style>/style.yaml (default: the project's)", ref("id")),
		"formats": described("the formats to write the document in (default: txt, pdf, docx); chancery build --formats overrides them", object{
			"type": "array", "minItems": 1, "uniqueItems": true, "items": object{"type": "string"},
		}),
		"parallel": described("parallel editions to write besides each language's (PDF, DOCX, HTML): language sets joined by hyphens, en-ru, en-ru-kk", object{
			"type": "array", "uniqueItems": true,
			"items": object{"type": "string", "pattern": `^[a-z]{2}(-[a-z]{2})+$`},
		}),
	}, "id", "languages", "parts")
	s["title"] = "chancery document (document.yaml)"
	return s
}

// finalDef describes final:, how chancery build --final makes the
// signature-ready copies. mark needs originals, as load requires.
func finalDef() object {
	s := fieldsOf("signature-ready copies (chancery build --final); the text counts them with {originals} and names the languages with {languages}", object{
		"originals": described("how many originals are signed, from 1 to 99; {originals} writes it as a word", object{"type": "integer", "minimum": 1, "maximum": 99}),
		"mark":      boolean(`mark each original "Original 1 of 2"; needs originals`),
		"signature": listOf("the signature lines of final copies, as word keys of the language data: signature, date, place (default: signature:)", object{"type": "string"}),
		"subject":   textOf("the subject of final copies' metadata, without draft wording (default: subject:)"),
	})
	s["if"] = object{"properties": object{"mark": object{"const": true}}, "required": strs([]string{"mark"})}
	s["then"] = object{"required": strs([]string{"originals"})}
	return s
}

func sectionSchema() object {
	s := fieldsOf("", object{
		"section":           described("the section's id", ref("id")),
		"heading":           textOf("the section's heading"),
		"numbered":          boolean("false for an unnumbered section"),
		"paragraphs":        listOf("the section's paragraphs", ref("unit")),
		"paragraphs_scheme": str("numbering scheme of the paragraphs"),
		"bullets":           listOf("a bullet list in place of paragraphs", ref("bullet")),
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
