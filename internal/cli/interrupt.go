package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cause of a context cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

// exitCode is the shell's convention for a process stopped by a signal:
// 128 plus the signal's number (130 for SIGINT, 143 for SIGTERM).
func (i interrupted) exitCode() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return ExitErrors
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// interruptContext returns a context cancelled, with an interrupted cause,
// by the first SIGINT or SIGTERM. Later signals are swallowed until stop is
// called, so that a second Ctrl-C cannot cut short the clean-up the first
// one started; a process that must die at once gets SIGKILL, after which
// the next run finishes the clean-up.
func interruptContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			cancel(interrupted{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(ch)
		cancel(nil)
	}
}

// context returns the command's context (never nil).
func (env Env) context() context.Context {
	if env.Context != nil {
		return env.Context
	}
	return context.Background()
}

// interruptError turns an interrupted context into the exit status for its
// signal, with what became of the outputs.
func interruptError(ctx context.Context, what string) error {
	var in interrupted
	if errors.As(context.Cause(ctx), &in) {
		return &exitError{code: in.exitCode(), msg: fmt.Sprintf("%s; %s", in, what)}
	}
	return &exitError{code: ExitErrors, msg: fmt.Sprintf("%v; %s", context.Cause(ctx), what)}
}
