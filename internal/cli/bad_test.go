package cli

import (
	"bytes"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// badCase is one archive of testdata/bad. Its comment says, in words, what
// a user did wrong; lines of the comment may set how chancery is run:
//
//	args: check --final     the command line (default: build); "" is an empty argument
//	exit: 0                 the exit status (default 1)
//	dir: clauses/t          the working directory, inside the project
//	symlink: LINK -> TARGET a symbolic link to make (TARGET relative to LINK's directory)
//	mode: PATH 000          permissions to set on a file after writing it
//	fifo: PATH              a named pipe to make
//	size: PATH N            a file of N bytes of YAML comment to make
//	env: NAME=VALUE         an environment variable chancery sees
//	hex: PATH HEX           a file's bytes, in hexadecimal (for encodings)
//
// A file "stdout" in the archive is the exact standard output; without
// one, a failing run must print nothing there.
// Exit 1 wants exactly one error; exit 0 wants no error and at least one
// warning. Any failing run must leave out/ absent. The file "want" is the
// exact standard error.
type badCase struct {
	args     []string
	exit     int
	dir      string
	symlinks [][2]string
	modes    map[string]os.FileMode
	fifos    []string
	sizes    map[string]int
	env      map[string]string
	hex      map[string]string
}

func parseBadCase(comment []byte) (badCase, error) {
	c := badCase{args: []string{"build"}, exit: ExitErrors, modes: map[string]os.FileMode{}, sizes: map[string]int{}, env: map[string]string{}, hex: map[string]string{}}
	for _, line := range strings.Split(string(comment), "\n") {
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		switch key {
		case "args":
			args, err := splitArgs(val)
			if err != nil {
				return c, err
			}
			c.args = args
		case "exit":
			n, err := strconv.Atoi(val)
			if err != nil {
				return c, err
			}
			c.exit = n
		case "dir":
			c.dir = val
		case "symlink":
			link, target, ok := strings.Cut(val, " -> ")
			if !ok {
				return c, fmt.Errorf("symlink: want LINK -> TARGET, got %q", val)
			}
			c.symlinks = append(c.symlinks, [2]string{link, target})
		case "mode":
			path, perm, ok := strings.Cut(val, " ")
			n, err := strconv.ParseUint(perm, 8, 32)
			if !ok || err != nil {
				return c, fmt.Errorf("mode: want PATH OCTAL, got %q", val)
			}
			c.modes[path] = os.FileMode(n)
		case "fifo":
			c.fifos = append(c.fifos, val)
		case "env":
			name, value, _ := strings.Cut(val, "=")
			c.env[name] = value
		case "hex":
			path, data, ok := strings.Cut(val, " ")
			if !ok {
				return c, fmt.Errorf("hex: want PATH HEX, got %q", val)
			}
			c.hex[path] = strings.ReplaceAll(data, " ", "")
		case "size":
			path, n, ok := strings.Cut(val, " ")
			size, err := strconv.Atoi(n)
			if !ok || err != nil {
				return c, fmt.Errorf("size: want PATH N, got %q", val)
			}
			c.sizes[path] = size
		}
	}
	return c, nil
}

// splitArgs splits a command line on spaces; "..." quotes an argument
// (possibly empty).
func splitArgs(s string) ([]string, error) {
	var args []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unclosed quote in %q", s)
			}
			args = append(args, s[1:1+end])
			s = s[2+end:]
			continue
		}
		arg, rest, _ := strings.Cut(s, " ")
		args = append(args, arg)
		s = rest
	}
	return args, nil
}

// TestBadInputs runs chancery on every project in testdata/bad and
// compares its standard error with the archive's "want" file: each bad
// input gives one clear diagnostic at file:line:col with what to do, the
// right exit status, and writes nothing.
func TestBadInputs(t *testing.T) {
	files, err := filepath.Glob("../../testdata/bad/*.txtar")
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 bad inputs, found %d (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseBadCase(ar.Comment)
			if err != nil {
				t.Fatal(err)
			}
			root := t.TempDir()
			dir := filepath.Join(root, "project")
			var want, wantStdout []byte
			hasStdout := false
			for _, f := range ar.Files {
				switch f.Name {
				case "want":
					want = f.Data
					continue
				case "stdout":
					wantStdout, hasStdout = f.Data, true
					continue
				}
				path := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, l := range c.symlinks {
				link := filepath.Join(dir, filepath.FromSlash(l[0]))
				if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.FromSlash(l[1]), link); err != nil {
					t.Fatal(err)
				}
			}
			for p, h := range c.hex {
				data, err := hex.DecodeString(h)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for p, n := range c.sizes {
				data := bytes.Repeat([]byte("#"), n)
				data[n-1] = '\n'
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range c.fifos {
				if err := mkfifo(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
					t.Skipf("cannot make a named pipe here: %v", err)
				}
			}
			for p, mode := range c.modes {
				path := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.Chmod(path, mode); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(path, 0o755) })
				if mode&0o444 == 0 {
					if f, err := os.Open(path); err == nil {
						f.Close()
						t.Skip("running as a user who can read unreadable files (root)")
					}
				}
			}
			var stdout, stderr bytes.Buffer
			code := Run(c.args, Env{Dir: filepath.Join(dir, filepath.FromSlash(c.dir)), Stdout: &stdout, Stderr: &stderr, Getenv: func(name string) string { return c.env[name] }})
			if code != c.exit {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, c.exit, stderr.String())
			}
			got := stderr.Bytes()
			errs := bytes.Count(got, []byte(": error: ")) + strings.Count(stdout.String(), `"severity": "error"`)
			switch c.exit {
			case ExitErrors:
				// One diagnostic, or, for what is not in a file (the
				// output directory), one "chancery: ..." line.
				lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
				message := errs == 0 && len(lines) == 1 && strings.HasPrefix(lines[0], "chancery: ") && !strings.Contains(lines[0], " error")
				if errs != 1 && !message {
					t.Errorf("%d error diagnostics, want exactly one:\n%s", errs, got)
				}
			case ExitOK:
				if errs != 0 || !bytes.Contains(got, []byte(": warning: ")) {
					t.Errorf("want warnings and no error:\n%s", got)
				}
			}
			gotStdout := strings.ReplaceAll(stdout.String(), root, "$ROOT")
			if hasStdout && !*update && gotStdout != string(wantStdout) {
				t.Errorf("stdout:\n%s\nwant:\n%s", gotStdout, wantStdout)
			}
			if c.exit != ExitOK {
				if !hasStdout && stdout.Len() != 0 {
					t.Errorf("stdout not empty: %q", stdout.String())
				}
				if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
					t.Errorf("out/ was created by a failed command")
				}
			}
			got = bytes.ReplaceAll(got, []byte(root), []byte("$ROOT"))
			if *update {
				for i := range ar.Files {
					switch ar.Files[i].Name {
					case "want":
						ar.Files[i].Data = got
					case "stdout":
						ar.Files[i].Data = []byte(gotStdout)
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
