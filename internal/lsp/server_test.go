package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/lsp/jsonrpc"
	"github.com/rogpeppe/go-internal/txtar"
)

// copyProject copies the clauses/ and templates/ of the project at src
// (relative to the repository root) into a new directory.
func copyProject(t testing.TB, src string) string {
	t.Helper()
	from := filepath.Join("..", "..", src)
	dst := t.TempDir()
	for _, dir := range []string{"clauses", "templates"} {
		err := filepath.WalkDir(filepath.Join(from, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil && !(dir == "templates" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
	}
	return dst
}

// The project most tests run on: the trilingual fixture agreement, and
// the part of it they edit, with a reference the part makes in English.
const (
	fixture = "testdata/agreement"
	partRel = "clauses/agr/03-authorities.yaml"
	ref     = "{ref:authorities.designation}"
	typo    = "{ref:authorities.designaton}"
)

// addFiles writes the files of the txtar archive (relative to the
// package) into the project at root.
func addFiles(t *testing.T, root, archive string) {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// client is a scripted LSP client talking to a server over a pair of
// pipes, framed exactly as on stdio.
type client struct {
	t     *testing.T
	conn  *jsonrpc.Conn
	in    chan *jsonrpc.Message
	id    int
	root  string
	diags map[string][]Diagnostic // last publishDiagnostics per URI
	count map[string]int          // publishDiagnostics received per URI
}

// connect starts a session with a server in this process (Serve) or
// behind w/r (a subprocess) and initializes it for root.
func connect(t *testing.T, root string, toServer io.Writer, fromServer io.Reader) *client {
	c := &client{t: t, conn: jsonrpc.NewConn(fromServer, toServer), in: make(chan *jsonrpc.Message, 100), root: root, diags: map[string][]Diagnostic{}, count: map[string]int{}}
	go func() {
		for {
			m, err := c.conn.Read()
			if err != nil {
				close(c.in)
				return
			}
			c.in <- m
		}
	}()
	var init struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": c.uri(""), "capabilities": map[string]any{}}, &init)
	for _, cap := range []string{"completionProvider", "definitionProvider", "referencesProvider", "hoverProvider", "renameProvider", "textDocumentSync"} {
		if init.Capabilities[cap] == nil {
			t.Errorf("initialize: capability %s missing", cap)
		}
	}
	c.notify("initialized", map[string]any{})
	return c
}

func startInProcess(t *testing.T, root string) *client {
	t.Helper()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, sr, sw, Options{Root: root}); sw.Close() }()
	c := connect(t, root, cw, cr)
	t.Cleanup(func() {
		c.call("shutdown", nil, nil)
		c.notify("exit", nil)
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		cancel()
	})
	return c
}

func (c *client) uri(rel string) string {
	return "file://" + filepath.ToSlash(filepath.Join(c.root, rel))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(method, params); err != nil {
		c.t.Fatal(err)
	}
}

// next reads the next message, recording diagnostics.
func (c *client) next() *jsonrpc.Message {
	c.t.Helper()
	select {
	case m, ok := <-c.in:
		if !ok {
			c.t.Fatal("the server closed the stream")
		}
		if m.Method == "textDocument/publishDiagnostics" {
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			c.diags[p.URI] = p.Diagnostics
			c.count[p.URI]++
		}
		return m
	case <-time.After(60 * time.Second):
		c.t.Fatal("no message from the server")
		return nil
	}
}

// call sends a request and decodes its result into result; it returns
// the error the server answered with, if any.
func (c *client) call(method string, params, result any) *jsonrpc.Error {
	c.t.Helper()
	c.id++
	if err := c.conn.Call(c.id, method, params); err != nil {
		c.t.Fatal(err)
	}
	for {
		m := c.next()
		if m.Method != "" || string(m.ID) != strconv.Itoa(c.id) {
			continue
		}
		if m.Error != nil {
			return m.Error
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: %v in %s", method, err, m.Result)
			}
		}
		return nil
	}
}

// waitDiagnostics reads until the server has published diagnostics for
// uri n times in all.
func (c *client) waitDiagnostics(uri string, n int) []Diagnostic {
	c.t.Helper()
	for c.count[uri] < n {
		c.next()
	}
	return c.diags[uri]
}

func (c *client) open(rel, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": c.uri(rel), "languageId": "yaml", "version": 1, "text": text}})
}

func (c *client) change(rel, text string, version int) {
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": c.uri(rel), "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

func pos(uri string, line, char int) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": char}}
}

func read(t *testing.T, root, rel string) string {
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineCol finds the first line holding needle and the UTF-16 column of
// needle (plus shift bytes) in it.
func lineCol(t *testing.T, text, needle string, shift int) (int, int) {
	t.Helper()
	for n, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, needle); i >= 0 {
			return n, utf16Col(line, i+shift)
		}
	}
	t.Fatalf("%q not found", needle)
	return 0, 0
}

