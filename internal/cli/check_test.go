package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleCopy copies the repository's example project into a temporary
// directory with edits, as projectCopy does.
func exampleCopy(t *testing.T, edits ...[3]string) string {
	t.Helper()
	return projectCopy(t, filepath.Join("..", ".."), edits...)
}

// projectCopy copies the project at root (its clauses/ and templates/)
// into a temporary directory, applies edits (file → old → new, each old
// found exactly once) and returns the directory.
func projectCopy(t *testing.T, root string, edits ...[3]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"clauses", "templates"} {
		src := filepath.Join(root, sub)
		if _, err := os.Stat(src); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range edits {
		path := filepath.Join(dir, filepath.FromSlash(e[0]))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), e[1]); n != 1 {
			t.Fatalf("%s has %q %d times, want once", e[0], e[1], n)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), e[1], e[2], 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runIn runs chancery with args in dir.
func runIn(dir string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, Env{Dir: dir, Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	return code, out.String(), errOut.String()
}

const (
	areas       = "clauses/unoct-cica-mou/02-areas.yaml"
	source      = "clauses/sources/cica-poa-ungcts.yaml"
	insertLine  = "clauses/unoct-cica-mou/02-areas.yaml:13:9: warning: areas.basis.emerging-threats is still a negotiation insert, numbered (ii) (bis) [insert]\n"
	insertHint  = "\ta final build (--final) folds it into the numbering; once the wording is agreed, remove insert: from it\n"
	sourceWhere = "\tthe source paragraph is at clauses/sources/cica-poa-ungcts.yaml:9:20\n"
)

func TestCheckExample(t *testing.T) {
	// The aligned clause areas.basis.aml-standards is on line 18 of
	// 02-areas.yaml, "cryptocurrencies" at column 418; the source
	// paragraph's scalar is at line 9, column 20 of its file.
	tests := []struct {
		name   string
		edits  [][3]string
		args   []string
		code   int
		stderr string
	}{
		{"as it is", nil, []string{"check"}, ExitOK,
			insertLine + insertHint + "chancery: 0 errors, 1 warning\n"},
		{"a word of an aligned clause changed",
			[][3]string{{areas, "usage of cryptocurrencies for", "usage of crypto-assets for"}},
			[]string{"check"}, ExitErrors,
			insertLine + insertHint +
				"clauses/unoct-cica-mou/02-areas.yaml:18:424: error: areas.basis.aml-standards (en) is not a verbatim quote of cica-poa-ungcts II.3: -cryptocurrencies +crypto-assets [verbatim]\n" +
				sourceWhere + "chancery: 1 error, 1 warning\n"},
		// The clause is a double-quoted scalar, so the straight quote is
		// written \" and reported at its backslash.
		{"a straight quote for a curly one",
			[][3]string{
				{source, "the financing of terrorism and proliferation", "the “financing of terrorism” and proliferation"},
				{areas, "the financing of terrorism and proliferation", `the \"financing of terrorism” and proliferation`},
			},
			[]string{"check"}, ExitErrors,
			insertLine + insertHint +
				"clauses/unoct-cica-mou/02-areas.yaml:18:107: error: areas.basis.aml-standards (en) is not a verbatim quote of cica-poa-ungcts II.3: -“financing +\"financing [verbatim]\n" +
				"\t“ (U+201C) in the source, \" (U+0022) here: a different quote mark\n" +
				sourceWhere + "chancery: 1 error, 1 warning\n"},
		{"curly quotes in both",
			[][3]string{
				{source, "the financing of terrorism and proliferation", "the “financing of terrorism” and proliferation"},
				{areas, "the financing of terrorism and proliferation", "the “financing of terrorism” and proliferation"},
			},
			[]string{"check"}, ExitOK, insertLine + insertHint + "chancery: 0 errors, 1 warning\n"},
		{"a double space folds",
			[][3]string{{areas, "countering money laundering, the financing", "countering money  laundering,   the financing"}},
			[]string{"check"}, ExitOK, insertLine + insertHint + "chancery: 0 errors, 1 warning\n"},
		{"square brackets warn in a draft",
			[][3]string{{areas, "the Participants will cooperate in the following areas", "the Participants will [cooperate] in the following areas"}},
			[]string{"check"}, ExitOK,
			"clauses/unoct-cica-mou/02-areas.yaml:7:86: warning: wording in square brackets is not agreed yet: \"[cooperate]\" [brackets]\n" +
				"\tagree the wording and remove the brackets; a final build (--final) fails on them\n" +
				insertLine + insertHint + "chancery: 0 errors, 2 warnings\n"},
		{"square brackets fail a final check",
			[][3]string{{areas, "the Participants will cooperate in the following areas", "the Participants will [cooperate] in the following areas"}},
			[]string{"check", "--final"}, ExitErrors,
			"clauses/unoct-cica-mou/02-areas.yaml:7:86: error: wording in square brackets is not agreed yet: \"[cooperate]\" [brackets]\n" +
				"\tagree the wording and remove the brackets before signature\n" +
				"chancery: 1 error, 0 warnings\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(exampleCopy(t, tt.edits...), tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing: text diagnostics go to stderr", stdout)
			}
			if stderr != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tt.stderr)
			}
		})
	}
}

