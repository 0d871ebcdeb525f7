package cli

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/spf13/cobra"
)

// capturing makes newCmd's command with a runF that keeps the options it is
// given in *got instead of running the command.
func capturing[O any](newCmd func(Env, func(*O) error) *cobra.Command) func(Env, *any) *cobra.Command {
	return func(env Env, got *any) *cobra.Command {
		return newCmd(env, func(o *O) error { *got = o; return nil })
	}
}

// capturingCtx is capturing for the long-running commands, whose runF
// takes a context.
func capturingCtx[O any](newCmd func(Env, func(context.Context, *O) error) *cobra.Command) func(Env, *any) *cobra.Command {
	return func(env Env, got *any) *cobra.Command {
		return newCmd(env, func(_ context.Context, o *O) error { *got = o; return nil })
	}
}

// execute runs cmd with args (which begin with its name) under a root
// command set up as Run's, and returns the exit status Run would.
func execute(env Env, cmd *cobra.Command, args []string) int {
	root := &cobra.Command{Use: "chancery", SilenceUsage: true, SilenceErrors: true}
	root.AddCommand(cmd)
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	return exitStatus(env, root.Execute())
}

// The flags and arguments of build, check, diff, forms, refs, schema,
// version and watch fill their options as documented, without the command
// running.
func TestCommandOptions(t *testing.T) {
	epoch := time.Unix(1700000000, 0).UTC()
	for _, tt := range []struct {
		args []string
		cmd  func(Env, *any) *cobra.Command
		want any
	}{
		{[]string{"build"}, capturing(NewCmdBuild),
			&BuildOptions{OutputOptions: OutputOptions{Output: "out"}, Time: epoch}},
		{[]string{"build", "-o", "DIR", "--formats", "txt,pdf", "--final", "--parallel=en-ru"}, capturing(NewCmdBuild),
			&BuildOptions{OutputOptions: OutputOptions{Output: filepath.Join("/work/p", "DIR"), Formats: []string{"txt", "pdf"}, Final: true}, Parallel: []string{"en-ru"}, Time: epoch}},
		{[]string{"build", "--output", "/abs/out", "--parallel", "--formats", "docx", "--formats", "html"}, capturing(NewCmdBuild),
			&BuildOptions{OutputOptions: OutputOptions{Output: "/abs/out", Formats: []string{"docx", "html"}}, Parallel: []string{"all"}, Time: epoch}},
		{[]string{"check"}, capturing(NewCmdCheck),
			&CheckOptions{Format: "text"}},
		{[]string{"check", "--final", "--format", "json"}, capturing(NewCmdCheck),
			&CheckOptions{Final: true, Format: "json"}},
		{[]string{"check", "--format=github"}, capturing(NewCmdCheck),
			&CheckOptions{Format: "github"}},
		{[]string{"diff", "OLD", "NEW", "-o", "x.docx", "--lang", "ru", "--document", "d", "--git", "--author", "A", "--date", "2024-05-13T09:30:00+05:00"}, capturing(NewCmdDiff),
			&DiffOptions{Old: "OLD", New: "NEW", Output: "x.docx", Lang: "ru", Document: "d", Git: true, Author: "A", Date: time.Date(2024, 5, 13, 4, 30, 0, 0, time.UTC)}},
		{[]string{"diff", "HEAD~1:", ".", "--summary"}, capturing(NewCmdDiff),
			&DiffOptions{Old: "HEAD~1:", New: ".", Summary: true, Author: lower.DefaultAuthor, Date: epoch}},
		{[]string{"forms", "kk", "paragraph"}, capturing(NewCmdForms),
			&FormsOptions{Lang: "kk", Term: "paragraph"}},
		{[]string{"forms", "ru", "--date", "2024-05-27"}, capturing(NewCmdForms),
			&FormsOptions{Lang: "ru", Date: "2024-05-27"}},
		{[]string{"refs"}, capturing(NewCmdRefs),
			&RefsOptions{}},
		{[]string{"refs", "agr", "--final"}, capturing(NewCmdRefs),
			&RefsOptions{Document: "agr", Final: true}},
		{[]string{"schema", "section"}, capturing(NewCmdSchema),
			&SchemaOptions{Kind: "section"}},
		{[]string{"version"}, capturing(NewCmdVersion),
			&VersionOptions{}},
		{[]string{"watch"}, capturingCtx(NewCmdWatch),
			&WatchOptions{OutputOptions: OutputOptions{Output: "out"}, Debounce: 150 * time.Millisecond}},
		{[]string{"watch", "-o", "copies", "--formats", "txt,html", "--debounce", "1s", "--final"}, capturingCtx(NewCmdWatch),
			&WatchOptions{OutputOptions: OutputOptions{Output: "copies", Formats: []string{"txt", "html"}, Final: true}, Debounce: time.Second}},
	} {
		name := strings.Join(tt.args, " ")
		env, errs := testEnv("/work/p")
		var got any
		if code := execute(env, tt.cmd(env, &got), tt.args); code != ExitOK {
			t.Errorf("chancery %s: exit %d, stderr %q", name, code, errs.String())
			continue
		}
		if got == nil {
			t.Errorf("chancery %s: runF was not called", name)
			continue
		}
		// Env holds funcs, which never compare equal: check that it is
		// the one given, then leave it out.
		gotEnv := reflect.ValueOf(got).Elem().FieldByName("Env")
		if dir := gotEnv.Interface().(Env).Dir; dir != env.Dir {
			t.Errorf("chancery %s: options' Env.Dir %q, want %q", name, dir, env.Dir)
		}
		gotEnv.Set(reflect.Zero(gotEnv.Type()))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("chancery %s:\n got %+v\nwant %+v", name, got, tt.want)
		}
	}
}

