package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

func sample() List {
	var l List
	l.Warnf(Pos{File: "clauses/b.yaml", Line: 3, Col: 1}, "brackets", "unagreed [text]").Hint = "agree it"
	l.Errorf(Pos{File: "clauses/a.yaml", Line: 10, Col: 5}, "unknown-ref", "unknown reference %q", "x")
	l.Errorf(Pos{File: "clauses/a.yaml", Line: 2, Col: 7}, "markup", "50%% done, a: b, c")
	l.Errorf(Pos{File: "clauses/a.yaml", Line: 2, Col: 7}, "markup", "50%% done, a: b, c") // a duplicate
	l.Errorf(Pos{File: "clauses"}, "no-project", "no clauses directory here")
	return l
}

func TestSortOrdersByPositionAndDropsDuplicates(t *testing.T) {
	l := sample()
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{
		"clauses: error: no clauses directory here [no-project]",
		"clauses/a.yaml:2:7: error: 50% done, a: b, c [markup]",
		`clauses/a.yaml:10:5: error: unknown reference "x" [unknown-ref]`,
		"clauses/b.yaml:3:1: warning: unagreed [text] [brackets]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sorted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, w := l.Count(); e != 3 || w != 1 || !l.HasErrors() {
		t.Errorf("Count = %d, %d", e, w)
	}
}

func TestWriteText(t *testing.T) {
	l := sample()[:1]
	var b strings.Builder
	WriteText(&b, l)
	if want := "clauses/b.yaml:3:1: warning: unagreed [text] [brackets]\n\tagree it\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, sample()[:2]); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0]["file"] != "clauses/b.yaml" || got[0]["line"] != 3.0 || got[0]["column"] != 1.0 ||
		got[0]["severity"] != "warning" || got[0]["code"] != "brackets" || got[0]["hint"] != "agree it" || got[1]["hint"] != "" {
		t.Errorf("JSON = %s", b.String())
	}
	b.Reset()
	WriteJSON(&b, nil)
	if b.String() != "[]\n" {
		t.Errorf("empty list = %q, want []", b.String())
	}
}

func TestWriteGitHubEscapes(t *testing.T) {
	l := sample()
	l.Sort()
	var b strings.Builder
	WriteGitHub(&b, l)
	want := "::error file=clauses,title=no-project::no clauses directory here\n" +
		"::error file=clauses/a.yaml,line=2,col=7,title=markup::50%25 done, a: b, c\n" +
		"::error file=clauses/a.yaml,line=10,col=5,title=unknown-ref::unknown reference \"x\"\n" +
		"::warning file=clauses/b.yaml,line=3,col=1,title=brackets::unagreed [text]%0Aagree it\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
