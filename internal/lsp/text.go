package lsp

import (
	"strings"
	"unicode/utf8"
)

// LSP counts characters in UTF-16 code units; chancery's diagnostics count
// them in runes; Go strings index bytes. These convert between the three
// within one line.

// utf16Col is the UTF-16 column of byte offset off in line.
func utf16Col(line string, off int) int {
	n := 0
	for _, r := range line[:min(off, len(line))] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// byteOfUTF16 is the byte offset of UTF-16 column col in line (the end of
// the line when col is past it).
func byteOfUTF16(line string, col int) int {
	n := 0
	for i, r := range line {
		if n >= col {
			return i
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(line)
}

// byteOfRune is the byte offset of the rune at index col of line.
func byteOfRune(line string, col int) int {
	n := 0
	for i := range line {
		if n == col {
			return i
		}
		n++
	}
	return len(line)
}

func runeLen(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	return size
}

// offsetOf is the byte offset in text of an LSP position.
func offsetOf(text string, p Position) int {
	off := 0
	for i := 0; i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	end := strings.IndexByte(text[off:], '\n')
	line := text[off:]
	if end >= 0 {
		line = text[off : off+end]
	}
	return off + byteOfUTF16(line, p.Character)
}

// applyChange replaces the range r of text with s.
func applyChange(text string, r Range, s string) string {
	a, b := offsetOf(text, r.Start), offsetOf(text, r.End)
	if b < a {
		a, b = b, a
	}
	return text[:a] + s + text[b:]
}
