package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/spf13/cobra"
)

func newRefsCmd(env Env) *cobra.Command {
	var final bool
	cmd := &cobra.Command{
		Use:   "refs [DOCUMENT]",
		Short: "Print the numbering map: id, number, where defined",
		Long: `Refs prints, for every unit with an id, what a reference to it resolves to
now: its id, its number as cited, the term it is cited with, and the file,
line and column where it is defined. With DOCUMENT, only that document.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, fsys, err := project(env)
			if err != nil {
				return err
			}
			res, diags := build.Assemble(fsys, build.Options{Final: final})
			if err := report(env, diags); err != nil {
				return err
			}
			found := false
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			for _, doc := range res.Project.Documents {
				if len(args) == 1 && doc.ID != args[0] {
					continue
				}
				found = true
				fmt.Fprintf(tw, "# %s\n", doc.ID)
				for _, e := range res.Indexes[doc.ID].Entries() {
					number := e.Number
					if number == "" {
						number = "-"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, number, strings.TrimSpace(e.Term), e.Pos)
				}
			}
			tw.Flush()
			if !found {
				return &exitError{code: ExitUsage, msg: fmt.Sprintf("no document %q in this project", args[0])}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&final, "final", false, "show the numbering of a final build (inserts folded)")
	return cmd
}
