package number

import (
	"strconv"
	"strings"
)

// NumFmt writes n as Word writes a list number in the OOXML number format
// format (a w:numFmt value): lowerRoman "iv", upperLetter "D" (then "AA",
// "BB" … past 26), decimalZero "04", none "", and decimal digits for
// every other format.
func NumFmt(format string, n int) string {
	switch format {
	case "lowerRoman":
		return Roman(n)
	case "upperRoman":
		return strings.ToUpper(Roman(n))
	case "lowerLetter":
		return wordLetters(n, 'a')
	case "upperLetter":
		return wordLetters(n, 'A')
	case "decimalZero":
		if n < 10 && n >= 0 {
			return "0" + strconv.Itoa(n)
		}
	case "none":
		return ""
	}
	return strconv.Itoa(n)
}

// wordLetters numbers as Word does: a … z, then aa … zz, aaa …, up to
// Word's last letter number (780); digits past it.
func wordLetters(n int, base byte) string {
	if n <= 0 || n > 780 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune(base)+rune((n-1)%26)), (n-1)/26+1)
}
