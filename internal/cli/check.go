package cli

import (
	"os"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/spf13/cobra"
)

func newCheckCmd(env Env) *cobra.Command {
	var final bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check every document of the project without writing anything",
		Long: `Check loads, numbers and cross-references every document and runs the
checks, printing diagnostics as path:line:col: severity: message [code].
It exits 0 when there are no errors (warnings allowed), 1 when there are.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, diags := build.Assemble(os.DirFS(env.Dir), build.Options{Final: final})
			return report(env, diags)
		},
	}
	cmd.Flags().BoolVar(&final, "final", false, "check as for a signature-ready build")
	return cmd
}
