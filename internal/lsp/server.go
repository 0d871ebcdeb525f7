// Package lsp is chancery's language server: it speaks the Language Server
// Protocol over a byte stream (stdio) to any LSP editor. It checks the
// project as the editor holds it — open buffers, saved or not, in place of
// the files on disk — with the same pipeline as chancery check, and
// publishes the diagnostics; it completes unit and source ids inside
// {ref:...}, {{ref "..."}} and aligned:, goes to an id's definition, finds
// its references, shows on hover what a reference reads now in each of the
// document's languages, and renames an id across the project.
//
// Ids are found in the YAML by their syntax (package index.go: id:,
// section:, {ref:...}, {{ref "..."}}, source:, aliases), which gives the
// exact range of every occurrence for renames; what they mean (numbers,
// phrases) comes from the assembled project.
package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lsp/jsonrpc"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/watch"
	"github.com/chancery-dev/chancery/internal/xref"
)

// Options configure a server.
type Options struct {
	// Root is the project directory used when the client names none.
	Root string
	// Log receives a line per message handled; nil for none.
	Log io.Writer
	// Settle is how long the buffers must be unchanged before the project
	// is checked again and diagnostics published, so that a burst of
	// keystrokes costs one check; 0 means 75 ms. Requests always see the
	// latest text.
	Settle time.Duration
}

// Server is one language server session.
type Server struct {
	conn      *jsonrpc.Conn
	opt       Options
	root      string // absolute project directory
	base      fs.FS
	buffers   map[string]string
	state     *state
	dirty     bool
	published map[string]bool // URIs whose diagnostics are not empty
	pending   bool            // buffers changed since diagnostics were published
	watcher   *watch.Watcher
	shutdown  bool
}

// state is one analysis of the project.
type state struct {
	fsys  fs.FS
	res   *build.Result
	diags diag.List
	occ   []occurrence
	// good is the numbering of each document in the last analysis that
	// got as far as numbering it: while a file is half-typed (an unclosed
	// quote stops loading), completion and hover use it.
	good map[string]*xref.Index
}

// index is the numbering of document id, the last good one when the
// project does not load now; an empty index when there never was one.
func (st *state) index(id string) *xref.Index {
	if ix := st.good[id]; ix != nil {
		return ix
	}
	ix, _ := xref.NewIndex(&model.Document{ID: id}, nil)
	return ix
}

