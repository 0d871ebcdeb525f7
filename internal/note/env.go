package note

import (
	"io/fs"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/style"
	"github.com/chancery-dev/chancery/internal/xref"
)

// TemplatesDir holds a project's styles and note templates:
// templates/<style>/<form>/<lang>.tmpl, or templates/<form>/<lang>.tmpl
// for a form no style has templates of.
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
	// Styles caches the styles notes are set in, by name ("" for the
	// project default); nil reads them from FS each time.
	Styles map[string]*style.Style
}

// Blocks of a note template besides the style's block kinds: the two
// columns of the masthead.
const (
	BlockNumber        = style.BlockNumber
	BlockBody          = style.BlockBody
	BlockPlaceDate     = style.BlockPlaceDate
	BlockEnclosure     = style.BlockEnclosure
	BlockAddressee     = style.BlockAddressee
	BlockMastheadLeft  = "masthead-left"
	BlockMastheadRight = "masthead-right"
)

// requiredBlocks lists the blocks a template must define for n in form.
// A form its style spells out requires none: a block the template leaves
// out is not printed. The default form (of a style without that form)
// requires number, body, place-date and addressee, and the enclosure
// line when the note has an enclosure, as templates did before styles
// placed blocks.
func requiredBlocks(n *model.Note, form *style.Correspondence) []string {
	var out []string
	if form.Pos.File != "" {
		return nil
	}
	for _, kind := range []string{BlockNumber, BlockBody, BlockPlaceDate, BlockAddressee, BlockEnclosure} {
		if form.Place(kind) == nil || (kind == BlockEnclosure && n.Enclosure == nil) {
			continue
		}
		out = append(out, kind)
	}
	return out
}

// templateNames are the names a note template may define.
func templateNames() []string {
	var out []string
	for _, k := range style.Blocks() {
		switch k {
		case style.BlockAnnex:
		case style.BlockMasthead:
			out = append(out, BlockMastheadLeft, BlockMastheadRight)
		default:
			out = append(out, k)
		}
	}
	return out
}

// TemplateFile returns the project path of the template of form in
// language tag: in the directory of style st when there, else
// templates/<form>/.
func TemplateFile(fsys fs.FS, st *style.Style, form, tag string) string {
	if st != nil && st.File != "" {
		p := TemplatesDir + "/" + st.Name + "/" + form + "/" + tag + ".tmpl"
		if _, err := fs.Stat(fsys, p); err == nil {
			return p
		}
		if _, err := fs.Stat(fsys, TemplatesDir+"/"+form); err != nil {
			return p
		}
	}
	return TemplatesDir + "/" + form + "/" + tag + ".tmpl"
}

// NoteStyle returns the style n is set in.
func (env Env) NoteStyle(n *model.Note) (*style.Style, error) {
	if st := env.Styles[n.Style]; st != nil {
		return st, nil
	}
	return style.Resolve(env.FS, n.Style)
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
