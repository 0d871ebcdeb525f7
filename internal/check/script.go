package check

import (
	"fmt"
	"github.com/chancery-dev/chancery/internal/lang"
	"unicode"
	"unicode/utf8"
)

// mixedScript reports words that mix letters of two scripts, such as
// "Келiсiм" typed with a Latin i, which look right and are wrong: they
// defeat search, spell checking and verbatim comparison.
func (r *run) mixedScript() {
	for _, t := range r.texts {
		l := t.plain
		start := -1
		for i := 0; i <= len(l.text); {
			rn, size := utf8.DecodeRuneInString(l.text[i:])
			inWord := i < len(l.text) && l.from[i] == fromPlain && (unicode.IsLetter(rn) || unicode.IsMark(rn))
			switch {
			case inWord && start < 0:
				start = i
			case !inWord && start >= 0:
				r.checkWord(t, l, start, i)
				start = -1
			}
			if i == len(l.text) {
				break
			}
			i += size
		}
	}
}

// checkWord reports the word l.text[start:end] if it mixes scripts,
// naming its first letter that is not in the word's main script.
func (r *run) checkWord(t ownedText, l *located, start, end int) {
	word := l.text[start:end]
	if oneScript(word) {
		return // most words: nothing to count
	}
	count := map[string]int{}
	var scripts []string
	for _, rn := range word {
		s := script(rn)
		if s == "" {
			continue
		}
		if count[s] == 0 {
			scripts = append(scripts, s)
		}
		count[s]++
	}
	if len(scripts) < 2 {
		return
	}
	main := scripts[0]
	for _, s := range scripts[1:] {
		if count[s] > count[main] || count[s] == count[main] && s == expectedScript(t.lang) {
			main = s
		}
	}
	odd, oddAt, n := rune(0), 0, 0
	for i, rn := range word {
		if s := script(rn); s != "" && s != main {
			if n == 0 {
				odd, oddAt = rn, start+i
			}
			n++
		}
	}
	pos := l.pos(oddAt)
	where := fmt.Sprintf("at column %d", pos.Col)
	if !l.exact {
		where = fmt.Sprintf("letter %d of the word", utf8.RuneCountInString(l.text[start:oddAt])+1)
	}
	msg := fmt.Sprintf("%q mixes %s and %s letters: %s %s", word, main, script(odd), describe(odd), where)
	if n > 1 {
		msg += fmt.Sprintf(" (and %d more)", n-1)
	}
	d := r.report(t.unit, MixedScript, r.draftSeverity(), pos, MixedScript, msg)
	if alt, ok := lookalike(odd); ok && script(alt) == main {
		d.Hint = fmt.Sprintf("type %s instead, which looks the same", describe(alt))
	} else {
		d.Hint = "retype the word in one script"
	}
}

// expectedScript is the script a language is written in, as its data
// says (script:).
func expectedScript(tag string) string { return lang.ScriptOf(tag) }

// oneScript tells whether the letters of word that have a script are all
// of the same one, without allocating.
func oneScript(word string) bool {
	first := ""
	for _, rn := range word {
		s := script(rn)
		switch {
		case s == "":
		case first == "":
			first = s
		case s != first:
			return false
		}
	}
	return true
}