// Serve runs a session on r and w until the client sends exit, the stream
// ends or ctx is done.
func Serve(ctx context.Context, r io.Reader, w io.Writer, opt Options) error {
	if opt.Settle <= 0 {
		opt.Settle = 75 * time.Millisecond
	}
	s := &Server{conn: jsonrpc.NewConn(r, w), opt: opt, buffers: map[string]string{}, published: map[string]bool{}, dirty: true}
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	msgs := make(chan *jsonrpc.Message)
	errc := make(chan error, 1)
	go func() {
		for {
			m, err := s.conn.Read()
			if err != nil {
				errc <- err
				return
			}
			msgs <- m
		}
	}()
	// Files changed on disk (a git checkout, another editor) count like
	// edits of the buffers; the project is watched once it is known.
	var disk <-chan []string
	watching := false
	defer func() {
		if s.watcher != nil {
			s.watcher.Close()
		}
	}()
	for {
		if !watching && s.root != "" {
			watching = true
			if w, err := watch.New(s.root, watch.Options{Skip: func(rel string) bool { return rel == "out" }}); err == nil {
				s.watcher, disk = w, w.Changes()
			} else {
				s.logf("cannot watch %s: %v", s.root, err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-disk:
			s.changed()
			settle.Reset(s.opt.Settle)
		case err := <-errc:
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		case m := <-msgs:
			if m.Method == "exit" {
				return nil
			}
			s.handle(m)
			if s.pending {
				settle.Reset(s.opt.Settle)
			}
		case <-settle.C:
			if s.pending {
				s.pending = false
				s.analyze()
				s.publish()
			}
		}
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opt.Log != nil {
		fmt.Fprintf(s.opt.Log, format+"\n", args...)
	}
}

// handle answers one message; a request always gets a response.
func (s *Server) handle(m *jsonrpc.Message) {
	s.logf("%s", m.Method)
	// A bug in a handler answers that request with an error instead of
	// ending the session (and the editor's diagnostics with it).
	defer func() {
		if r := recover(); r != nil {
			s.logf("%s: panic: %v", m.Method, r)
			if m.IsRequest() {
				s.conn.Reply(m.ID, nil, &jsonrpc.Error{Code: jsonrpc.InternalError, Message: fmt.Sprintf("chancery lsp: %s failed: %v", m.Method, r)})
			}
		}
	}()
	if !m.IsRequest() {
		if err := s.notification(m); err != nil {
			s.logf("%s: %v", m.Method, err)
		}
		return
	}
	result, err := s.request(m)
	if err := s.conn.Reply(m.ID, result, err); err != nil {
		s.logf("reply: %v", err)
	}
}

func (s *Server) request(m *jsonrpc.Message) (any, error) {
	if s.shutdown && m.Method != "shutdown" {
		return nil, &jsonrpc.Error{Code: jsonrpc.InvalidRequest, Message: "the server is shut down"}
	}
	switch m.Method {
	case "initialize":
		var p InitializeParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.initialize(p)
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/completion":
		var p TextDocumentPositionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.completion(p), nil
	case "textDocument/definition":
		var p TextDocumentPositionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.definition(p), nil
	case "textDocument/references":
		var p ReferenceParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.references(p), nil
	case "textDocument/hover":
		var p TextDocumentPositionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.hover(p), nil
	case "textDocument/rename":
		var p RenameParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.rename(p)
	}
	return nil, &jsonrpc.Error{Code: jsonrpc.MethodNotFound, Message: "method not supported: " + m.Method}
}

func invalid(err error) error {
	return &jsonrpc.Error{Code: jsonrpc.InvalidParams, Message: err.Error()}
}

func (s *Server) notification(m *jsonrpc.Message) error {
	switch m.Method {
	case "textDocument/didOpen":
		var p DidOpenParams
		if err := unmarshal(m.Params, &p); err != nil {
			return err
		}
		if rel, ok := s.relPath(p.TextDocument.URI); ok {
			s.buffers[rel] = p.TextDocument.Text
			s.changed()
		}
	case "textDocument/didChange":
		var p DidChangeParams
		if err := unmarshal(m.Params, &p); err != nil {
			return err
		}
		rel, ok := s.relPath(p.TextDocument.URI)
		if !ok {
			return nil
		}
		for _, c := range p.ContentChanges {
			if c.Range == nil {
				s.buffers[rel] = c.Text
				continue
			}
			// The server asks for full text; apply a range anyway.
			s.buffers[rel] = applyChange(s.buffers[rel], *c.Range, c.Text)
		}
		s.changed()
	case "textDocument/didClose":
		var p DidCloseParams
		if err := unmarshal(m.Params, &p); err != nil {
			return err
		}
		if rel, ok := s.relPath(p.TextDocument.URI); ok {
			delete(s.buffers, rel)
			s.changed()
		}
	case "textDocument/didSave", "workspace/didChangeWatchedFiles":
		s.changed()
	}
	return nil
}

func (s *Server) initialize(p InitializeParams) (any, error) {
	root := s.opt.Root
	for _, u := range []string{p.RootURI, firstFolder(p)} {
		if dir, ok := uriPath(u); ok {
			root = dir
			break
		}
	}
	if root == "" && p.RootPath != "" {
		root = p.RootPath
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, &jsonrpc.Error{Code: jsonrpc.RequestFailed, Message: fmt.Sprintf("cannot open the project directory: %v", err)}
	}
	s.root, s.base = abs, r.FS()
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{"openClose": true, "change": 1, "save": map[string]any{"includeText": false}},
			"completionProvider": map[string]any{
				"triggerCharacters": []string{":", "\"", ",", "@", " "},
			},
			"definitionProvider": true,
			"referencesProvider": true,
			"hoverProvider":      true,
			"renameProvider":     true,
		},
		"serverInfo": map[string]any{"name": "chancery"},
	}, nil
}

func firstFolder(p InitializeParams) string {
	if len(p.WorkspaceFolders) > 0 {
		return p.WorkspaceFolders[0].URI
	}
	return ""
}

// changed marks the project for checking; Serve checks it and publishes
// its diagnostics once the buffers settle.
func (s *Server) changed() {
	s.dirty = true
	s.pending = true
}

// analyze assembles the project as the editor holds it, when it changed.
func (s *Server) analyze() *state {
	if !s.dirty && s.state != nil {
		return s.state
	}
	if s.base == nil {
		return &state{}
	}
	fsys := &overlay{base: s.base, buffers: s.buffers}
	res, diags := build.Assemble(fsys, build.Options{})
	docDirs := map[string]string{}
	for _, d := range res.Project.Documents {
		docDirs[d.Dir] = d.ID
	}
	notes := map[string]string{}
	for _, n := range res.Notes {
		if n.Enclosure != nil {
			notes[n.File] = n.Enclosure.Document
		}
	}
	docOf := func(file string) string {
		if roleOf(file) == roleNote {
			return notes[file]
		}
		return docDirs[filepathDir(file)]
	}
	good := map[string]*xref.Index{}
	if s.state != nil {
		maps.Copy(good, s.state.good)
	}
	maps.Copy(good, res.Indexes)
	s.state = &state{fsys: fsys, res: res, diags: diags, occ: scanProject(fsys, docOf), good: good}
	s.dirty = false
	return s.state
}

func filepathDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

// publish sends the diagnostics of every file, and empty lists for files
// that had some and have none now.
func (s *Server) publish() {
	st := s.state
	byURI := map[string][]Diagnostic{}
	for _, d := range st.diags {
		if d.Pos.File == "" {
			continue
		}
		uri := s.uri(d.Pos.File)
		byURI[uri] = append(byURI[uri], Diagnostic{
			Range:    s.diagRange(st, d.Pos),
			Severity: map[diag.Severity]int{diag.Error: SeverityError, diag.Warning: SeverityWarning}[d.Severity],
			Code:     d.Code,
			Source:   "chancery",
			Message:  messageOf(d),
		})
	}
	for uri := range s.published {
		if _, ok := byURI[uri]; !ok {
			s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
			delete(s.published, uri)
		}
	}
	for uri, ds := range byURI {
		s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: ds})
		s.published[uri] = true
	}
}

