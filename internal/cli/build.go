package cli

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/spf13/cobra"
)

// OutputOptions are the options that build and watch share: where the
// outputs go and what is written.
type OutputOptions struct {
	// Output is the output directory; a relative one is inside the
	// project. (Build makes one given with -o absolute against the
	// working directory when it parses it.)
	Output string
	// Formats are the format names to write; none means the registry's
	// defaults.
	Formats []string
	// Final asks for signature-ready copies: inserts folded into the
	// numbering, no DRAFT marking.
	Final bool
}

// addFlags registers -o/--output, --formats and --final on cmd.
func (o *OutputOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&o.Output, "output", "o", "out", "output directory")
	cmd.Flags().StringSliceVar(&o.Formats, "formats", nil, formatsUsage())
	cmd.Flags().BoolVar(&o.Final, "final", false, "signature-ready copies: fold inserts into the numbering, no DRAFT marking")
}

// check refuses formats the registry does not know, a --formats given
// empty and an empty output directory.
func (o *OutputOptions) check(cmd *cobra.Command) error {
	if err := checkOutputFormats(o.Formats); err != nil {
		return err
	}
	if cmd.Flags().Changed("formats") && len(o.Formats) == 0 {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("--formats is empty; name at least one of %s", strings.Join(format.Names(), ", "))}
	}
	if o.Output == "" {
		return &exitError{code: ExitUsage, msg: "-o/--output is empty; name the output directory (out by default)"}
	}
	return nil
}

// BuildOptions are the options of chancery build.
type BuildOptions struct {
	Env Env
	OutputOptions
	// Parallel are the language sets of the parallel editions to write
	// as well ("en-ru"); "all" for all the languages of each document.
	Parallel []string
	Time     time.Time // the build's date: SOURCE_DATE_EPOCH or lower.DefaultTime
}

// NewCmdBuild returns chancery build; runF runs it (runBuild unless a test
// passes its own).
func NewCmdBuild(env Env, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build every document of the project into the output directory",
		Long: `Build numbers, cross-references and renders every document of the project
in every language it declares, and writes the files into the output
directory (out/ by default), printing one line per output; a file that
already holds its new content is left untouched. Nothing is written when
any input has an error.

--parallel also writes parallel editions, the languages side by side in
columns, one row per block (4.1 facing 4.1), as PDF, DOCX and HTML:
--parallel alone for all the languages of each document (agr.en-ru-kk.pdf),
--parallel en-ru,en-kk for those sets. A document lists its own with
parallel: [en-ru] in document.yaml.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			stamp, err := buildTime(env)
			if err != nil {
				return err
			}
			opts.Time = stamp
			if err := opts.check(cmd); err != nil {
				return err
			}
			// The default output directory is the project's; one given
			// on the command line is relative to where it was given.
			if cmd.Flags().Changed("output") && !filepath.IsAbs(opts.Output) {
				opts.Output = filepath.Join(env.Dir, opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return runBuild(opts)
		},
	}
	opts.addFlags(cmd)
	cmd.Flags().StringSliceVar(&opts.Parallel, "parallel", nil, "also write parallel editions: language sets such as en-ru,en-ru-kk (alone: all the languages)")
	cmd.Flags().Lookup("parallel").NoOptDefVal = "all"
	return cmd
}

func runBuild(opts *BuildOptions) error {
	env := opts.Env
	root, fsys, err := project(env)
	if err != nil {
		return err
	}
	// Building cannot be cut short, so it runs aside: a signal ends the
	// command at once, before anything is written.
	ctx := env.context()
	type built struct {
		res   *build.Result
		diags diag.List
	}
	done := make(chan built, 1)
	go func() {
		res, diags := build.Build(fsys, build.Options{Final: opts.Final, Time: opts.Time, Formats: opts.Formats, BaseText: gitBaseText(root), Parallel: opts.Parallel})
		done <- built{res, diags}
	}()
	var b built
	select {
	case b = <-done:
	case <-ctx.Done():
		return interruptError(ctx, "nothing was written")
	}
	res := b.res
	if err := report(env, b.diags); err != nil {
		return err
	}
	dir := opts.Output
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	files := make([]output.File, len(res.Outputs))
	for i, o := range res.Outputs {
		files[i] = output.File{Name: o.Name, Data: o.Data}
	}
	paths, err := writeOutputs(env, dir, files)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(env.Stdout, projectPath(env.Dir, root, p))
	}
	if ctx.Err() != nil {
		return interruptError(ctx, "the outputs were written in full")
	}
	return nil
}

// formatsUsage describes the --formats flag from the format registry.
func formatsUsage() string {
	return "formats to write, comma-separated, of " + strings.Join(format.Names(), ", ") +
		" (default: " + strings.Join(format.Defaults(), ", ") + ")"
}

// checkOutputFormats refuses a --formats name the registry does not know.
func checkOutputFormats(names []string) error {
	for _, f := range names {
		if _, ok := format.Lookup(f); !ok {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown format %q (formats: %s)", f, strings.Join(format.Names(), ", "))}
		}
	}
	return nil
}

// buildTime reads SOURCE_DATE_EPOCH (seconds since 1970, UTC).
func buildTime(env Env) (time.Time, error) {
	v := env.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return lower.DefaultTime(), nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, &exitError{code: ExitUsage, msg: fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)}
	}
	return time.Unix(secs, 0).UTC(), nil
}

// report prints diagnostics to stderr and fails when there are errors.
func report(env Env, diags diag.List) error {
	diag.WriteText(env.Stderr, diags)
	if diags.HasErrors() {
		e, w := diags.Count()
		return failed("%s, %s", plural(e, "error"), plural(w, "warning"))
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// displayPath shows p relative to the project when it is inside it.
func displayPath(base, p string) string {
	if rel, err := filepath.Rel(base, p); err == nil && !filepath.IsAbs(rel) && rel != ".." && !hasDotDot(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}

func hasDotDot(rel string) bool {
	return len(rel) >= 3 && rel[:3] == ".."+string(filepath.Separator)
}
