package lang

import (
	"strings"
	"testing"
)

func TestRef(t *testing.T) {
	p21iii := []Step{{"paragraph", "2.1"}, {"subparagraph", "iii."}}
	p21iv := []Step{{"paragraph", "2.1"}, {"subparagraph", "iv."}}
	pillar2p3 := []Step{{"pillar", "II"}, {"paragraph", "3"}}
	pillar3p2 := []Step{{"pillar", "III"}, {"paragraph", "2"}}
	p4 := []Step{{"paragraph", "4"}}
	tests := []struct {
		name  string
		tag   string
		chain []Step
		opt   RefOptions
		want  string
	}{
		{"en paragraph", "en", p4, RefOptions{}, "paragraph~4"},
		{"en Paragraph", "en", p4, RefOptions{Capital: true}, "Paragraph~4"},
		{"en case ignored", "en", p4, RefOptions{Case: Ins}, "paragraph~4"},
		{"en sub-paragraph", "en", []Step{{"sub-paragraph", "4.1"}}, RefOptions{}, "sub-paragraph~4.1"},
		{"en chain", "en", p21iii, RefOptions{}, "paragraph~2.1, subparagraph~iii."},
		{"en pillar", "en", pillar2p3, RefOptions{}, "Pillar~II, paragraph~3"},
		{"en bis", "en", []Step{{"subparagraph", "(ii) (bis)"}}, RefOptions{}, "subparagraph~(ii) (bis)"},
		{"en no number", "en", []Step{{"annex", ""}}, RefOptions{Capital: true}, "Annex"},

		{"ru dat chain", "ru", p21iii, RefOptions{Case: Dat}, "подпункту~iii. пункта~2.1"},
		{"ru gen chain", "ru", p21iv, RefOptions{Case: Gen}, "подпункта~iv. пункта~2.1"},
		{"ru pillar nom", "ru", pillar2p3, RefOptions{Case: Nom}, "пункт~3 Компонента~II"},
		{"ru pillar gen", "ru", pillar3p2, RefOptions{Case: Gen}, "пункта~2 Компонента~III"},
		{"ru ins", "ru", p4, RefOptions{Case: Ins}, "пунктом~4"},
		{"ru empty case", "ru", p4, RefOptions{}, "пункт~4"},
		{"ru capital", "ru", p4, RefOptions{Capital: true}, "Пункт~4"},
		{"ru three levels", "ru", []Step{{"section", "1"}, {"paragraph", "2"}, {"item", "a."}}, RefOptions{Case: Pre}, "подпункте~a. пункта~2 раздела~1"},

		{"kk possessed dat", "kk", p21iii, RefOptions{Case: Dat, Possessed: true}, "2.1-тармағының~iii.~тармақшасына"},
		{"kk container nominative gen", "kk", p21iv, RefOptions{Case: Gen, Possessed: true, ContainerNominative: true}, "2.1-тармағы~iv.~тармақшасының"},
		{"kk pillar nom", "kk", pillar2p3, RefOptions{Case: Nom}, "II~компоненттің~3-тармағы"},
		{"kk pillar possessed nominative container", "kk", pillar3p2, RefOptions{Case: Gen, Possessed: true, ContainerNominative: true}, "III~компоненті~2-тармағының"},
		{"kk unpossessed nominative container", "kk", pillar2p3, RefOptions{ContainerNominative: true}, "II~компонент~3-тармағы"},
		{"kk clause possessed dat", "kk", p4, RefOptions{Case: Dat, Possessed: true}, "4-тармағына"},
		{"kk bare", "kk", p4, RefOptions{}, "4-тармақ"},
		{"kk bare dat", "kk", p4, RefOptions{Case: Dat}, "4-тармаққа"},
		{"kk capital ignored before number", "kk", p4, RefOptions{Capital: true}, "4-тармақ"},
		{"kk article possessed loc", "kk", []Step{{"article", "5"}}, RefOptions{Case: Loc, Possessed: true}, "5-бабында"},
		{"kk annex attr", "kk", []Step{{"annex", "1"}}, RefOptions{Case: Attr}, "1-қосымшадағы"},
		{"kk bis", "kk", []Step{{"paragraph", "2.1"}, {"subparagraph", "(ii) (bis)"}}, RefOptions{Case: Nom}, "2.1-тармақтың~(ii) (bis)~тармақшасы"},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := e.Language(tt.tag)
			if err != nil {
				t.Fatal(err)
			}
			got, err := l.Ref(tt.chain, tt.opt)
			if want := tie(tt.want); err != nil || got != want {
				t.Errorf("Ref(%v, %+v) = %q, %v; want %q", tt.chain, tt.opt, got, err, want)
			}
		})
	}
}