func messageOf(d diag.Diagnostic) string {
	if d.Hint != "" {
		return d.Message + "\n" + d.Hint
	}
	return d.Message
}

// text returns the current text of a project file.
func (s *Server) text(st *state, rel string) string {
	if t, ok := s.buffers[rel]; ok {
		return t
	}
	if st.fsys == nil {
		return ""
	}
	data, err := fs.ReadFile(st.fsys, rel)
	if err != nil {
		return ""
	}
	return string(data)
}

func lineOf(text string, n int) string {
	for i := 0; i < n; i++ {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.TrimSuffix(text, "\r")
}

// diagRange turns a diagnostic's position (1-based line, column in
// characters) into a range covering what it points at: a {ref:...} or
// {{...}} whole, an id, or one character.
func (s *Server) diagRange(st *state, p diag.Pos) Range {
	if p.Line == 0 {
		return Range{}
	}
	line := lineOf(s.text(st, p.File), p.Line-1)
	start := byteOfRune(line, max(p.Col-1, 0))
	end := tokenEnd(line, start)
	return Range{Start: Position{p.Line - 1, utf16Col(line, start)}, End: Position{p.Line - 1, utf16Col(line, end)}}
}

func tokenEnd(line string, start int) int {
	rest := line[start:]
	switch {
	case strings.HasPrefix(rest, "{{"):
		if i := strings.Index(rest, "}}"); i >= 0 {
			return start + i + 2
		}
	case strings.HasPrefix(rest, "{"):
		if i := strings.IndexByte(rest, '}'); i >= 0 {
			return start + i + 1
		}
	}
	end := start
	for end < len(line) && isIDByte(line[end]) {
		end++
	}
	if end == start && start < len(line) {
		end = start + runeLen(line[start:])
	}
	return end
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == '@'
}

// relPath maps a file URI to a slash path inside the project.
func (s *Server) relPath(uri string) (string, bool) {
	p, ok := uriPath(uri)
	if !ok || s.root == "" {
		return "", false
	}
	rel, err := filepath.Rel(s.root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func (s *Server) uri(rel string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.root, filepath.FromSlash(rel)))}).String()
}

func uriPath(uri string) (string, bool) {
	if uri == "" {
		return "", false
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}
