package lang

import (
	"strconv"
	"strings"
)

// KazakhNumberWords spells a non-negative integer in Kazakh words:
// 2024 -> "екі мың жиырма төрт", 100 -> "жүз", 1945 -> "мың тоғыз жүз қырық бес".
// Negative numbers are prefixed with "минус".
func KazakhNumberWords(n int) string {
	if n < 0 {
		// uint64 holds the magnitude of every int, math.MinInt included
		// (found by FuzzKazakhSuffix).
		return "минус " + kkWords(uint64(-(n+1))+1)
	}
	return kkWords(uint64(n))
}

// kkWords spells n; the count of a scale may itself be a thousand or more
// (10^12 is "мың миллиард"), found by FuzzKazakhSuffix.
func kkWords(n uint64) string {
	if n == 0 {
		return "нөл"
	}
	var words []string
	scales := []struct {
		value uint64
		name  string
	}{
		{1_000_000_000, "миллиард"},
		{1_000_000, "миллион"},
		{1000, "мың"},
	}
	for _, sc := range scales {
		if n >= sc.value {
			k := n / sc.value
			n %= sc.value
			switch {
			case k >= 1000:
				words = append(words, kkWords(k))
			case k > 1 || sc.value > 1000:
				words = append(words, kkBelowThousand(int(k))...)
			}
			words = append(words, sc.name)
		}
	}
	words = append(words, kkBelowThousand(int(n))...)
	return strings.Join(words, " ")
}

// kkBelowThousand spells 0 < n < 1000 (nothing for 0).
func kkBelowThousand(n int) []string {
	units := []string{"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"}
	tens := []string{"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"}
	var w []string
	if h := n / 100; h > 0 {
		if h > 1 {
			w = append(w, units[h])
		}
		w = append(w, "жүз")
	}
	if t := n / 10 % 10; t > 0 {
		w = append(w, tens[t])
	}
	if u := n % 10; u > 0 {
		w = append(w, units[u])
	}
	return w
}

// kkSpokenLast returns the last spoken word of a printed number, which is
// what suffixes harmonise with: "2024" -> "төрт", "2.1" -> "бір" (last
// component), "II" / "iii." -> "екі" / "үш" (Roman numerals). For anything
// else it returns the number itself with punctuation trimmed.
func kkSpokenLast(number string) string {
	s := strings.TrimRight(strings.TrimSpace(number), ".)")
	if i := strings.LastIndex(s, "."); i >= 0 {
		s = s[i+1:]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		var ok bool
		if n, ok = parseRoman(s); !ok {
			f := strings.Fields(strings.Trim(number, "().- "))
			if len(f) == 0 {
				return number
			}
			return strings.Trim(f[len(f)-1], "().")
		}
	}
	w := strings.Fields(KazakhNumberWords(n))
	return w[len(w)-1]
}

// parseRoman parses a Roman numeral in either letter case.
func parseRoman(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	val := map[rune]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	rs := []rune(strings.ToLower(s))
	total := 0
	for i, r := range rs {
		v, ok := val[r]
		if !ok {
			return 0, false
		}
		if i+1 < len(rs) && val[rs[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total, total > 0
}

// KazakhNumeral attaches suffixes to a number written in digits (or Roman
// numerals), after a hyphen, choosing each suffix by the number's last spoken
// word: ("2024", Dative) -> "2024-ке" (…төрт), ("10", Dative) -> "10-ға"
// (он), ("40", Dative) -> "40-қа" (қырық), ("2.1", Possessive3) -> "2.1-і".
// With no suffixes the number is returned unchanged.
func KazakhNumeral(number string, suffixes ...Suffix) string {
	if len(suffixes) == 0 {
		return number
	}
	word := kkSpokenLast(number)
	var b strings.Builder
	b.WriteString(number)
	b.WriteByte('-')
	poss := false
	for _, s := range suffixes {
		st, suf := kkAttach(word, s, poss)
		word = st + suf
		poss = s == Possessive3
		b.WriteString(suf)
	}
	return b.String()
}
