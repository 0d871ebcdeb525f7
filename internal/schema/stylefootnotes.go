package schema

import house "github.com/chancery-dev/chancery/internal/style"

// footnotesSchema describes the footnotes: block of a house style.
func footnotesSchema() object {
	return fieldsOf("how footnotes are marked and counted", object{
		"marks": described("numbers (1, 2, 3, the default) or symbols (*, †, ‡, §, then **, ††, …, as Word's chicago format)",
			object{"type": "string", "enum": strs(house.FootnoteMarkKinds())}),
		"restart": described("document (the default: counted through the document) or page (afresh on every page of PDF and DOCX; text and HTML count through the document)",
			object{"type": "string", "enum": strs(house.FootnoteRestarts())}),
	})
}