func TestDiagnosticsOnUnsavedBuffer(t *testing.T) {
	root := copyProject(t, fixture)
	c := startInProcess(t, root)
	rel := partRel
	text := read(t, root, rel)
	broken := strings.Replace(text, ref, typo, 1)
	c.open(rel, broken)
	ds := c.waitDiagnostics(c.uri(rel), 1)
	var found *Diagnostic
	for i, d := range ds {
		if d.Code == "unknown-ref" {
			found = &ds[i]
		}
	}
	if found == nil {
		t.Fatalf("no unknown-ref diagnostic among %+v", ds)
	}
	line, col := lineCol(t, broken, typo, 0)
	want := Range{Start: Position{line, col}, End: Position{line, col + len(typo)}}
	if found.Range != want || found.Severity != SeverityError {
		t.Errorf("diagnostic %+v, want range %+v, severity error", found, want)
	}
	if !strings.HasPrefix(found.Message, `unknown reference "authorities.designaton"`) || !strings.Contains(found.Message, "did you mean authorities.designation") {
		t.Errorf("message %q", found.Message)
	}
	// The file on disk was never touched; the diagnostic comes from the buffer.
	if read(t, root, rel) != text {
		t.Error("the server wrote the file")
	}
	// A burst of changes: the diagnostics published last are those of the
	// last text.
	for i := range 5 {
		c.change(rel, strings.Replace(text, ref, fmt.Sprintf("{ref:authorities.typo%d}", i), 1), 2+i)
	}
	for {
		ds := c.waitDiagnostics(c.uri(rel), c.count[c.uri(rel)]+1)
		if len(ds) > 0 && strings.HasPrefix(ds[0].Message, `unknown reference "authorities.typo4"`) {
			break
		}
	}
	// Fixed in the buffer: the diagnostics are cleared.
	c.change(rel, text, 7)
	if ds := c.waitDiagnostics(c.uri(rel), c.count[c.uri(rel)]+1); len(ds) != 0 {
		t.Errorf("diagnostics after the fix: %+v", ds)
	}
}

// A file changed on disk, not open in the editor, is checked too.
func TestDiagnosticsOfFilesChangedOnDisk(t *testing.T) {
	root := copyProject(t, fixture)
	c := startInProcess(t, root)
	var list CompletionList // any request: the server is initialized and watching
	c.call("textDocument/completion", pos(c.uri("clauses/agr/02-purpose.yaml"), 0, 0), &list)
	rel := "clauses/agr/08-final.yaml"
	text := read(t, root, rel)
	broken := strings.Replace(text, "id: final.", "id: Final.", 1)
	if err := os.WriteFile(filepath.Join(root, rel), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	ds := c.waitDiagnostics(c.uri(rel), 1)
	if len(ds) == 0 || ds[0].Code != "bad-id" {
		t.Errorf("diagnostics of the file changed on disk: %+v", ds)
	}
}

func TestCompletion(t *testing.T) {
	root := copyProject(t, fixture)
	c := startInProcess(t, root)
	rel := partRel
	text := strings.Replace(read(t, root, rel), ref, "{ref:are}", 1)
	c.open(rel, text)
	line, col := lineCol(t, text, "{ref:are}", len("{ref:are"))
	var list CompletionList
	if err := c.call("textDocument/completion", pos(c.uri(rel), line, col), &list); err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
		if !strings.HasPrefix(it.Label, "are") {
			t.Errorf("completion %q does not start with what was typed", it.Label)
		}
		if it.TextEdit == nil || it.TextEdit.Range.Start != (Position{line, col - 3}) || it.TextEdit.Range.End != (Position{line, col}) {
			t.Errorf("completion %q edits %+v, want the typed prefix replaced", it.Label, it.TextEdit)
		}
	}
	for _, want := range []string{"areas", "areas.forms", "areas.forms.other", "areas.meetings"} {
		if !slices.Contains(labels, want) {
			t.Errorf("completion lacks %s: %v", want, labels)
		}
	}
	if i := slices.Index(labels, "areas.forms"); i >= 0 && list.Items[i].Detail != "paragraph\u00a04.1" {
		t.Errorf("detail of areas.forms = %q", list.Items[i].Detail)
	}

	// Half-typed YAML (an unclosed quote) stops the project loading; the
	// last good numbering still completes.
	half := text + "  - id: authorities.new\n    text: {en: \"unfinished\n"
	c.change(rel, half, 2)
	ds := c.waitDiagnostics(c.uri(rel), 1)
	if len(ds) == 0 || ds[0].Code != "yaml-syntax" {
		t.Errorf("diagnostics of half-typed YAML: %+v", ds)
	}
	list = CompletionList{}
	c.call("textDocument/completion", pos(c.uri(rel), line, col), &list)
	if len(list.Items) == 0 || list.Items[0].Label != "areas" {
		t.Errorf("completion while the project does not load: %+v", list.Items)
	}
	var h Hover
	if err := c.call("textDocument/hover", pos(c.uri(rel), line, col), &h); err != nil {
		t.Errorf("hover while the project does not load: %v", err)
	}

	// After source@: the source's paragraphs; after aligned: {source: the sources.
	text = strings.Replace(text, "{ref:are}", "{ref:water-charter@5}", 1)
	c.change(rel, text, 3)
	line, col = lineCol(t, text, "{ref:water-charter@5}", len("{ref:water-charter@5"))
	list = CompletionList{}
	c.call("textDocument/completion", pos(c.uri(rel), line, col), &list)
	labels = nil
	for _, it := range list.Items {
		labels = append(labels, it.Label)
	}
	if want := []string{"water-charter@5", "water-charter@5.1"}; !slices.Equal(labels, want) {
		t.Errorf("source paths: %v, want %v", labels, want)
	}
	text += "  - id: authorities.quoted\n    aligned: {source: wa"
	c.change(rel, text, 4)
	lines := strings.Split(text, "\n")
	list = CompletionList{}
	c.call("textDocument/completion", pos(c.uri(rel), len(lines)-1, utf16Col(lines[len(lines)-1], len(lines[len(lines)-1]))), &list)
	if len(list.Items) != 1 || list.Items[0].Label != "water-charter" {
		t.Errorf("aligned source completion: %+v", list.Items)
	}
}

