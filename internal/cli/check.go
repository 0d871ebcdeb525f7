package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/spf13/cobra"
)

// checkFormat is one way of printing diagnostics.
type checkFormat struct {
	name  string
	write func(io.Writer, diag.List) error
	// data formats are read by machines and go to stdout; text is for
	// people and goes to stderr like every other command's diagnostics.
	data bool
}

func checkFormats() []checkFormat {
	return []checkFormat{
		{name: "text", write: diag.WriteText},
		{name: "json", write: diag.WriteJSON, data: true},
		{name: "github", write: diag.WriteGitHub, data: true},
	}
}

func findCheckFormat(name string) (checkFormat, error) {
	var names []string
	for _, f := range checkFormats() {
		if f.name == name {
			return f, nil
		}
		names = append(names, f.name)
	}
	return checkFormat{}, &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown --format %q (formats: %s)", name, strings.Join(names, ", "))}
}

// CheckOptions are the options of chancery check.
type CheckOptions struct {
	Env   Env
	Final bool // check as for a signature-ready build
	// Format is how diagnostics are printed: text, json or github (see
	// checkFormats).
	Format string
}

// NewCmdCheck returns chancery check; runF runs it (runCheck unless a test
// passes its own).
func NewCmdCheck(env Env, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check every document of the project without writing anything",
		Long: `Check loads, numbers and cross-references every document and runs the
checks: clauses with aligned: quote their source verbatim, no wording is
left in [square brackets], no {fill:...} placeholder or negotiation insert
is left, and no word mixes Latin and Cyrillic letters. A clause silences a
check for itself with suppress: [{check: NAME, reason: "..."}].

--format chooses how diagnostics are printed:
  text    path:line:col: severity: message [code], with the hint indented
          below it, on stderr (the default)
  json    a JSON array of {file, line, column, severity, code, message,
          hint} on stdout ("[]" when there is nothing to report)
  github  GitHub Actions workflow commands (::error file=...,line=...,
          col=...,title=CODE::message) on stdout, which annotate the pull
          request's files

A summary line ("chancery: 2 errors, 1 warning") always goes to stderr.
With --final, unagreed wording and placeholders are errors, as for a
signature-ready build. Exit status: 0 when there are no errors (warnings
allowed), 1 when there are, 2 when the command is used wrongly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := findCheckFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Final, "final", false, "check as for a signature-ready build: unagreed wording and placeholders are errors")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "how to print diagnostics: text, json or github")
	return cmd
}

func runCheck(opts *CheckOptions) error {
	env := opts.Env
	f, err := findCheckFormat(opts.Format)
	if err != nil {
		return err
	}
	_, fsys, err := project(env)
	if err != nil {
		return err
	}
	_, diags := build.Assemble(fsys, build.Options{Final: opts.Final, BaseText: gitBaseText(env.Dir)})
	out := env.Stderr
	if f.data {
		out = env.Stdout
	}
	if err := f.write(out, diags); err != nil {
		return failed("writing diagnostics: %v", err)
	}
	e, w := diags.Count()
	summary := fmt.Sprintf("%s, %s", plural(e, "error"), plural(w, "warning"))
	if e > 0 {
		return failed("%s", summary)
	}
	fmt.Fprintln(env.Stderr, "chancery:", summary)
	return nil
}
