// Package watch tells when the files of a project change. It watches every
// directory of the project (fsnotify watches directories, not trees, so
// directories created later are added as they appear), which also sees
// editors that save by writing a new file and renaming it over the old one.
// Bursts of events — an editor's save is often several — are gathered into
// one batch that is delivered once the project has been quiet for the
// debounce interval.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher.
type Options struct {
	// Debounce is how long the project must be quiet before a batch of
	// changes is delivered; 0 means 150 ms.
	Debounce time.Duration
	// Skip reports whether a directory (slash-separated, relative to the
	// root) is not watched, e.g. the output directory. Hidden directories
	// (.git) are never watched.
	Skip func(rel string) bool
}

// Watcher delivers batches of changed paths of one project.
type Watcher struct {
	root    string
	opt     Options
	fsw     *fsnotify.Watcher
	changes chan []string
	errs    chan error
	done    chan struct{}
	once    sync.Once
}

// New starts watching the directory tree at root.
func New(root string, opt Options) (*Watcher, error) {
	if opt.Debounce <= 0 {
		opt.Debounce = 150 * time.Millisecond
	}
	if opt.Skip == nil {
		opt.Skip = func(string) bool { return false }
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, opt: opt, fsw: fsw, changes: make(chan []string), errs: make(chan error, 1), done: make(chan struct{})}
	if err := w.addTree(root); err != nil {
		fsw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// Changes delivers each batch of changed files, relative to the root,
// slash-separated, sorted.
func (w *Watcher) Changes() <-chan []string { return w.changes }

// Errors delivers errors of the underlying watcher (an overflowing event
// queue, say); watching goes on.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching.
func (w *Watcher) Close() error {
	w.once.Do(func() { close(w.done) })
	return w.fsw.Close()
}

// addTree watches dir and every directory below it that is not skipped.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A directory removed while walking is not an error.
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir || dir != w.root {
			if w.skipped(p) {
				return filepath.SkipDir
			}
		}
		return w.fsw.Add(p)
	})
}

func (w *Watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// skipped reports whether p (absolute) lies in a directory not watched.
func (w *Watcher) skipped(p string) bool {
	rel := w.rel(p)
	if rel == "." {
		return false
	}
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, ".") || w.opt.Skip(strings.Join(parts[:i+1], "/")) {
			return true
		}
	}
	return false
}

func (w *Watcher) loop() {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.skipped(ev.Name) {
				continue
			}
			// A new directory (or one renamed into place) is watched with
			// everything in it; files already inside count as changed.
			if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Rename) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
					filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							pending[w.rel(p)] = true
						}
						return nil
					})
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			pending[w.rel(ev.Name)] = true
			timer.Reset(w.opt.Debounce)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
			clear(pending)
			select {
			case w.changes <- batch:
			case <-w.done:
				return
			}
		}
	}
}