// Wrong usage of the converted commands exits 2 with its message before
// runF is called.
func TestCommandUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		cmd   func(Env, *any) *cobra.Command
		epoch string // SOURCE_DATE_EPOCH, when not the test's default
		want  string
	}{
		{[]string{"build", "--formats", "odt"}, capturing(NewCmdBuild), "", `unknown format "odt"`},
		{[]string{"build", "--formats", ""}, capturing(NewCmdBuild), "", "--formats is empty"},
		{[]string{"build", "-o", ""}, capturing(NewCmdBuild), "", "-o/--output is empty"},
		{[]string{"build", "extra"}, capturing(NewCmdBuild), "", `unknown command "extra" for "chancery build"`},
		{[]string{"build"}, capturing(NewCmdBuild), "x", `SOURCE_DATE_EPOCH="x" is not a number`},
		{[]string{"check", "--format", "xml"}, capturing(NewCmdCheck), "", `unknown --format "xml" (formats: text, json, github)`},
		{[]string{"check", "--final=maybe"}, capturing(NewCmdCheck), "", `invalid argument "maybe"`},
		{[]string{"diff", "a"}, capturing(NewCmdDiff), "", "accepts 2 arg(s), received 1"},
		{[]string{"diff", "a", "b"}, capturing(NewCmdDiff), "", "diff needs -o FILE or --summary"},
		{[]string{"diff", "a", "b", "--summary", "--date", "2024-05-13"}, capturing(NewCmdDiff), "", `--date "2024-05-13" is not an RFC 3339 date`},
		{[]string{"diff", "a", "b", "-o", "x.txt"}, capturing(NewCmdDiff), "-1", `SOURCE_DATE_EPOCH="-1"`},
		{[]string{"forms", "en"}, capturing(NewCmdForms), "", "accepts 2 arg(s), received 1"},
		{[]string{"forms", "en", "paragraph", "--date", "2024-05-27"}, capturing(NewCmdForms), "", "accepts 1 arg(s), received 2"},
		{[]string{"refs", "a", "b"}, capturing(NewCmdRefs), "", "accepts at most 1 arg(s), received 2"},
		{[]string{"refs", ""}, capturing(NewCmdRefs), "", "the document id is empty; name a document, or none for them all"},
		{[]string{"schema"}, capturing(NewCmdSchema), "", "name one kind of file: document, section"},
		{[]string{"schema", "a", "b"}, capturing(NewCmdSchema), "", "name one kind of file"},
		{[]string{"schema", "nokind"}, capturing(NewCmdSchema), "", `unknown kind "nokind" (kinds: document, section`},
		{[]string{"version", "extra"}, capturing(NewCmdVersion), "", `unknown command "extra" for "chancery version"`},
		{[]string{"watch", "--formats", "odt"}, capturingCtx(NewCmdWatch), "", `unknown format "odt"`},
		{[]string{"watch", "--formats", ""}, capturingCtx(NewCmdWatch), "", "--formats is empty"},
		{[]string{"watch", "-o", ""}, capturingCtx(NewCmdWatch), "", "-o/--output is empty"},
		{[]string{"watch", "--debounce", "soon"}, capturingCtx(NewCmdWatch), "", `invalid argument "soon" for "--debounce"`},
	} {
		name := strings.Join(tt.args, " ")
		env, errs := testEnv(t.TempDir())
		if tt.epoch != "" {
			env.Getenv = func(k string) string {
				if k == "SOURCE_DATE_EPOCH" {
					return tt.epoch
				}
				return ""
			}
		}
		var got any
		code := execute(env, tt.cmd(env, &got), tt.args)
		if code != ExitUsage || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("chancery %s: exit %d, stderr %q; want exit 2 and %q", name, code, errs.String(), tt.want)
		}
		if got != nil {
			t.Errorf("chancery %s: runF was called with %+v", name, got)
		}
	}
}
