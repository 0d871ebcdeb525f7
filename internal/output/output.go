// Package output writes a build's files into the output directory safely:
// every file goes to a temporary file in the target directory first, and
// only when all of them were written are they renamed into place, the
// files they replace moved aside until every rename succeeded. A build that
// fails at any point, a rename included, leaves the previous outputs as
// they were; one killed while writing leaves at most hidden temporary files
// (".<name>.tmp*"), never a half-written output. Names can never leave the
// output directory.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is one file to write, named relative to the output directory.
type File struct {
	Name string
	Data []byte
}

// WriteAll writes files into dir (created if needed) and returns the paths
// written, in order. On error nothing of this call remains but the
// directory.
func WriteAll(dir string, files []File) ([]string, error) {
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	temps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		tmp, err := writeTemp(dir, f)
		if err != nil {
			cleanup()
			return nil, err
		}
		temps = append(temps, tmp)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.Name)
	}
	if err := swapIn(temps, paths); err != nil {
		cleanup()
		return nil, err
	}
	return paths, nil
}

// swapIn renames each temporary file onto its path. The files they
// replace are first moved aside, so that when a rename fails every path
// gets its previous file back and nothing of the new build remains.
func swapIn(temps, paths []string) error {
	type done struct{ path, backup string }
	var swapped []done
	rollback := func() {
		for i := len(swapped) - 1; i >= 0; i-- {
			d := swapped[i]
			if d.backup != "" {
				os.Rename(d.backup, d.path)
			} else {
				os.Remove(d.path)
			}
		}
	}
	for i, tmp := range temps {
		backup := ""
		if info, err := os.Lstat(paths[i]); err == nil && info.Mode().IsRegular() {
			backup = tmp + ".old"
			if err := os.Rename(paths[i], backup); err != nil {
				rollback()
				return err
			}
		}
		if err := os.Rename(tmp, paths[i]); err != nil {
			if backup != "" {
				os.Rename(backup, paths[i])
			}
			rollback()
			return err
		}
		swapped = append(swapped, done{paths[i], backup})
	}
	for _, d := range swapped {
		if d.backup != "" {
			os.Remove(d.backup)
		}
	}
	return nil
}

func writeTemp(dir string, f File) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+f.Name+".tmp*")
	if err != nil {
		return "", err
	}
	_, werr := tmp.Write(f.Data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing %s: %w", f.Name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// checkName refuses names that are empty, absolute, or reach outside the
// output directory.
func checkName(name string) error {
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("output name %q is not a plain file name", name)
	}
	return nil
}
