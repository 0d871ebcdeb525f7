package lang

import "testing"

// TestRussianDeclension asserts the full declension of every Russian term.
func TestRussianDeclension(t *testing.T) {
	ru := mustLang(t, "ru")
	cases := []Case{Nom, Gen, Dat, Acc, Ins, Pre}
	punkt := [2][6]string{
		{"пункт", "пункта", "пункту", "пункт", "пунктом", "пункте"},
		{"пункты", "пунктов", "пунктам", "пункты", "пунктами", "пунктах"},
	}
	podpunkt := [2][6]string{
		{"подпункт", "подпункта", "подпункту", "подпункт", "подпунктом", "подпункте"},
		{"подпункты", "подпунктов", "подпунктам", "подпункты", "подпунктами", "подпунктах"},
	}
	tests := []struct {
		term  string
		forms [2][6]string // singular, plural; nom gen dat acc ins pre
	}{
		{"paragraph", punkt},
		{"sub-paragraph", punkt}, // every decimal unit is a пункт
		{"subparagraph", podpunkt},
		{"item", podpunkt},
		{"section", [2][6]string{
			{"раздел", "раздела", "разделу", "раздел", "разделом", "разделе"},
			{"разделы", "разделов", "разделам", "разделы", "разделами", "разделах"},
		}},
		{"article", [2][6]string{
			{"статья", "статьи", "статье", "статью", "статьей", "статье"},
			{"статьи", "статей", "статьям", "статьи", "статьями", "статьях"},
		}},
		{"annex", [2][6]string{
			{"приложение", "приложения", "приложению", "приложение", "приложением", "приложении"},
			{"приложения", "приложений", "приложениям", "приложения", "приложениями", "приложениях"},
		}},
		{"pillar", [2][6]string{
			{"Компонент", "Компонента", "Компоненту", "Компонент", "Компонентом", "Компоненте"},
			{"Компоненты", "Компонентов", "Компонентам", "Компоненты", "Компонентами", "Компонентах"},
		}},
		{"note", [2][6]string{
			{"нота", "ноты", "ноте", "ноту", "нотой", "ноте"},
			{"ноты", "нот", "нотам", "ноты", "нотами", "нотах"},
		}},
		{"memorandum", [2][6]string{
			{"меморандум", "меморандума", "меморандуму", "меморандум", "меморандумом", "меморандуме"},
			{"меморандумы", "меморандумов", "меморандумам", "меморандумы", "меморандумами", "меморандумах"},
		}},
		{"page", [2][6]string{
			{"лист", "листа", "листу", "лист", "листом", "листе"},
			{"листы", "листов", "листам", "листы", "листами", "листах"},
		}},
		{"page-abbr", [2][6]string{
			{"л.", "л.", "л.", "л.", "л.", "л."},
			{"л.", "л.", "л.", "л.", "л.", "л."},
		}},
	}
	for _, tt := range tests {
		for num, forms := range tt.forms {
			plural := num == 1
			for i, c := range cases {
				name := tt.term + "/" + numberName(plural) + "/" + string(c)
				t.Run(name, func(t *testing.T) {
					got, err := ru.Term(tt.term, c, plural)
					if err != nil || got != forms[i] {
						t.Errorf("Term(%q, %q, %v) = %q, %v; want %q", tt.term, c, plural, got, err, forms[i])
					}
				})
			}
		}
	}
}

func TestRussianRejectsKazakhCases(t *testing.T) {
	ru := mustLang(t, "ru")
	for _, c := range []Case{Loc, Abl, Attr} {
		if _, err := ru.Term("paragraph", c, false); err == nil {
			t.Errorf("Term(paragraph, %q) succeeded for ru", c)
		}
	}
}
