// Package deflate lends compressors at the fastest level, zlib (PDF
// streams) and raw deflate (DOCX parts). A compressor holds over a
// megabyte of tables; a build writes a dozen compressed files, and making
// a new compressor for each was a tenth of its time (allocating and
// faulting in the tables). A compressor lent here is reset to the writer
// given, which makes it the same as a new one: its output does not
// depend on what it compressed before.
package deflate

import (
	"compress/flate"
	"compress/zlib"
	"io"
	"sync"
)

// Pool lends compressors and takes them back after use, for the next
// file; sync.Pool drops them when the memory is wanted. A build keeps one
// Pool for all its files. The zero Pool is ready for use, and a nil *Pool
// lends a new compressor every time.
type Pool struct {
	zlibs  sync.Pool // *zlib.Writer
	flates sync.Pool // *flate.Writer
}

// Zlib returns a zlib compressor at flate.BestSpeed writing to w. Give it
// back with PutZlib once closed.
func (p *Pool) Zlib(w io.Writer) *zlib.Writer {
	if p != nil {
		if z, ok := p.zlibs.Get().(*zlib.Writer); ok {
			z.Reset(w)
			return z
		}
	}
	z, err := zlib.NewWriterLevel(w, zlib.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return z
}

// PutZlib gives back a compressor from Zlib.
func (p *Pool) PutZlib(z *zlib.Writer) {
	if p != nil {
		p.zlibs.Put(z)
	}
}

// Flate returns a raw deflate compressor at flate.BestSpeed writing to w.
// Give it back with PutFlate once closed.
func (p *Pool) Flate(w io.Writer) *flate.Writer {
	if p != nil {
		if f, ok := p.flates.Get().(*flate.Writer); ok {
			f.Reset(w)
			return f
		}
	}
	f, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return f
}

// PutFlate gives back a compressor from Flate.
func (p *Pool) PutFlate(f *flate.Writer) {
	if p != nil {
		p.flates.Put(f)
	}
}
