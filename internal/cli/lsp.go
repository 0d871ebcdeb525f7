package cli

import (
	"context"
	"io"
	"os"

	"github.com/chancery-dev/chancery/internal/lsp"
	"github.com/spf13/cobra"
)

// LspOptions are the options of chancery lsp.
type LspOptions struct {
	Env   Env
	In    io.Reader
	Out   io.Writer
	Debug bool // log each message handled to stderr
}

// NewCmdLsp returns chancery lsp; runF runs it (runLsp unless a test
// passes its own).
func NewCmdLsp(env Env, runF func(context.Context, *LspOptions) error) *cobra.Command {
	opts := &LspOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server on stdin and stdout, for editors",
		Long: `Lsp runs chancery's language server, speaking the Language Server
Protocol on stdin and stdout, for any LSP editor (VS Code with a generic
LSP client, Neovim, Helix, Emacs). It checks the project as you type,
on the unsaved buffers, with the same checks as chancery check; completes
unit and source ids inside {ref:...}, {{ref "..."}} and aligned:; goes to
an id's definition and finds its references; shows on hover what a
reference reads now in each language; and renames an id across the
project. The project is the workspace folder the editor opens (or the
current directory).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runLsp(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Debug, "debug", false, "log every message handled to stderr")
	return cmd
}

func runLsp(ctx context.Context, opts *LspOptions) error {
	in, out := opts.In, opts.Out
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = opts.Env.Stdout
	}
	var log io.Writer
	if opts.Debug {
		log = opts.Env.Stderr
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if err := lsp.Serve(ctx, in, out, lsp.Options{Root: opts.Env.Dir, Log: log}); err != nil {
		return failed("language server: %v", err)
	}
	return nil
}
