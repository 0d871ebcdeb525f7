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

func newBuildCmd(env Env) *cobra.Command {
	var outDir string
	var final bool
	var formats, parallel []string
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
			if err := checkOutputFormats(formats); err != nil {
				return err
			}
			if cmd.Flags().Changed("formats") && len(formats) == 0 {
				return &exitError{code: ExitUsage, msg: fmt.Sprintf("--formats is empty; name at least one of %s", strings.Join(format.Names(), ", "))}
			}
			if outDir == "" {
				return &exitError{code: ExitUsage, msg: "-o/--output is empty; name the output directory (out by default)"}
			}
			root, fsys, err := project(env)
			if err != nil {
				return err
			}
			// Building cannot be cut short, so it runs aside: a signal
			// ends the command at once, before anything is written.
			ctx := env.context()
			type built struct {
				res   *build.Result
				diags diag.List
			}
			done := make(chan built, 1)
			go func() {
				res, diags := build.Build(fsys, build.Options{Final: final, Time: stamp, Formats: formats, BaseText: gitBaseText(root), Parallel: parallel})
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
			// The default output directory is the project's; one given
			// on the command line is relative to where it was given.
			dir := outDir
			switch {
			case !cmd.Flags().Changed("output"):
				dir = filepath.Join(root, outDir)
			case !filepath.IsAbs(dir):
				dir = filepath.Join(env.Dir, dir)
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
		},
	}
	cmd.Flags().StringVarP(&outDir, "output", "o", "out", "output directory")
	cmd.Flags().StringSliceVar(&formats, "formats", nil, formatsUsage())
	cmd.Flags().BoolVar(&final, "final", false, "signature-ready copies: fold inserts into the numbering, no DRAFT marking")
	cmd.Flags().StringSliceVar(&parallel, "parallel", nil, "also write parallel editions: language sets such as en-ru,en-ru-kk (alone: all the languages)")
	cmd.Flags().Lookup("parallel").NoOptDefVal = "all"
	return cmd
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
