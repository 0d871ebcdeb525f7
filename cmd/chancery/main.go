// Command chancery assembles diplomatic instruments and notes verbales from
// clause YAML. See the README for usage.
package main

import (
	"os"

	"github.com/chancery-dev/chancery/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
