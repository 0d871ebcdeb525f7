package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/spf13/cobra"
)

// RefsOptions are the options of chancery refs.
type RefsOptions struct {
	Env      Env
	Final    bool   // show the numbering of a final build (inserts folded)
	Document string // the document to show; empty for every document
}

// NewCmdRefs returns chancery refs; runF runs it (runRefs unless a test
// passes its own).
func NewCmdRefs(env Env, runF func(*RefsOptions) error) *cobra.Command {
	opts := &RefsOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "refs [DOCUMENT]",
		Short: "Print the numbering map: id, number, where defined",
		Long: `Refs prints, for every unit with an id, what a reference to it resolves to
now: its id, its number as cited, the term it is cited with, and the file,
line and column where it is defined. With DOCUMENT, only that document.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if args[0] == "" {
					return &exitError{code: ExitUsage, msg: "the document id is empty; name a document, or none for them all"}
				}
				opts.Document = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runRefs(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Final, "final", false, "show the numbering of a final build (inserts folded)")
	return cmd
}

func runRefs(opts *RefsOptions) error {
	env := opts.Env
	_, fsys, err := project(env)
	if err != nil {
		return err
	}
	res, diags := build.Assemble(fsys, build.Options{Final: opts.Final})
	if err := report(env, diags); err != nil {
		return err
	}
	found := false
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, doc := range res.Project.Documents {
		if opts.Document != "" && doc.ID != opts.Document {
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
	if !found && opts.Document == "" {
		return failed("the project has no documents (clauses/<id>/document.yaml)")
	}
	if !found {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("no document %q in this project", opts.Document)}
	}
	return nil
}
