package cli

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/schema"
	"github.com/spf13/cobra"
)

func newSchemaCmd(env Env) *cobra.Command {
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
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			names := strings.Join(schema.Names(), ", ")
			if len(args) != 1 {
				return &exitError{code: ExitUsage, msg: "name one kind of file: " + names}
			}
			k, ok := schema.Lookup(args[0])
			if !ok {
				return &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown kind %q (kinds: %s)", args[0], names)}
			}
			data, err := k.JSON()
			if err != nil {
				return failed("encoding the schema: %v", err)
			}
			_, err = env.Stdout.Write(data)
			return err
		},
	}
}
