package lang

import (
	"strconv"
	"testing"
)

func TestCardinalsAndLanguageNames(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tag  string
		n    int
		c    Case
		want string
	}{
		{"en", 2, Nom, "two"},
		{"en", 10, Nom, "ten"},
		{"en", 12, Nom, "12"},
		{"ru", 2, Pre, "двух"},
		{"ru", 2, Nom, "два"},
		{"ru", 3, Ins, "тремя"},
		{"ru", 8, Gen, "восьми"},
		{"kk", 2, Nom, "екі"},
		{"kk", 6, Dat, "алтыға"},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+strconv.Itoa(tt.n)+"/"+string(tt.c), func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			if got, err := l.Cardinal(tt.n, tt.c); err != nil || got != tt.want {
				t.Errorf("Cardinal(%d, %s) = %q, %v; want %q", tt.n, tt.c, got, err, tt.want)
			}
		})
	}
	names := []struct {
		tag, of string
		c       Case
		want    string
	}{
		{"en", "en", Nom, "English"},
		{"en", "kk", Nom, "Kazakh"},
		{"ru", "en", Pre, "английском"},
		{"ru", "ru", Gen, "русского"},
		{"kk", "en", Nom, "ағылшын"},
		{"kk", "kk", Nom, "қазақ"},
	}
	for _, tt := range names {
		l, _ := e.Language(tt.tag)
		if got, err := l.LanguageName(tt.of, tt.c); err != nil || got != tt.want {
			t.Errorf("%s LanguageName(%s, %s) = %q, %v; want %q", tt.tag, tt.of, tt.c, got, err, tt.want)
		}
	}
	en, _ := e.Language("en")
	if _, err := en.LanguageName("fr", Nom); err == nil {
		t.Error("LanguageName(fr) succeeded")
	}
	ru, _ := e.Language("ru")
	if _, err := ru.Cardinal(2, Loc); err == nil {
		t.Error("Russian has no locative; Cardinal(2, loc) succeeded")
	}
}
