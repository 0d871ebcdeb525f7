package load

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

// ParseInline parses the inline markup of one text: *emphasis*, **strong**,
// {ref:id,...|flags}, {fill:name}, {fn:footnote text}, {link:URL} and
// {link:URL|text}, and backslash escapes; web and e-mail addresses written
// bare become links (see autolink.go). at maps a byte offset of s to its
// position in the file.
func ParseInline(s string, at func(off int) diag.Pos, diags *diag.List) []model.Inline {
	p := &inlineParser{src: s, at: at, diags: diags}
	runs, _ := p.parse("")
	return runs
}

type inlineParser struct {
	src   string
	i     int
	at    func(int) diag.Pos
	diags *diag.List
	// inFootnote is set while the text of a footnote is read: footnotes do
	// not nest.
	inFootnote bool
}

// parse reads runs until the closing delimiter, or the end when closing is
// "". It reports whether the delimiter was found.
func (p *inlineParser) parse(closing string) ([]model.Inline, bool) {
	var runs []model.Inline
	var buf strings.Builder
	bufStart := p.i
	flush := func() {
		if buf.Len() > 0 {
			runs = append(runs, autolink(buf.String(), bufStart, p.at)...)
			buf.Reset()
		}
	}
	for p.i < len(p.src) {
		c := p.src[p.i]
		if buf.Len() == 0 {
			bufStart = p.i
		}
		switch {
		case c == '\\' && p.i+1 < len(p.src) && strings.IndexByte(`\*{}`, p.src[p.i+1]) >= 0:
			buf.WriteByte(p.src[p.i+1])
			p.i += 2
		case c == '*':
			delim := "*"
			if strings.HasPrefix(p.src[p.i:], "**") && closing != "*" {
				delim = "**"
			}
			flush()
			if delim == closing {
				p.i += len(delim)
				return runs, true
			}
			open := p.i
			p.i += len(delim)
			inner, ok := p.parse(delim)
			if !ok {
				d := p.diags.Errorf(p.at(open), "markup", "%s is opened here but never closed", delim)
				d.Hint = `close the emphasis, or write \* for a literal asterisk`
				return append(runs, inner...), closing == ""
			}
			if delim == "*" {
				runs = append(runs, &model.Emphasis{Runs: inner, Pos: p.at(open)})
			} else {
				runs = append(runs, &model.Strong{Runs: inner, Pos: p.at(open)})
			}
		case c == '}' && closing == "}":
			flush()
			p.i++
			return runs, true
		case c == '{':
			flush()
			if r := p.directive(); r != nil {
				runs = append(runs, r)
			}
		default:
			_, size := utf8.DecodeRuneInString(p.src[p.i:])
			buf.WriteString(p.src[p.i : p.i+size])
			p.i += size
		}
	}
	flush()
	return runs, closing == ""
}

// directive reads {ref:...} or {fill:...} at p.i.
func (p *inlineParser) directive() model.Inline {
	open := p.i
	if strings.HasPrefix(p.src[open:], "{fn:") {
		return p.footnote()
	}
	end := strings.IndexByte(p.src[open:], '}')
	if end < 0 {
		p.i = len(p.src)
		d := p.diags.Errorf(p.at(open), "markup", "{ is opened here but never closed")
		d.Hint = `write {ref:id} or {fill:name}, or \{ for a literal brace`
		return nil
	}
	// The body is echoed in diagnostics: keep them valid UTF-8 whatever the
	// input (found by FuzzInline).
	body := strings.ToValidUTF8(p.src[open+1:open+end], "\uFFFD")
	p.i = open + end + 1
	pos := p.at(open)
	kind, arg, _ := strings.Cut(body, ":")
	if name, c, _ := strings.Cut(body, "|"); name == "originals" || name == "languages" {
		if c != "" && !slices.Contains(lang.AllCases(), lang.Case(c)) {
			d := p.diags.Errorf(pos, "unknown-case", "unknown case %q in {%s}", c, body)
			d.Hint = "cases: " + caseNames()
			return nil
		}
		return &model.Plain{Pos: pos, Field: name, FieldCase: c}
	}
	switch kind {
	case "ref":
		return p.ref(arg, pos)
	case "link":
		return p.link(arg, pos)
	case "fill":
		name := strings.TrimSpace(arg)
		if name == "" {
			p.diags.Errorf(pos, "markup", "placeholder {fill:} has no name").Hint = "say what is to be filled in: {fill:date of signature}"
			return nil
		}
		return &model.Placeholder{Name: name, Pos: pos}
	}
	d := p.diags.Errorf(pos, "markup", "unknown markup {%s}", body)
	d.Hint = `write {ref:id}, {fill:name}, {fn:text}, {link:URL}, {originals} or {languages}, or \{ for a literal brace`
	return nil
}

