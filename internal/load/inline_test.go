package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/model"
)

// dump renders runs compactly: plain text as is, <em>..</em>, <b>..</b>,
// {ref ids case flags}, {fill name}.
func dump(runs []model.Inline) string {
	var b strings.Builder
	for _, r := range runs {
		switch r := r.(type) {
		case *model.Plain:
			b.WriteString(r.Text)
		case *model.Emphasis:
			b.WriteString("<em>" + dump(r.Runs) + "</em>")
		case *model.Strong:
			b.WriteString("<b>" + dump(r.Runs) + "</b>")
		case *model.Ref:
			fmt.Fprintf(&b, "{ref %s case=%q cap=%v rel=%v poss=%v @%d}", strings.Join(r.IDs, "+"), r.Case, r.Capital, r.Rel, r.Possessed, r.Pos.Col)
		case *model.Placeholder:
			fmt.Fprintf(&b, "{fill %s}", r.Name)
		case *model.Footnote:
			fmt.Fprintf(&b, "{fn@%d %s}", r.Pos.Col, dump(r.Runs))
		case *model.Link:
			fmt.Fprintf(&b, "<a %s @%d>%s</a>", r.Target, r.Pos.Col, dump(r.Runs))
		}
	}
	return b.String()
}

func TestParseInline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain with brackets", "will share data [in good faith]", "will share data [in good faith]"},
		{"emphasis", "the “*Riparian States*”", "the “<em>Riparian States</em>”"},
		{"strong", "the **Forum Secretariat** have", "the <b>Forum Secretariat</b> have"},
		{"strong around emphasis", "**a *b* c**", "<b>a <em>b</em> c</b>"},
		{"reference", "referred to {ref:gauging}, each", `referred to {ref gauging case="" cap=false rel=false poss=false @13}, each`},
		{"several ids and options", "{ref:stations, exchange|dat,cap,rel}", `{ref stations+exchange case="dat" cap=true rel=true poss=false @1}`},
		{"kazakh possessive", "{ref:x|dat,poss} сәйкес", `{ref x case="dat" cap=false rel=false poss=true @1} сәйкес`},
		{"source reference", "({ref:basin-plan@IV.7})", `({ref basin-plan@IV.7 case="" cap=false rel=false poss=false @2})`},
		{"placeholder", "on {fill:date of signature}.", "on {fill date of signature}."},
		{"escapes", `a \* b \{ref:x\} \\`, `a * b {ref:x} \`},
		{"columns count runes", "пункт {ref:x}", `пункт {ref x case="" cap=false rel=false poss=false @7}`},
		{"footnote", "Briefing Summary{fn:For discussion – subject to review.}", "Briefing Summary{fn@17 For discussion – subject to review.}"},
		{"footnote with markup and a reference", "text.{fn:See *also* {ref:a|gen}.} More", `text.{fn@6 See <em>also</em> {ref a case="gen" cap=false rel=false poss=false @21}.} More`},
		{"footnote with an escaped brace", `a{fn:x \} y}`, "a{fn@2 x } y}"},
		{"bare web address", "see (http://www.example.net/basin/2/requestform.shtml) or",
			"see (<a http://www.example.net/basin/2/requestform.shtml @6>http://www.example.net/basin/2/requestform.shtml</a>) or"},
		{"address before a full stop", "at: https://example.org/a/b.shtml.", "at: <a https://example.org/a/b.shtml @5>https://example.org/a/b.shtml</a>."},
		{"www address", "on www.example.org today", "on <a https://www.example.org @4>www.example.org</a> today"},
		{"e-mail address", "by e-mail to gauges@example.net.", "by e-mail to <a mailto:gauges@example.net @14>gauges@example.net</a>."},
		{"link form", "{link:https://example.org/x|the website}", "<a https://example.org/x @1>the website</a>"},
		{"link form, mailto", "{link:mailto:a.b@example.org}", "<a mailto:a.b@example.org @1>mailto:a.b@example.org</a>"},
		{"not an address", "version 1.2.3 and a@b", "version 1.2.3 and a@b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			at := func(off int) diag.Pos {
				return diag.Pos{File: "f.yaml", Line: 1, Col: 1 + len([]rune(tt.in[:off]))}
			}
			runs := ParseInline(tt.in, at, &diags)
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if got := dump(runs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseInlineErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unclosed emphasis", "the *Riparian States", "f.yaml:1:5: error: * is opened here but never closed [markup]"},
		{"unclosed strong", "x **bold", "f.yaml:1:3: error: ** is opened here but never closed [markup]"},
		{"unclosed brace", "see {ref:x", "f.yaml:1:5: error: { is opened here but never closed [markup]"},
		{"unknown markup", "see {see:x}", "f.yaml:1:5: error: unknown markup {see:x} [markup]"},
		{"empty id", "see {ref:a,,b}", "f.yaml:1:5: error: empty id in {ref:a,,b} [markup]"},
		{"unknown option", "see {ref:a|vocative}", `f.yaml:1:5: error: unknown reference option "vocative" in {ref:a|vocative} [unknown-case]`},
		{"two cases", "see {ref:a|dat,gen}", "f.yaml:1:5: error: {ref:a|dat,gen} asks for two cases [markup]"},
		{"empty placeholder", "on {fill:}", "f.yaml:1:4: error: placeholder {fill:} has no name [markup]"},
		{"unclosed footnote", "Memo{fn:For discussion", "f.yaml:1:5: error: {fn: is opened here but never closed [markup]"},
		{"empty footnote", "Memo{fn: }", "f.yaml:1:5: error: footnote {fn:} has no text [markup]"},
		{"footnote in a footnote", "a{fn:b{fn:c}}", "f.yaml:1:7: error: a footnote inside a footnote [markup]"},
		{"malformed link", "see {link:htp//example.org}", `f.yaml:1:5: error: malformed address "htp//example.org" in {link:htp//example.org}: a link starts with https://, http://, www. or mailto: [link]`},
		{"link without host", "see {link:https://}", `f.yaml:1:5: error: malformed address "https://" in {link:https://}: the address has no host name [link]`},
		{"link with a space", "see {link:https://example.org/a b}", `f.yaml:1:5: error: malformed address "https://example.org/a b" in {link:https://example.org/a b}: an address has no spaces [link]`},
		{"bad mail link", "{link:mailto:nobody}", `f.yaml:1:1: error: malformed address "mailto:nobody" in {link:mailto:nobody}: not an e-mail address [link]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			at := func(off int) diag.Pos { return diag.Pos{File: "f.yaml", Line: 1, Col: 1 + len([]rune(tt.in[:off]))} }
			ParseInline(tt.in, at, &diags)
			if len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("diagnostics = %v\nwant [%s]", diags, tt.want)
			}
		})
	}
}
