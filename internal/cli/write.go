package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/output"
)

// writeOutputs writes files into dir through package output (locked,
// journalled, interruptible), telling the user on stderr when it waits for
// another chancery process or cleans up after an interrupted one.
func writeOutputs(env Env, dir string, files []output.File) ([]string, error) {
	ctx := env.context()
	shown := displayPath(env.Dir, dir)
	wait, err := lockWait(env)
	if err != nil {
		return nil, err
	}
	paths, err := output.Write(ctx, dir, files, output.Options{
		Lock: output.LockOptions{Wait: wait, Waiting: func() {
			fmt.Fprintf(env.Stderr, "chancery: waiting for another chancery process to finish writing %s ...\n", shown)
		}},
		Recovered: func(r output.Recovery) {
			reportRecovery(env, shown, r)
		},
	})
	switch {
	case err == nil:
		return paths, nil
	case errors.Is(err, output.ErrInterrupted):
		return nil, interruptError(ctx, "nothing was written, "+shown+" is as it was")
	case errors.Is(err, output.ErrBusy):
		return nil, failed("%s is in use by another chancery process (a build or a watch) and stayed locked for %s; wait for it to finish or stop it, then run this again", shown, wait)
	}
	// Paths inside the output directory as the user named it.
	return nil, failed("writing outputs: %s", strings.ReplaceAll(err.Error(), dir, shown))
}

// lockWait is how long to wait for another chancery process writing the
// same directory: CHANCERY_LOCK_WAIT (a Go duration such as 30s), by
// default output.DefaultLockWait.
func lockWait(env Env) (time.Duration, error) {
	v := env.Getenv("CHANCERY_LOCK_WAIT")
	if v == "" {
		return output.DefaultLockWait, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, &exitError{code: ExitUsage, msg: fmt.Sprintf("CHANCERY_LOCK_WAIT=%q is not a positive duration such as 30s", v)}
	}
	return d, nil
}

func reportRecovery(env Env, shown string, r output.Recovery) {
	if len(r.Finished) > 0 {
		fmt.Fprintf(env.Stderr, "chancery: %s: finished replacing %d outputs that an interrupted build had written (%s)\n", shown, len(r.Finished), strings.Join(r.Finished, ", "))
	}
	if len(r.RolledBack) > 0 {
		fmt.Fprintf(env.Stderr, "chancery: %s: put back the previous version of %d outputs that an interrupted build had begun to replace (%s)\n", shown, len(r.RolledBack), strings.Join(r.RolledBack, ", "))
	}
	if len(r.Restored) > 0 {
		fmt.Fprintf(env.Stderr, "chancery: %s: restored %s from the backup an older chancery left\n", shown, strings.Join(r.Restored, ", "))
	}
	if r.Removed > 0 {
		fmt.Fprintf(env.Stderr, "chancery: %s: removed %d temporary files of an interrupted build\n", shown, r.Removed)
	}
}
