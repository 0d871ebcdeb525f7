package cli

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/schema"
	"github.com/spf13/cobra"
)

// SchemaOptions are the options of chancery schema.
type SchemaOptions struct {
	Env  Env
	Kind string // the kind of file, one of schema.Names
}

// NewCmdSchema returns chancery schema; runF runs it (runSchema unless a
// test passes its own).
func NewCmdSchema(env Env, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{Env: env}
	var kinds strings.Builder
	for _, k := range schema.Kinds() {
		fmt.Fprintf(&kinds, "  %-9s %s\n            (%s)\n", k.Name, k.Summary, k.Files)
	}
	return &cobra.Command{
		Use:   "schema KIND",
		Short: "Print the JSON Schema of a kind of YAML file, for editors",
		Long: `Schema prints the JSON Schema (draft 2020-12) of one kind of project file,
for editors with a YAML language server. Save it and point the file at it
with a first line such as

  # yaml-language-server: $schema=../../schema/section.json

Kinds:
` + kinds.String(),
		// Not cobra.ExactArgs: a missing or extra kind is answered with
		// the list of kinds.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &exitError{code: ExitUsage, msg: "name one kind of file: " + strings.Join(schema.Names(), ", ")}
			}
			if _, err := lookupSchema(args[0]); err != nil {
				return err
			}
			opts.Kind = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runSchema(opts)
		},
	}
}

func runSchema(opts *SchemaOptions) error {
	k, err := lookupSchema(opts.Kind)
	if err != nil {
		return err
	}
	data, err := k.JSON()
	if err != nil {
		return failed("encoding the schema: %v", err)
	}
	_, err = opts.Env.Stdout.Write(data)
	return err
}

// lookupSchema finds the schema of a kind of file; an unknown kind is a
// usage error that lists the kinds.
func lookupSchema(name string) (schema.Kind, error) {
	k, ok := schema.Lookup(name)
	if !ok {
		return schema.Kind{}, &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown kind %q (kinds: %s)", name, strings.Join(schema.Names(), ", "))}
	}
	return k, nil
}
