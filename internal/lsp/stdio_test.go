package lsp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// chanceryBinary builds the chancery command once per test binary run.
func chanceryBinary(t *testing.T) string {
	t.Helper()
	goCmd := clienttest.Command(t, "go", "golang-go")
	bin := filepath.Join(t.TempDir(), "chancery")
	out, err := exec.Command(goCmd, "build", "-o", bin, "github.com/chancery-dev/chancery/cmd/chancery").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// The real command, built once, driven by the scripted client and by
// Neovim.
func TestCommand(t *testing.T) {
	bin := chanceryBinary(t)
	t.Run("scripted", func(t *testing.T) { testStdio(t, bin) })
	t.Run("neovim", func(t *testing.T) { testNeovim(t, bin) })
}

// The scripted client against the real command, over its stdin and stdout.
func testStdio(t *testing.T, bin string) {
	root := copyProject(t, fixture)
	cmd := exec.Command(bin, "lsp")
	cmd.Dir = root
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := connect(t, root, stdin, stdout)
	rel := partRel
	text := strings.Replace(read(t, root, rel), ref, typo, 1)
	c.open(rel, text)
	ds := c.waitDiagnostics(c.uri(rel), 1)
	if len(ds) == 0 || ds[0].Code != "unknown-ref" {
		t.Errorf("diagnostics: %+v", ds)
	}
	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	c.notify("exit", nil)
	if err := cmd.Wait(); err != nil {
		t.Errorf("chancery lsp exited with %v", err)
	}
}

// Neovim's own LSP client, headless, with the Lua configuration the README
// gives (testdata/init.lua: vim.lsp.start_client, Neovim 0.7). The script
// (testdata/nvim.lua) breaks the reference it is given, completes what it
// is told to type, and hovers, finds the definition of and renames the
// reference once restored.
func testNeovim(t *testing.T, bin string) {
	nvim := clienttest.Command(t, "nvim", "neovim")
	root := copyProject(t, fixture)
	out := filepath.Join(t.TempDir(), "out.txt")
	script, err := filepath.Abs("testdata/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	init, err := filepath.Abs("testdata/init.lua")
	if err != nil {
		t.Fatal(err)
	}
	// The configuration runs "chancery" from PATH, as an officer's would.
	path := filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	cmd := exec.Command(nvim, "--headless", "-n", "-i", "NONE", "-u", init, "-c", "luafile "+script, partRel)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "PATH="+path, "OUT="+out,
		"REF="+ref, "TYPO="+typo, "PREFIX=are", "RENAME=authorities.appointment", "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	text := read(t, root, partRel)
	line, col := lineCol(t, text, ref, 0)
	for _, want := range []string{
		// The range covers the reference, as nvim shows it (0-based columns).
		"diagnostic " + itoa(line+1) + ":" + itoa(col) + "-" + itoa(col+len(typo)) + ` unknown reference "authorities.designaton"`,
		"completion areas.forms.other",
		"completion areas.meetings",
		"hover `authorities.designation`",
		"en: paragraph\u00a03.1",
		"definition 03-authorities.yaml:",
		"renamed true",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("nvim session lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "completion authorities") {
		t.Errorf("completion offers ids that do not match the prefix:\n%s", got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
