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

const sourceAt = "\tthe source paragraph is at clauses/sources/cfp.yaml:9:15\n"

func TestVerbatim(t *testing.T) {
	tests := []struct {
		name, part, want string
	}{
		{"exact quote", aligned("exact", srcEN, srcRU), ""},
		{"a word changed", aligned("exact", strings.Replace(srcEN, "echosounders", "echo-locators", 1), srcRU),
			"clauses/t/01.yaml:7:125: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -echosounders +echo-locators [verbatim]\n" + sourceAt},
		{"straight quote for a curly one", aligned("exact", strings.Replace(srcEN, "“", `"`, 1), srcRU),
			"clauses/t/01.yaml:7:25: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -“common +\"common [verbatim]\n" +
				"\t“ (U+201C) in the source, \" (U+0022) here: a different quote mark\n" + sourceAt},
		{"double space folds", aligned("exact", strings.Replace(srcEN, "fish catches", "fish  catches", 1), srcRU), ""},
		{"line break and tab fold", aligned("exact", strings.Replace(srcEN, " the protection", "\t the protection", 1), srcRU), ""},
		{"NFD й folds", aligned("exact", srcEN, strings.ReplaceAll(srcRU, "й", "и\u0306")), ""},
		{"Cyrillic а in an English word", aligned("exact", strings.Replace(srcEN, "catches", "cаtches", 1), srcRU),
			"clauses/t/01.yaml:7:63: warning: \"cаtches\" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) at column 63 [mixed-script]\n" +
				"\ttype Latin a (U+0061) instead, which looks the same\n" +
				"clauses/t/01.yaml:7:63: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -catches, +cаtches, [verbatim]\n" +
				"\tLatin a (U+0061) in the source, Cyrillic а (U+0430) here: a look-alike letter from another script\n" + sourceAt},
		{"Latin i in a Russian word", aligned("exact", srcEN, strings.Replace(srcRU, "использование", "иcпользование", 1)),
			"clauses/t/01.yaml:8:102: warning: \"иcпользование\" mixes Cyrillic and Latin letters: Latin c (U+0063) at column 102 [mixed-script]\n" +
				"\ttype Cyrillic с (U+0441) instead, which looks the same\n" +
				"clauses/t/01.yaml:8:102: error: actions.sonar (ru) is not a verbatim quote of cfp IV.7: -использование +иcпользование [verbatim]\n" +
				"\tCyrillic с (U+0441) in the source, Latin c (U+0063) here: a look-alike letter from another script\n" +
				"\tthe source paragraph is at clauses/sources/cfp.yaml:10:15\n"},
		{"letter case", aligned("exact", strings.Replace(srcEN, "Establishing", "establishing", 1), srcRU),
			"clauses/t/01.yaml:7:12: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -Establishing +establishing [verbatim]\n" +
				"\tLatin E (U+0045) in the source, Latin e (U+0065) here: letter case\n" + sourceAt},
		{"missing comma", aligned("exact", strings.Replace(srcEN, "catches,", "catches", 1), srcRU),
			"clauses/t/01.yaml:7:69: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -catches, +catches [verbatim]\n" +
				"\t, (U+002C) in the source, missing here\n" + sourceAt},
		{"a dash for a space", aligned("exact", strings.Replace(srcEN, "fish catches", "fish–catches", 1), srcRU),
			"clauses/t/01.yaml:7:61: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -fish -catches, +fish–catches, [verbatim]\n" +
				"\twhite space (U+0020) in the source, – (U+2013) here\n" + sourceAt},
		{"a word missing", aligned("exact", strings.Replace(srcEN, "fish catches", "catches", 1), srcRU),
			"clauses/t/01.yaml:7:57: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -fish [verbatim]\n" + sourceAt},
		{"exact that is only a part", aligned("exact", "the protection of spawning grounds", "охраны нерестилищ"),
			"clauses/t/01.yaml:7:12: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -Establishing -“common -measures” -on -monitoring -fish -catches, | -and -the -use -of -echosounders -for -locating -shoals; [verbatim]\n" +
				"\tthe clause quotes part of the paragraph: write mode: excerpt\n" + sourceAt +
				"clauses/t/01.yaml:8:12: error: actions.sonar (ru) is not a verbatim quote of cfp IV.7: -Введение -единой -практики -наблюдения -прибрежного -рыболовства -и | -нерестилищ, -включая -использование -эхолотов; +нерестилищ [verbatim]\n" +
				"\tthe clause quotes part of the paragraph: write mode: excerpt\n" +
				"\tthe source paragraph is at clauses/sources/cfp.yaml:10:15\n"},
		{"excerpt", aligned("excerpt", "the protection of spawning grounds", "охраны нерестилищ"), ""},
		{"excerpt changed", aligned("excerpt", "the protection of natural spawning grounds", "охраны нерестилищ"),
			"clauses/t/01.yaml:7:30: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: +natural [verbatim]\n" + sourceAt},
		{"excerpt with a quotation", aligned("excerpt", "the Parties apply “common measures” as agreed", "охраны нерестилищ"), ""},
		{"excerpt with a quotation changed", aligned("excerpt", "the Parties apply “common rules” as agreed", "охраны нерестилищ"),
			"clauses/t/01.yaml:7:38: error: actions.sonar (en) quotes “common rules”, which is not in cfp IV.7: -measures” +rules” [verbatim]\n" + sourceAt},
		{"excerpt quoting words the source has without marks", aligned("excerpt", "the Parties apply “monitoring fish quotas” as agreed", "охраны нерестилищ"),
			"clauses/t/01.yaml:7:47: error: actions.sonar (en) quotes “monitoring fish quotas”, which is not in cfp IV.7: -catches, +quotas [verbatim]\n" + sourceAt},
		{"a soft hyphen", aligned("exact", strings.Replace(srcEN, "echosounders", "echo\u00adsounders", 1), srcRU),
			"clauses/t/01.yaml:7:125: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -echosounders +echo\u00adsounders [verbatim]\n" +
				"\tnot in the source, U+00AD SOFT HYPHEN here\n" + sourceAt},
		{"every difference", aligned("exact", strings.Replace(strings.Replace(srcEN, "echosounders", "echo-locators", 1), "Establishing", "Setting", 1), srcRU),
			"clauses/t/01.yaml:7:12: error: actions.sonar (en) is not a verbatim quote of cfp IV.7: -Establishing +Setting | -echosounders +echo-locators [verbatim]\n" + sourceAt},
		{"excerpt with a guillemet quotation", aligned("excerpt", srcEN, "Стороны применяют «единой практики» в полном объёме"), ""},
		{"unknown source", section("  - id: actions.a\n    aligned: {source: cfp2, at: IV.7}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: unknown source document \"cfp2\" [unknown-source]\n\tdid you mean cfp?\n"},
		{"unknown path", section("  - id: actions.a\n    aligned: {source: cfp, at: IV.8}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: source cfp has no unit \"IV.8\" [unknown-source-unit]\n\tdid you mean IV.7, IV?\n"},
		{"a unit with no text", section("  - id: actions.a\n    aligned: {source: cfp, at: IV}\n    text: {en: A., ru: А.}\n"),
			"clauses/t/01.yaml:5:14: error: cfp IV has no text to quote [unknown-source-unit]\n\talign the clause with one of its paragraphs: IV.7\n"},
		{"a text over several lines reports at the scalar", section("  - id: actions.a\n    aligned: {source: cfp, at: IV.7}\n    text:\n      en: |\n        " +
			"Establishing “common measures” on monitoring\n        fish catches, the protection of spawning grounds and the use of echo-locators for locating shoals;\n" +
			"      ru: '" + srcRU + "'\n"),
			"clauses/t/01.yaml:7:11: error: actions.a (en) is not a verbatim quote of cfp IV.7: -echosounders +echo-locators [verbatim]\n" + sourceAt},
		{"suppressed", section("  - id: actions.sonar\n    aligned: {source: cfp, at: IV.7}\n    suppress: [{check: verbatim, reason: the Protocol's typo is corrected}]\n" +
			"    text: {en: 'Establishing the measures', ru: '" + srcRU + "'}\n"), ""},
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
	insert := section(para("actions.a", "", "A.", "А.") + para("actions.b", "    insert: bis\n", "B.", "Б."))
	tests := []struct {
		name  string
		part  string
		final bool
		want  string
	}{
		{"brackets", section(para("actions.period", "", "for a period of [five] years", "на срок [пять] лет")), false,
			"clauses/t/01.yaml:6:28: warning: wording in square brackets is not agreed yet: \"[five]\" [brackets]\n" + bracketHint +
				"clauses/t/01.yaml:7:20: warning: wording in square brackets is not agreed yet: \"[пять]\" [brackets]\n" + bracketHint},
		{"brackets, final", section(para("actions.period", "", "for a period of [five] years", "на срок [пять] лет")), true,
			"clauses/t/01.yaml:6:28: error: wording in square brackets is not agreed yet: \"[five]\" [brackets]\n" + finalBracketHint +
				"clauses/t/01.yaml:7:20: error: wording in square brackets is not agreed yet: \"[пять]\" [brackets]\n" + finalBracketHint},
		{"brackets that do not pair", section(para("actions.period", "", "for a period of [five years", "на срок пять] лет")), false,
			"clauses/t/01.yaml:6:28: warning: [ is opened but never closed: \"[five years\" [brackets]\n\tclose the bracket after the unagreed wording\n" +
				"clauses/t/01.yaml:7:24: warning: ] closes no [ [brackets]\n\tremove the stray bracket, or bracket the whole unagreed wording\n"},
		{"nested brackets report once", section(para("actions.period", "", "for [a period of [five] years]", "на срок лет")), false,
			"clauses/t/01.yaml:6:16: warning: wording in square brackets is not agreed yet: \"[a period of [five] years]\" [brackets]\n" + bracketHint},
		{"bracket after an escape", section(para("actions.a", "", `\*a\* [b]`, "б")), false,
			"clauses/t/01.yaml:6:18: warning: wording in square brackets is not agreed yet: \"[b]\" [brackets]\n" + bracketHint},
		{"bracket after a reference", section(para("actions.a", "", "A.", "А.") + para("actions.b", "", "per {ref:actions.a} [c]", "б")), false,
			"clauses/t/01.yaml:10:32: warning: wording in square brackets is not agreed yet: \"[c]\" [brackets]\n" + bracketHint},
		{"placeholder", section(para("actions.period", "", "signed on {fill:date}", "подписано {fill:дата}")), false,
			"clauses/t/01.yaml:6:22: warning: placeholder {fill:date} is not filled in [placeholder]\n\treplace it with the text; a final build (--final) fails on it\n" +
				"clauses/t/01.yaml:7:22: warning: placeholder {fill:дата} is not filled in [placeholder]\n\treplace it with the text; a final build (--final) fails on it\n"},
		{"placeholder, final", section(para("actions.period", "", "signed on {fill:date}", "подписано {fill:дата}")), true,
			"clauses/t/01.yaml:6:22: error: placeholder {fill:date} is not filled in [placeholder]\n\treplace it with the text\n" +
				"clauses/t/01.yaml:7:22: error: placeholder {fill:дата} is not filled in [placeholder]\n\treplace it with the text\n"},
		{"insert", insert, false,
			"clauses/t/01.yaml:8:5: warning: actions.b is still a negotiation insert, numbered 1.1 bis [insert]\n" +
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
		{"Latin i in Kazakh", section(para("actions.kk", "", "the Келiсiм text", "Соглашение Келiсiм")),
			"clauses/t/01.yaml:6:19: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 19 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n" +
				"clauses/t/01.yaml:7:26: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 26 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n"},
		{"Cyrillic а in English", section(para("actions.en", "", "the Pаrties", "Стороны")),
			"clauses/t/01.yaml:6:17: warning: \"Pаrties\" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) at column 17 [mixed-script]\n" +
				"\ttype Latin a (U+0061) instead, which looks the same\n"},
		{"a tie goes by the language", section(para("actions.tie", "", "the Жx word", "Стороны")),
			"clauses/t/01.yaml:6:16: warning: \"Жx\" mixes Latin and Cyrillic letters: Cyrillic Ж (U+0416) at column 16 [mixed-script]\n" +
				"\tretype the word in one script\n"},
		{"whole words in another script are fine", section(para("actions.ok", "", "the Келісім (Agreement), COVID-19", "Соглашение (Agreement)")), ""},
		{"in a heading", "section: actions\nheading: {en: Аctions, ru: Действия}\nparagraphs:\n" + para("actions.a", "", "A.", "А."),
			"clauses/t/01.yaml:2:15: warning: \"Аctions\" mixes Latin and Cyrillic letters: Cyrillic А (U+0410) at column 15 [mixed-script]\n" +
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
		return section(para("actions.a", "", "A.", "А.") + para("actions.b", "    insert: bis\n"+suppress, "B.", "Б."))
	}
	tests := []struct {
		name  string
		part  string
		final bool
		want  string
	}{
		{"silences its check in its clause", section(para("actions.kk", "    suppress:\n      - {check: mixed-script, reason: the title as printed in the original}\n", "the Келiсiм text", "Соглашение")), false, ""},
		{"only its check", section(para("actions.kk", "    suppress:\n      - {check: brackets, reason: kept as in the original}\n", "the Келiсiм [text]", "Соглашение")), false,
			"clauses/t/01.yaml:8:19: warning: \"Келiсiм\" mixes Cyrillic and Latin letters: Latin i (U+0069) at column 19 (and 1 more) [mixed-script]\n" +
				"\ttype Cyrillic і (U+0456) instead, which looks the same\n"},
		{"only its clause", section(para("actions.a", "    suppress: [{check: brackets, reason: kept as in the original}]\n", "[a]", "а") + para("actions.b", "", "[b]", "б")), false,
			"clauses/t/01.yaml:11:12: warning: wording in square brackets is not agreed yet: \"[b]\" [brackets]\n" +
				"\tagree the wording and remove the brackets; a final build (--final) fails on them\n"},
		{"silencing nothing", section(para("actions.kk", "    suppress:\n      - {check: mixed-script, reason: the title as printed}\n", "the text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: warning: suppression of mixed-script silences nothing in actions.kk [unused-suppression]\n" +
				"\tremove it: the check finds nothing to report here\n"},
		{"unknown check", section(para("actions.kk", "    suppress:\n      - {check: mixed-scripts, reason: the title as printed}\n", "the text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: unknown check \"mixed-scripts\" in suppress: [unknown-check]\n\tdid you mean mixed-script?\n"},
		{"blank reason", section(para("actions.kk", "    suppress:\n      - {check: brackets, reason: ' '}\n", "[the] text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: suppression of brackets gives no reason [suppress-reason]\n" +
				"\tsay why the finding is right for this clause: {check: brackets, reason: \"...\"}\n"},
		{"missing reason", section(para("actions.kk", "    suppress:\n      - {check: brackets}\n", "[the] text", "Соглашение")), false,
			"clauses/t/01.yaml:6:9: error: suppression lacks the required field \"reason\" [missing-field]\n"},
		{"insert in a draft", insert("    suppress: [{check: insert, reason: agreed at the second round}]\n"), false, ""},
		{"insert in a final check is not unused", insert("    suppress: [{check: insert, reason: agreed at the second round}]\n"), true, ""},
		{"on a section", "section: actions\nheading: {en: Аctions, ru: Действия}\nsuppress: [{check: mixed-script, reason: as printed}]\nparagraphs:\n" + para("actions.a", "", "A.", "А."), false, ""},
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
		{"a clause missing a language", section("  - id: actions.a\n    text: {en: A.}\n"),
			"clauses/t/01.yaml:5:16: error: clause actions.a has no ru text, and the document is built in en, ru [missing-language]\n" +
				"\tadd ru: to this text, or remove ru from the document's languages\n"},
		{"an aligned clause missing a language", section("  - id: actions.a\n    aligned: {source: cfp, at: IV.7}\n    text: {en: '" + srcEN + "'}\n"),
			"clauses/t/01.yaml:6:16: error: clause actions.a has no ru text, and the document is built in en, ru [missing-language]\n" +
				"\tadd ru: to this text, or remove ru from the document's languages\n"},
		{"a reference to a missing id", section(para("actions.a", "", "see {ref:actions.x}", "см. {ref:actions.x}")),
			"clauses/t/01.yaml:6:16: error: unknown reference \"actions.x\" [unknown-ref]\n\tdid you mean actions.a, actions?\n" +
				"clauses/t/01.yaml:7:16: error: unknown reference \"actions.x\" [unknown-ref]\n\tdid you mean actions.a, actions?\n"},
		{"an id defined twice", section(para("actions.a", "", "A.", "А.") + para("actions.a", "", "B.", "Б.")),
			"clauses/t/01.yaml:8:5: error: id \"actions.a\" is defined twice [duplicate-id]\n\tfirst defined at clauses/t/01.yaml:4:5; ids must be unique in a document\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(run(t, project(tt.part), false)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
