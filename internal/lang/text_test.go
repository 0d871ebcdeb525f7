package lang

import (
	"slices"
	"strings"
	"testing"
)

func TestParseCase(t *testing.T) {
	tests := []struct {
		in   string
		want Case
	}{
		{"nom", Nom}, {"Genitive", Gen}, {" dat ", Dat}, {"acc", Acc}, {"ins", Ins},
		{"instrumental", Ins}, {"pre", Pre}, {"prepositional", Pre}, {"loc", Loc},
		{"abl", Abl}, {"attr", Attr}, {"attributive", Attr},
	}
	for _, tt := range tests {
		if got, err := ParseCase(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseCase(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "vocative", "nomm"} {
		if _, err := ParseCase(bad); err == nil || !strings.Contains(err.Error(), `"`+bad+`"`) {
			t.Errorf("ParseCase(%q) error = %v", bad, err)
		}
	}
}

func TestCases(t *testing.T) {
	tests := []struct {
		tag  string
		want []Case
	}{
		{"en", AllCases()},
		{"ru", []Case{Nom, Gen, Dat, Acc, Ins, Pre}},
		{"kk", []Case{Nom, Gen, Dat, Acc, Loc, Abl, Ins, Attr}},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			l := mustLang(t, tt.tag)
			if l.Tag() != tt.tag {
				t.Errorf("Tag() = %q", l.Tag())
			}
			if got := l.Cases(); !slices.Equal(got, tt.want) {
				t.Errorf("Cases() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLanguageUnknown(t *testing.T) {
	e, _ := New()
	if _, err := e.Language("de"); err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("Language(de) error = %v", err)
	}
}

func TestTermErrors(t *testing.T) {
	en := mustLang(t, "en")
	if _, err := en.Term("clause", Nom, false); err == nil || !strings.Contains(err.Error(), `"clause"`) {
		t.Errorf("unknown term error = %v", err)
	}
	if _, err := en.Term("paragraph", Case("vocative"), false); err == nil || !strings.Contains(err.Error(), `"vocative"`) {
		t.Errorf("unknown case error = %v", err)
	}
	if got, err := en.Term("memorandum", Pre, true); err != nil || got != "memoranda" {
		t.Errorf("en plural = %q, %v", got, err)
	}
}

func TestUpper(t *testing.T) {
	tests := []struct {
		tag, in, want string
	}{
		{"en", "draft protocol on river fisheries", "DRAFT PROTOCOL ON RIVER FISHERIES"},
		{"ru", "государства-члены объединённой комиссии по рыболовству", "ГОСУДАРСТВА-ЧЛЕНЫ ОБЪЕДИНЁННОЙ КОМИССИИ ПО РЫБОЛОВСТВУ"},
		{"kk", "шаһардағы балық қорғау кеңесіне мүше ұйымдар және өңірлер",
			"ШАҺАРДАҒЫ БАЛЫҚ ҚОРҒАУ КЕҢЕСІНЕ МҮШЕ ҰЙЫМДАР ЖӘНЕ ӨҢІРЛЕР"},
		{"kk", "ұйымының үшін", "ҰЙЫМЫНЫҢ ҮШІН"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if got := mustLang(t, tt.tag).Upper(tt.in); got != tt.want {
				t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		name  string
		tag   string
		items []string
		want  string
	}{
		{"en none", "en", nil, ""},
		{"en one", "en", []string{"1"}, "1"},
		{"en two", "en", []string{"1", "2"}, "1 and 2"},
		{"en three", "en", []string{"1", "2", "3"}, "1, 2 and 3"},
		{"ru three", "ru", []string{"1", "2", "3"}, "1, 2 и 3"},
		{"kk two", "kk", []string{"1", "2"}, "1 және 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustLang(t, tt.tag).Join(tt.items); got != tt.want {
				t.Errorf("Join(%q) = %q, want %q", tt.items, got, tt.want)
			}
		})
	}
}
