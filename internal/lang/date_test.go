package lang

import (
	"testing"
	"time"
)

func TestDateReference(t *testing.T) {
	tests := []struct {
		name string
		tag  string
		y    int
		m    time.Month
		d    int
		c    Case
		want string
	}{
		{"en note date", "en", 2024, time.May, 13, Nom, "13~May 2024"},
		{"en case ignored", "en", 2024, time.April, 18, Gen, "18~April 2024"},
		{"en charter", "en", 1945, time.June, 26, "", "26~June 1945"},
		{"ru nom", "ru", 2024, time.May, 13, Nom, "13~мая 2024 года"},
		{"ru gen (от …)", "ru", 2024, time.April, 18, Gen, "18~апреля 2024 года"},
		{"ru deadline", "ru", 2024, time.May, 27, Gen, "27~мая 2024 года"},
		{"ru ins", "ru", 2024, time.May, 27, Ins, "27~мая 2024 года"},
		{"kk nom", "kk", 2024, time.May, 13, Nom, "2024 жылғы 13~мамыр"},
		{"kk attr", "kk", 2024, time.April, 18, Attr, "2024 жылғы 18~сәуірдегі"},
		{"kk abl", "kk", 2024, time.May, 27, Abl, "2024 жылғы 27~мамырдан"},
		{"kk dat", "kk", 2024, time.May, 27, Dat, "2024 жылғы 27~мамырға"},
		{"kk gen", "kk", 2024, time.May, 27, Gen, "2024 жылғы 27~мамырдың"},
		{"kk loc", "kk", 2024, time.May, 27, Loc, "2024 жылғы 27~мамырда"},
		{"kk leap day", "kk", 2024, time.February, 29, Nom, "2024 жылғы 29~ақпан"},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			got, err := l.Date(tt.y, tt.m, tt.d, tt.c)
			if want := tie(tt.want); err != nil || got != want {
				t.Errorf("Date(%d, %v, %d, %q) = %q, %v; want %q", tt.y, tt.m, tt.d, tt.c, got, err, want)
			}
		})
	}
}

func TestDateErrors(t *testing.T) {
	tests := []struct {
		name string
		tag  string
		y    int
		m    time.Month
		d    int
		c    Case
	}{
		{"Feb 30", "en", 2024, time.February, 30, Nom},
		{"Feb 29 non-leap", "ru", 2023, time.February, 29, Gen},
		{"month 13", "kk", 2024, 13, 1, Nom},
		{"day 0", "kk", 2024, time.May, 0, Nom},
		{"ru locative", "ru", 2024, time.May, 1, Loc},
		{"kk prepositional", "kk", 2024, time.May, 1, Pre},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			if got, err := l.Date(tt.y, tt.m, tt.d, tt.c); err == nil {
				t.Errorf("Date = %q, want error", got)
			}
		})
	}
}

// TestMonths checks all twelve months in every language and in every case a
// date is written with.
func TestMonths(t *testing.T) {
	en := [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	ruGen := [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruNom := [12]string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	kk := map[Case][12]string{
		Nom:  {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
		Gen:  {"қаңтардың", "ақпанның", "наурыздың", "сәуірдің", "мамырдың", "маусымның", "шілденің", "тамыздың", "қыркүйектің", "қазанның", "қарашаның", "желтоқсанның"},
		Dat:  {"қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға", "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"},
		Acc:  {"қаңтарды", "ақпанды", "наурызды", "сәуірді", "мамырды", "маусымды", "шілдені", "тамызды", "қыркүйекті", "қазанды", "қарашаны", "желтоқсанды"},
		Loc:  {"қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"},
		Abl:  {"қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"},
		Ins:  {"қаңтармен", "ақпанмен", "наурызбен", "сәуірмен", "мамырмен", "маусыммен", "шілдемен", "тамызбен", "қыркүйекпен", "қазанмен", "қарашамен", "желтоқсанмен"},
		Attr: {"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	enL, _ := e.Language("en")
	ruL, _ := e.Language("ru")
	kkL, _ := e.Language("kk")
	for i := range 12 {
		m := time.Month(i + 1)
		t.Run("en/"+m.String(), func(t *testing.T) {
			want := "1" + NoBreakSpace + en[i] + " 2024"
			if got, err := enL.Date(2024, m, 1, Nom); err != nil || got != want {
				t.Errorf("en Date = %q, %v; want %q", got, err, want)
			}
		})
		t.Run("ru/"+m.String(), func(t *testing.T) {
			for _, c := range ruL.Cases() {
				want := "1" + NoBreakSpace + ruGen[i] + " 2024 года"
				if got, err := ruL.Date(2024, m, 1, c); err != nil || got != want {
					t.Errorf("ru Date(%q) = %q, %v; want %q", c, got, err, want)
				}
			}
			if got, _ := ruL.Month(m, Nom); got != ruNom[i] {
				t.Errorf("ru Month nom = %q, want %q", got, ruNom[i])
			}
			if got, _ := ruL.Month(m, Gen); got != ruGen[i] {
				t.Errorf("ru Month gen = %q, want %q", got, ruGen[i])
			}
		})
		t.Run("kk/"+m.String(), func(t *testing.T) {
			for c, forms := range kk {
				if got, err := kkL.Month(m, c); err != nil || got != forms[i] {
					t.Errorf("kk Month(%q) = %q, %v; want %q", c, got, err, forms[i])
				}
				want := "2024 жылғы 1" + NoBreakSpace + forms[i]
				if got, err := kkL.Date(2024, m, 1, c); err != nil || got != want {
					t.Errorf("kk Date(%q) = %q, %v; want %q", c, got, err, want)
				}
			}
		})
	}
}
