package output

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// DefaultLockWait is how long a second chancery process waits for the
// output directory before giving up: long enough for a build's writes to
// finish, short enough that a user is not left wondering.
const DefaultLockWait = 10 * time.Second

// LockOptions say how long to wait for the lock.
type LockOptions struct {
	Wait time.Duration // 0: DefaultLockWait; negative: do not wait
	// Waiting, if set, is called once when the lock is held by another
	// process and Lock starts to wait.
	Waiting func()
}

// ErrBusy is returned (wrapped) when another process kept the output
// directory locked for longer than the wait.
var ErrBusy = errors.New("the output directory is in use by another chancery process")

// Locked is an output directory locked by this process. The lock is
// advisory, held on the directory itself (no lock file), and released by
// the operating system when the process ends, however it ends.
type Locked struct {
	dir    string
	file   *os.File
	rename func(oldpath, newpath string) error // nil: os.Rename; see journal
}

// Lock locks the existing directory dir for writing, waiting as opt says
// while another chancery process holds it.
func Lock(dir string, opt LockOptions) (*Locked, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	wait := opt.Wait
	if wait == 0 {
		wait = DefaultLockWait
	}
	deadline := time.Now().Add(wait)
	notified := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if ok {
			return &Locked{dir: dir, file: f}, nil
		}
		if !time.Now().Before(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w: %s is still being written after %s; wait for the other build or watch to finish (or stop it) and run this again", ErrBusy, dir, wait.Round(time.Second))
		}
		if !notified && opt.Waiting != nil {
			opt.Waiting()
			notified = true
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// Dir is the locked directory.
func (l *Locked) Dir() string { return l.dir }

// Unlock releases the lock.
func (l *Locked) Unlock() error {
	if l == nil || l.file == nil {
		return nil
	}
	err := l.file.Close() // closing the descriptor releases the lock
	l.file = nil
	return err
}
