package load

import (
	"fmt"
	"golang.org/x/text/unicode/runenames"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"go.yaml.in/yaml/v3"
)

// Languages lists the languages a text may be written in: the built-in
// languages of package lang, in their order.
func Languages() []string { return lang.Tags() }

// text reads a per-language text: a mapping from language code to string.
func (r *reader) text(n *yaml.Node, what string) model.Text {
	t := model.Text{}
	ok := r.perLanguage(n, what, func(lang string, v *yaml.Node) bool {
		s, ok := r.nonEmpty(v, what+" ("+lang+")")
		if ok {
			ok = r.plainCharacters(v, s)
		}
		if ok {
			t[lang] = &model.Localized{Pos: r.pos(v), Raw: s, Runs: ParseInline(s, r.offsetPos(v), r.diags)}
		} else {
			// Reported; the language is there, so no second error
			// says it is missing. The build stops at load errors.
			t[lang] = &model.Localized{Pos: r.pos(v)}
		}
		return ok
	})
	if !ok {
		return nil
	}
	return t
}

// perLanguage walks a mapping from language code to a string, reporting
// unknown and repeated languages, and calls read for each of the others.
// It reports and returns false when n is not a mapping.
func (r *reader) perLanguage(n *yaml.Node, what string, read func(lang string, v *yaml.Node) bool) bool {
	if n.Kind != yaml.MappingNode {
		d := r.errorf(n, "type", "%s must be a mapping from language to text, found %s", what, kindName(n))
		d.Hint = "write {en: ...} (languages: " + strings.Join(Languages(), ", ") + ")"
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode {
			d := r.errorf(k, "type", "a language of %s must be a plain key such as en:, found %s", what, kindName(k))
			d.Hint = "write one line per language: {en: ..., ru: ...}"
			return false
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(Languages(), k.Value):
			r.unknownLanguage(k, k.Value, what)
		case seen[k.Value]:
			r.errorf(k, "duplicate-key", "language %q appears twice in %s", k.Value, what)
		default:
			seen[k.Value] = read(k.Value, v)
		}
	}
	return true
}

// plainCharacters refuses characters that have no place in a text: control
// characters (other than line breaks and tabs, which fold into spaces) and
// the bidirectional embeddings, overrides and isolates, which make a text
// read differently from what is stored ("Trojan Source").
func (r *reader) plainCharacters(v *yaml.Node, s string) bool {
	for i, c := range s {
		var what string
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c < 0x20 || c >= 0x7F && c < 0xA0:
			what = "control character"
		case c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069:
			what = "bidirectional control character"
		default:
			continue
		}
		name := runenames.Name(c)
		if name == "" || name == "<control>" {
			name = "a control code"
		}
		d := r.diags.Errorf(r.offsetPos(v)(i), "encoding", "%s U+%04X (%s) in a text", what, c, name)
		d.Hint = "remove it; it is invisible, and no edition can print it"
		return false
	}
	return true
}

// unknownLanguage reports an unknown language code (in what, if given),
// suggesting the known one it differs from only by letter case.
func (r *reader) unknownLanguage(n *yaml.Node, code, what string) {
	msg := fmt.Sprintf("unknown language %q", code)
	if what != "" {
		msg += " in " + what
	}
	for _, l := range Languages() {
		if strings.EqualFold(l, code) {
			r.errorf(n, "unknown-language", "%s, did you mean %s?", msg, l).Hint = "language codes are written in lower case"
			return
		}
	}
	r.errorf(n, "unknown-language", "%s", msg).Hint = "languages: " + strings.Join(Languages(), ", ")
}

// nonEmpty reads a string that is not blank.
func (r *reader) nonEmpty(n *yaml.Node, what string) (string, bool) {
	s, ok := r.str(n, what)
	if ok && strings.TrimSpace(s) == "" {
		r.errorf(n, "empty-text", "%s is empty", what).Hint = "write the text, or remove the field"
		return "", false
	}
	return s, ok
}

// offsetPos maps a byte offset in a scalar's value to a file position. It
// is exact for single-line plain and quoted scalars (escapes aside) and
// falls back to the scalar's own position otherwise.
func (r *reader) offsetPos(n *yaml.Node) func(int) diag.Pos {
	base := r.pos(n)
	exact := !strings.Contains(n.Value, "\n") && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0
	shift := 0
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		shift = 1
	}
	return func(off int) diag.Pos {
		if !exact || off > len(n.Value) {
			return base
		}
		p := base
		p.Col += shift + utf8.RuneCountInString(n.Value[:off])
		return p
	}
}
