package docx

import "github.com/chancery-dev/chancery/internal/lang"

// wordLang maps a chancery language tag to the tag Word files text under
// (w:lang, dc:language): the language with the region whose conventions
// the drafting follows, as the language's data says (word-locale).
func wordLang(tag string) string { return lang.WordLocale(tag) }
