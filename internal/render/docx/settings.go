package docx

import "strconv"

// defaultTabStop is the distance between default tab stops (1.25 cm).
const defaultTabStop = 709

// settingsXML writes word/settings.xml for a document in lang (w:lang
// form). Fields are not marked for update
// on open: their cached results are already right, and Word would ask the
// reader a question at every opening.
func settingsXML(lang string) []byte { return settingsWithNotes(lang, footnoteProps{}) }

// settingsWithNotes is settingsXML with the footnote marks of an
// instrument's style (see footnotemarks.go).
func settingsWithNotes(lang string, notes footnoteProps) []byte {
	x := newXML()
	x.start("w:settings", rootAttrs()...)
	x.empty("w:zoom", "w:percent", "100")
	x.val("w:defaultTabStop", strconv.Itoa(defaultTabStop))
	x.val("w:characterSpacingControl", "doNotCompress")
	notes.write(x)
	x.start("w:compat")
	// Word 2013 and later layout, so Word does not open the file in
	// compatibility mode.
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.end("w:compat")
	x.empty("w:themeFontLang", "w:val", lang)
	dec, list := ".", ","
	if lang == "ru-RU" || lang == "kk-KZ" {
		dec, list = ",", ";"
	}
	x.val("w:decimalSymbol", dec)
	x.val("w:listSeparator", list)
	x.end("w:settings")
	return x.bytes()
}
