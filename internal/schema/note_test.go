package schema

import "strings"

// noteCases are notes verbales that load.Note and the note schema both
// accept or both refuse: a minimal note, a full one, and one fault each.
func noteCases() []agreeCase {
	const file = "clauses/notes/n.yaml"
	const minimal = `id: n
languages: [en, ru]
template: note-verbale
number: VRF/SEC/214
date: 2024-05-13
place: {en: Valmora, ru: город Валмора}
issuer:
  letterhead: {en: [SECRETARIAT, OF THE FORUM], ru: [СЕКРЕТАРИАТ]}
  name: {en: The Secretariat, ru: Секретариат}
  short: {en: The Secretariat, ru: Секретариат}
addressee:
  name: {en: Member States, ru: Государства-члены}
  short: {en: the Member States, ru: государствам-членам}
`
	const full = minimal + `refers_to: {number: VRF/SEC/198, date: 2024-04-18}
enclosure: {document: t, language: en}
deadline: 2024-05-27
purpose: {en: 'forward the draft', ru: 'направить проект'}
body:
  - {en: 'Comments by {{date .Deadline}} on {{ref "s.a"}}.', ru: 'Комментарии к {{ref "s.a" "dat"}}.'}
  - {en: Second., ru: Второй.}
`
	// with replaces the line of minimal starting with prefix by line.
	with := func(prefix, line string) string {
		lines := strings.Split(minimal, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				lines[i] = line
			}
		}
		return strings.Join(lines, "\n")
	}
	note := func(name, data string, ok bool) agreeCase {
		return agreeCase{"note: " + name, "note", file, data, ok}
	}
	return []agreeCase{
		note("minimal", minimal, true),
		note("full", full, true),
		note("a numeric number", with("number:", "number: 214"), true),
		note("without an addressee", strings.Split(minimal, "addressee:")[0], false),
		note("a date without leading zeros", with("date:", "date: 2024-5-13"), false),
		note("a thirteenth month", with("date:", "date: 2024-13-01"), false),
		note("a date in words", with("date:", "date: 13 May 2024"), false),
		note("a blank number", with("number:", "number: ' '"), false),
		note("no languages", with("languages:", "languages: []"), false),
		note("an unknown language", with("languages:", "languages: [en, fr]"), false),
		note("a template that is not an id", with("template:", "template: Note Verbale"), false),
		note("an unknown field", minimal+"subjekt: {en: S}\n", false),
		note("a subject", minimal+"subject: {en: S, ru: Т}\n", true),
		note("a letterhead in an unknown language", with("  letterhead:", "  letterhead: {en: [A], fr: [B]}"), false),
		note("a letterhead that is not lines", with("  letterhead:", "  letterhead: {en: A}"), false),
		note("refers_to without its date", minimal+"refers_to: {number: VRF/SEC/198}\n", false),
		note("an enclosure without its document", minimal+"enclosure: {language: en}\n", false),
		note("an enclosure by title and pages", minimal+"enclosure: {title: {en: Programme, ru: Программа}, pages: 4}\n", true),
		note("an enclosure by title without pages", minimal+"enclosure: {title: {en: Programme, ru: Программа}}\n", false),
		note("a style, fields and an annex", minimal+"style: un\nfields: {job: J-1, original: {en: Russian, ru: русский}}\nannexes:\n  - heading: {en: Annex, ru: Приложение}\n    body: [{en: Text., ru: Текст.}]\n", true),
		note("an annex without a heading", minimal+"annexes:\n  - body: [{en: Text., ru: Текст.}]\n", false),
		note("an enclosure in an unknown language", minimal+"enclosure: {document: t, language: de}\n", false),
		note("a deadline that is no date", minimal+"deadline: soon\n", false),
		note("an empty body paragraph", minimal+"body:\n  - {en: '', ru: Текст.}\n", false),
		note("a body that is one text", minimal+"body: {en: Text., ru: Текст.}\n", false),
		note("a purpose in an unknown language", minimal+"purpose: {de: Text.}\n", false),
	}
}
