package lsp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/lsp/jsonrpc"
	"github.com/chancery-dev/chancery/internal/model"
)

// Where completion applies: the text before the cursor ends inside an id
// list of {ref:...} or {{ref "..."}}, or after source: or at: of aligned:.
var (
	inClauseRef   = lazyre.New(`\{ref:([^}|]*)$`)
	inTemplateRef = lazyre.New(`\{\{-?\s*ref\s+"([^"]*)$`)
	afterSource   = lazyre.New(`\bsource:\s*["']?([a-z0-9.-]*)$`)
	afterAt       = lazyre.New(`\bat:\s*["']?([A-Za-z0-9.]*)$`)
	namedSource   = lazyre.New(`\bsource:\s*["']?(` + idRE + `)`)
)

// cursor is a position in a project file, with the text around it.
type cursor struct {
	rel    string
	line   string // the line's text
	lineNo int
	off    int // byte offset of the cursor in line
}

func (s *Server) cursorAt(st *state, p TextDocumentPositionParams) (cursor, bool) {
	rel, ok := s.relPath(p.TextDocument.URI)
	if !ok {
		return cursor{}, false
	}
	line := lineOf(s.text(st, rel), p.Position.Line)
	return cursor{rel: rel, line: line, lineNo: p.Position.Line, off: byteOfUTF16(line, p.Position.Character)}, true
}

func (s *Server) completion(p TextDocumentPositionParams) CompletionList {
	st := s.analyze()
	list := CompletionList{Items: []CompletionItem{}}
	c, ok := s.cursorAt(st, p)
	if !ok || st.res == nil {
		return list
	}
	before := c.line[:c.off]
	doc := s.docOf(st, c.rel)
	edit := func(prefix string) Range {
		start := c.off - len(prefix)
		return Range{Start: Position{c.lineNo, utf16Col(c.line, start)}, End: Position{c.lineNo, utf16Col(c.line, c.off)}}
	}
	var m []string
	if m = inClauseRef().FindStringSubmatch(before); m == nil {
		m = inTemplateRef().FindStringSubmatch(before)
	}
	switch {
	case m != nil:
		cur := m[1]
		if i := strings.LastIndexByte(cur, ','); i >= 0 {
			cur = cur[i+1:]
		}
		cur = strings.TrimLeft(cur, " ")
		if src, path, ok := strings.Cut(cur, "@"); ok {
			for _, sp := range sourcePaths(st, src) {
				if strings.HasPrefix(sp.path, path) {
					list.Items = append(list.Items, CompletionItem{Label: src + "@" + sp.path, Kind: KindReference, Detail: sp.detail, TextEdit: &TextEdit{Range: edit(cur), NewText: src + "@" + sp.path}})
				}
			}
			return list
		}
		if doc != nil {
			ix := st.index(doc.ID)
			for i, e := range ix.Entries() {
				if strings.HasPrefix(e.ID, cur) {
					list.Items = append(list.Items, CompletionItem{Label: e.ID, Kind: KindReference, Detail: s.phraseIn(st, doc, doc.Languages[0], []string{e.ID}, nil), SortText: fmt.Sprintf("%05d", i), TextEdit: &TextEdit{Range: edit(cur), NewText: e.ID}})
				}
			}
		}
		for _, id := range sourceIDs(st) {
			if strings.HasPrefix(id, cur) {
				list.Items = append(list.Items, CompletionItem{Label: id + "@", Kind: KindFile, Detail: "source " + id, SortText: "z" + id, TextEdit: &TextEdit{Range: edit(cur), NewText: id + "@"}})
			}
		}
	case afterSource().MatchString(before):
		cur := afterSource().FindStringSubmatch(before)[1]
		for _, id := range sourceIDs(st) {
			if strings.HasPrefix(id, cur) {
				list.Items = append(list.Items, CompletionItem{Label: id, Kind: KindFile, Detail: "source", TextEdit: &TextEdit{Range: edit(cur), NewText: id}})
			}
		}
	case afterAt().MatchString(before):
		cur := afterAt().FindStringSubmatch(before)[1]
		if sm := namedSource().FindStringSubmatch(c.line); sm != nil {
			for _, sp := range sourcePaths(st, sm[1]) {
				if strings.HasPrefix(sp.path, cur) {
					list.Items = append(list.Items, CompletionItem{Label: sp.path, Kind: KindReference, Detail: sp.detail, TextEdit: &TextEdit{Range: edit(cur), NewText: sp.path}})
				}
			}
		}
	}
	return list
}

