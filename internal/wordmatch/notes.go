package wordmatch

import "strings"

// Landmarks of the reference text
// (testdata/reference/cica-note-NCT-CT-569-and-draft-mou.txt): where each
// of its three notes verbales starts and ends. The English and the Russian
// notes start at their letterheads (the first and the second); the Kazakh
// one has none in the reference and starts with its first paragraph. Each
// ends with its place and date.
const (
	refLetterhead = "**SECRETARIAT OF THE CONFERENCE"
	refKazakhOpen = "Азиядағы өзара іс-қимыл"
	refPlaceEN    = "Astana, 13 May 2024"
	refPlaceRU    = "город Астана, 13 мая 2024 года"
	refPlaceKK    = "Астана қаласы, 2024 жылғы 13 мамыр"
)

// ReferenceNotes cuts the reference text ref into its English, Russian and
// Kazakh notes verbales, each from its first words to its place and date
// inclusive, in that order. A note that cannot be found (or one before it
// could not) is "".
func ReferenceNotes(ref string) (en, ru, kk string) {
	from := 0
	cut := func(start, end string) string {
		if from < 0 {
			return ""
		}
		i := strings.Index(ref[from:], start)
		if i < 0 {
			from = -1
			return ""
		}
		i += from
		j := strings.Index(ref[i:], end)
		if j < 0 {
			from = -1
			return ""
		}
		from = i + j + len(end)
		return ref[i:from]
	}
	en = cut(refLetterhead, refPlaceEN)
	ru = cut(refLetterhead, refPlaceRU)
	kk = cut(refKazakhOpen, refPlaceKK)
	return en, ru, kk
}
