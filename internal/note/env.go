package note

import (
	"io/fs"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/xref"
)

// TemplatesDir holds a project's note templates:
// templates/<name>/<lang>.tmpl.
const TemplatesDir = "templates"

// CheckPages is the page count a note is checked with before its enclosure
// is rendered: it stands in for the real count, which only a rendered PDF
// gives.
const CheckPages = 1

// Env is what rendering a note takes from the rest of the build.
type Env struct {
	FS      fs.FS // the project, for templates/
	Engine  *lang.Engine
	Project *model.Project
	// Indexes of the project's documents (numbered and resolved), by id:
	// the enclosure's index phrases the note's references.
	Indexes map[string]*xref.Index
}

// Blocks a note template defines.
const (
	BlockNumber    = "number"
	BlockBody      = "body"
	BlockPlaceDate = "place-date"
	BlockEnclosure = "enclosure"
	BlockAddressee = "addressee"
)

// requiredBlocks lists the blocks a template must define for n.
func requiredBlocks(n *model.Note) []string {
	b := []string{BlockNumber, BlockBody, BlockPlaceDate, BlockAddressee}
	if n.Enclosure != nil {
		b = append(b, BlockEnclosure)
	}
	return b
}

// TemplateFile returns the project-relative path of a note template.
func TemplateFile(name, tag string) string {
	return TemplatesDir + "/" + name + "/" + tag + ".tmpl"
}

// EnclosureLang returns the language of the enclosed copy whose pages the
// note counts: the one the note names, or the document's first.
func EnclosureLang(n *model.Note, doc *model.Document) string {
	if n.Enclosure != nil && n.Enclosure.Lang != "" {
		return n.Enclosure.Lang
	}
	if doc != nil && len(doc.Languages) > 0 {
		return doc.Languages[0]
	}
	return ""
}
