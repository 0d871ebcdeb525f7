package docx

// wordLang maps a chancery language tag to the tag Word files text under
// (w:lang, dc:language): the language with the region whose conventions
// the drafting follows.
func wordLang(tag string) string {
	switch tag {
	case "en":
		return "en-GB"
	case "ru":
		return "ru-RU"
	case "kk":
		return "kk-KZ"
	}
	return tag
}
