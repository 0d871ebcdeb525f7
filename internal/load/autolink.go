package load

import (
	"errors"
	"net/mail"
	"net/url"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/model"
)

// bareAddress finds web addresses (http://, https://, www.) and e-mail
// addresses in running text. A match ends before trailing punctuation (see
// trimTrail), so that "see http://example.org/a." links without the full
// stop.
var bareAddress = lazyre.New(`(?:https?://|www\.)[^\s<>"«»“”]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// autolink turns plain text into runs, making the web and e-mail addresses
// in it links. start is the byte offset of s in the source.
func autolink(s string, start int, at func(int) diag.Pos) []model.Inline {
	if !strings.Contains(s, "://") && !strings.Contains(s, "www.") && !strings.Contains(s, "@") {
		// No address can match (most text): the expression is not run.
		if s == "" {
			return nil
		}
		return []model.Inline{&model.Plain{Text: s, Pos: at(start)}}
	}
	var out []model.Inline
	last := 0
	for _, m := range bareAddress().FindAllStringIndex(s, -1) {
		addr := trimTrail(s[m[0]:m[1]])
		if addr == "" {
			continue
		}
		target, err := linkTarget(addr)
		if err != nil {
			continue // not an address after all: left as text
		}
		if m[0] > last {
			out = append(out, &model.Plain{Text: s[last:m[0]], Pos: at(start + last)})
		}
		pos := at(start + m[0])
		out = append(out, &model.Link{Target: target, Runs: []model.Inline{&model.Plain{Text: addr, Pos: pos}}, Pos: pos})
		last = m[0] + len(addr)
	}
	if last < len(s) {
		out = append(out, &model.Plain{Text: s[last:], Pos: at(start + last)})
	}
	return out
}

// trimTrail drops the punctuation that ends a sentence or a parenthesis
// after an address: it belongs to the text, not to the address.
func trimTrail(addr string) string {
	for addr != "" {
		last := addr[len(addr)-1]
		if strings.IndexByte(".,;:!?'’)]", last) < 0 {
			break
		}
		if last == ')' && strings.Count(addr, "(") >= strings.Count(addr, ")") {
			break // "…/Foo_(bar)" keeps its parenthesis
		}
		addr = addr[:len(addr)-1]
	}
	return addr
}

// linkTarget checks an address written in text or in {link:…} and returns
// the absolute target a link points to: https:// and http:// addresses as
// written, www. addresses under https://, e-mail addresses (bare or as
// mailto:) as mailto: links.
func linkTarget(addr string) (string, error) {
	switch {
	case addr == "":
		return "", errors.New("the address is empty")
	case strings.ContainsAny(addr, " \t\n"):
		return "", errors.New("an address has no spaces")
	case strings.HasPrefix(addr, "mailto:") || !strings.Contains(addr, "/") && strings.Contains(addr, "@") && !strings.Contains(addr, ":"):
		mailbox := strings.TrimPrefix(addr, "mailto:")
		a, err := mail.ParseAddress(mailbox)
		if err != nil || a.Address != mailbox || !strings.Contains(mailbox[strings.LastIndexByte(mailbox, '@'):], ".") {
			return "", errors.New("not an e-mail address")
		}
		return "mailto:" + mailbox, nil
	case strings.HasPrefix(addr, "www."):
		addr = "https://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil {
		return "", errors.New(strings.TrimPrefix(err.Error(), "parse "+`"`+addr+`": `))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", errors.New("a link starts with https://, http://, www. or mailto:")
	}
	if u.Host == "" || !strings.Contains(u.Hostname(), ".") && u.Hostname() != "localhost" {
		return "", errors.New("the address has no host name")
	}
	return u.String(), nil
}
