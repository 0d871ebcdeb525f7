// Package output writes a build's files into the output directory so that
// nothing is ever lost, whatever moment the process is stopped at:
//
//  1. The directory is locked (see Lock), so that two chancery processes
//     never write it at once.
//  2. Anything an earlier, interrupted run left behind is finished or
//     rolled back first (see Recover).
//  3. Every new file is written to a hidden temporary file in the directory
//     and synced; every existing output gets a hidden backup that is a hard
//     link to it (a copy where the file system has no hard links).
//  4. A journal naming every file is written and renamed into place: from
//     that instant the new set is complete on disk and the swap is decided.
//  5. Each temporary file is renamed over its output: one atomic step per
//     file, so each output is at every instant either its complete old or
//     its complete new version, never missing and never truncated.
//  6. The backups and the journal are removed.
//
// An output whose file already holds exactly the new content is left as
// it is, not rewritten: its modification time stays, and a build that
// changes nothing writes nothing.
//
// A run stopped before step 4 leaves the previous outputs untouched and
// only hidden files, which the next run removes; one stopped after step 4
// is finished by the next run. An error in step 5 (a directory in the way,
// say) puts every backup back and reports the error. Names can never leave
// the output directory.
package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// File is one file to write, named relative to the output directory.
type File struct {
	Name string
	Data []byte
}

// Hidden names that the writer uses in the output directory. Every one
// starts with ".chancery-", which output names cannot (they may not start
// with a dot), so nothing of a build's own is ever taken for a leftover.
const (
	hiddenPrefix = ".chancery-"
	newPrefix    = hiddenPrefix + "new."     // + index: a new file waiting to be renamed in
	oldPrefix    = hiddenPrefix + "old."     // + index: a hard link to the file it replaces
	journalName  = hiddenPrefix + "journal"  // the decided swap, see journal.go
	journalTemp  = hiddenPrefix + "journal~" // the journal being written
)

// ErrInterrupted is returned (wrapped with the cause of ctx) when the
// context was cancelled before the swap was decided: nothing was changed.
var ErrInterrupted = errors.New("interrupted before the outputs were replaced")

// WriteAll locks dir (created if needed), writes files into it as described
// in the package doc and returns the paths written, in order. On error the
// previous outputs are as they were and no hidden file of this call remains.
func WriteAll(dir string, files []File) ([]string, error) {
	return Write(context.Background(), dir, files, Options{})
}

// Options tune Write.
type Options struct {
	// Lock is how to lock the output directory; the zero value waits
	// DefaultLockWait for another process to finish.
	Lock LockOptions
	// Recovered, if set, is told what was cleaned up after an earlier,
	// interrupted run (only when there was something).
	Recovered func(Recovery)
}

// Write is WriteAll with a context: when ctx is cancelled before the swap
// is decided (step 4), Write removes what it wrote and returns an error
// wrapping ErrInterrupted; once the swap is decided it always finishes it,
// which takes a handful of renames.
func Write(ctx context.Context, dir string, files []File, opt Options) ([]string, error) {
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return nil, fmt.Errorf("%s is a file, not a directory: name another output directory, or move the file away", dir)
		}
		return nil, err
	}
	lock, err := Lock(dir, opt.Lock)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	return lock.write(ctx, files, opt)
}

// Write writes files into the locked directory; see the package doc.
func (l *Locked) Write(ctx context.Context, files []File) ([]string, error) {
	return l.write(ctx, files, Options{})
}

func (l *Locked) write(ctx context.Context, files []File, opt Options) ([]string, error) {
	dir := l.dir
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
	}
	r, err := Recover(dir)
	if err != nil {
		return nil, err
	}
	if !r.Empty() && opt.Recovered != nil {
		opt.Recovered(r)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.Name)
	}
	files = slices.DeleteFunc(slices.Clone(files), func(f File) bool { return holds(filepath.Join(dir, f.Name), f.Data) })
	if len(files) == 0 {
		return paths, nil
	}
	j := journal{rename: l.rename}
	cleanup := func() {
		for i := range j.entries {
			os.Remove(filepath.Join(dir, j.newName(i)))
			os.Remove(filepath.Join(dir, j.oldName(i)))
		}
	}
	interrupted := func() error {
		if err := context.Cause(ctx); err != nil {
			cleanup()
			return fmt.Errorf("%w: %w", ErrInterrupted, err)
		}
		return nil
	}
	// Every file is written, synced and backed up on its own goroutine,
	// a few at a time: most of the time is waiting for the disk.
	j.entries = make([]entry, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, writers())
	for i, f := range files {
		j.entries[i].name = f.Name
		if context.Cause(ctx) != nil {
			break
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			if err := writeSynced(filepath.Join(dir, j.newName(i)), f.Data); err != nil {
				errs[i] = fmt.Errorf("writing %s: %w", f.Name, err)
				return
			}
			j.entries[i].hadOld, errs[i] = backup(dir, f.Name, j.oldName(i))
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil { // the first file's error, as a sequential write would report
			cleanup()
			return nil, err
		}
	}
	if err := interrupted(); err != nil {
		return nil, err
	}
	if err := syncDir(dir); err != nil {
		cleanup()
		return nil, err
	}
	// The swap is decided the moment the journal is in place.
	if err := j.write(dir, stateCommit); err != nil {
		cleanup()
		os.Remove(filepath.Join(dir, journalTemp))
		return nil, err
	}
	if err := j.commit(dir); err != nil {
		if rerr := j.rollback(dir); rerr != nil {
			return nil, errors.Join(err, fmt.Errorf("putting the previous outputs back: %w", rerr))
		}
		return nil, err
	}
	return paths, nil
}

// holds tells whether path is a regular file whose content is data.
func holds(path string, data []byte) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// backup makes hidden a second name for the current output name, if there
// is one: a hard link, or a synced copy where links are not supported.
func backup(dir, name, hidden string) (bool, error) {
	path := filepath.Join(dir, name)
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return false, fmt.Errorf("%s is a directory, and an output cannot replace it: move it away", path)
	}
	if !info.Mode().IsRegular() {
		// A symbolic link or the like: renamed over like a file.
		return false, nil
	}
	to := filepath.Join(dir, hidden)
	if err := os.Link(path, to); err == nil {
		return true, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	return true, writeSynced(to, data)
}

func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// writers is how many files are written at once: enough to keep the disk
// busy while each waits for its sync.
func writers() int { return max(4, runtime.GOMAXPROCS(0)) }

// syncDir makes the directory's entries durable (renames, new names).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// checkName refuses names that are empty, absolute, hidden, or reach
// outside the output directory.
func checkName(name string) error {
	if name == "" || strings.ContainsAny(name, "/\\\x00\n\r") || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("output name %q is not a plain file name", name)
	}
	return nil
}
