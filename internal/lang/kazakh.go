package lang

import (
	"strings"
	"unicode"
)

// Suffix is one Kazakh inflectional suffix, attached by KazakhSuffix,
// KazakhSuffixes and KazakhNumeral according to vowel harmony and the class
// of the preceding sound.
type Suffix int

// Kazakh suffixes. The allomorphs are listed back/front.
const (
	// Plural: -лар/-лер after vowels and р й у; -дар/-дер after л м н ң з ж;
	// -тар/-тер after voiceless consonants.
	Plural Suffix = iota + 1
	// Possessive3 (3rd person possessive): -сы/-сі after vowels, -ы/-і after
	// consonants, with stem-final к, қ, п voiced to г, ғ, б.
	Possessive3
	// Genitive: -ның/-нің after vowels and м н ң; -дың/-дің after р й у л з ж;
	// -тың/-тің after voiceless consonants.
	Genitive
	// Dative: -ға/-ге after vowels and voiced consonants, -қа/-ке after
	// voiceless ones, -на/-не after the 3rd person possessive.
	Dative
	// Accusative: -ны/-ні after vowels, -ды/-ді after voiced consonants,
	// -ты/-ті after voiceless ones, -н after the 3rd person possessive.
	Accusative
	// Locative: -да/-де, -та/-те after voiceless consonants, -нда/-нде after
	// the 3rd person possessive.
	Locative
	// Ablative: -дан/-ден, -нан/-нен after м н ң and after the 3rd person
	// possessive, -тан/-тен after voiceless consonants.
	Ablative
	// Instrumental: -мен after vowels and sonorants, -бен after з ж, -пен after
	// voiceless consonants (no vowel harmony).
	Instrumental
	// Attributive: -ғы/-гі, -қы/-кі after voiceless consonants ("жылғы").
	Attributive
	// LocAttributive: -дағы/-дегі, -тағы/-тегі after voiceless consonants,
	// -ндағы/-ндегі after the 3rd person possessive ("сәуірдегі").
	LocAttributive
)

// String returns the suffix name.
func (s Suffix) String() string {
	switch s {
	case Plural:
		return "Plural"
	case Possessive3:
		return "Possessive3"
	case Genitive:
		return "Genitive"
	case Dative:
		return "Dative"
	case Accusative:
		return "Accusative"
	case Locative:
		return "Locative"
	case Ablative:
		return "Ablative"
	case Instrumental:
		return "Instrumental"
	case Attributive:
		return "Attributive"
	case LocAttributive:
		return "LocAttributive"
	}
	return "Suffix(?)"
}

// kkCaseSuffix maps a Kazakh case to its suffix; ok is false for the
// nominative and for cases Kazakh does not have.
func kkCaseSuffix(c Case) (s Suffix, ok bool) {
	switch c {
	case Gen:
		return Genitive, true
	case Dat:
		return Dative, true
	case Acc:
		return Accusative, true
	case Loc:
		return Locative, true
	case Abl:
		return Ablative, true
	case Ins:
		return Instrumental, true
	case Attr:
		return LocAttributive, true
	}
	return 0, false
}

// soundClass is the class of a word's final sound as far as suffix choice
// is concerned.
type soundClass int

const (
	clsVowel     soundClass = iota
	clsGlide                // р й у и
	clsL                    // л
	clsNasal                // м н ң
	clsSibilant             // з ж
	clsVoiceless            // к қ п с т ф х һ ц ч ш щ, and б в г д (devoiced finally)
)

// kkHarmony reports whether word takes back-vowel suffixes, judged by its
// last unambiguous vowel. и and у are skipped (they are glides after a
// vowel); a word whose only vowels are и or у is front for и, back for у.
func kkHarmony(word string) (back bool) {
	rs := []rune(strings.ToLower(word))
	ambiguous := rune(0)
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case 'а', 'о', 'ұ', 'ы', 'я', 'ё', 'ю', 'a', 'o', 'u', 'y':
			return true
		case 'ә', 'ө', 'ү', 'і', 'е', 'э', 'e', 'i':
			return false
		case 'и', 'у':
			if ambiguous == 0 {
				ambiguous = rs[i]
			}
		}
	}
	return ambiguous != 'и'
}

// kkFinal returns the class of the last sound of word and its last letter
// (lower case). Trailing soft/hard signs and non-letters are skipped.
func kkFinal(word string) (soundClass, rune) {
	rs := []rune(strings.ToLower(word))
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		if !unicode.IsLetter(r) || r == 'ь' || r == 'ъ' {
			continue
		}
		switch r {
		case 'а', 'ә', 'е', 'ё', 'о', 'ө', 'ұ', 'ү', 'ы', 'і', 'э', 'ю', 'я',
			'a', 'e', 'i', 'o', 'u', 'y':
			return clsVowel, r
		case 'р', 'й', 'у', 'и', 'r', 'w':
			return clsGlide, r
		case 'л', 'l':
			return clsL, r
		case 'м', 'н', 'ң', 'm', 'n':
			return clsNasal, r
		case 'з', 'ж', 'z', 'j':
			return clsSibilant, r
		}
		return clsVoiceless, r
	}
	return clsVowel, 0
}

