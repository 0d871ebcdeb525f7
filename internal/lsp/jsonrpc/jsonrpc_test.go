package jsonrpc

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	c := NewConn(nil, &b)
	if err := c.Call(7, "textDocument/hover", map[string]int{"line": 2}); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("initialized", struct{}{}); err != nil {
		t.Fatal(err)
	}
	body := `{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"line":2}}`
	want := "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body + "Content-Length: 52\r\n\r\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Fatalf("framing: %q", b.String())
	}
	// Read back one byte at a time, as a slow pipe delivers it.
	r := NewConn(iotest.OneByteReader(bytes.NewReader(b.Bytes())), io.Discard)
	m, err := r.Read()
	if err != nil || !m.IsRequest() || m.Method != "textDocument/hover" || string(m.ID) != "7" || string(m.Params) != `{"line":2}` {
		t.Fatalf("first message %+v, %v", m, err)
	}
	m, err = r.Read()
	if err != nil || !m.IsNotification() || m.Method != "initialized" {
		t.Fatalf("second message %+v, %v", m, err)
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the last message: %v, want EOF", err)
	}
}

func TestBadFrames(t *testing.T) {
	for _, in := range []string{
		"Content-Type: x\r\n\r\n{}",
		"Content-Length: -3\r\n\r\n",
		"Content-Length: 99999999999\r\n\r\n",
		"Content-Length: 10\r\n\r\n{}",
		"garbage\r\n\r\n",
	} {
		if _, err := NewConn(strings.NewReader(in), io.Discard).Read(); err == nil || errors.Is(err, io.EOF) {
			t.Errorf("%q: err = %v, want a framing error", in, err)
		}
	}
	_, err := NewConn(strings.NewReader("Content-Length: 3\r\n\r\n{x}"), io.Discard).Read()
	var e *Error
	if !errors.As(err, &e) || e.Code != ParseError {
		t.Errorf("bad JSON: %v, want a parse error", err)
	}
}

func TestReplyError(t *testing.T) {
	var b bytes.Buffer
	c := NewConn(nil, &b)
	c.Reply([]byte("1"), nil, &Error{Code: RequestFailed, Message: "no"})
	c.Reply([]byte("2"), nil, nil)
	r := NewConn(&b, io.Discard)
	m, _ := r.Read()
	if m.Error == nil || m.Error.Code != RequestFailed || m.Result != nil {
		t.Errorf("error reply: %+v", m)
	}
	m, _ = r.Read()
	if m.Error != nil || string(m.Result) != "null" {
		t.Errorf("null reply: %+v (result %s)", m, m.Result)
	}
}
