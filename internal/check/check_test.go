package check_test

import (
	"strings"
	"testing"
)

// para is a paragraph whose texts are single-quoted scalars on the lines
// after "text:", so they start at column 12.
func para(id, extra, en, ru string) string {
	return "  - id: " + id + "\n" + extra + "    text:\n      en: '" + en + "'\n      ru: '" + ru + "'\n"
}

const sourceAt = "\tthe source paragraph is at clauses/sources/poa.yaml:9:15\n"

func TestVerbatim(t *testing.T) {
	tests := []struct {
		name, part, want string
	}{
		{"exact quote", aligned("exact", srcEN, srcRU), ""},
		{"a word changed", aligned("exact", strings.Replace(srcEN, "cryptocurrencies", "crypto-assets", 1), srcRU),
			"clauses/t/01.yaml:7:133: error: areas.aml (en) is not a verbatim quote of poa II.3: -cryptocurrencies +crypto-assets [verbatim]\n" + sourceAt},
		{"straight quote for a curly one", aligned("exact", strings.Replace(srcEN, "“", `"`, 1), srcRU),
			"clauses/t/01.yaml:7:25: error: areas.aml (en) is not a verbatim quote of poa II.3: -“international +\"international [verbatim]\n" +
				"\t“ (U+201C) in the source, \" (U+0022) here: a different quote mark\n" + sourceAt},
		{"double space folds", aligned("exact", strings.Replace(srcEN, "money laundering", "money  laundering", 1), srcRU), ""},
		{"line break and tab fold", aligned("exact", strings.Replace(srcEN, " the financing", "\t the financing", 1), srcRU), ""},
		{"NFD й folds", aligned("exact", srcEN, strings.ReplaceAll(srcRU, "й", "и\u0306")), ""},
		{"Cyrillic а in an English word", aligned("exact", strings.Replace(srcEN, "laundering", "lаundering", 1), srcRU),
			"clauses/t/01.yaml:7:72: warning: \"lаundering\" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) at column 72 [mixed-script]\n" +
				"\ttype Latin a (U+0061) instead, which looks the same\n" +
				"clauses/t/01.yaml:7:72: error: areas.aml (en) is not a verbatim quote of poa II.3: -laundering, +lаundering, [verbatim]\n" +
				"\tLatin a (U+0061) in the source, Cyrillic а (U+0430) here: a look-alike letter from another script\n" + sourceAt},
		{"Latin i in a Russian word", aligned("exact", srcEN, strings.Replace(srcRU, "использование", "иcпользование", 1)),
			"clauses/t/01.yaml:8:115: warning: \"иcпользование\" mixes Cyrillic and Latin letters: Latin c (U+0063) at column 115 [mixed-script]\n" +
				"\ttype Cyrillic с (U+0441) instead, which looks the same\n" +
				"clauses/t/01.yaml:8:115: error: areas.aml (ru) is not a verbatim quote of poa II.3: -использование +иcпользование [verbatim]\n" +
				"\tCyrillic с (U+0441) in the source, Latin c (U+0063) here: a look-alike letter from another script\n" +
				"\tthe source paragraph is at clauses/sources/poa.yaml:10:15\n"},
		{"letter case", aligned("exact", strings.Replace(srcEN, "Implementing", "implementing", 1), srcRU),
			"clauses/t/01.yaml:7:12: error: areas.aml (en) is not a verbatim quote of poa II.3: -Implementing +implementing [verbatim]\n" +
				"\tLatin I (U+0049) in the source, Latin i (U+0069) here: letter case\n" + sourceAt},
		{"missing comma", aligned("exact", strings.Replace(srcEN, "laundering,", "laundering", 1), srcRU),
			"clauses/t/01.yaml:7:81: error: areas.aml (en) is not a verbatim quote of poa II.3: -laundering, +laundering [verbatim]\n" +
				"\t, (U+002C) in the source, missing here\n" + sourceAt},
		{"a dash for a space", aligned("exact", strings.Replace(srcEN, "money laundering", "money–laundering", 1), srcRU),
			"clauses/t/01.yaml:7:70: error: areas.aml (en) is not a verbatim quote of poa II.3: -money -laundering, +money–laundering, [verbatim]\n" +
				"\twhite space (U+0020) in the source, – (U+2013) here\n" + sourceAt},
		{"a word missing", aligned("exact", strings.Replace(srcEN, "money laundering", "laundering", 1), srcRU),
			"clauses/t/01.yaml:7:65: error: areas.aml (en) is not a verbatim quote of poa II.3: -money [verbatim]\n" + sourceAt},
		{"exact that is only a part", aligned("exact", "the financing of terrorism", "финансированию терроризма"),
			"clauses/t/01.yaml:7:12: error: areas.aml (en) is not a verbatim quote of poa II.3: -Implementing -“international -standards” -on -countering -money -laundering, | -and -the -usage -of -cryptocurrencies -for -financing -terrorism; [verbatim]\n" +
				"\tthe clause quotes part of the paragraph: write mode: excerpt\n" + sourceAt +
				"clauses/t/01.yaml:8:12: error: areas.aml (ru) is not a verbatim quote of poa II.3: -Внедрение -международной -практики -противодействия -отмыванию -денег -и | -терроризма, -включая -использование -криптовалют; +терроризма [verbatim]\n" +
				"\tthe clause quotes part of the paragraph: write mode: excerpt\n" +
				"\tthe source paragraph is at clauses/sources/poa.yaml:10:15\n"},
		{"excerpt", aligned("excerpt", "the financing of terrorism", "финансированию терроризма"), ""},
		{"excerpt changed", aligned("excerpt", "the financing of violent terrorism", "финансированию терроризма"),
			"clauses/t/01.yaml:7:29: error: areas.aml (en) is not a verbatim quote of poa II.3: +violent [verbatim]\n" + sourceAt},
		{"excerpt with a quotation", aligned("excerpt", "the Participants apply “international standards” as agreed", "финансированию терроризма"), ""},
		{"excerpt with a quotation changed", aligned("excerpt", "the Participants apply “international norms” as agreed", "финансированию терроризма"),
			"clauses/t/01.yaml:7:50: error: areas.aml (en) quotes “international norms”, which is not in poa II.3: -standards” +norms” [verbatim]\n" + sourceAt},
		{"excerpt quoting words the source has without marks", aligned("excerpt", "the Participants apply “countering money trafficking” as agreed", "финансированию терроризма"),
			"clauses/t/01.yaml:7:53: error: areas.aml (en) quotes “countering money trafficking”, which is not in poa II.3: -laundering, +trafficking [verbatim]\n" + sourceAt},
		{"a soft hyphen", aligned("exact", strings.Replace(srcEN, "cryptocurrencies", "crypto\u00adcurrencies", 1), srcRU),
			"clauses/t/01.yaml:7:133: error: areas.aml (en) is not a verbatim quote of poa II.3: -cryptocurrencies +crypto\u00adcurrencies [verbatim]\n" +
				"\tnot in the source, U+00AD SOFT HYPHEN here\n" + sourceAt},
		{"every difference", aligned("exact", strings.Replace(strings.Replace(srcEN, "cryptocurrencies", "crypto-assets", 1), "Implementing", "Applying", 1), srcRU),
			"clauses/t/01.yaml:7:12: error: areas.aml (en) is not a verbatim quote of poa II.3: -Implementing +Applying | -cryptocurrencies +crypto-assets [verbatim]\n" + sourceAt},
		{"excerpt with a guillemet quotation", aligned("excerpt", srcEN, "Стороны применяют «международной практики» в полном объёме"), ""},
		{"unknown source", section("  - id: areas.a\n    aligned: {source: poa2, at: II.3}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: unknown source document \"poa2\" [unknown-source]\n\tdid you mean poa?\n"},
		{"unknown path", section("  - id: areas.a\n    aligned: {source: poa, at: II.4}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: source poa has no unit \"II.4\" [unknown-source-unit]\n\tdid you mean II.3, II?\n"},
		{"a unit with no text", section("  - id: areas.a\n    aligned: {source: poa, at: II}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: poa II has no text to quote [unknown-source-unit]\n\talign the clause with one of its paragraphs: II.3\n"},
		{"a text over several lines reports at the scalar", section("  - id: areas.a\n    aligned: {source: poa, at: II.3}\n    text:\n      en: |\n        " +
			"Implementing “international standards” on countering\n        money laundering, the financing of terrorism and the usage of crypto-assets for financing terrorism;\n" +
			"      ru: '" + srcRU + "'\n"),
			"clauses/t/01.yaml:7:11: error: areas.a (en) is not a verbatim quote of poa II.3: -cryptocurrencies +crypto-assets [verbatim]\n" + sourceAt},
		{"suppressed", section("  - id: areas.aml\n    aligned: {source: poa, at: II.3}\n    suppress: [{check: verbatim, reason: the Plan of Action's typo is corrected}]\n" +
			"    text: {en: 'Implementing the standards', ru: '" + srcRU + "'}\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), false)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestDraftChecks(t *testing.T) {
	const bracketHint = "\tagree the wording and remove the brackets; a final build (--final) fails on them\n"
	const finalBracketHint = "\tagree the wording and remove the brackets before signature\n"
	insert := section(para("areas.a", "", "A.", "А.") + para("areas.b", "    insert: bis\n", "B.", "Б."))
	tests := []struct {
		name  string
		part  string
		final bool
		want  string
	}{
		{"brackets", section(para("areas.term", "", "for a period of [five] years", "на срок [пять] лет")), false,
			"clauses/t/01.yaml:6:28: warning: wording in square brackets is not agreed yet: \"[five]\" [brackets]\n" + bracketHint +
				"clauses/t/01.yaml:7:20: warning: wording in square brackets is not agreed yet: \"[пять]\" [brackets]\n" + bracketHint},
		{"brackets, final", section(para("areas.term", "", "for a period of [five] years", "на срок [пять] лет")), true,
			"clauses/t/01.yaml:6:28: error: wording in square brackets is not agreed yet: \"[five]\" [brackets]\n" + finalBracketHint +
				"clauses/t/01.yaml:7:20: error: wording in square brackets is not agreed yet: \"[пять]\" [brackets]\n" + finalBracketHint},
		{"brackets that do not pair", section(para("areas.term", "", "for a period of [five years", "на срок пять] лет")), false,
			"clauses/t/01.yaml:6:28: warning: [ is opened but never closed: \"[five years\" [brackets]\n\tclose the bracket after the unagreed wording\n" +
				"clauses/t/01.yaml:7:24: warning: ] closes no [ [brackets]\n\tremove the stray bracket, or bracket the whole unagreed wording\n"},
		{"nested brackets report once", section(para("areas.term", "", "for [a period of [five] years]", "на срок лет")), false,
			"clauses/t/01.yaml:6:16: warning: wording in square brackets is not agreed yet: \"[a period of [five] years]\" [brackets]\n" + bracketHint},
		{"bracket after an escape", section(para("areas.a", "", `\*a\* [b]`, "б")), false,
			"clauses/t/01.yaml:6:18: warning: wording in square brackets is not agreed yet: \"[b]\" [brackets]\n" + bracketHint},
		{"bracket after a reference", section(para("areas.a", "", "A.", "А.") + para("areas.b", "", "per {ref:areas.a} [c]", "б")), false,
			"clauses/t/01.yaml:10:30: warning: wording in square brackets is not agreed yet: \"[c]\" [brackets]\n" + bracketHint},
		{"placeholder", section(para("areas.term", "", "signed on {fill:date}", "подписано {fill:дата}")), false,
			"clauses/t/01.yaml:6:22: warning: placeholder {fill:date} is not filled in [placeholder]\n\treplace it with the text; a final build (--final) fails on it\n" +
				"clauses/t/01.yaml:7:22: warning: placeholder {fill:дата} is not filled in [placeholder]\n\treplace it with the text; a final build (--final) fails on it\n"},
		{"placeholder, final", section(para("areas.term", "", "signed on {fill:date}", "подписано {fill:дата}")), true,
			"clauses/t/01.yaml:6:22: error: placeholder {fill:date} is not filled in [placeholder]\n\treplace it with the text\n" +
				"clauses/t/01.yaml:7:22: error: placeholder {fill:дата} is not filled in [placeholder]\n\treplace it with the text\n"},
		{"insert", insert, false,
			"clauses/t/01.yaml:8:5: warning: areas.b is still a negotiation insert, numbered 1.1 bis [insert]\n" +
				"\ta final build (--final) folds it into the numbering; once the wording is agreed, remove insert: from it\n"},
		{"insert, final: folded by the numbering", insert, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), tt.final)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestMixedScript(t *testing.T) {
	tests := []struct{ name, part, want string }{
		{"Latin i in Kazakh", section(para("areas.kk", "", "the Келiсiм text", "Соглашение Келiсiм")),
			"clauses/t/01.yaml:6:19: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 19 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n" +
				"clauses/t/01.yaml:7:26: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 26 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n"},
		{"Cyrillic а in English", section(para("areas.en", "", "the Pаrticipants", "Стороны")),
			"clauses/t/01.yaml:6:17: warning: \"Pаrticipants\" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) at column 17 [mixed-script]\n" +
				"\ttype Latin a (U+0061) instead, which looks the same\n"},
		{"a tie goes by the language", section(para("areas.tie", "", "the Жx word", "Стороны")),
			"clauses/t/01.yaml:6:16: warning: \"Жx\" mixes Latin and Cyrillic letters: Cyrillic Ж (U+0416) at column 16 [mixed-script]\n" +
				"\tretype the word in one script\n"},
		{"whole words in another script are fine", section(para("areas.ok", "", "the Келісім (Agreement), COVID-19", "Соглашение (Agreement)")), ""},
		{"in a heading", "section: areas\nheading: {en: Аreas, ru: Области}\nparagraphs:\n" + para("areas.a", "", "A.", "А."),
			"clauses/t/01.yaml:2:15: warning: \"Аreas\" mixes Latin and Cyrillic letters: Cyrillic А (U+0410) at column 15 [mixed-script]\n" +
				"\ttype Latin A (U+0041) instead, which looks the same\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), false)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSuppress(t *testing.T) {
	insert := func(suppress string) string {
		return section(para("areas.a", "", "A.", "А.") + para("areas.b", "    insert: bis\n"+suppress, "B.", "Б."))
	}
	tests := []struct {
		name  string
		part  string
		final bool
		want  string
	}{
		{"silences its check in its clause", section(para("areas.kk", "    suppress:\n      - {check: mixed-script, reason: the title as printed in the original}\n", "the Келiсiм text", "Соглашение")), false, ""},
		{"only its check", section(para("areas.kk", "    suppress:\n      - {check: brackets, reason: kept as in the original}\n", "the Келiсiм [text]", "Соглашение")), false,
			"clauses/t/01.yaml:8:19: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 19 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n"},
		{"only its clause", section(para("areas.a", "    suppress: [{check: brackets, reason: kept as in the original}]\n", "[a]", "а") + para("areas.b", "", "[b]", "б")), false,
			"clauses/t/01.yaml:11:12: warning: wording in square brackets is not agreed yet: \"[b]\" [brackets]\n" +
				"\tagree the wording and remove the brackets; a final build (--final) fails on them\n"},
		{"silencing nothing", section(para("areas.kk", "    suppress:\n      - {check: mixed-script, reason: the title as printed}\n", "the text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: warning: suppression of mixed-script silences nothing in areas.kk [unused-suppression]\n" +
				"\tremove it: the check finds nothing to report here\n"},
		{"unknown check", section(para("areas.kk", "    suppress:\n      - {check: mixed-scripts, reason: the title as printed}\n", "the text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: unknown check \"mixed-scripts\" in suppress: [unknown-check]\n\tdid you mean mixed-script?\n"},
		{"blank reason", section(para("areas.kk", "    suppress:\n      - {check: brackets, reason: ' '}\n", "[the] text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: suppression of brackets gives no reason [suppress-reason]\n" +
				"\tsay why the finding is right for this clause: {check: brackets, reason: \"...\"}\n"},
		{"missing reason", section(para("areas.kk", "    suppress:\n      - {check: brackets}\n", "[the] text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: suppression lacks the required field \"reason\" [missing-field]\n"},
		{"insert in a draft", insert("    suppress: [{check: insert, reason: agreed at the second round}]\n"), false, ""},
		{"insert in a final check is not unused", insert("    suppress: [{check: insert, reason: agreed at the second round}]\n"), true, ""},
		{"on a section", "section: areas\nheading: {en: Аreas, ru: Области}\nsuppress: [{check: mixed-script, reason: as printed}]\nparagraphs:\n" + para("areas.a", "", "A.", "А."), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), tt.final)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// What load and xref report is not reported again.
func TestNoDuplicates(t *testing.T) {
	tests := []struct{ name, part, want string }{
		{"a clause missing a language", section("  - id: areas.a\n    text: {en: A.}\n"),
			"clauses/t/01.yaml:5:16: error: clause areas.a has no ru text, and the document is built in en, ru [missing-language]\n" +
				"\tadd ru: to this text, or remove ru from the document's languages\n"},
		{"an aligned clause missing a language", section("  - id: areas.a\n    aligned: {source: poa, at: II.3}\n    text: {en: '" + srcEN + "'}\n"),
			"clauses/t/01.yaml:6:16: error: clause areas.a has no ru text, and the document is built in en, ru [missing-language]\n" +
				"\tadd ru: to this text, or remove ru from the document's languages\n"},
		{"a reference to a missing id", section(para("areas.a", "", "see {ref:areas.x}", "см. {ref:areas.x}")),
			"clauses/t/01.yaml:6:16: error: unknown reference \"areas.x\" [unknown-ref]\n\tdid you mean areas.a, areas?\n" +
				"clauses/t/01.yaml:7:16: error: unknown reference \"areas.x\" [unknown-ref]\n\tdid you mean areas.a, areas?\n"},
		{"an id defined twice", section(para("areas.a", "", "A.", "А.") + para("areas.a", "", "B.", "Б.")),
			"clauses/t/01.yaml:8:5: error: id \"areas.a\" is defined twice [duplicate-id]\n\tfirst defined at clauses/t/01.yaml:4:5; ids must be unique in a document\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), false)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
