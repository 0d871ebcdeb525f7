package lang

import (
	"slices"
	"strings"
	"testing"
)

// requiredTerms and requiredWords are the keys every language must have.
func requiredTerms() []string {
	return []string{"paragraph", "sub-paragraph", "subparagraph", "section", "article",
		"annex", "pillar", "note", "memorandum", "page", "page-abbr", "item"}
}

func requiredWords() []string {
	return []string{"draft", "and", "or", "above", "below", "signature", "date", "place", "preamble", "signatures",
		"name", "title", "enclosure", "as-stated", "number-sign", "page-of", "on-pages", "original-of",
		"redline", "summary-of-changes", "change", "clause", "number", "no-changes", "changes-count",
		"aligned-touched", "was", "change-added", "change-removed", "change-changed", "change-renumbered"}
}

func TestEveryLanguageHasEveryKey(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Tags(), []string{"en", "kk", "ru"}; !slices.Equal(got, want) {
		t.Fatalf("Tags() = %v, want %v", got, want)
	}
	en, _ := e.Language("en")
	for _, tag := range e.Tags() {
		l, _ := e.Language(tag)
		t.Run(tag, func(t *testing.T) {
			if got := l.TermKeys(); !slices.Equal(got, en.TermKeys()) {
				t.Errorf("term keys %v differ from en %v", got, en.TermKeys())
			}
			if got := l.WordKeys(); !slices.Equal(got, en.WordKeys()) {
				t.Errorf("word keys %v differ from en %v", got, en.WordKeys())
			}
			for _, k := range requiredTerms() {
				for _, c := range l.Cases() {
					for _, pl := range []bool{false, true} {
						if f, err := l.Term(k, c, pl); err != nil || f == "" {
							t.Errorf("Term(%q, %q, %v) = %q, %v", k, c, pl, f, err)
						}
					}
				}
			}
			for _, k := range requiredWords() {
				if w, err := l.Word(k); err != nil || w == "" {
					t.Errorf("Word(%q) = %q, %v", k, w, err)
				}
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		tag, key, want string
	}{
		{"en", "draft", "DRAFT"}, {"ru", "draft", "ПРОЕКТ"}, {"kk", "draft", "ЖОБА"},
		{"en", "and", "and"}, {"ru", "and", "и"}, {"kk", "and", "және"},
		{"en", "above", "above"}, {"ru", "above", "выше"}, {"kk", "above", "жоғарыдағы"},
		{"en", "signature", "Signature"}, {"ru", "signature", "Подпись"}, {"kk", "signature", "Қолы"},
		{"en", "date", "Date"}, {"ru", "date", "Дата"}, {"kk", "date", "Күні"},
		{"en", "place", "Place"}, {"ru", "place", "Место подписания"}, {"kk", "place", "Қол қойылған жері"},
		{"ru", "name", "Фамилия, имя"}, {"kk", "name", "Аты-жөні"},
		{"en", "as-stated", "as stated"}, {"ru", "as-stated", "упомянутое"}, {"kk", "as-stated", "аталған"},
	}
	e, _ := New()
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.key, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			if got, err := l.Word(tt.key); err != nil || got != tt.want {
				t.Errorf("Word(%q) = %q, %v; want %q", tt.key, got, err, tt.want)
			}
		})
	}
	en, _ := e.Language("en")
	if _, err := en.Word("nonsense"); err == nil || !strings.Contains(err.Error(), `"nonsense"`) {
		t.Errorf("Word(nonsense) error = %v", err)
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		tag, key string
		vars     map[string]string
		want     string
	}{
		{"en", "on-pages", map[string]string{"n": "9"}, "on 9 p."},
		{"ru", "on-pages", map[string]string{"n": "9"}, "на 9 л."},
		{"kk", "on-pages", map[string]string{"n": "9"}, "9 п."},
		{"en", "page-of", map[string]string{"page": "2", "total": "9"}, "Page 2 of 9"},
		{"ru", "page-of", map[string]string{"page": "2", "total": "9"}, "Страница 2 из 9"},
		{"kk", "page-of", map[string]string{"page": "2", "total": "9"}, "9 беттің 2-беті"},
		{"en", "draft", nil, "DRAFT"},
	}
	e, _ := New()
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.key, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			if got, err := l.Expand(tt.key, tt.vars); err != nil || got != tt.want {
				t.Errorf("Expand = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	en, _ := e.Language("en")
	if _, err := en.Expand("page-of", map[string]string{"page": "1"}); err == nil || !strings.Contains(err.Error(), "{total}") {
		t.Errorf("Expand with a missing slot: error = %v", err)
	}
}

func TestAddTerms(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ruOld, _ := e.Language("ru")
	err = e.AddTerms("ru", []byte(`
terms:
  clause:
    sg: {nom: положение, gen: положения, dat: положению, acc: положение, ins: положением, pre: положении}
    pl: {nom: положения, gen: положений, dat: положениям, acc: положения, ins: положениями, pre: положениях}
  paragraph:
    sg: {ins: пунктом (override)}
words:
  draft: ПРОЕКТ (ред. 2)
`))
	if err != nil {
		t.Fatalf("AddTerms ru: %v", err)
	}
	ru, _ := e.Language("ru")
	if got, err := ru.Ref([]Step{{"clause", "7"}}, RefOptions{Case: Pre}); err != nil || got != tie("положении~7") {
		t.Errorf("new term: %q, %v", got, err)
	}
	if got, _ := ru.Term("paragraph", Ins, false); got != "пунктом (override)" {
		t.Errorf("overridden form: %q", got)
	}
	if got, _ := ru.Term("paragraph", Gen, false); got != "пункта" {
		t.Errorf("untouched form: %q", got)
	}
	if got, _ := ru.Word("draft"); got != "ПРОЕКТ (ред. 2)" {
		t.Errorf("overridden word: %q", got)
	}
	if got, _ := ruOld.Term("paragraph", Ins, false); got != "пунктом" {
		t.Errorf("earlier Language value changed: %q", got)
	}

	// Kazakh: a new stem, and overrides that later forms build on.
	err = e.AddTerms("kk", []byte(`
terms:
  clause: {stem: ереже}
  note:
    sg-poss: {nom: нотасы}
  chapter:
    stem: тарау
    sg: {gen: тараудың (override)}
`))
	if err != nil {
		t.Fatalf("AddTerms kk: %v", err)
	}
	kk, _ := e.Language("kk")
	kkTests := []struct {
		name  string
		chain []Step
		opt   RefOptions
		want  string
	}{
		{"new stem", []Step{{"clause", "3"}}, RefOptions{Case: Dat, Possessed: true}, "3-ережесіне"},
		{"new stem plain", []Step{{"clause", "3"}}, RefOptions{Case: Abl}, "3-ережеден"},
		{"poss nom override is base", []Step{{"note", "5"}}, RefOptions{Case: Dat, Possessed: true}, "5-нотасына"},
		{"exact override", []Step{{"chapter", "1"}, {"paragraph", "2"}}, RefOptions{}, "1-тараудың (override)\u00a02-тармағы"},
		{"glide stem", []Step{{"chapter", "1"}}, RefOptions{Case: Dat}, "1-тарауға"},
	}
	for _, tt := range kkTests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kk.Ref(tt.chain, tt.opt); err != nil || got != tt.want {
				t.Errorf("Ref = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestAddTermsErrors(t *testing.T) {
	tests := []struct {
		name, tag, data, wantErr string
	}{
		{"unknown language", "fr", "terms: {}", `"fr"`},
		{"bad yaml", "en", "terms: [", "yaml"},
		{"unknown field", "en", "termz: {}", "termz"},
		{"tag mismatch", "ru", "tag: kk", `"kk"`},
		{"ru incomplete", "ru", "terms: {clause: {sg: {nom: положение}, pl: положения}}", "clause"},
		{"ru kazakh case", "ru", "terms: {paragraph: {sg: {abl: x}}}", `"abl"`},
		{"ru unknown case", "ru", "terms: {paragraph: {sg: {vocative: x}}}", `"vocative"`},
		{"kk no stem", "kk", "terms: {clause: {sg: {gen: x}}}", "no stem"},
		{"kk prepositional", "kk", "terms: {clause: {stem: ереже, sg: {pre: x}}}", `"pre"`},
		{"en poss", "en", "terms: {clause: {sg: clause, pl: clauses, sg-poss: x}}", "Kazakh only"},
		{"en stem", "en", "terms: {clause: {stem: clause}}", "Kazakh only"},
		{"en missing plural", "en", "terms: {clause: {sg: clause}}", "plural"},
		{"months count", "kk", "months: [қаңтар]", "12"},
		{"date pattern", "en", "date: {pattern: '{day} {month}'}", "{year}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New()
			if err != nil {
				t.Fatal(err)
			}
			before, _ := e.Language("en")
			err = e.AddTerms(tt.tag, []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("AddTerms error = %v, want one containing %s", err, tt.wantErr)
			}
			if after, _ := e.Language("en"); after != before {
				t.Errorf("engine changed after failed AddTerms")
			}
		})
	}
}
