// Package jsonrpc reads and writes JSON-RPC 2.0 messages framed as the
// Language Server Protocol frames them on a byte stream: a header block
// ("Content-Length: N", CRLF-separated, ended by an empty line) followed
// by N bytes of JSON. It knows nothing of LSP methods.
package jsonrpc

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// MaxMessage bounds the size of one incoming message, so that a broken
// client cannot make the server allocate without limit.
const MaxMessage = 64 << 20

// Error codes of JSON-RPC and LSP.
const (
	ParseError     = -32700
	InvalidRequest = -32600
	MethodNotFound = -32601
	InvalidParams  = -32602
	InternalError  = -32603
	// RequestFailed is LSP's code for a request that was valid but could
	// not be carried out (a rename to a name that is not an id).
	RequestFailed = -32803
)

// Message is any JSON-RPC message: a request (ID and Method), a
// notification (Method, no ID) or a response (ID, Result or Error).
type Message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *Error          `json:"error,omitempty"`
}

// IsRequest reports whether m expects a response.
func (m *Message) IsRequest() bool { return m.Method != "" && len(m.ID) > 0 }

// IsNotification reports whether m is a notification.
func (m *Message) IsNotification() bool { return m.Method != "" && len(m.ID) == 0 }

// Error is a JSON-RPC error object.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

// Conn reads and writes framed messages. Writes may come from several
// goroutines; reads from one.
type Conn struct {
	r  *bufio.Reader
	mu sync.Mutex
	w  io.Writer
}

// NewConn frames messages over r and w.
func NewConn(r io.Reader, w io.Writer) *Conn {
	return &Conn{r: bufio.NewReader(r), w: w}
}

// Read reads the next message. It returns io.EOF when the stream ends
// between messages.
func (c *Conn) Read() (*Message, error) {
	length := -1
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" && length < 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("reading header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("malformed header line %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without Content-Length")
	}
	if length > MaxMessage {
		return nil, fmt.Errorf("message of %d bytes is larger than %d", length, MaxMessage)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, &Error{Code: ParseError, Message: err.Error()}
	}
	return &m, nil
}

// Write writes one message.
func (c *Conn) Write(m *Message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = c.w.Write(body)
	return err
}

// Notify writes a notification.
func (c *Conn) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.Write(&Message{Method: method, Params: raw})
}

// Call writes a request with the given id.
func (c *Conn) Call(id int, method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.Write(&Message{ID: json.RawMessage(strconv.Itoa(id)), Method: method, Params: raw})
}

// Reply writes the response to the request with id: its result, or err
// when not nil (an *Error keeps its code; others are internal errors).
func (c *Conn) Reply(id json.RawMessage, result any, err error) error {
	m := &Message{ID: id}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Code: InternalError, Message: err.Error()}
		}
		m.Error = e
		return c.Write(m)
	}
	raw, merr := json.Marshal(result)
	if merr != nil {
		return merr
	}
	m.Result = raw
	return c.Write(m)
}
