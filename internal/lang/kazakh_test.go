package lang

import "testing"

func TestKazakhSuffixes(t *testing.T) {
	tests := []struct {
		name string
		stem string
		ss   []Suffix
		want string
	}{
		// тармақ: back vowel, voiceless қ (voiced to ғ before a vowel)
		{"тармақ gen", "тармақ", []Suffix{Genitive}, "тармақтың"},
		{"тармақ dat", "тармақ", []Suffix{Dative}, "тармаққа"},
		{"тармақ acc", "тармақ", []Suffix{Accusative}, "тармақты"},
		{"тармақ loc", "тармақ", []Suffix{Locative}, "тармақта"},
		{"тармақ abl", "тармақ", []Suffix{Ablative}, "тармақтан"},
		{"тармақ ins", "тармақ", []Suffix{Instrumental}, "тармақпен"},
		{"тармақ pl", "тармақ", []Suffix{Plural}, "тармақтар"},
		{"тармақ poss", "тармақ", []Suffix{Possessive3}, "тармағы"},
		{"тармақ poss gen", "тармақ", []Suffix{Possessive3, Genitive}, "тармағының"},
		{"тармақ poss dat", "тармақ", []Suffix{Possessive3, Dative}, "тармағына"},
		{"тармақ poss acc", "тармақ", []Suffix{Possessive3, Accusative}, "тармағын"},
		{"тармақ poss loc", "тармақ", []Suffix{Possessive3, Locative}, "тармағында"},
		{"тармақ poss abl", "тармақ", []Suffix{Possessive3, Ablative}, "тармағынан"},
		{"тармақ poss ins", "тармақ", []Suffix{Possessive3, Instrumental}, "тармағымен"},
		{"тармақ poss locattr", "тармақ", []Suffix{Possessive3, LocAttributive}, "тармағындағы"},
		{"тармақ locattr", "тармақ", []Suffix{LocAttributive}, "тармақтағы"},
		{"тармақ pl poss dat", "тармақ", []Suffix{Plural, Possessive3, Dative}, "тармақтарына"},
		// тармақша: back vowel final
		{"тармақша gen", "тармақша", []Suffix{Genitive}, "тармақшаның"},
		{"тармақша dat", "тармақша", []Suffix{Dative}, "тармақшаға"},
		{"тармақша acc", "тармақша", []Suffix{Accusative}, "тармақшаны"},
		{"тармақша abl", "тармақша", []Suffix{Ablative}, "тармақшадан"},
		{"тармақша pl", "тармақша", []Suffix{Plural}, "тармақшалар"},
		{"тармақша poss", "тармақша", []Suffix{Possessive3}, "тармақшасы"},
		{"тармақша poss gen", "тармақша", []Suffix{Possessive3, Genitive}, "тармақшасының"},
		{"тармақша poss dat", "тармақша", []Suffix{Possessive3, Dative}, "тармақшасына"},
		// компонент: front vowel, voiceless т (not voiced)
		{"компонент gen", "компонент", []Suffix{Genitive}, "компоненттің"},
		{"компонент dat", "компонент", []Suffix{Dative}, "компонентке"},
		{"компонент loc", "компонент", []Suffix{Locative}, "компонентте"},
		{"компонент poss", "компонент", []Suffix{Possessive3}, "компоненті"},
		{"компонент poss gen", "компонент", []Suffix{Possessive3, Genitive}, "компонентінің"},
		{"компонент pl", "компонент", []Suffix{Plural}, "компоненттер"},
		// бап: back, п voiced to б
		{"бап poss", "бап", []Suffix{Possessive3}, "бабы"},
		{"бап poss loc", "бап", []Suffix{Possessive3, Locative}, "бабында"},
		{"бап dat", "бап", []Suffix{Dative}, "бапқа"},
		{"бап gen", "бап", []Suffix{Genitive}, "баптың"},
		// бөлім: front, nasal м
		{"бөлім gen", "бөлім", []Suffix{Genitive}, "бөлімнің"},
		{"бөлім dat", "бөлім", []Suffix{Dative}, "бөлімге"},
		{"бөлім acc", "бөлім", []Suffix{Accusative}, "бөлімді"},
		{"бөлім abl", "бөлім", []Suffix{Ablative}, "бөлімнен"},
		{"бөлім ins", "бөлім", []Suffix{Instrumental}, "бөліммен"},
		{"бөлім pl", "бөлім", []Suffix{Plural}, "бөлімдер"},
		{"бөлім poss", "бөлім", []Suffix{Possessive3}, "бөлімі"},
		// меморандум: back (а before the glide-like у), nasal м
		{"меморандум gen", "меморандум", []Suffix{Genitive}, "меморандумның"},
		{"меморандум dat", "меморандум", []Suffix{Dative}, "меморандумға"},
		{"меморандум abl", "меморандум", []Suffix{Ablative}, "меморандумнан"},
		{"меморандум poss", "меморандум", []Suffix{Possessive3}, "меморандумы"},
		// бет: front, voiceless
		{"бет gen", "бет", []Suffix{Genitive}, "беттің"},
		{"бет dat", "бет", []Suffix{Dative}, "бетке"},
		{"бет abl", "бет", []Suffix{Ablative}, "беттен"},
		{"бет acc", "бет", []Suffix{Accusative}, "бетті"},
		{"бет poss", "бет", []Suffix{Possessive3}, "беті"},
		// қосымша, нота: back vowel finals
		{"қосымша loc", "қосымша", []Suffix{Locative}, "қосымшада"},
		{"қосымша ins", "қосымша", []Suffix{Instrumental}, "қосымшамен"},
		{"нота acc", "нота", []Suffix{Accusative}, "нотаны"},
		{"нота poss", "нота", []Suffix{Possessive3}, "нотасы"},
		// sonorants, sibilants, glides
		{"жыл attr", "жыл", []Suffix{Attributive}, "жылғы"},
		{"жыл gen", "жыл", []Suffix{Genitive}, "жылдың"},
		{"жыл pl", "жыл", []Suffix{Plural}, "жылдар"},
		{"кеш attr", "кеш", []Suffix{Attributive}, "кешкі"},
		{"бүгін attr", "бүгін", []Suffix{Attributive}, "бүгінгі"},
		{"адам gen", "адам", []Suffix{Genitive}, "адамның"},
		{"адам acc", "адам", []Suffix{Accusative}, "адамды"},
		{"күн abl", "күн", []Suffix{Ablative}, "күннен"},
		{"күн gen", "күн", []Suffix{Genitive}, "күннің"},
		{"жер gen", "жер", []Suffix{Genitive}, "жердің"},
		{"жер pl", "жер", []Suffix{Plural}, "жерлер"},
		{"үй gen", "үй", []Suffix{Genitive}, "үйдің"},
		{"үй poss", "үй", []Suffix{Possessive3}, "үйі"},
		{"су gen", "су", []Suffix{Genitive}, "судың"},
		{"су dat", "су", []Suffix{Dative}, "суға"},
		{"су poss", "су", []Suffix{Possessive3}, "суы"},
		{"қыз gen", "қыз", []Suffix{Genitive}, "қыздың"},
		{"қыз ins", "қыз", []Suffix{Instrumental}, "қызбен"},
		{"ел gen", "ел", []Suffix{Genitive}, "елдің"},
		{"ел pl", "ел", []Suffix{Plural}, "елдер"},
		{"Азия locattr", "Азия", []Suffix{LocAttributive}, "Азиядағы"},
		{"Кеңес poss gen", "Кеңес", []Suffix{Possessive3, Genitive}, "Кеңесінің"},
		{"Кеңес dat", "Кеңес", []Suffix{Dative}, "Кеңеске"},
		{"мектеп poss", "мектеп", []Suffix{Possessive3}, "мектебі"},
		{"тілек dat", "тілек", []Suffix{Dative}, "тілекке"},
		{"тілек poss", "тілек", []Suffix{Possessive3}, "тілегі"},
		{"Қазақстан gen", "Қазақстан", []Suffix{Genitive}, "Қазақстанның"},
		{"жоба gen", "жоба", []Suffix{Genitive}, "жобаның"},
		{"жоба dat", "жоба", []Suffix{Dative}, "жобаға"},
		{"жоспар poss", "жоспар", []Suffix{Possessive3}, "жоспары"},
		{"жоспар dat", "жоспар", []Suffix{Dative}, "жоспарға"},
		{"Хатшылық dat", "Хатшылық", []Suffix{Dative}, "Хатшылыққа"},
		{"Хатшылық poss", "Хатшылық", []Suffix{Possessive3}, "Хатшылығы"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KazakhSuffixes(tt.stem, tt.ss...); got != tt.want {
				t.Errorf("KazakhSuffixes(%q, %v) = %q, want %q", tt.stem, tt.ss, got, tt.want)
			}
		})
	}
}

