// Command treaty writes a generated treaty of N paragraphs (package gen)
// as a project directory, for timing whole builds from the command line.
// Usage: go run ./testdata/bench/treaty N DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/chancery-dev/chancery/internal/gen"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: treaty N DIR")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "treaty: N must be a positive number")
		os.Exit(2)
	}
	for name, f := range gen.Treaty(n) {
		path := filepath.Join(os.Args[2], filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
