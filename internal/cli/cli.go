// Package cli owns the chancery command line: one cobra command per verb,
// with the working directory, environment and IO streams injected so that
// commands run in tests exactly as from a shell. It is the only package that
// touches the OS. Exit status: 0 ok, 1 the documents have errors, 2 the
// command was used wrongly.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK     = 0
	ExitErrors = 1
	ExitUsage  = 2
)

// Env is what a command may use of the outside world.
type Env struct {
	Dir    string // working directory: the project
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Context, if set, is cancelled when the command should stop (by
	// SIGINT or SIGTERM from Main); commands that write stop cleanly.
	Context context.Context
}

// Main runs chancery with the process's arguments, streams and directory.
func Main(args []string) int {
	ctx, stop := interruptContext()
	defer stop()
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "chancery:", err)
		return ExitErrors
	}
	return Run(args, Env{Dir: dir, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Context: ctx})
}

// exitError carries an exit status out of a command; its message, if any,
// has already been printed or is printed by Run.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// failed reports that the documents have errors (exit 1).
func failed(format string, args ...any) error {
	return &exitError{code: ExitErrors, msg: fmt.Sprintf(format, args...)}
}

// Run runs chancery with args in env and returns the exit status.
func Run(args []string, env Env) int {
	root := newRoot(env)
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	return exitStatus(env, root.Execute())
}

// exitStatus is the exit status for what a command returned, printing its
// message to env.Stderr.
func exitStatus(env Env, err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(env.Stderr, "chancery:", ee.msg)
		}
		return ee.code
	}
	// Everything cobra reports itself (unknown command or flag, wrong
	// number of arguments) is a usage error.
	fmt.Fprintln(env.Stderr, "chancery:", err)
	fmt.Fprintln(env.Stderr, "Run 'chancery --help' for usage.")
	return ExitUsage
}

func newRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "chancery",
		Short: "Assemble diplomatic instruments and notes verbales from clause YAML",
		Long: `chancery assembles diplomatic instruments (memoranda of understanding,
agreements) from clauses kept in YAML: it numbers paragraphs, resolves
cross-references written as ids, checks the text, and writes plain text,
PDF and DOCX in English, Russian and Kazakh.

Run it in a project directory, one that holds clauses/<document>/document.yaml.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		NewCmdBuild(env, nil),
		NewCmdCheck(env, nil),
		NewCmdRefs(env, nil),
		NewCmdVersion(env, nil),
		NewCmdSchema(env, nil),
		NewCmdDiff(env, nil),
		NewCmdForms(env, nil),
		NewCmdInit(env, nil),
		NewCmdTranslate(env, nil),
		NewCmdImport(env, nil),
		NewCmdWatch(env, nil),
		NewCmdLsp(env, nil),
		NewCmdServe(env, nil),
	)
	// cobra's completion command prints its help for a shell it does not
	// know ("completion tcsh") and succeeds; an unknown shell is a usage
	// error.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				return &exitError{code: ExitUsage, msg: fmt.Sprintf("no completion for shell %q; chancery completes bash, zsh, fish and powershell", args[0])}
			}
		}
	}
	return root
}