func TestKazakhSuffixSingle(t *testing.T) {
	tests := []struct {
		name string
		stem string
		s    Suffix
		want string
	}{
		{"genitive", "тармақ", Genitive, "тармақтың"},
		{"possessive", "бап", Possessive3, "бабы"},
		{"attributive", "жыл", Attributive, "жылғы"},
		{"locattr front", "сәуір", LocAttributive, "сәуірдегі"},
		{"locattr back", "мамыр", LocAttributive, "мамырдағы"},
		{"locattr voiceless", "тармақ", LocAttributive, "тармақтағы"},
		{"locattr front voiceless", "бет", LocAttributive, "беттегі"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KazakhSuffix(tt.stem, tt.s); got != tt.want {
				t.Errorf("KazakhSuffix(%q, %v) = %q, want %q", tt.stem, tt.s, got, tt.want)
			}
		})
	}
}

func TestKazakhForm(t *testing.T) {
	tests := []struct {
		name string
		stem string
		poss bool
		c    Case
		want string
	}{
		{"poss gen", "тармақ", true, Gen, "тармағының"},
		{"poss nom", "тармақ", true, Nom, "тармағы"},
		{"plain nom", "тармақ", false, Nom, "тармақ"},
		{"empty case", "тармақ", false, "", "тармақ"},
		{"plain dat", "тармақ", false, Dat, "тармаққа"},
		{"plain attr", "сәуір", false, Attr, "сәуірдегі"},
		{"poss attr", "тармақ", true, Attr, "тармағындағы"},
		{"poss acc", "тармақша", true, Acc, "тармақшасын"},
		{"poss abl", "бап", true, Abl, "бабынан"},
		{"poss ins", "компонент", true, Ins, "компонентімен"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KazakhForm(tt.stem, tt.poss, tt.c); got != tt.want {
				t.Errorf("KazakhForm(%q, %v, %q) = %q, want %q", tt.stem, tt.poss, tt.c, got, tt.want)
			}
		})
	}
	if got := KazakhInflect("тармақ", true, true, Dat); got != "тармақтарына" {
		t.Errorf("KazakhInflect plural possessive dative = %q", got)
	}
}

