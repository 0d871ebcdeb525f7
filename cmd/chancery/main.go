// Command chancery assembles diplomatic instruments and notes verbales from
// clause YAML. See the README for usage.
package main

import (
	"os"
	"runtime/debug"

	"github.com/chancery-dev/chancery/internal/cli"
)

// memoryLimit is the soft limit of the Go heap unless GOMEMLIMIT sets one:
// the collector runs sooner as the heap nears it, so that a large build's
// garbage does not double its peak memory. Builds whose live data stays
// below it (every project but treaties of many thousand paragraphs) are
// not slowed.
const memoryLimit = 200 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:]))
}
