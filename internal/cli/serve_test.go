package cli

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/wordmatch"
)

// startServe runs chancery serve on a free port for the project in dir
// and returns its base URL.
func startServe(t *testing.T, dir string) (string, *lockedBuffer) {
	t.Helper()
	stderr := &lockedBuffer{}
	env := Env{Dir: dir, Stdout: io.Discard, Stderr: stderr, Getenv: func(string) string { return "" }}
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &ServeOptions{Env: env, Host: "127.0.0.1", Port: 0, Debounce: 50 * time.Millisecond, Ready: func(addr string) { ready <- addr }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr, stderr
	case err := <-done:
		t.Fatalf("serve ended before it was ready: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve never became ready")
	}
	return "", nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// events subscribes to the reload channel and delivers each event's name.
func events(t *testing.T, base string) <-chan string {
	t.Helper()
	resp, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
		close(out)
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return out
}

func waitEvent(t *testing.T, ch <-chan string, want string) {
	t.Helper()
	for {
		select {
		case name, ok := <-ch:
			if !ok {
				t.Fatalf("the event stream ended before %q", want)
			}
			if name == want {
				return
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("no %q event", want)
		}
	}
}

func TestServeReloadsAndKeepsTheLastGoodPages(t *testing.T) {
	dir := initProject(t, "--languages", "en,ru")
	base, _ := startServe(t, dir)

	code, index := get(t, base+"/")
	if code != 200 || !strings.Contains(index, `<a href="/proj.en.html">`) || !strings.Contains(index, `<a href="/proj.ru.html">`) {
		t.Fatalf("index: %d\n%s", code, index)
	}
	code, page := get(t, base+"/proj.en.html")
	if code != 200 || !strings.Contains(page, "The purpose of this Memorandum") {
		t.Fatalf("page: %d\n%s", code, page)
	}
	// Warnings of the build at the top, with file:line:col; ids on units;
	// references as links; the reload script.
	for _, want := range []string{
		"<section id=\"chancery-diagnostics\" class=\"warnings\">\n<details>\n<summary>0 errors, ",
		`<code>clauses/proj/document.yaml:14:`,
		`id="cooperation.areas"`,
		"<a href=\"#cooperation.areas\">sub-paragraph\u00a02.1</a>",
		`new EventSource("/events")`,
		`[id]:not(#chancery-diagnostics):hover::after { content: attr(id);`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}

	ev := events(t, base)
	waitEvent(t, ev, "hello")
	part := filepath.Join(dir, "clauses", "proj", "01-purpose.yaml")
	if err := os.WriteFile(part, []byte(replaceInFile(t, part, "The purpose of this Memorandum", "The aim of this Memorandum")), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, ev, "reload")
	if _, page := get(t, base+"/proj.en.html"); !strings.Contains(page, "1.1 </span>The aim of this Memorandum") {
		t.Errorf("after the edit the page reads:\n%s", page)
	}

	// A broken edit: a reload, the diagnostic at the top, the last good text.
	if err := os.WriteFile(part, []byte(replaceInFile(t, part, "The aim of", "{ref:purpose.mandat} of")), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, ev, "reload")
	_, page = get(t, base+"/proj.en.html")
	for _, want := range []string{
		"<section id=\"chancery-diagnostics\" class=\"errors\">\n<details open>\n<summary>1 error, ",
		"— showing the last good build",
		`<code>clauses/proj/01-purpose.yaml:6:`,
		`unknown reference &#34;purpose.mandat&#34; [unknown-ref]`,
		"The aim of this Memorandum",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page after a broken edit lacks %s:\n%.3000s", want, page)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("serve wrote into the project: %v", err)
	}
}

// Nothing but the rendered pages is served, however the path is spelt.
func TestServeOnlyWhatItRendered(t *testing.T) {
	dir := initProject(t)
	base, _ := startServe(t, dir)
	addr := strings.TrimPrefix(base, "http://")
	for _, p := range []string{
		"/../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/proj.en.html/../../etc/passwd",
		"/clauses/proj/document.yaml", "/proj.en.txt", "/.gitignore", "//etc/passwd", "/./proj.en.html",
	} {
		// A raw request, so that no client cleans the path first.
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, addr)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404\n%.200s", p, resp.StatusCode, body)
		}
	}
	if code, _ := get(t, base+"/proj.en.html"); code != 200 {
		t.Errorf("the page itself: %d", code)
	}
	if resp, err := http.Post(base+"/proj.en.html", "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp, err)
	}
}

var (
	dropBlocks = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<section id="chancery-diagnostics".*?</section>|<head>.*?</head>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// pageText is the text a browser shows of a page, without the preview's
// diagnostics.
func pageText(dom string) string {
	return html.UnescapeString(tags.ReplaceAllString(dropBlocks.ReplaceAllString(dom, " "), " "))
}

// Headless Chromium renders the preview and shows the words of the text
// edition, in order, in each language.
func TestServeInChromium(t *testing.T) {
	chromium := clienttest.Command(t, "chromium", "chromium")
	dir := initProject(t, "--languages", "en,ru,kk", "--kind", "agreement")
	base, _ := startServe(t, dir)
	res, diags := build.Build(os.DirFS(dir), build.Options{Formats: []string{"txt"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, l := range []string{"en", "ru", "kk"} {
		var text string
		for _, o := range res.Outputs {
			if o.Name == "proj."+l+".txt" {
				text = string(o.Data)
			}
		}
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(), "--dump-dom", base+"/proj."+l+".html")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		dom := string(out)
		if !strings.Contains(dom, `<section id="chancery-diagnostics"`) {
			t.Errorf("%s: the rendered page has no diagnostics", l)
		}
		// In reading order up to the signature table, which the page lays
		// out in two columns and the text edition party by party; the same
		// words, as many times, in the whole page.
		table := strings.Index(dom, `<table class="signatures"`)
		if table < 0 {
			t.Fatalf("%s: no signature table in the page", l)
		}
		got, want := wordmatch.Words(pageText(dom[:table])), wordmatch.Words(text)
		if len(got) < 50 || len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
			t.Errorf("%s: the page's words differ from the text edition's:\npage: %v\ntext: %v", l, got, want)
		}
		all := wordmatch.Words(pageText(dom))
		slices.Sort(all)
		slices.Sort(want)
		if !slices.Equal(all, want) {
			t.Errorf("%s: the page and the text edition have different words:\npage: %v\ntext: %v", l, all, want)
		}
	}
}