// A note enclosing the fixture agreement (testdata/note.txtar): its
// {{ref}} calls complete, lead to their definitions and read in each of
// its languages.
func TestNoteCompletionAndDefinition(t *testing.T) {
	root := copyProject(t, fixture)
	addFiles(t, root, "testdata/note.txtar")
	c := startInProcess(t, root)
	const (
		rel      = "clauses/notes/mfa-arc-42.yaml"
		areasRel = "clauses/agr/04-areas.yaml"
		id       = "areas.forms.other"
		srcRel   = "clauses/sources/water-charter.yaml"
		srcRef   = `{{ref "water-charter@5.1"}}`
	)
	text := read(t, root, rel)
	c.open(rel, text)
	// Completion inside {{ref "..."}} of a note: the enclosure's ids.
	edited := strings.Replace(text, `{{ref "`+id+`"}}`, `{{ref "areas.forms.o"}}`, 1)
	c.change(rel, edited, 2)
	line, col := lineCol(t, edited, `{{ref "areas.forms.o"}}`, len(`{{ref "areas.forms.o`))
	var list CompletionList
	c.call("textDocument/completion", pos(c.uri(rel), line, col), &list)
	if len(list.Items) != 1 || list.Items[0].Label != id {
		t.Errorf("note completion: %+v", list.Items)
	}
	c.change(rel, text, 3)

	// Definition of an id used in the note: its file and line.
	line, col = lineCol(t, text, `{{ref "`+id+`"}}`, len(`{{ref "areas`))
	var locs []Location
	c.call("textDocument/definition", pos(c.uri(rel), line, col), &locs)
	part := read(t, root, areasRel)
	defLine, defCol := lineCol(t, part, "id: "+id, len("id: "))
	want := Location{URI: c.uri(areasRel), Range: Range{Start: Position{defLine, defCol}, End: Position{defLine, defCol + len(id)}}}
	if len(locs) != 1 || locs[0] != want {
		t.Errorf("definition: %+v, want %+v", locs, want)
	}
	// Definition of a source paragraph: the paragraph in the source file.
	line, col = lineCol(t, text, srcRef, len(`{{ref "wat`))
	locs = nil
	c.call("textDocument/definition", pos(c.uri(rel), line, col), &locs)
	src := read(t, root, srcRel)
	srcLine, _ := lineCol(t, src, `- number: "1"`, 0)
	if len(locs) != 1 || locs[0].URI != c.uri(srcRel) || locs[0].Range.Start.Line != srcLine {
		t.Errorf("definition of a source paragraph: %+v, want line %d", locs, srcLine)
	}

	// Hover over the Russian text's reference: what it reads in each of
	// the note's languages, with each language's own case and options.
	line, col = lineCol(t, text, `{{ref "`+id+`" "dat"}}`, len(`{{ref "areas`))
	var h Hover
	c.call("textDocument/hover", pos(c.uri(rel), line, col), &h)
	for _, want := range []string{"en: paragraph\u00a04.1, subparagraph\u00a0iv.\n", "ru: подпункту\u00a0iv. пункта\u00a04.1\n", "kk: 4.1-тармағының\u00a0iv.\u00a0тармақшасына"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}

	// References of the id: the definition and every use, in clauses and notes.
	var refs []Location
	c.call("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": want.URI}, "position": want.Range.Start, "context": map[string]any{"includeDeclaration": true}}, &refs)
	var where []string
	for _, r := range refs {
		where = append(where, strings.TrimPrefix(r.URI, c.uri(""))+":"+strconv.Itoa(r.Range.Start.Line+1))
	}
	noteUses := strings.Count(text, `ref "`+id+`"`)
	if len(refs) != 1+noteUses || !slices.Contains(where, "/"+areasRel+":"+strconv.Itoa(defLine+1)) {
		t.Errorf("references: %v (want the definition and %d uses in the note)", where, noteUses)
	}
}