func TestRefList(t *testing.T) {
	p12 := []Step{{"paragraph", "1"}, {"paragraph", "2"}}
	p123 := []Step{{"paragraph", "1"}, {"paragraph", "2"}, {"paragraph", "3"}}
	tests := []struct {
		name    string
		tag     string
		targets []Step
		opt     RefOptions
		want    string
	}{
		{"en two", "en", p12, RefOptions{}, "paragraphs~1 and 2"},
		{"en three", "en", p123, RefOptions{}, "paragraphs~1, 2 and 3"},
		{"en capital", "en", p12, RefOptions{Capital: true}, "Paragraphs~1 and 2"},
		{"en one", "en", p12[:1], RefOptions{}, "paragraph~1"},
		{"ru ins", "ru", p12, RefOptions{Case: Ins}, "пунктами~1 и 2"},
		{"ru gen three", "ru", p123, RefOptions{Case: Gen}, "пунктов~1, 2 и 3"},
		{"ru one dat", "ru", p12[:1], RefOptions{Case: Dat}, "пункту~1"},
		{"kk nom", "kk", p12, RefOptions{}, "1 және 2-тармақтар"},
		{"kk three possessed dat", "kk", p123, RefOptions{Case: Dat, Possessed: true}, "1, 2 және 3-тармақтарына"},
		{"kk possessed loc", "kk", p12, RefOptions{Case: Loc, Possessed: true}, "1 және 2-тармақтарында"},
		{"kk roman", "kk", []Step{{"pillar", "II"}, {"pillar", "III"}}, RefOptions{Case: Gen}, "II және III~компоненттердің"},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			got, err := l.RefList(tt.targets, tt.opt)
			if want := tie(tt.want); err != nil || got != want {
				t.Errorf("RefList(%v, %+v) = %q, %v; want %q", tt.targets, tt.opt, got, err, want)
			}
		})
	}
}

func TestRefErrors(t *testing.T) {
	tests := []struct {
		name    string
		tag     string
		list    bool
		chain   []Step
		opt     RefOptions
		wantErr string
	}{
		{"empty chain", "en", false, nil, RefOptions{}, "empty chain"},
		{"unknown term", "ru", false, []Step{{"clause", "1"}}, RefOptions{}, `"clause"`},
		{"bad case ru", "ru", false, []Step{{"paragraph", "1"}}, RefOptions{Case: Abl}, `"abl"`},
		{"bad case kk", "kk", false, []Step{{"paragraph", "1"}}, RefOptions{Case: Pre}, `"pre"`},
		{"mixed list", "en", true, []Step{{"paragraph", "1"}, {"annex", "2"}}, RefOptions{}, "mixed terms"},
		{"empty list", "en", true, nil, RefOptions{}, "no targets"},
		{"unknown list term", "kk", true, []Step{{"clause", "1"}, {"clause", "2"}}, RefOptions{}, `"clause"`},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := e.Language(tt.tag)
			var err error
			if tt.list {
				_, err = l.RefList(tt.chain, tt.opt)
			} else {
				_, err = l.Ref(tt.chain, tt.opt)
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %s", err, tt.wantErr)
			}
		})
	}
}
