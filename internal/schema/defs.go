package schema

import (
	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
)

// Patterns load checks (kept in step with internal/load).
const (
	idPattern   = `^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$`
	partPattern = `^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$`
	// nonBlank: load refuses a text that is empty or only white space.
	nonBlank = `\S`
	// datePattern: load parses dates as time.DateOnly, which also refuses
	// days a month does not have.
	datePattern = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
)

// defs returns every shared definition, by name; a kind's schema carries
// those it refers to.
func defs() object {
	langs := object{}
	for _, l := range load.Languages() {
		langs[l] = ref("textValue")
	}
	fingerprints := object{}
	for _, l := range load.Languages() {
		fingerprints[l] = object{"type": "string", "pattern": "^[0-9a-f]+$"}
	}
	return object{
		"id": described("a stable id: lower-case letters, digits and hyphens, in dot-separated words (areas.basis)",
			object{"type": "string", "pattern": idPattern}),
		"text": described("a text per language: {en: ..., ru: ...}; inline markup: *italic*, **bold**, {ref:id}, {fill:name}, {fn:footnote}, {link:URL|text}, {originals}, {languages} (with a case: {originals|gen})",
			object{"type": "object", "properties": langs, "additionalProperties": false}),
		"textValue": described("the text in one language; not empty",
			object{"type": []any{"string", "number"}, "pattern": nonBlank}),
		"party":     partyDef(),
		"numbering": numberingDef(),
		"bullet":    bulletDef(),
		"field":     fieldDef(),
		"scheme":    schemeDef(),
		"unit":      unitDef(),
		"aligned":   alignedDef(),
		"suppress":  suppressDef(),
		"translated": described("per translated language, the fingerprint of the base-language text the translation translates; chancery translate confirm writes it",
			object{"type": "object", "properties": fingerprints, "additionalProperties": false}),
		"recital": fieldsOf("a preambular paragraph", object{
			"id":   ref("id"),
			"lead": textOf("the lead word: WHEREAS, CONSIDERING, REAFFIRMING"),
			"text": textOf("the recital's text"),
		}, "text"),
		"noteText": described("a string per language: {en: ..., ru: ...}; plain, without inline markup",
			object{"type": "object", "properties": langs, "additionalProperties": false}),
		"noteTemplate": described("template source per language, run with the note's template functions: {{ref \"areas.basis\" \"dat\"}}, {{date .Deadline}}",
			object{"type": "object", "properties": langs, "additionalProperties": false}),
		"date": described("a calendar date, YYYY-MM-DD", object{"type": "string", "pattern": datePattern}),
		"sourceUnit": fieldsOf("a numbered part of the source", object{
			"number": described("its number as the source gives it: II, 3", object{"type": []any{"string", "number"}}),
			"text":   textOf("its text, as the source words it"),
			"units":  listOf("the units inside it", ref("sourceUnit")),
		}, "number"),
	}
}

func partyDef() object {
	return fieldsOf("a participant of the instrument", object{
		"id":          ref("id"),
		"name":        textOf("full name"),
		"description": textOf("the party's paragraph in the parties block"),
		"for":         textOf(`the line over its signature: "For the ...:"`),
		"signatory":   textOf("who signs"),
		"office":      textOf("the signatory's title"),
	}, "id", "name", "description")
}

func numberingDef() object {
	return fieldsOf("the document's numbering: named schemes, and the scheme of each depth", object{
		"schemes": described("schemes by name", object{"type": "object", "additionalProperties": ref("scheme")}),
		"levels":  described("the scheme of each depth, sections first; the last repeats", object{"type": "array", "items": object{"type": "string"}, "minItems": 2}),
		"bullets": listOf(`the bullet of each level of bullet lists; the last repeats (default: "•", "–")`, object{"type": "string", "pattern": nonBlank}),
	}, "schemes", "levels")
}

func bulletDef() object {
	return fieldsOf("an item of a bullet list: not numbered, not cited", object{
		"id":       ref("id"),
		"text":     textOf("the item's text"),
		"bullets":  listOf("a bullet list under this item", ref("bullet")),
		"suppress": ref("suppress"),
	}, "text")
}

func fieldDef() object {
	return fieldsOf("a labelled field under the title", object{
		"label": textOf(`the label: "Date and Venue:"`),
		"value": described("the value: a text, or a list of texts printed one under the other", object{"oneOf": []any{
			ref("text"),
			object{"type": "array", "minItems": 1, "items": ref("text")},
		}}),
	}, "label", "value")
}

func schemeDef() object {
	return fieldsOf("how units of one kind are numbered and cited; patterns use {n} {n:i} {n:I} {n:a} {n:A} {up}, and {x} in insert", object{
		"label":          str(`printed before the text: "{up}.{n}"`),
		"labels":         labelsDef(),
		"ref":            str("used in citations (default: label)"),
		"insert":         str(`labels a negotiation insert: "({n:i}) ({x})"`),
		"term":           str("the term the unit is cited with: paragraph, sub-paragraph"),
		"container_term": str("the term when cited as the container of a cited item"),
	}, "label", "term")
}

// labelsDef is a scheme's label pattern per language.
func labelsDef() object {
	langs := object{}
	for _, l := range load.Languages() {
		langs[l] = object{"type": "string"}
	}
	return described(`the label printed in these languages instead of label: {ru: "{n}.", kk: "{n}."}; citations keep ref`,
		object{"type": "object", "properties": langs, "additionalProperties": false})
}

func unitDef() object {
	return fieldsOf("a paragraph or item", object{
		"id":           ref("id"),
		"text":         textOf("the clause's text"),
		"numbered":     boolean("false for an unnumbered paragraph"),
		"items_scheme": str("numbering scheme of this unit's items"),
		"items":        listOf("the unit's items", ref("unit")),
		"bullets":      listOf("a bullet list under the unit, in place of items", ref("bullet")),
		"insert": described("a negotiation insert after its predecessor: true, or the suffix it must have",
			object{"oneOf": []any{
				object{"type": "boolean"},
				object{"type": "string", "enum": strs(model.InsertSuffixes())},
			}}),
		"aligned":    ref("aligned"),
		"suppress":   ref("suppress"),
		"translated": ref("translated"),
	}, "text")
}

func alignedDef() object {
	return fieldsOf("the source paragraph this clause quotes, which chancery check compares it with", object{
		"source": ref("id"),
		"at":     described("dotted path of the paragraph in the source: II.3", object{"type": []any{"string", "number"}}),
		"mode":   described("exact: the whole paragraph; excerpt: a part of it, or its quotations", object{"type": "string", "enum": strs([]string{"exact", "excerpt"})}),
	}, "source", "at")
}

func suppressDef() object {
	return listOf("checks silenced for this unit alone, each with its reason",
		fieldsOf("", object{
			"check":  described("the check to silence", object{"type": "string", "enum": strs(check.Names())}),
			"reason": described("why the finding is right here", object{"type": "string", "pattern": nonBlank}),
		}, "check", "reason"))
}
