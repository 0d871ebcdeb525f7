package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const hostileDoc = "id: t\nlanguages: [en]\ntitle:\n  - {en: TEST}\nparts: [01.yaml]\n"

// runHostile writes files into a fresh project, runs chancery build there
// and checks that it fails with exit status 1, the wanted diagnostic, and
// no output directory.
func runHostile(t *testing.T, files map[string]string, want string) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runHostileIn(t, dir, want)
}

func runHostileIn(t *testing.T, dir, want string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run([]string{"build"}, Env{Dir: dir, Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	if code != ExitErrors {
		t.Errorf("exit status %d, want 1; stderr:\n%.2000s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%.2000s", want, stderr.String())
	}
	if stderr.Len() > 64<<10 {
		t.Errorf("stderr is %d bytes: a hostile input should give a few clear lines", stderr.Len())
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("out/ was created by a failed build")
	}
}

func TestHostileAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("section: s\nheading: {en: H}\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "lol%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": b.String()},
		"clauses/t/01.yaml:3:7: error: YAML aliases and anchors are not allowed in chancery's files [yaml-alias]")
}

func TestHostileDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("section: s\nheading: {en: H}\nparagraphs:\n")
	indent := "  "
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "%s- id: x%d\n%s  text: {en: t}\n%s  items:\n", indent, i, indent, indent)
		indent += "    "
	}
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": b.String()}, "error:")
}

func TestHostileDeepFlowNesting(t *testing.T) {
	data := "section: s\nheading: {en: H}\nparagraphs: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": data}, "clauses/t/01.yaml:")
}

func TestHostileItemsTooDeep(t *testing.T) {
	var b strings.Builder
	b.WriteString("section: s\nheading: {en: H}\nparagraphs:\n")
	indent := "  "
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "%s- id: x%d\n%s  text: {en: t}\n%s  items:\n", indent, i, indent, indent)
		indent += "    "
	}
	fmt.Fprintf(&b, "%s- id: last\n%s  text: {en: t}\n", indent, indent)
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": b.String()},
		"error: items nest more than 11 levels deep [too-deep]")
}

func TestHostileHugeFile(t *testing.T) {
	line := "  - id: p%d\n    text: {en: \"" + strings.Repeat("word ", 100) + "\"}\n"
	var b strings.Builder
	b.WriteString("section: s\nheading: {en: H}\nparagraphs:\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, line, i)
	}
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": b.String()},
		"clauses/t/document.yaml:5:9: error: part \"01.yaml\" cannot be read: it is 52")
}

func TestHostileNULByte(t *testing.T) {
	runHostile(t, map[string]string{"clauses/t/document.yaml": hostileDoc, "clauses/t/01.yaml": "section: s\nheading: {en: \"H\x00\"}\n"},
		"clauses/t/01.yaml:2:17: error: file contains a NUL byte [encoding]")
}

func TestHostileSymlinkOutside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, []byte("section: s\nheading: {en: Secret}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "clauses/t"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clauses/t/document.yaml"), []byte(hostileDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "clauses/t/01.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	runHostileIn(t, dir, "clauses/t/document.yaml:5:9: error: part \"01.yaml\" cannot be read: it is a symbolic link that leads outside the project [bad-path]")
}

func TestHostileAliasChain(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileDoc + "aliases:\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "  a%d: a%d\n", i, i+1)
	}
	b.WriteString("  a10000: s.p\n")
	runHostile(t, map[string]string{
		"clauses/t/document.yaml": b.String(),
		"clauses/t/01.yaml":       "section: s\nheading: {en: H}\nparagraphs:\n  - id: s.p\n    text: {en: P}\n  - id: s.q\n    text: {en: \"See {ref:a0}.\"}\n",
	}, `clauses/t/01.yaml:7:21: error: reference "a0" follows more than 64 aliases [ref-chain]`)
}
