package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func testEnv(dir string) (Env, *bytes.Buffer) {
	var errs bytes.Buffer
	return Env{Dir: dir, Stdout: &bytes.Buffer{}, Stderr: &errs, Getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1700000000"
		}
		return ""
	}}, &errs
}

// The commands' flags fill their options as documented.
func TestLoopCommandOptions(t *testing.T) {
	env, _ := testEnv("/work/p")
	var in *InitOptions
	cmd := NewCmdInit(env, func(o *InitOptions) error { in = o; return nil })
	cmd.SetArgs([]string{"sub/dir", "--kind", "report", "--languages", "kk,ru", "--style", "un", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if in.Dir != filepath.Join("/work/p", "sub/dir") || in.Kind != "report" || !slices.Equal(in.Languages, []string{"kk", "ru"}) || in.Style != "un" || !in.Force || !in.Date.Equal(time.Unix(1700000000, 0)) {
		t.Errorf("init options %+v", in)
	}

	var wo *WatchOptions
	cmd = NewCmdWatch(env, func(_ context.Context, o *WatchOptions) error { wo = o; return nil })
	cmd.SetArgs([]string{"-o", "copies", "--formats", "txt,html", "--debounce", "1s", "--final"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if wo.Output != "copies" || !slices.Equal(wo.Formats, []string{"txt", "html"}) || wo.Debounce != time.Second || !wo.Final {
		t.Errorf("watch options %+v", wo)
	}

	var so *ServeOptions
	cmd = NewCmdServe(env, func(_ context.Context, o *ServeOptions) error { so = o; return nil })
	cmd.SetArgs([]string{})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if so.Host != "127.0.0.1" || so.Port != 8421 {
		t.Errorf("serve binds %s:%d by default, want 127.0.0.1:8421", so.Host, so.Port)
	}
}

func TestLoopCommandUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--port", "70000"}, "--port 70000 is not a port number"},
		{[]string{"watch", "--formats", "odt"}, `unknown format "odt"`},
		{[]string{"lsp", "extra"}, "unknown command"},
		{[]string{"init", "a", "b"}, "accepts at most 1 arg"},
	} {
		env, errs := testEnv(t.TempDir())
		if code := Run(tt.args, env); code != ExitUsage || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("chancery %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tt.args, " "), code, errs.String(), tt.want)
		}
	}
}