func sourceIDs(st *state) []string {
	var ids []string
	for id := range st.res.Project.Sources {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

type sourcePath struct{ path, detail string }

// sourcePaths lists the dotted paths of a source's units ("II", "II.3").
func sourcePaths(st *state, id string) []sourcePath {
	src := st.res.Project.Sources[id]
	if src == nil {
		return nil
	}
	var out []sourcePath
	var walk func(prefix string, us []*model.SourceUnit)
	walk = func(prefix string, us []*model.SourceUnit) {
		for _, u := range us {
			p := u.Number
			if prefix != "" {
				p = prefix + "." + u.Number
			}
			detail := ""
			for _, l := range u.Text.Langs() {
				detail = firstWords(u.Text[l].Raw, 12)
				break
			}
			out = append(out, sourcePath{p, detail})
			walk(p, u.Units)
		}
	}
	walk("", src.Units)
	return out
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}

// docOf is the document whose ids a file's references cite.
func (s *Server) docOf(st *state, rel string) *model.Document {
	for _, o := range st.occ {
		if o.file == rel && o.key.doc != "" {
			return st.res.Project.Document(o.key.doc)
		}
	}
	dir := filepathDir(rel)
	for _, d := range st.res.Project.Documents {
		if d.Dir == dir {
			return d
		}
	}
	for _, n := range st.res.Notes {
		if n.File == rel && n.Enclosure != nil {
			return st.res.Project.Document(n.Enclosure.Document)
		}
	}
	return nil
}

// occurrenceAt finds the id under the cursor.
func (s *Server) occurrenceAt(st *state, p TextDocumentPositionParams) (occurrence, bool) {
	c, ok := s.cursorAt(st, p)
	if !ok {
		return occurrence{}, false
	}
	for _, o := range st.occ {
		if o.file == c.rel && o.line == c.lineNo && c.off >= o.start && c.off <= o.end {
			return o, true
		}
	}
	return occurrence{}, false
}

func (s *Server) location(st *state, o occurrence) Location {
	line := lineOf(s.text(st, o.file), o.line)
	return Location{URI: s.uri(o.file), Range: Range{
		Start: Position{o.line, utf16Col(line, o.start)},
		End:   Position{o.line, utf16Col(line, o.end)},
	}}
}

func (s *Server) posLocation(st *state, p diag.Pos) Location {
	return Location{URI: s.uri(p.File), Range: s.diagRange(st, p)}
}

func (s *Server) definition(p TextDocumentPositionParams) []Location {
	st := s.analyze()
	out := []Location{}
	o, ok := s.occurrenceAt(st, p)
	if !ok {
		return out
	}
	if o.srcPath != "" {
		if src := st.res.Project.Sources[o.key.id]; src != nil {
			if chain, ok := src.Lookup(o.srcPath); ok {
				return append(out, s.posLocation(st, chain[len(chain)-1].Pos))
			}
		}
	}
	for _, d := range st.occ {
		if d.def && d.key == o.key {
			out = append(out, s.location(st, d))
		}
	}
	return out
}

func (s *Server) references(p ReferenceParams) []Location {
	st := s.analyze()
	out := []Location{}
	o, ok := s.occurrenceAt(st, p.TextDocumentPositionParams)
	if !ok {
		return out
	}
	for _, r := range st.occ {
		if r.key == o.key && (!r.def || p.Context.IncludeDeclaration) {
			out = append(out, s.location(st, r))
		}
	}
	return out
}

// hover shows what the id under the cursor reads now: for a reference,
// the reference phrased in each language of the document, with the case
// and options each language's text asks for; for a definition, the unit's
// citation in each language.
func (s *Server) hover(p TextDocumentPositionParams) *Hover {
	st := s.analyze()
	o, ok := s.occurrenceAt(st, p)
	if !ok {
		return nil
	}
	loc := s.location(st, o)
	var b strings.Builder
	if o.key.doc == "" && o.srcPath == "" {
		src := st.res.Project.Sources[o.key.id]
		if src == nil {
			return nil
		}
		fmt.Fprintf(&b, "source `%s`", src.ID)
		for _, l := range src.Title.Langs() {
			fmt.Fprintf(&b, "\n\n%s: %s", l, src.Title[l].Raw)
		}
		return &Hover{Contents: MarkupContent{Kind: "markdown", Value: b.String()}, Range: &loc.Range}
	}
	doc := st.res.Project.Document(o.key.doc)
	if doc == nil {
		doc = s.docOf(st, o.file)
	}
	if doc == nil {
		return nil
	}
	ids := []string{o.key.id}
	if o.isRef() {
		ids = o.ids
	}
	fmt.Fprintf(&b, "`%s`", strings.Join(ids, ","))
	if u := st.index(doc.ID).Unit(o.key.id); u != nil && o.srcPath == "" {
		fmt.Fprintf(&b, " — %s, defined at %s", strings.TrimSpace(u.Label), u.Pos)
	}
	// A note cites its enclosure in each of the note's own languages.
	langs := doc.Languages
	if roleOf(o.file) == roleNote {
		for _, n := range st.res.Notes {
			if n.File == o.file {
				langs = n.Languages
			}
		}
	}
	for _, tag := range langs {
		var flags []string
		if o.isRef() {
			flags = s.flagsIn(st, o, tag)
		}
		fmt.Fprintf(&b, "\n\n%s: %s", tag, s.phraseIn(st, doc, tag, ids, flags))
	}
	return &Hover{Contents: MarkupContent{Kind: "markdown", Value: b.String()}, Range: &loc.Range}
}

// flagsIn finds the options the reference o is written with in language
// tag: its own when it is in that language's text, those of the reference
// to the same ids in the same unit's (or note paragraph's) text in tag
// otherwise, none when there is no such reference.
func (s *Server) flagsIn(st *state, o occurrence, tag string) []string {
	if o.lang == tag || o.lang == "" {
		return o.flags
	}
	for _, r := range st.occ {
		if r.file == o.file && r.item == o.item && r.lang == tag && r.isRef() && slices.Equal(r.ids, o.ids) {
			return r.flags
		}
	}
	return nil
}

// phraseIn phrases ids in language tag with the reference options flags.
func (s *Server) phraseIn(st *state, doc *model.Document, tag string, ids []string, flags []string) string {
	l, err := st.res.Engine.Language(tag)
	if err != nil {
		return err.Error()
	}
	var opt lang.RefOptions
	for _, f := range flags {
		switch f {
		case "cap":
			opt.Capital = true
		case "poss":
			opt.Possessed = true
		case "contnom":
			opt.ContainerNominative = true
		case "rel":
		default:
			if tag != "en" {
				opt.Case = lang.Case(f)
			}
		}
	}
	ix := st.index(doc.ID)
	if len(ix.Entries()) == 0 {
		return "(not numbered: the document has errors)"
	}
	var diags diag.List
	text, _, ok := ix.Phrase(l, ids, opt, diag.Pos{}, nil, &diags)
	if !ok {
		if len(diags) > 0 {
			return diags[0].Message
		}
		return "cannot be phrased"
	}
	return text
}

var renameable = lazyre.New(`^` + idRE + `$`)

// rename renames the id under the cursor everywhere: its definition, the
// references to it, the aliases naming it.
func (s *Server) rename(p RenameParams) (*WorkspaceEdit, error) {
	st := s.analyze()
	o, ok := s.occurrenceAt(st, p.TextDocumentPositionParams)
	if !ok {
		return nil, &jsonrpc.Error{Code: jsonrpc.RequestFailed, Message: "no id here to rename"}
	}
	if !renameable().MatchString(p.NewName) {
		return nil, &jsonrpc.Error{Code: jsonrpc.RequestFailed, Message: fmt.Sprintf("%q is not a valid id: use lower-case letters, digits, hyphens and dots, starting with a letter", p.NewName)}
	}
	if o.key.doc == "" {
		return nil, &jsonrpc.Error{Code: jsonrpc.RequestFailed, Message: fmt.Sprintf("%s is a source: its id is its file name; rename clauses/sources/%s.yaml and its id: together", o.key.id, o.key.id)}
	}
	for _, r := range st.occ {
		if r.def && r.key == (key{o.key.doc, p.NewName}) {
			return nil, &jsonrpc.Error{Code: jsonrpc.RequestFailed, Message: fmt.Sprintf("%s is already an id of document %s (%s:%d)", p.NewName, o.key.doc, r.file, r.line+1)}
		}
	}
	edit := &WorkspaceEdit{Changes: map[string][]TextEdit{}}
	for _, r := range st.occ {
		if r.key != o.key {
			continue
		}
		loc := s.location(st, r)
		edit.Changes[loc.URI] = append(edit.Changes[loc.URI], TextEdit{Range: loc.Range, NewText: p.NewName})
	}
	return edit, nil
}
