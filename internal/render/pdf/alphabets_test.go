package pdf_test

import (
	"strings"
	"testing"
)

// The alphabets in order, as testdata/pdf/alphabets spells them.
const (
	russianLower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
	russianUpper = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
	kazakhLower  = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
	kazakhUpper  = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
)

// TestAlphabetsRoundTrip renders every letter of the Russian and Kazakh
// alphabets in the four faces and reads them back with pdftotext.
func TestAlphabetsRoundTrip(t *testing.T) {
	tests := []struct {
		tag          string
		lower, upper string
		extra        []string // other lines the PDF must carry
	}{
		{"ru", russianLower, russianUpper, []string{"ПРОЕКТ", "МЕМОРАНДУМ О ВЗАИМОПОНИМАНИИ", "Страница 1 из 1", "Пётр Ёлкин", "Подпись:", "Дата:"}},
		{"kk", kazakhLower, kazakhUpper, []string{"ЖОБА", "ӨЗАРА ТҮСІНІСТІК ТУРАЛЫ МЕМОРАНДУМ", "1 беттің 1-беті", "Ғалым Жұмабекұлы", "Қолы:", "Күні:"}},
	}
	doc, e := assemble(t, repoRoot+"/testdata/pdf/alphabets", "alphabets", false)
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if len([]rune(tt.lower)) != len([]rune(tt.upper)) || strings.ToUpper(tt.lower) != tt.upper {
				t.Fatalf("bad test alphabets %q %q", tt.lower, tt.upper)
			}
			data, _ := render(t, doc, language(t, e, tt.tag))
			text := pdftotext(t, data)
			// Letters-only words, in order: roman lower, roman upper, then
			// lower and upper in italic, bold and bold italic.
			var alphabet []string
			for _, w := range strings.Fields(text) {
				if len([]rune(w)) >= len([]rune(tt.lower))-1 && strings.Trim(w, tt.lower+tt.upper) == "" {
					alphabet = append(alphabet, w)
				}
			}
			want := []string{tt.lower, tt.upper, tt.lower, tt.upper, tt.lower, tt.upper, tt.lower, tt.upper}
			if strings.Join(alphabet, "\n") != strings.Join(want, "\n") {
				t.Errorf("extracted alphabets:\n%s\nwant:\n%s", strings.Join(alphabet, "\n"), strings.Join(want, "\n"))
			}
			for _, s := range tt.extra {
				if !strings.Contains(text, s) {
					t.Errorf("the PDF lacks %q:\n%s", s, text)
				}
			}
		})
	}
}
