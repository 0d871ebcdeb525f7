package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/chancery-dev/chancery/internal/watch"
	"github.com/spf13/cobra"
)

// WatchOptions are the options of chancery watch.
type WatchOptions struct {
	Env Env
	OutputOptions
	Debounce time.Duration // how long the project must be quiet before a build
	// Ready, when set, is called once the first build is done and the
	// project is watched (tests wait for it before editing).
	Ready func()
}

// NewCmdWatch returns chancery watch; runF runs it (runWatch unless a test
// passes its own).
func NewCmdWatch(env Env, runF func(context.Context, *WatchOptions) error) *cobra.Command {
	opts := &WatchOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "watch",
		Short: "Build the project, then again on every change, until interrupted",
		Long: `Watch builds the project like chancery build, then watches every directory
of the project and builds again whenever a file changes: several saves in
quick succession make one build. Each build prints its diagnostics and the
files it wrote. A build with errors writes nothing, so the output directory
keeps the outputs of the last good build. Stop it with Ctrl-C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if runF != nil {
				return runF(ctx, opts)
			}
			return runWatch(ctx, opts)
		},
	}
	opts.addFlags(cmd)
	cmd.Flags().DurationVar(&opts.Debounce, "debounce", 150*time.Millisecond, "how long the project must be quiet before a build")
	return cmd
}

func runWatch(ctx context.Context, opts *WatchOptions) error {
	env := opts.Env
	outDir := opts.Output
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(env.Dir, outDir)
	}
	stamp, err := buildTime(env)
	if err != nil {
		return err
	}
	w, err := watch.New(env.Dir, watch.Options{
		Debounce: opts.Debounce,
		Skip: func(rel string) bool {
			// Never watch what the builds write.
			return filepath.Join(env.Dir, filepath.FromSlash(rel)) == outDir
		},
	})
	if err != nil {
		return failed("cannot watch %s: %v", env.Dir, err)
	}
	defer w.Close()
	rebuild := func() {
		buildInto(env, outDir, build.Options{Final: opts.Final, Time: stamp, Formats: opts.Formats})
	}
	rebuild()
	fmt.Fprintln(env.Stderr, "chancery: watching for changes; Ctrl-C stops")
	if opts.Ready != nil {
		opts.Ready()
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch := <-w.Changes():
			fmt.Fprintf(env.Stderr, "chancery: changed: %s\n", strings.Join(batch, ", "))
			rebuild()
		case err := <-w.Errors():
			fmt.Fprintf(env.Stderr, "chancery: watching: %v\n", err)
		}
	}
}

// buildInto runs one build of the project in env and writes its outputs
// into outDir, printing diagnostics and the files written. A build with
// errors writes nothing: the previous outputs stay.
func buildInto(env Env, outDir string, opt build.Options) bool {
	fsys, err := openProject(env.Dir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "chancery:", err)
		return false
	}
	res, diags := build.Build(fsys, opt)
	diag.WriteText(env.Stderr, diags)
	e, warn := diags.Count()
	if diags.HasErrors() {
		fmt.Fprintf(env.Stderr, "chancery: %s, %s; the outputs of the last good build are kept\n", plural(e, "error"), plural(warn, "warning"))
		return false
	}
	files := make([]output.File, len(res.Outputs))
	for i, o := range res.Outputs {
		files[i] = output.File{Name: o.Name, Data: o.Data}
	}
	paths, err := output.WriteAll(outDir, files)
	if err != nil {
		fmt.Fprintf(env.Stderr, "chancery: writing outputs: %v\n", err)
		return false
	}
	for _, p := range paths {
		fmt.Fprintln(env.Stdout, displayPath(env.Dir, p))
	}
	fmt.Fprintf(env.Stderr, "chancery: built %s (%s, %s)\n", plural(len(paths), "file"), plural(e, "error"), plural(warn, "warning"))
	return true
}
