// Package lazyre declares regular expressions that are compiled the first
// time they are used, not when the program starts: every command would
// otherwise pay, at each start, for the expressions of all the others.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same *regexp.Regexp ever after. expr must be valid: an invalid one
// panics on the first call, as regexp.MustCompile does.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
