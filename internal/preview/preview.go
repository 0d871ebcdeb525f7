// Package preview serves a live preview of a project over HTTP: the HTML
// editions the build renders in memory (every document and note in each
// language), an index of them, and a Server-Sent Events channel that tells
// open pages to reload after each build. Each page carries the last
// build's diagnostics at the top, with their file:line:col, and shows a
// unit's id when the pointer is over it. Nothing is written to disk and
// nothing but the rendered pages is served: any other path is 404.
package preview

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chancery-dev/chancery/internal/diag"
)

// EventsPath is the Server-Sent Events endpoint.
const EventsPath = "/events"

// Page is one rendered page, named as the build names the file
// ("doc.en.html").
type Page struct {
	Name string
	Data []byte
}

// Site holds the pages of the last good build and the diagnostics of the
// last build, and serves them.
type Site struct {
	mu      sync.Mutex
	pages   map[string][]byte
	names   []string
	diags   diag.List
	failed  bool // the last build had errors: the pages are older
	version int
	subs    map[chan int]struct{}
	closed  bool
}

// NewSite returns a site with no pages yet.
func NewSite() *Site {
	return &Site{pages: map[string][]byte{}, subs: map[chan int]struct{}{}}
}

// Update records a build: its pages (none when it failed, in which case
// the previous pages stay) and its diagnostics, and tells every open page
// to reload.
func (s *Site) Update(pages []Page, diags diag.List) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.diags = diags
	s.failed = diags.HasErrors()
	if !s.failed {
		s.pages = map[string][]byte{}
		s.names = s.names[:0]
		for _, p := range pages {
			s.pages[p.Name] = p.Data
			s.names = append(s.names, p.Name)
		}
		slices.Sort(s.names)
	}
	s.version++
	for ch := range s.subs {
		select {
		case ch <- s.version:
		default: // a slow page gets the next one
		}
	}
}

// Close ends every open event stream.
func (s *Site) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
}

// Version counts the builds recorded.
func (s *Site) Version() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The path is looked up as it came: no cleaning, no redirects, so that
	// nothing but a rendered page's own name finds anything.
	switch p := r.URL.Path; p {
	case "/":
		s.serveIndex(w)
	case EventsPath:
		s.serveEvents(w, r)
	default:
		s.mu.Lock()
		data, ok := s.pages[strings.TrimPrefix(p, "/")]
		banner := s.bannerLocked()
		s.mu.Unlock()
		if !ok || !strings.HasPrefix(p, "/") || strings.Contains(p[1:], "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(inject(data, banner))
	}
}

func (s *Site) serveIndex(w http.ResponseWriter) {
	s.mu.Lock()
	names := slices.Clone(s.names)
	banner := s.bannerLocked()
	s.mu.Unlock()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>chancery preview</title>\n</head>\n<body>\n<h1>chancery preview</h1>\n<ul class=\"pages\">\n")
	for _, n := range names {
		fmt.Fprintf(&b, "<li><a href=\"/%s\">%s</a></li>\n", html.EscapeString(n), html.EscapeString(strings.TrimSuffix(n, ".html")))
	}
	if len(names) == 0 {
		b.WriteString("<li>nothing built yet</li>\n")
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(inject([]byte(b.String()), banner))
}

// serveEvents streams "reload" events, one per build, until the client
// goes or the site closes.
func (s *Site) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	s.subs[ch] = struct{}{}
	version := s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if _, ok := s.subs[ch]; ok {
			delete(s.subs, ch)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "event: hello\ndata: %d\n\n", version)
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

// bannerLocked is the diagnostics block shown at the top of every page.
func (s *Site) bannerLocked() string {
	if len(s.diags) == 0 {
		return ""
	}
	var b strings.Builder
	e, warn := s.diags.Count()
	class := "warnings"
	if e > 0 {
		class = "errors"
	}
	// Errors are open; warnings alone are folded under their count, so
	// that a draft's many placeholders do not push the text off the page.
	open := ""
	if e > 0 {
		open = " open"
	}
	fmt.Fprintf(&b, "<section id=\"chancery-diagnostics\" class=\"%s\">\n<details%s>\n<summary>%s, %s", class, open, plural(e, "error"), plural(warn, "warning"))
	if s.failed {
		b.WriteString(" — showing the last good build")
	}
	b.WriteString("</summary>\n<ul>\n")
	for _, d := range s.diags {
		fmt.Fprintf(&b, "<li class=\"%s\"><code>%s</code>: %s: %s [%s]", d.Severity, html.EscapeString(d.Pos.String()), d.Severity, html.EscapeString(d.Message), html.EscapeString(d.Code))
		if d.Hint != "" {
			fmt.Fprintf(&b, "<br><span class=\"hint\">%s</span>", html.EscapeString(d.Hint))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n</details>\n</section>\n")
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// previewStyle shows diagnostics at the top and a unit's id on hover; it
// is added to the writer's own style, for the screen only.
const previewStyle = `<style>
@media screen {
#chancery-diagnostics { font: 13px/1.4 sans-serif; border: 1px solid #d99; background: #fff4f4; padding: 0.5em 1em; margin: 0 0 1.5em; text-align: left; text-indent: 0; }
#chancery-diagnostics.warnings { border-color: #dc9; background: #fffbea; }
#chancery-diagnostics ul { margin: 0.4em 0 0; padding-left: 1.2em; }
#chancery-diagnostics summary { cursor: pointer; }
#chancery-diagnostics .hint { color: #555; }
[id]:not(#chancery-diagnostics):hover { outline: 1px dotted #99a; }
[id]:not(#chancery-diagnostics):hover::after { content: attr(id); position: absolute; right: 0.5em; font: 11px monospace; color: #fff; background: #557; padding: 1px 4px; text-indent: 0; }
}
</style>
`

// reloadScript reloads the page when the preview rebuilt.
const reloadScript = `<script>
new EventSource("` + EventsPath + `").addEventListener("reload", function () { location.reload(); });
</script>
`

// inject adds the preview's style, diagnostics and reload script to a
// page written by the HTML writer.
func inject(page []byte, banner string) []byte {
	var b bytes.Buffer
	b.Grow(len(page) + len(banner) + len(previewStyle) + len(reloadScript))
	head := bytes.Index(page, []byte("</head>"))
	body := bytes.Index(page, []byte("<body"))
	if head < 0 || body < head {
		b.WriteString(previewStyle + banner)
		b.Write(page)
		b.WriteString(reloadScript)
		return b.Bytes()
	}
	bodyEnd := body + bytes.IndexByte(page[body:], '>') + 1
	b.Write(page[:head])
	b.WriteString(previewStyle)
	b.Write(page[head:bodyEnd])
	b.WriteString("\n" + banner)
	b.Write(page[bodyEnd:])
	if end := bytes.LastIndex(b.Bytes(), []byte("</body>")); end >= 0 {
		rest := append([]byte(reloadScript), b.Bytes()[end:]...)
		b.Truncate(end)
		b.Write(rest)
	} else {
		b.WriteString(reloadScript)
	}
	return b.Bytes()
}
