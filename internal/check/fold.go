package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a text in the form quotations are compared in: Unicode NFC,
// every run of white space one space, none at either end. at maps each
// byte back to the offset in the original text it came from.
type folded struct {
	text string
	at   []int
	end  int // offset in the original text just after the last byte kept
}

// fold normalises s. Nothing but composition and white space changes:
// quote marks, dashes, case and letters from other scripts stay as they
// are, so that they count as differences.
func fold(s string) folded {
	var nfc []byte
	var nfcAt, nfcEnd []int
	for i := 0; i < len(s); {
		n := norm.NFC.NextBoundaryInString(s[i:], true)
		if n <= 0 {
			n = len(s) - i
		}
		seg := norm.NFC.String(s[i : i+n])
		nfc = append(nfc, seg...)
		for range len(seg) {
			nfcAt = append(nfcAt, i)
			nfcEnd = append(nfcEnd, i+n)
		}
		i += n
	}
	var f folded
	var b strings.Builder
	space := -1 // origin of a pending space, -1 when none
	for i := 0; i < len(nfc); {
		r, size := utf8.DecodeRune(nfc[i:])
		if unicode.IsSpace(r) {
			if space < 0 && b.Len() > 0 {
				space = nfcAt[i]
			}
			i += size
			continue
		}
		if space >= 0 {
			b.WriteByte(' ')
			f.at = append(f.at, space)
			space = -1
		}
		b.Write(nfc[i : i+size])
		for range size {
			f.at = append(f.at, nfcAt[i])
		}
		f.end = nfcEnd[i+size-1]
		i += size
	}
	f.text = b.String()
	return f
}

// origin returns the offset in the original text of byte off of the
// folded one; off == len(text) maps just after the last byte kept.
func (f folded) origin(off int) int {
	if off < len(f.at) {
		return f.at[off]
	}
	return f.end
}

// wordList is a folded text split at its spaces, keeping where each word
// starts in the folded text.
type wordList struct {
	words  []string
	starts []int
}

// splitWords splits text (a part of a folded text beginning at base).
func splitWords(text string, base int) wordList {
	var w wordList
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			if i > start {
				w.words = append(w.words, text[start:i])
				w.starts = append(w.starts, base+start)
			}
			start = i + 1
		}
	}
	return w
}
