package lang

import (
	"strconv"
	"strings"
	"testing"
)

// TestNumberWords checks number words against tables of the forms a
// native writer uses: Russian declines every part of a compound number,
// Kazakh puts the case suffix on the last word by vowel harmony and the
// final sound.
func TestNumberWords(t *testing.T) {
	tests := []struct {
		tag  string
		n    int
		c    Case
		want string
	}{
		{"en", 0, Nom, "zero"},
		{"en", 24, Nom, "twenty-four"},
		{"en", 60, Gen, "sixty"},
		{"en", 115, Nom, "one hundred and fifteen"},
		{"en", 999, Nom, "nine hundred and ninety-nine"},
		{"ru", 0, Nom, "ноль"},
		{"ru", 1, Gen, "одного"},
		{"ru", 24, Gen, "двадцати четырех"},
		{"ru", 24, Acc, "двадцать четыре"},
		{"ru", 30, Gen, "тридцати"},
		{"ru", 40, Ins, "сорока"},
		{"ru", 60, Nom, "шестьдесят"},
		{"ru", 60, Gen, "шестидесяти"},
		{"ru", 60, Ins, "шестьюдесятью"},
		{"ru", 80, Ins, "восемьюдесятью"},
		{"ru", 90, Gen, "девяноста"},
		{"ru", 100, Gen, "ста"},
		{"ru", 200, Gen, "двухсот"},
		{"ru", 342, Dat, "тремстам сорока двум"},
		{"ru", 415, Ins, "четырьмястами пятнадцатью"},
		{"ru", 999, Ins, "девятьюстами девяноста девятью"},
		{"ru", 500, Pre, "пятистах"},
		{"kk", 0, Nom, "нөл"},
		{"kk", 6, Nom, "алты"},
		{"kk", 11, Nom, "он бір"},
		{"kk", 24, Dat, "жиырма төртке"},
		{"kk", 30, Dat, "отызға"},
		{"kk", 40, Gen, "қырықтың"},
		{"kk", 60, Abl, "алпыстан"},
		{"kk", 90, Loc, "тоқсанда"},
		{"kk", 100, Dat, "жүзге"},
		{"kk", 3, Abl, "үштен"},
		{"kk", 7, Dat, "жетіге"},
		{"kk", 2, Acc, "екіні"},
		{"kk", 6, Ins, "алтымен"},
		{"kk", 250, Nom, "екі жүз елу"},
		{"kk", 999, Nom, "тоғыз жүз тоқсан тоғыз"},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+strconv.Itoa(tt.n)+"/"+string(tt.c), func(t *testing.T) {
			got, err := mustLang(t, tt.tag).NumberWords(tt.n, tt.c)
			if err != nil || got != tt.want {
				t.Errorf("NumberWords(%d, %s) = %q, %v; want %q", tt.n, tt.c, got, err, tt.want)
			}
		})
	}
	if _, err := mustLang(t, "en").NumberWords(1000, Nom); err == nil {
		t.Error("NumberWords(1000) gave no error")
	}
}

// TestNumberBefore reads the number words that stand before a figure.
func TestNumberBefore(t *testing.T) {
	tests := []struct {
		tag, text string
		n         int
		words     string
		ok        bool
	}{
		{"en", "by giving sixty ", 60, "sixty", true},
		{"en", "every twenty-four ", 24, "twenty-four", true},
		{"en", "within one hundred and twenty ", 120, "one hundred and twenty", true},
		{"en", "within one hundred twenty ", 120, "one hundred twenty", true},
		{"en", "Sixty ", 60, "Sixty", true},
		{"en", "(see Article ", 0, "", false},
		{"ru", "в течение девяноста ", 90, "девяноста", true},
		{"ru", "не позднее чем за шестьдесят ", 60, "шестьдесят", true},
		{"ru", "в двадцать четыре ", 24, "двадцать четыре", true},
		{"ru", "не позднее тридцати одного ", 31, "тридцати одного", true},
		{"ru", "в течение двадцати одной ", 21, "двадцати одной", true},
		{"ru", "за сто двадцать две ", 122, "сто двадцать две", true},
		{"ru", "за трёхсот ", 300, "трёхсот", true},
		{"ru", "согласно статье ", 0, "", false},
		{"kk", "кемінде алпыс ", 60, "алпыс", true},
		{"kk", "әрбір алты ", 6, "алты", true},
		{"kk", "кемінде жиырма төрт ", 24, "жиырма төрт", true},
		{"kk", "бір жүз ", 100, "жүз", true},
		{"kk", "тоғыз жүз тоқсан тоғыз ", 999, "тоғыз жүз тоқсан тоғыз", true},
		{"kk", "отызға ", 30, "отызға", true},
		{"kk", "күн ", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.text, func(t *testing.T) {
			n, words, ok := mustLang(t, tt.tag).NumberBefore(tt.text)
			if ok != tt.ok || (ok && (n != tt.n || words != tt.words)) {
				t.Errorf("NumberBefore(%q) = %d, %q, %v; want %d, %q, %v", tt.text, n, words, ok, tt.n, tt.words, tt.ok)
			}
		})
	}
}

// TestFindDates finds dates as each language writes them.
func TestFindDates(t *testing.T) {
	tests := []struct {
		tag, text string
		want      []string // dates and the text they span
	}{
		{"en", "signed at Valmora on 14 June 1998, which", []string{"1998-06-14 14 June 1998"}},
		{"en", "on 31 June 1998 or 2024-05-13.", []string{"2024-05-13 2024-05-13"}},
		{"en", "in 1998 and on 3 may 2001", []string{"2001-05-03 3 may 2001"}},
		{"ru", "подписанному в Валморе 14 июня 1998 года, который", []string{"1998-06-14 14 июня 1998 года"}},
		{"ru", "к 1 января 2025 году и 2 марта 2026", []string{"2025-01-01 1 января 2025 году", "2026-03-02 2 марта 2026"}},
		{"ru", "14 июнь, 1998", nil},
		{"kk", "Тараптар 1998 жылғы 14 маусымда Валморада", []string{"1998-06-14 1998 жылғы 14 маусымда"}},
		{"kk", "2024 жылғы 27 мамырдан кешіктірмей", []string{"2024-05-27 2024 жылғы 27 мамырдан"}},
		{"kk", "2024 жылғы 27 айда", nil},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.text, func(t *testing.T) {
			var got []string
			for _, d := range mustLang(t, tt.tag).DateFinder().Find(tt.text) {
				got = append(got, d.String()+" "+tt.text[d.Start:d.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