// footnote reads {fn:...} at p.i; its text runs to the matching brace and
// may hold any inline markup but another footnote.
func (p *inlineParser) footnote() model.Inline {
	open := p.i
	pos := p.at(open)
	if p.inFootnote {
		p.diags.Errorf(pos, "markup", "a footnote inside a footnote").Hint = "write the second note as a footnote of the text, or as a sentence of the first note"
	}
	p.i += len("{fn:")
	p.inFootnote = true
	runs, closed := p.parse("}")
	p.inFootnote = false
	if !closed {
		d := p.diags.Errorf(pos, "markup", "{fn: is opened here but never closed")
		d.Hint = `end the footnote with }, or write \} for a literal brace inside it`
		return nil
	}
	if strings.TrimSpace(model.PlainText(runs)) == "" && len(model.Footnotes(runs)) == 0 {
		p.diags.Errorf(pos, "markup", "footnote {fn:} has no text").Hint = "write the note's text after fn:, or remove it"
		return nil
	}
	return &model.Footnote{Runs: runs, Pos: pos}
}

// link reads the argument of {link:URL} or {link:URL|text}.
func (p *inlineParser) link(arg string, pos diag.Pos) model.Inline {
	addr, text, labelled := strings.Cut(arg, "|")
	addr = strings.TrimSpace(addr)
	target, err := linkTarget(addr)
	if err != nil {
		d := p.diags.Errorf(pos, "link", "malformed address %q in {link:%s}: %v", addr, arg, err)
		d.Hint = "write a whole address: {link:https://www.example.org/page} or {link:mailto:office@example.org|office@example.org}"
		return nil
	}
	if !labelled {
		text = addr
	}
	if strings.TrimSpace(text) == "" {
		p.diags.Errorf(pos, "link", "{link:%s} has no text to print", arg).Hint = "write the text after the bar, or leave the bar out to print the address"
		return nil
	}
	return &model.Link{Target: target, Runs: []model.Inline{&model.Plain{Text: text, Pos: pos}}, Pos: pos}
}

func (p *inlineParser) ref(arg string, pos diag.Pos) model.Inline {
	idPart, flagPart, _ := strings.Cut(arg, "|")
	ref := &model.Ref{Pos: pos}
	for id := range strings.SplitSeq(idPart, ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			p.diags.Errorf(pos, "markup", "empty id in {ref:%s}", arg).Hint = "write {ref:some.id} or {ref:a,b}"
			return nil
		}
		ref.IDs = append(ref.IDs, id)
	}
	if flagPart == "" {
		return ref
	}
	for flag := range strings.SplitSeq(flagPart, ",") {
		flag = strings.TrimSpace(flag)
		switch {
		case flag == "cap":
			ref.Capital = true
		case flag == "rel":
			ref.Rel = true
		case flag == "poss":
			ref.Possessed = true
		case flag == "contnom":
			ref.ContainerNominative = true
		case slices.Contains(lang.AllCases(), lang.Case(flag)):
			if ref.Case != "" {
				p.diags.Errorf(pos, "markup", "{ref:%s} asks for two cases", arg)
				return nil
			}
			ref.Case = flag
		default:
			d := p.diags.Errorf(pos, "unknown-case", "unknown reference option %q in {ref:%s}", flag, arg)
			d.Hint = "options are cap, rel, poss, contnom and a case: " + caseNames()
			return nil
		}
	}
	return ref
}

// caseNames lists the grammatical cases a reference may ask for; which of
// them a language has is the language engine's business.
func caseNames() string {
	var names []string
	for _, c := range lang.AllCases() {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}
