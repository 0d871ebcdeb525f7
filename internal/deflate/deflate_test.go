package deflate

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"strings"
	"testing"
)

// TestReuseIsFresh compresses a text with a new compressor, then with one
// lent again after it compressed something else: the bytes are the same,
// and they decompress to the text.
func TestReuseIsFresh(t *testing.T) {
	text := []byte(strings.Repeat("BT 72.00 700.00 Td <0001000200030004> Tj ET\n", 200))
	other := []byte(strings.Repeat("other content, compressed before ", 300))

	var fresh bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&fresh, zlib.BestSpeed)
	zw.Write(text)
	zw.Close()

	var pool Pool
	var first, again bytes.Buffer
	z := pool.Zlib(&first)
	z.Write(other)
	z.Close()
	pool.PutZlib(z)
	z = pool.Zlib(&again)
	z.Write(text)
	z.Close()
	pool.PutZlib(z)
	if !bytes.Equal(again.Bytes(), fresh.Bytes()) {
		t.Error("zlib: a lent compressor wrote other bytes than a new one")
	}
	r, err := zlib.NewReader(&again)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(r); !bytes.Equal(got, text) {
		t.Error("zlib: the stream does not decompress to the text")
	}

	var ffresh, fagain bytes.Buffer
	fw, _ := flate.NewWriter(&ffresh, flate.BestSpeed)
	fw.Write(text)
	fw.Close()
	f := pool.Flate(io.Discard)
	f.Write(other)
	f.Close()
	pool.PutFlate(f)
	f = pool.Flate(&fagain)
	f.Write(text)
	f.Close()
	pool.PutFlate(f)
	if !bytes.Equal(fagain.Bytes(), ffresh.Bytes()) {
		t.Error("flate: a lent compressor wrote other bytes than a new one")
	}
}
