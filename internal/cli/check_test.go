package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
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

// exampleChecks is what the check tests expect of the repository's
// example project, from testdata/example/cli-check.txtar (the file says
// how it is laid out), by section name.
type exampleChecks map[string]string

func readExampleChecks(t *testing.T) exampleChecks {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "example", "cli-check.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	x := exampleChecks{}
	for _, f := range a.Files {
		x[f.Name] = string(f.Data)
	}
	return x
}

// want is the section of the case with the suffix (stderr, json, github).
func (x exampleChecks) want(t *testing.T, name, suffix string) string {
	t.Helper()
	s, ok := x[name+"."+suffix]
	if !ok {
		t.Fatalf("cli-check.txtar has no section %s.%s", name, suffix)
	}
	return s
}

// edits are the changes the case makes to the project, in exampleCopy's
// form; none when the case has no edits section.
func (x exampleChecks) edits(t *testing.T, name string) [][3]string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(x[name+".edits"], "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	if len(lines)%3 != 0 {
		t.Fatalf("%s.edits: %d lines, want three an edit", name, len(lines))
	}
	var edits [][3]string
	for i := 0; i < len(lines); i += 3 {
		from, ok1 := strings.CutPrefix(lines[i+1], "-")
		to, ok2 := strings.CutPrefix(lines[i+2], "+")
		if !ok1 || !ok2 {
			t.Fatalf("%s.edits: the edit of %s is not a - line and a + line", name, lines[i])
		}
		edits = append(edits, [3]string{lines[i], from, to})
	}
	return edits
}

// TestCheckExample runs chancery check on copies of the example, as it is
// and with one change each, and compares exit status and diagnostics with
// what cli-check.txtar expects of each case.
func TestCheckExample(t *testing.T) {
	x := readExampleChecks(t)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"as it is", []string{"check"}, ExitOK},
		{"a word of an aligned clause changed", []string{"check"}, ExitErrors},
		{"a straight quote for a curly one", []string{"check"}, ExitErrors},
		{"curly quotes in both", []string{"check"}, ExitOK},
		{"a double space folds", []string{"check"}, ExitOK},
		{"square brackets warn in a draft", []string{"check"}, ExitOK},
		{"square brackets fail a final check", []string{"check", "--final"}, ExitErrors},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(exampleCopy(t, x.edits(t, tt.name)...), tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing: text diagnostics go to stderr", stdout)
			}
			if want := x.want(t, tt.name, "stderr"); stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
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

// aWordChanged is the case of cli-check.txtar with one error and one
// warning, which the tests of the output formats check the example with.
const aWordChanged = "a word of an aligned clause changed"

func TestCheckJSON(t *testing.T) {
	x := readExampleChecks(t)
	dir := exampleCopy(t, x.edits(t, aWordChanged)...)
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
	var want []jsonDiagnostic
	if err := json.Unmarshal([]byte(x.want(t, aWordChanged, "json")), &want); err != nil {
		t.Fatal(err)
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
	dir := exampleCopy(t, readExampleChecks(t).edits(t, "no insert left")...)
	code, stdout, stderr := runIn(dir, "check", "--format=json")
	if code != ExitOK || stdout != "[]\n" || stderr != "chancery: 0 errors, 0 warnings\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, \"[]\\n\", the summary", code, stdout, stderr)
	}
}

func TestCheckGitHub(t *testing.T) {
	x := readExampleChecks(t)
	dir := exampleCopy(t, x.edits(t, aWordChanged)...)
	code, stdout, stderr := runIn(dir, "check", "--format", "github")
	if code != ExitErrors {
		t.Errorf("exit status %d, want 1", code)
	}
	if stderr != "chancery: 1 error, 1 warning\n" {
		t.Errorf("stderr %q, want only the summary", stderr)
	}
	want := x.want(t, aWordChanged, "github")
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
