package preview

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/diag"
)

func TestInject(t *testing.T) {
	page := "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<title>t</title>\n</head>\n<body class=\"x\">\n<p id=\"a\">текст</p>\n</body>\n</html>\n"
	got := string(inject([]byte(page), "<section id=\"chancery-diagnostics\">d</section>\n"))
	order := []string{"<title>t</title>", previewStyle, "</head>", `<body class="x">`, `<section id="chancery-diagnostics">d</section>`, `<p id="a">текст</p>`, reloadScript, "</body>", "</html>"}
	at := 0
	for _, part := range order {
		i := strings.Index(got[at:], part)
		if i < 0 {
			t.Fatalf("%q missing or out of order in\n%s", part, got)
		}
		at += i + len(part)
	}
	// A fragment without head or body still gets everything.
	got = string(inject([]byte("<p>x</p>"), "B"))
	if got != previewStyle+"B<p>x</p>"+reloadScript {
		t.Errorf("fragment: %q", got)
	}
}

func TestUpdateKeepsTheLastGoodPages(t *testing.T) {
	s := NewSite()
	s.Update([]Page{{Name: "d.en.html", Data: []byte("<body>one</body>")}}, nil)
	var bad diag.List
	bad.Errorf(diag.Pos{File: "clauses/d/01.yaml", Line: 3, Col: 7}, "unknown-ref", "unknown reference %q", "x<y")
	s.Update(nil, bad)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/d.en.html", nil))
	body, _ := io.ReadAll(rec.Result().Body)
	for _, want := range []string{"one", "<code>clauses/d/01.yaml:3:7</code>: error: unknown reference &#34;x&lt;y&#34; [unknown-ref]", "showing the last good build"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
	if s.Version() != 2 {
		t.Errorf("version %d, want 2", s.Version())
	}
	// A good build replaces the pages and clears the diagnostics.
	s.Update([]Page{{Name: "d.ru.html", Data: []byte("<body>два</body>")}}, nil)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/d.en.html", nil))
	if rec.Code != 404 {
		t.Errorf("a page the last build did not render: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/d.ru.html", nil))
	if b := rec.Body.String(); !strings.Contains(b, "два") || strings.Contains(b, "chancery-diagnostics\"") {
		t.Errorf("page after a clean build:\n%s", b)
	}
}