// hv picks the back or front allomorph.
func hv(back bool, b, f string) string {
	if back {
		return b
	}
	return f
}

// kkAttach works out how suffix s attaches to word. afterPoss says word ends
// in the 3rd person possessive, which selects the pronominal н-forms of the
// case suffixes. It returns the (possibly voiced) stem and the suffix, so
// that word+suffix is stem+suffix with stem-final voicing applied.
func kkAttach(word string, s Suffix, afterPoss bool) (stem, suffix string) {
	back := kkHarmony(word)
	cls, last := kkFinal(word)
	stem = word
	switch s {
	case Plural:
		switch cls {
		case clsVowel, clsGlide:
			return stem, hv(back, "лар", "лер")
		case clsVoiceless:
			return stem, hv(back, "тар", "тер")
		}
		return stem, hv(back, "дар", "дер")
	case Possessive3:
		if cls == clsVowel {
			return stem, hv(back, "сы", "сі")
		}
		return kkVoice(word, last), hv(back, "ы", "і")
	case Genitive:
		switch {
		case cls == clsVowel || cls == clsNasal:
			return stem, hv(back, "ның", "нің")
		case cls == clsVoiceless:
			return stem, hv(back, "тың", "тің")
		}
		return stem, hv(back, "дың", "дің")
	case Dative:
		switch {
		case afterPoss:
			return stem, hv(back, "на", "не")
		case cls == clsVoiceless:
			return stem, hv(back, "қа", "ке")
		}
		return stem, hv(back, "ға", "ге")
	case Accusative:
		switch {
		case afterPoss:
			return stem, "н"
		case cls == clsVowel:
			return stem, hv(back, "ны", "ні")
		case cls == clsVoiceless:
			return stem, hv(back, "ты", "ті")
		}
		return stem, hv(back, "ды", "ді")
	case Locative:
		switch {
		case afterPoss:
			return stem, hv(back, "нда", "нде")
		case cls == clsVoiceless:
			return stem, hv(back, "та", "те")
		}
		return stem, hv(back, "да", "де")
	case Ablative:
		switch {
		case afterPoss || cls == clsNasal:
			return stem, hv(back, "нан", "нен")
		case cls == clsVoiceless:
			return stem, hv(back, "тан", "тен")
		}
		return stem, hv(back, "дан", "ден")
	case Instrumental:
		switch cls {
		case clsSibilant:
			return stem, "бен"
		case clsVoiceless:
			return stem, "пен"
		}
		return stem, "мен"
	case Attributive:
		if cls == clsVoiceless {
			return stem, hv(back, "қы", "кі")
		}
		return stem, hv(back, "ғы", "гі")
	case LocAttributive:
		switch {
		case afterPoss:
			return stem, hv(back, "ндағы", "ндегі")
		case cls == clsVoiceless:
			return stem, hv(back, "тағы", "тегі")
		}
		return stem, hv(back, "дағы", "дегі")
	}
	return stem, ""
}

// kkVoice voices a stem-final к, қ, п (to г, ғ, б) before a vowel.
func kkVoice(word string, last rune) string {
	var to rune
	switch last {
	case 'к':
		to = 'г'
	case 'қ':
		to = 'ғ'
	case 'п':
		to = 'б'
	default:
		return word
	}
	rs := []rune(word)
	i := len(rs) - 1
	if unicode.IsUpper(rs[i]) {
		to = unicode.ToUpper(to)
	}
	rs[i] = to
	return string(rs)
}

// KazakhSuffix attaches one suffix to a bare stem by rule. The stem is taken
// to carry no possessive; to attach a case after Possessive3 (which selects
// -на, -нда, -нан, -н, -ндағы) use KazakhSuffixes.
func KazakhSuffix(stem string, s Suffix) string {
	return KazakhSuffixes(stem, s)
}

// KazakhSuffixes attaches suffixes to stem in order, e.g.
// ("тармақ", Possessive3, Dative) -> "тармағына".
func KazakhSuffixes(stem string, ss ...Suffix) string {
	word := stem
	poss := false
	for _, s := range ss {
		st, suf := kkAttach(word, s, poss)
		word = st + suf
		poss = s == Possessive3
	}
	return word
}

// KazakhInflect builds the form of a noun stem: optional plural, then
// optional 3rd person possessive, then case c ("" and Nom add nothing).
// A case Kazakh does not have (pre) adds nothing either; Language.Term
// validates cases before getting here.
func KazakhInflect(stem string, plural, possessive bool, c Case) string {
	var ss []Suffix
	if plural {
		ss = append(ss, Plural)
	}
	if possessive {
		ss = append(ss, Possessive3)
	}
	if s, ok := kkCaseSuffix(c.orNom()); ok {
		ss = append(ss, s)
	}
	return KazakhSuffixes(stem, ss...)
}

// KazakhForm is KazakhInflect for the singular:
// ("тармақ", true, Gen) -> "тармағының".
func KazakhForm(stem string, possessive bool, c Case) string {
	return KazakhInflect(stem, false, possessive, c)
}
