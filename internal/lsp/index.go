package lsp

import (
	"io/fs"
	"path"
	"strings"

	"github.com/chancery-dev/chancery/internal/lazyre"
)

// key names what an id stands for: a unit (or alias) of one document, or a
// source document of the project.
type key struct {
	doc string // document id; "" for a source
	id  string
}

// occurrence is one place an id is written: where it is defined (id:,
// section:, a source's id:, an alias's old name) or used ({ref:...},
// {{ref "..."}}, aligned: {source: ...}, an alias's target).
type occurrence struct {
	file       string // slash path relative to the root
	line       int    // 0-based
	start, end int    // byte offsets of the id in the line
	key        key
	def        bool
	// For references: all ids of the reference as written, the options
	// after "|" (or the template's extra arguments), the language whose
	// text holds it ("" when unknown), the line where its list item
	// starts (the unit or body paragraph it belongs to), and, after "@",
	// the path into a source.
	ids     []string
	flags   []string
	lang    string
	item    int
	srcPath string
}

func (o occurrence) isRef() bool { return o.ids != nil }

const idRE = `[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*`

var (
	defLine     = lazyre.New(`^(\s*(?:-\s+)?)(id|section):\s*["']?(` + idRE + `)["']?\s*(?:#.*)?$`)
	clauseRef   = lazyre.New(`\{ref:([^}|]*)(?:\|([^}]*))?\}`)
	templateRef = lazyre.New(`\{\{-?\s*ref\s+"([^"]*)"((?:\s+"[^"]*")*)\s*-?\}\}`)
	sourceUse   = lazyre.New(`\bsource:\s*["']?(` + idRE + `)`)
	aliasLine   = lazyre.New(`^(\s+)["']?(` + idRE + `)["']?:\s*["']?(` + idRE + `)["']?\s*(?:#.*)?$`)
	itemStart   = lazyre.New(`^\s*-\s`)
	langKey     = lazyre.New(`(?:^|[\s{,])(en|ru|kk):\s`)
	quotedArg   = lazyre.New(`"([^"]*)"`)
)

// fileRole says what kind of project file a path is.
type fileRole int

const (
	roleOther    fileRole = iota
	rolePart              // a part of a document: clauses/<dir>/<part>.yaml
	roleDocument          // clauses/<dir>/document.yaml
	roleSource            // clauses/sources/<id>.yaml
	roleNote              // clauses/notes/<id>.yaml
)

func roleOf(p string) fileRole {
	if !strings.HasPrefix(p, "clauses/") || (!strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml")) {
		return roleOther
	}
	dir := path.Dir(p)
	switch {
	case dir == "clauses/sources":
		return roleSource
	case dir == "clauses/notes":
		return roleNote
	case path.Dir(dir) != "clauses":
		return roleOther
	case path.Base(p) == "document.yaml":
		return roleDocument
	}
	return rolePart
}

// scanProject finds every occurrence of an id in the project's YAML. docOf
// maps a file to the document its references cite ("" when none).
func scanProject(fsys fs.FS, docOf func(file string) string) []occurrence {
	var out []occurrence
	fs.WalkDir(fsys, "clauses", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		role := roleOf(p)
		if role == roleOther {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		out = append(out, scanFile(p, role, string(data), docOf(p))...)
		return nil
	})
	return out
}

// scanFile finds the occurrences in one file of the given role, whose
// references cite document doc.
func scanFile(file string, role fileRole, text, doc string) []occurrence {
	var out []occurrence
	item := 0
	inAliases := false
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if itemStart().MatchString(line) {
			item = n
		}
		add := func(o occurrence) {
			o.file, o.line, o.item = file, n, item
			out = append(out, o)
		}
		switch role {
		case rolePart:
			if m := defLine().FindStringSubmatchIndex(line); m != nil {
				add(occurrence{start: m[6], end: m[7], key: key{doc, line[m[6]:m[7]]}, def: true})
			}
		case roleSource:
			if m := defLine().FindStringSubmatchIndex(line); m != nil && m[3]-m[2] == 0 && line[m[4]:m[5]] == "id" {
				add(occurrence{start: m[6], end: m[7], key: key{"", line[m[6]:m[7]]}, def: true})
			}
		case roleDocument:
			if strings.HasPrefix(line, "aliases:") {
				inAliases = true
				continue
			}
			if inAliases {
				if m := aliasLine().FindStringSubmatchIndex(line); m != nil {
					add(occurrence{start: m[4], end: m[5], key: key{doc, line[m[4]:m[5]]}, def: true})
					add(occurrence{start: m[6], end: m[7], key: key{doc, line[m[6]:m[7]]}, ids: []string{line[m[6]:m[7]]}})
					continue
				}
				if line != "" && line[0] != ' ' && line[0] != '#' {
					inAliases = false
				}
			}
		}
		if role == rolePart {
			for _, m := range sourceUse().FindAllStringSubmatchIndex(line, -1) {
				add(occurrence{start: m[2], end: m[3], key: key{"", line[m[2]:m[3]]}})
			}
			for _, m := range clauseRef().FindAllStringSubmatchIndex(line, -1) {
				var flags []string
				if m[4] >= 0 {
					flags = splitList(line[m[4]:m[5]])
				}
				out = append(out, refOccurrences(file, n, item, line, m[2], m[3], flags, doc)...)
			}
		}
		if role == roleNote {
			for _, m := range templateRef().FindAllStringSubmatchIndex(line, -1) {
				var flags []string
				for _, a := range quotedArg().FindAllStringSubmatch(line[m[4]:m[5]], -1) {
					flags = append(flags, splitList(a[1])...)
				}
				out = append(out, refOccurrences(file, n, item, line, m[2], m[3], flags, doc)...)
			}
		}
	}
	return out
}

// refOccurrences splits the id list line[from:to] of one reference into an
// occurrence per id.
func refOccurrences(file string, n, item int, line string, from, to int, flags []string, doc string) []occurrence {
	list := line[from:to]
	var ids []string
	for _, id := range strings.Split(list, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if ids == nil {
		ids = []string{}
	}
	lang := ""
	if ms := langKey().FindAllStringSubmatchIndex(line[:from], -1); ms != nil {
		last := ms[len(ms)-1]
		lang = line[last[2]:last[3]]
	}
	var out []occurrence
	off := from
	for _, part := range strings.Split(list, ",") {
		lead := len(part) - len(strings.TrimLeft(part, " "))
		id := strings.TrimSpace(part)
		start := off + lead
		off += len(part) + 1
		if id == "" {
			continue
		}
		o := occurrence{file: file, line: n, item: item, ids: ids, flags: flags, lang: lang}
		if src, p, ok := strings.Cut(id, "@"); ok {
			o.start, o.end, o.key, o.srcPath = start, start+len(src), key{"", src}, p
		} else {
			o.start, o.end, o.key = start, start+len(id), key{doc, id}
		}
		out = append(out, o)
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
