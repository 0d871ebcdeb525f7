package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/lazyre"
)

// The journal is a small text file in the output directory:
//
//	chancery output journal 1
//	state commit
//	replace agreement.en.pdf
//	create agreement.en.txt
//
// Line k of the entries (from 0) is the file whose new version waits in
// ".chancery-new.k" and, for "replace", whose previous version is kept in
// ".chancery-old.k". It is written to a temporary name and renamed into
// place, so it is either absent or complete.
const journalHeader = "chancery output journal 1"

type state string

const (
	stateCommit   state = "commit"   // every new file is complete: rename them in
	stateRollback state = "rollback" // put every backup back
)

type entry struct {
	name   string
	hadOld bool
}

type journal struct {
	state   state
	entries []entry
	// rename renames an output in or back; nil means os.Rename (tests
	// make it fail).
	rename func(oldpath, newpath string) error
}

func (j *journal) mv(oldpath, newpath string) error {
	if j.rename != nil {
		return j.rename(oldpath, newpath)
	}
	return os.Rename(oldpath, newpath)
}

func (j *journal) newName(i int) string { return newPrefix + strconv.Itoa(i) }
func (j *journal) oldName(i int) string { return oldPrefix + strconv.Itoa(i) }

func (j *journal) write(dir string, s state) error {
	j.state = s
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nstate %s\n", journalHeader, s)
	for _, e := range j.entries {
		verb := "create"
		if e.hadOld {
			verb = "replace"
		}
		fmt.Fprintf(&b, "%s %s\n", verb, e.name)
	}
	tmp := filepath.Join(dir, journalTemp)
	if err := writeSynced(tmp, b.Bytes()); err != nil {
		return fmt.Errorf("writing the output journal: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, journalName)); err != nil {
		return fmt.Errorf("writing the output journal: %w", err)
	}
	return syncDir(dir)
}

func readJournal(dir string) (*journal, error) {
	data, err := os.ReadFile(filepath.Join(dir, journalName))
	if err != nil {
		return nil, err
	}
	bad := func(why string) error {
		return fmt.Errorf("%s: %s; it is not chancery's: move it out of the output directory", filepath.Join(dir, journalName), why)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != journalHeader {
		return nil, bad("unknown format")
	}
	j := &journal{}
	if !sc.Scan() {
		return nil, bad("no state")
	}
	switch s := state(strings.TrimPrefix(sc.Text(), "state ")); s {
	case stateCommit, stateRollback:
		j.state = s
	default:
		return nil, bad("unknown state")
	}
	for sc.Scan() {
		verb, name, ok := strings.Cut(sc.Text(), " ")
		if !ok || (verb != "create" && verb != "replace") || checkName(name) != nil {
			return nil, bad("bad entry " + strconv.Quote(sc.Text()))
		}
		j.entries = append(j.entries, entry{name: name, hadOld: verb == "replace"})
	}
	return j, nil
}

// commit renames every waiting new file over its output, then removes the
// backups and the journal. Entries already renamed are skipped, so a
// commit interrupted at any point can be run again.
func (j *journal) commit(dir string) error {
	for i, e := range j.entries {
		err := j.mv(filepath.Join(dir, j.newName(i)), filepath.Join(dir, e.name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("replacing %s: %w", e.name, err)
		}
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return j.finish(dir)
}

// rollback records the decision to roll back, then puts every previous
// output back (a rename of its hard link over it) and removes the new
// files that had no previous version. It too can be run again.
func (j *journal) rollback(dir string) error {
	if j.state != stateRollback {
		if err := j.write(dir, stateRollback); err != nil {
			return err
		}
	}
	var errs []error
	for i, e := range j.entries {
		path := filepath.Join(dir, e.name)
		waiting := filepath.Join(dir, j.newName(i))
		_, statErr := os.Lstat(waiting)
		renamedIn := errors.Is(statErr, os.ErrNotExist)
		switch {
		case e.hadOld:
			err := os.Rename(filepath.Join(dir, j.oldName(i)), path)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		case renamedIn:
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		os.Remove(waiting)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return j.finish(dir)
}

// finish removes what the swap no longer needs, the journal last.
func (j *journal) finish(dir string) error {
	for i := range j.entries {
		os.Remove(filepath.Join(dir, j.oldName(i)))
		os.Remove(filepath.Join(dir, j.newName(i)))
	}
	if err := os.Remove(filepath.Join(dir, journalName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return syncDir(dir)
}

// Recovery says what Recover found and did.
type Recovery struct {
	Finished   []string // outputs whose interrupted swap was finished
	RolledBack []string // outputs put back to their previous version
	Restored   []string // outputs an older chancery had left only as a hidden backup
	Removed    int      // leftover hidden files removed
}

// Empty reports whether there was nothing to recover.
func (r Recovery) Empty() bool {
	return len(r.Finished) == 0 && len(r.RolledBack) == 0 && len(r.Restored) == 0 && r.Removed == 0
}

// legacyTemp matches the hidden files of chancery versions before the
// journal: ".<name>.tmp<digits>" and its backup "<...>.old".
var legacyTemp = lazyre.New(`^\.(.+)\.tmp[0-9]+(\.old)?$`)

// Recover finishes or rolls back a swap that an interrupted run left in dir
// and removes every leftover hidden file. The caller holds the lock. A
// directory that does not exist needs no recovery.
func Recover(dir string) (Recovery, error) {
	var r Recovery
	j, err := readJournal(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return r, err
	case j.state == stateCommit:
		if cerr := j.commit(dir); cerr != nil {
			if rerr := j.rollback(dir); rerr != nil {
				return r, fmt.Errorf("finishing an interrupted build in %s: %w", dir, errors.Join(cerr, rerr))
			}
			r.RolledBack = j.names()
		} else {
			r.Finished = j.names()
		}
	default:
		if err := j.rollback(dir); err != nil {
			return r, fmt.Errorf("rolling back an interrupted build in %s: %w", dir, err)
		}
		r.RolledBack = j.names()
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, hiddenPrefix) && name != journalName {
			if os.Remove(filepath.Join(dir, name)) == nil {
				r.Removed++
			}
			continue
		}
		m := legacyTemp().FindStringSubmatch(name)
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if m[2] != "" && checkName(m[1]) == nil {
			// An older chancery moved the output away before renaming
			// the new one in; if it was killed between the two, the
			// backup is the only copy.
			target := filepath.Join(dir, m[1])
			if _, err := os.Lstat(target); errors.Is(err, os.ErrNotExist) {
				if os.Rename(filepath.Join(dir, name), target) == nil {
					r.Restored = append(r.Restored, m[1])
					continue
				}
			}
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			r.Removed++
		}
	}
	return r, nil
}

func (j *journal) names() []string {
	names := make([]string, len(j.entries))
	for i, e := range j.entries {
		names[i] = e.name
	}
	return names
}

// Leftovers lists the hidden files of a build in dir: after a build that
// finished, or after Recover, there are none.
func Leftovers(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), hiddenPrefix) || legacyTemp().MatchString(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}
