package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is the release this source tree is.
const version = "0.1.0"

// VersionOptions are the options of chancery version.
type VersionOptions struct {
	Env Env
}

// NewCmdVersion returns chancery version; runF runs it (runVersion unless
// a test passes its own).
func NewCmdVersion(env Env, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{Env: env}
	return &cobra.Command{
		Use:   "version",
		Short: "Print chancery's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
}

func runVersion(opts *VersionOptions) error {
	goVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
	}
	fmt.Fprintf(opts.Env.Stdout, "chancery %s (%s)\n", version, goVersion)
	return nil
}
