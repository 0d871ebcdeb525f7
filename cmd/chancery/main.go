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

// gcPercent is the collector's target growth of the heap between
// collections unless GOGC sets one: a build's heap is a few megabytes of
// live data and much short-lived garbage, which the default (100) would
// collect every few milliseconds; the memory limit above still bounds
// large builds.
const gcPercent = 400

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(cli.Main(os.Args[1:]))
}
