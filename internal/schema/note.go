package schema

import "github.com/chancery-dev/chancery/internal/load"

// noteSchema describes a note verbale, clauses/notes/<id>.yaml, as
// load.Note reads it. That the id is the file name, that every string is
// given in every language of the note, and that the template and the
// enclosed document exist are checked by chancery check.
func noteSchema() object {
	s := fieldsOf("", object{
		"id": described("the note's id, its file name without .yaml; the outputs are named after it", ref("id")),
		"languages": described("the editions, in the order of the multilingual copy", object{
			"type": "array", "minItems": 1, "uniqueItems": true,
			"items": object{"type": "string", "enum": strs(load.Languages())},
		}),
		"template": described("the form: its layout in the style's correspondence section, its templates in templates/<style>/<template>/<language>.tmpl (or templates/<template>/<language>.tmpl)", ref("id")),
		"style":    described("the house style the note is set in (templates/<style>/style.yaml); the project's default when absent", ref("id")),
		"fields": described("further facts the templates print by name, {{.Fields.NAME}}: a text in every language, or one per language", object{
			"type": "object",
			"additionalProperties": object{"anyOf": []any{
				object{"type": "string"},
				ref("noteText"),
			}},
		}),
		"annexes": listOf("annexes set after the note, each from a new page", fieldsOf("an annex", object{
			"heading": described("the annex's heading, one line per line (template source; **bold**, *italic*)", ref("noteTemplate")),
			"body":    listOf("the annex's paragraphs (template source)", ref("noteTemplate")),
		}, "heading")),
		"number": described("the note's number: ABC/12/345", ref("textValue")),
		"date":   described("the note's date", ref("date")),
		"place":  described("where the note is signed: {en: Vienna, ru: город Вена}", ref("noteText")),
		"issuer": fieldsOf("who sends the note", object{
			"letterhead": described("the letterhead, language by language in the order printed on every edition: {en: [LINE, LINE], ru: [LINE]}", object{
				"type":                 "object",
				"properties":           letterheadLangs(),
				"additionalProperties": false,
			}),
			"name":  described("the subject of the opening formula: The Secretariat of ...", ref("noteText")),
			"short": described("the subject of the closing formula: The Secretariat", ref("noteText")),
		}, "name", "short"),
		"addressee": fieldsOf("to whom the note is addressed", object{
			"name":  described("the addressee block, upper-cased by the template", ref("noteText")),
			"short": described("as the courtesy formulas name it (Russian and Kazakh: in the dative)", ref("noteText")),
		}, "name", "short"),
		"refers_to": fieldsOf("the earlier note this one refers to", object{
			"number": described("its number", ref("textValue")),
			"date":   described("its date", ref("date")),
		}, "number", "date"),
		"enclosure": fieldsOf("what is sent with the note: a document of the project, whose pages are counted, or something chancery does not build, by title and stated page count", object{
			"document": described("the document's id", ref("id")),
			"language": described("the language of the copy whose pages are counted (default: the document's first)",
				object{"type": "string", "enum": strs(load.Languages())}),
			"title": described("the title of an enclosure chancery does not build: {{.Enclosure.Title}}", ref("noteText")),
			"pages": described("its stated number of pages: {{pages}}", object{"type": "integer", "minimum": 1}),
		}),
		"deadline": described("a date the note asks something by: {{date .Deadline}}", ref("date")),
		"purpose":  described(`what the issuer "has the honour to" do`, ref("noteTemplate")),
		"body":     listOf("the paragraphs between the opening and the closing formula", ref("noteTemplate")),
		"subject":  described("the subject of the files' metadata (plain text)", ref("noteText")),
	}, "id", "languages", "template", "number", "date", "place", "issuer", "addressee")
	// An enclosure is a document of the project, or given by title and
	// page count.
	enc := s["properties"].(object)["enclosure"].(object)
	enc["anyOf"] = []any{object{"required": []any{"document"}}, object{"required": []any{"title", "pages"}}}
	s["title"] = "chancery note verbale (clauses/notes/<id>.yaml)"
	return s
}

// letterheadLangs maps every language to a list of letterhead lines.
func letterheadLangs() object {
	out := object{}
	for _, l := range load.Languages() {
		out[l] = listOf("the letterhead's lines in this language", object{"type": "string"})
	}
	return out
}