func TestKazakhNumberWords(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "нөл"}, {1, "бір"}, {2, "екі"}, {3, "үш"}, {4, "төрт"}, {5, "бес"},
		{6, "алты"}, {7, "жеті"}, {8, "сегіз"}, {9, "тоғыз"}, {10, "он"},
		{13, "он үш"}, {18, "он сегіз"}, {20, "жиырма"}, {27, "жиырма жеті"},
		{30, "отыз"}, {40, "қырық"}, {50, "елу"}, {60, "алпыс"}, {70, "жетпіс"},
		{80, "сексен"}, {90, "тоқсан"}, {99, "тоқсан тоғыз"}, {100, "жүз"},
		{300, "үш жүз"}, {1000, "мың"}, {1945, "мың тоғыз жүз қырық бес"},
		{2024, "екі мың жиырма төрт"}, {1_000_000, "бір миллион"},
	}
	for _, tt := range tests {
		if got := KazakhNumberWords(tt.n); got != tt.want {
			t.Errorf("KazakhNumberWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestKazakhNumeral(t *testing.T) {
	tests := []struct {
		name string
		num  string
		ss   []Suffix
		want string
	}{
		{"bare", "4", nil, "4"},
		{"1 dat", "1", []Suffix{Dative}, "1-ге"},
		{"2 dat", "2", []Suffix{Dative}, "2-ге"},
		{"3 dat", "3", []Suffix{Dative}, "3-ке"},
		{"4 dat", "4", []Suffix{Dative}, "4-ке"},
		{"5 dat", "5", []Suffix{Dative}, "5-ке"},
		{"6 dat", "6", []Suffix{Dative}, "6-ға"},
		{"7 dat", "7", []Suffix{Dative}, "7-ге"},
		{"8 dat", "8", []Suffix{Dative}, "8-ге"},
		{"9 dat", "9", []Suffix{Dative}, "9-ға"},
		{"10 dat", "10", []Suffix{Dative}, "10-ға"},
		{"13 dat", "13", []Suffix{Dative}, "13-ке"},
		{"18 dat", "18", []Suffix{Dative}, "18-ге"},
		{"20 dat", "20", []Suffix{Dative}, "20-ға"},
		{"27 dat", "27", []Suffix{Dative}, "27-ге"},
		{"30 dat", "30", []Suffix{Dative}, "30-ға"},
		{"40 dat", "40", []Suffix{Dative}, "40-қа"},
		{"50 dat", "50", []Suffix{Dative}, "50-ге"},
		{"60 dat", "60", []Suffix{Dative}, "60-қа"},
		{"70 dat", "70", []Suffix{Dative}, "70-ке"},
		{"80 dat", "80", []Suffix{Dative}, "80-ге"},
		{"90 dat", "90", []Suffix{Dative}, "90-ға"},
		{"100 dat", "100", []Suffix{Dative}, "100-ге"},
		{"2024 dat", "2024", []Suffix{Dative}, "2024-ке"},
		{"1000 loc", "1000", []Suffix{Locative}, "1000-да"},
		{"10 abl", "10", []Suffix{Ablative}, "10-нан"},
		{"2024 gen", "2024", []Suffix{Genitive}, "2024-тің"},
		{"6 gen", "6", []Suffix{Genitive}, "6-ның"},
		{"40 poss", "40", []Suffix{Possessive3}, "40-ы"},
		{"2.1 poss", "2.1", []Suffix{Possessive3}, "2.1-і"},
		{"2.1 poss dat", "2.1", []Suffix{Possessive3, Dative}, "2.1-іне"},
		{"9 ins", "9", []Suffix{Instrumental}, "9-бен"},
		{"roman II dat", "II", []Suffix{Dative}, "II-ге"},
		{"roman iii. dat", "iii.", []Suffix{Dative}, "iii.-ке"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KazakhNumeral(tt.num, tt.ss...); got != tt.want {
				t.Errorf("KazakhNumeral(%q, %v) = %q, want %q", tt.num, tt.ss, got, tt.want)
			}
		})
	}
}

func TestKazakhTerms(t *testing.T) {
	kk := mustLang(t, "kk")
	tests := []struct {
		name   string
		term   string
		c      Case
		plural bool
		want   string
	}{
		{"paragraph nom", "paragraph", Nom, false, "тармақ"},
		{"paragraph gen", "paragraph", Gen, false, "тармақтың"},
		{"paragraph pl dat", "paragraph", Dat, true, "тармақтарға"},
		{"article loc", "article", Loc, false, "бапта"},
		{"annex abl", "annex", Abl, false, "қосымшадан"},
		{"pillar gen", "pillar", Gen, false, "компоненттің"},
		{"note acc", "note", Acc, false, "нотаны"},
		{"memorandum ins", "memorandum", Ins, false, "меморандуммен"},
		{"section attr", "section", Attr, false, "бөлімдегі"},
		{"page pl", "page", Nom, true, "беттер"},
		{"page-abbr invariable", "page-abbr", Dat, true, "п."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kk.Term(tt.term, tt.c, tt.plural)
			if err != nil || got != tt.want {
				t.Errorf("Term(%q, %q, %v) = %q, %v; want %q", tt.term, tt.c, tt.plural, got, err, tt.want)
			}
		})
	}
	if got, _ := kk.TermPossessed("paragraph", Dat, false); got != "тармағына" {
		t.Errorf("TermPossessed = %q", got)
	}
}