// The trilingual fixture: hover shows what a reference reads in each
// language, with each language's own case; rename edits every use.
func TestHoverAndRename(t *testing.T) {
	root := copyProject(t, "testdata/agreement")
	c := startInProcess(t, root)
	rel := "clauses/agr/04-areas.yaml"
	text := read(t, root, rel)
	c.open(rel, text)
	line, col := lineCol(t, text, "{ref:data|ins}", len("{ref:d"))
	var h Hover
	if err := c.call("textDocument/hover", pos(c.uri(rel), line, col), &h); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"en: section\u00a05\n", "ru: разделом\u00a05\n", "kk: 5-бөліміне"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}

	// Hovering the Kazakh text's reference shows the English and Russian
	// ones too, each as its own language's text asks for it — the phrases
	// the text editions print in 3.2.
	authRel := "clauses/agr/03-authorities.yaml"
	auth := read(t, root, authRel)
	c.open(authRel, auth)
	line, col = lineCol(t, auth, "{ref:authorities.designation|loc,poss}", len("{ref:auth"))
	h = Hover{}
	c.call("textDocument/hover", pos(c.uri(authRel), line, col), &h)
	for _, want := range []string{"en: paragraph\u00a03.1\n", "ru: пунктом\u00a03.1\n", "kk: 3.1-тармағында"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Range == nil || h.Range.Start != (Position{line, col - len("auth")}) {
		t.Errorf("hover range %+v", h.Range)
	}

	// Rename data.use: its definition and every reference, nothing else.
	dataRel := "clauses/agr/05-data.yaml"
	data := read(t, root, dataRel)
	line, col = lineCol(t, data, "{ref:data.use|pre}", len("{ref:data.u"))
	var edit WorkspaceEdit
	if err := c.call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": c.uri(dataRel)}, "position": Position{line, col}, "newName": "data.permitted-use"}, &edit); err != nil {
		t.Fatal(err)
	}
	uses := 0
	for uri, edits := range edit.Changes {
		relFile := strings.TrimPrefix(uri, c.uri("")+"/")
		fileText := read(t, root, relFile)
		lines := strings.Split(fileText, "\n")
		for _, e := range edits {
			l := lines[e.Range.Start.Line]
			got := l[byteOfUTF16(l, e.Range.Start.Character):byteOfUTF16(l, e.Range.End.Character)]
			if got != "data.use" || e.NewText != "data.permitted-use" {
				t.Errorf("%s:%d: edit replaces %q with %q", relFile, e.Range.Start.Line+1, got, e.NewText)
			}
			uses++
		}
	}
	total := 0
	filepath.WalkDir(filepath.Join(root, "clauses"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			total += strings.Count(string(b), "{ref:data.use}") + strings.Count(string(b), "{ref:data.use|") + strings.Count(string(b), "id: data.use\n")
		}
		return nil
	})
	if uses != total || total < 4 {
		t.Errorf("rename edits %d places, the project names data.use in %d", uses, total)
	}
	// A name that is not an id, or one in use, is refused.
	if err := c.call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": c.uri(dataRel)}, "position": Position{line, col}, "newName": "Data Use"}, nil); err == nil || err.Code != jsonrpc.RequestFailed {
		t.Errorf("rename to a bad id: %v", err)
	}
	if err := c.call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": c.uri(dataRel)}, "position": Position{line, col}, "newName": "data"}, nil); err == nil || !strings.Contains(err.Message, "already an id") {
		t.Errorf("rename to an id in use: %v", err)
	}
}
