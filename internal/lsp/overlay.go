package lsp

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// overlay is the project as the editor sees it: the files on disk, with
// the buffers open in the editor (saved or not) in their place.
type overlay struct {
	base    fs.FS
	buffers map[string]string // slash path relative to the root → text
}

func (o *overlay) Open(name string) (fs.File, error) {
	if text, ok := o.buffers[name]; ok {
		return &memFile{name: path.Base(name), r: strings.NewReader(text), size: int64(len(text))}, nil
	}
	return o.base.Open(name)
}

func (o *overlay) ReadFile(name string) ([]byte, error) {
	if text, ok := o.buffers[name]; ok {
		return []byte(text), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if text, ok := o.buffers[name]; ok {
		return &memFile{name: path.Base(name), size: int64(len(text))}, nil
	}
	return fs.Stat(o.base, name)
}

// ReadDir lists a directory of the disk with the buffers not saved yet
// added in.
func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	found := err == nil
	for p, text := range o.buffers {
		if path.Dir(p) != name {
			continue
		}
		found = true
		base := path.Base(p)
		if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == base }) {
			entries = append(entries, fs.FileInfoToDirEntry(&memFile{name: base, size: int64(len(text))}))
		}
	}
	if !found {
		return nil, err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// memFile is a buffer opened as a file; it is its own FileInfo.
type memFile struct {
	name string
	r    *strings.Reader
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *memFile) Read(p []byte) (int, error) {
	if f.r == nil {
		return 0, io.EOF
	}
	return f.r.Read(p)
}
func (f *memFile) Close() error       { return nil }
func (f *memFile) Name() string       { return f.name }
func (f *memFile) Size() int64        { return f.size }
func (f *memFile) Mode() fs.FileMode  { return 0o644 }
func (f *memFile) ModTime() time.Time { return time.Time{} }
func (f *memFile) IsDir() bool        { return false }
func (f *memFile) Sys() any           { return nil }
