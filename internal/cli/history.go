package cli

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
)

// maxHistory bounds how many commits of a clause file are searched for the
// base text a translation was confirmed against.
const maxHistory = 200

// gitBaseText finds earlier versions of a unit's base text in the git
// history of the project in dir (the index first, then the commits that
// touched the unit's file, newest first), by fingerprint, so that a
// freshness warning can show how the base text changed. Without git, or
// outside a repository, it finds nothing.
func gitBaseText(dir string) func(u *model.Unit, lang, fp string) (string, bool) {
	var mu sync.Mutex                 // documents are checked at the same time
	versions := map[string][][]byte{} // file -> its versions, newest first
	git := func(args ...string) ([]byte, bool) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			return nil, false
		}
		return out.Bytes(), true
	}
	return func(u *model.Unit, lang, fp string) (string, bool) {
		mu.Lock()
		defer mu.Unlock()
		file := u.Pos.File
		vs, ok := versions[file]
		if !ok {
			if data, ok := git("show", ":./"+file); ok {
				vs = append(vs, data)
			}
			if log, ok := git("log", "--format=%H", "-n", strconv.Itoa(maxHistory), "--", "./"+file); ok {
				for _, c := range strings.Fields(string(log)) {
					if data, ok := git("show", c+":./"+file); ok {
						vs = append(vs, data)
					}
				}
			}
			versions[file] = vs
		}
		for _, data := range vs {
			f, err := yamledit.Parse(data)
			if err != nil {
				continue
			}
			p, ok := f.FindID(u.ID)
			if !ok {
				continue
			}
			n, err := f.Lookup(p.Append(yamledit.Key("text"), yamledit.Key(lang)))
			if err == nil && fingerprint.Of(n.Value) == fp {
				return n.Value, true
			}
		}
		return "", false
	}
}
