// Package output writes a build's files into the output directory safely:
// every file goes to a temporary file in the target directory first and is
// renamed into place only when all of them were written, so a failed or
// interrupted build leaves the previous outputs untouched. Names can never
// leave the output directory.
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
		if err := os.Rename(temps[i], paths[i]); err != nil {
			cleanup()
			return nil, err
		}
	}
	return paths, nil
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
