// Package interrupttest holds the tests that run the chancery command as a
// separate process and stop it at random moments (SIGKILL, SIGTERM) or run
// two at once, to show that the output directory never loses an output.
// They live apart from package cli because they take a minute or two of
// processor time and need their own test timeout. The package has no code
// of its own.
package interrupttest