// jsonDiagnostic is what chancery check --format json promises.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func TestCheckJSON(t *testing.T) {
	dir := exampleCopy(t, [3]string{areas, "usage of cryptocurrencies for", "usage of crypto-assets for"})
	code, stdout, stderr := runIn(dir, "check", "--format", "json")
	if code != ExitErrors {
		t.Errorf("exit status %d, want 1", code)
	}
	if stderr != "chancery: 1 error, 1 warning\n" {
		t.Errorf("stderr %q, want only the summary", stderr)
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var got []jsonDiagnostic
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("stdout is not a JSON array of diagnostics: %v\n%s", err, stdout)
	}
	want := []jsonDiagnostic{
		{areas, 13, 9, "warning", "insert", "areas.basis.emerging-threats is still a negotiation insert, numbered (ii) (bis)",
			"a final build (--final) folds it into the numbering; once the wording is agreed, remove insert: from it"},
		{areas, 18, 424, "error", "verbatim", "areas.basis.aml-standards (en) is not a verbatim quote of cica-poa-ungcts II.3: -cryptocurrencies +crypto-assets",
			"the source paragraph is at clauses/sources/cica-poa-ungcts.yaml:9:20"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d diagnostics, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostic %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// Every key is present even when empty, for consumers that index
	// fields without checking.
	var raw []map[string]any
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"file", "line", "column", "severity", "code", "message", "hint"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("key %q missing", key)
		}
	}
}

func TestCheckJSONClean(t *testing.T) {
	dir := exampleCopy(t, [3]string{areas, "        insert: bis\n", ""})
	code, stdout, stderr := runIn(dir, "check", "--format=json")
	if code != ExitOK || stdout != "[]\n" || stderr != "chancery: 0 errors, 0 warnings\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, \"[]\\n\", the summary", code, stdout, stderr)
	}
}

func TestCheckGitHub(t *testing.T) {
	dir := exampleCopy(t, [3]string{areas, "usage of cryptocurrencies for", "usage of crypto-assets for"})
	code, stdout, stderr := runIn(dir, "check", "--format", "github")
	if code != ExitErrors {
		t.Errorf("exit status %d, want 1", code)
	}
	if stderr != "chancery: 1 error, 1 warning\n" {
		t.Errorf("stderr %q, want only the summary", stderr)
	}
	want := "::warning file=clauses/unoct-cica-mou/02-areas.yaml,line=13,col=9,title=insert::areas.basis.emerging-threats is still a negotiation insert, numbered (ii) (bis)%0Aa final build (--final) folds it into the numbering; once the wording is agreed, remove insert: from it\n" +
		"::error file=clauses/unoct-cica-mou/02-areas.yaml,line=18,col=424,title=verbatim::areas.basis.aml-standards (en) is not a verbatim quote of cica-poa-ungcts II.3: -cryptocurrencies +crypto-assets%0Athe source paragraph is at clauses/sources/cica-poa-ungcts.yaml:9:20\n"
	if stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
}

// A diagnostic without a line (about a directory: clauses/ holds no
// document) leaves line and col out rather than writing line=0.
func TestCheckGitHubNoPosition(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "clauses"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runIn(dir, "check", "--format", "github")
	if code != ExitErrors {
		t.Errorf("exit status %d, want 1", code)
	}
	want := "::error file=clauses,title=no-documents::no documents in clauses/%0Acreate clauses/<id>/document.yaml, or a note in clauses/notes/<id>.yaml\n"
	if stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
}

func TestCheckUsage(t *testing.T) {
	dir := exampleCopy(t)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"check", "--format", "xml"}, "chancery: unknown --format \"xml\" (formats: text, json, github)\n"},
		{[]string{"check", "extra"}, "chancery: unknown command \"extra\" for \"chancery check\"\nRun 'chancery --help' for usage.\n"},
		{[]string{"check", "--strict"}, "chancery: unknown flag: --strict\nRun 'chancery --help' for usage.\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runIn(dir, tt.args...)
		if code != ExitUsage || stdout != "" || stderr != tt.stderr {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, %q", tt.args, code, stdout, stderr, tt.stderr)
		}
	}
}
