package docxread

import (
	"fmt"
	"strconv"
	"strings"
)

// Change says whether a run or paragraph mark is a tracked change.
type Change int

const (
	Unchanged Change = iota
	Inserted
	Deleted
	MovedFrom // the old place of moved text (reads as deleted)
	MovedTo   // the new place of moved text (reads as inserted)
)

func (c Change) String() string {
	return [...]string{"unchanged", "inserted", "deleted", "moved from", "moved to"}[c]
}

// Old reports whether text so marked belongs to the document before the
// changes; New whether it belongs to the document after them.
func (c Change) Old() bool { return c == Unchanged || c == Deleted || c == MovedFrom }
func (c Change) New() bool { return c == Unchanged || c == Inserted || c == MovedTo }

// Run is a stretch of text with one formatting and one change state.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	Change Change
	Author string
	// Field is the instruction of the field this run is the result of
	// ("REF areas \n \h"), or "".
	Field string
	// Footnote is the note a footnote reference (w:footnoteReference)
	// stands for; such a run has no Text and is never merged with another.
	Footnote *Footnote
}

// Footnote is the text of one footnote of word/footnotes.xml: its
// paragraphs' runs, a "\n" run between two paragraphs.
type Footnote struct {
	ID   string
	Runs []Run
}

// Paragraph is one paragraph of the body, in document order.
type Paragraph struct {
	Index int    // 1-based position among the body's paragraphs
	Style string // paragraph style id
	Label string // the number Word shows before it ("2.1", "iii."), "" if none
	// Bullet says the paragraph is an item of a bullet list (its level's
	// w:numFmt is "bullet"); Label is then the bullet character as given
	// in w:lvlText ("-", "•", "\uf0b7" in Symbol), which may be "".
	Bullet   bool
	NumID    string // the list it belongs to, "" if none
	Level    int    // its list level (ilvl)
	Runs     []Run
	Bookmark []string // bookmarks starting in it
	Comments []string // ids of comments anchored in it
	// Table is the 1-based number of the table it stands in (0 outside
	// tables), Row and Cell its 1-based row and cell.
	Table, Row, Cell int
	// Mark is the change state of the paragraph mark: Inserted for a
	// paragraph the counterpart added, Deleted for one merged away.
	Mark       Change
	MarkAuthor string
}

// Text is the paragraph's text after the tracked changes.
func (p *Paragraph) Text() string { return p.text(Change.New) }

// OldText is the paragraph's text before the tracked changes.
func (p *Paragraph) OldText() string { return p.text(Change.Old) }

func (p *Paragraph) text(keep func(Change) bool) string {
	var b strings.Builder
	for _, r := range p.Runs {
		if keep(r.Change) {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// Changed reports whether the paragraph carries a tracked change.
func (p *Paragraph) Changed() bool {
	if p.Mark != Unchanged {
		return true
	}
	for _, r := range p.Runs {
		if r.Change != Unchanged {
			return true
		}
	}
	return false
}

// Comment is a reviewer's comment.
type Comment struct {
	ID     string
	Author string
	Text   string
	// Paragraph is the Index of the paragraph it is anchored in (0 when
	// its anchor was not found).
	Paragraph int
}

// Document is what was read from a DOCX.
type Document struct {
	Paragraphs []*Paragraph
	Comments   []Comment
}

// Read reads a DOCX package held in data.
func Read(data []byte, lim Limits) (*Document, error) {
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	rels, err := p.relationships("")
	if err != nil {
		return nil, err
	}
	main := rels["officeDocument"]
	if main == "" {
		main = "word/document.xml"
	}
	if !p.has(main) {
		if p.has("content.xml") {
			return nil, errorf("", "this is an OpenDocument file, not a DOCX")
		}
		return nil, errorf(main, "missing: this zip is not a Word document")
	}
	partRels, err := p.relationships(main)
	if err != nil {
		return nil, err
	}
	body, err := p.parse(main)
	if err != nil {
		return nil, err
	}
	st := &styles{para: map[string]*styleDef{}, char: map[string]*styleDef{}}
	if name := partRels["styles"]; name != "" && p.has(name) {
		root, err := p.parse(name)
		if err != nil {
			return nil, err
		}
		st = readStyles(root)
	}
	var num *numbering
	numName := partRels["numbering"]
	if numName != "" && p.has(numName) {
		root, err := p.parse(numName)
		if err != nil {
			return nil, err
		}
		num = readNumbering(root)
	}
	notes, err := readFootnotes(p, partRels["footnotes"], st)
	if err != nil {
		return nil, err
	}
	w := &walker{styles: st, footnotes: notes}
	b := body.child("body")
	if body.local != "document" || b == nil {
		return nil, errorf(main, "has no w:document/w:body")
	}
	w.block(b)
	doc := &Document{Paragraphs: w.paras}
	if err := label(doc, st, num, main, numName); err != nil {
		return nil, err
	}
	if name := partRels["comments"]; name != "" && p.has(name) {
		root, err := p.parse(name)
		if err != nil {
			return nil, err
		}
		doc.Comments = readComments(root, w.commentAt)
	}
	return doc, nil
}

func (p *pkg) parse(name string) (*node, error) {
	data, err := p.read(name)
	if err != nil {
		return nil, err
	}
	return parseXML(name, data, p.lim)
}

// walker collects paragraphs from the body.
type walker struct {
	styles    *styles
	paras     []*Paragraph
	table     int
	row, cell int
	inTable   int
	commentAt map[string]int
	fields    []*field
	// footnotes are the notes of word/footnotes.xml by id; nil while the
	// notes themselves are read (footnotes do not nest).
	footnotes map[string]*Footnote
}

type field struct {
	instr     strings.Builder
	separated bool
}

func (w *walker) block(n *node) {
	for _, c := range n.children {
		switch c.local {
		case "p":
			w.paragraph(c)
		case "tbl":
			w.tableBlock(c)
		case "sdt":
			if content := c.child("sdtContent"); content != nil {
				w.block(content)
			}
		case "customXml", "ins", "del", "moveTo", "moveFrom":
			w.block(c)
		}
	}
}

func (w *walker) tableBlock(n *node) {
	w.inTable++
	if w.inTable == 1 {
		w.table++
	}
	saveRow, saveCell := w.row, w.cell
	w.row = 0
	for _, tr := range n.children {
		if tr.local != "tr" {
			continue
		}
		w.row++
		w.cell = 0
		for _, tc := range tr.children {
			if tc.local != "tc" {
				continue
			}
			w.cell++
			w.block(tc)
		}
	}
	w.row, w.cell = saveRow, saveCell
	w.inTable--
}

// state is the formatting and change state passed down to runs.
type state struct {
	change Change
	author string
}

func (w *walker) paragraph(n *node) {
	p := &Paragraph{Index: len(w.paras) + 1, NumID: "", Level: 0}
	if w.inTable > 0 {
		p.Table, p.Row, p.Cell = w.table, w.row, w.cell
	}
	w.fields = nil
	if ppr := n.child("pPr"); ppr != nil {
		p.Style, _ = ppr.val("pStyle")
		if np := ppr.child("numPr"); np != nil {
			p.NumID, _ = np.val("numId")
			if l, ok := np.val("ilvl"); ok {
				p.Level, _ = strconv.Atoi(l)
			}
			if p.NumID == "" {
				p.NumID = "-" // numPr without numId: the style's list
			}
		}
		if rpr := ppr.child("rPr"); rpr != nil {
			for _, c := range rpr.children {
				switch c.local {
				case "ins":
					p.Mark, p.MarkAuthor = Inserted, c.attr("author")
				case "del":
					p.Mark, p.MarkAuthor = Deleted, c.attr("author")
				case "moveTo":
					p.Mark, p.MarkAuthor = MovedTo, c.attr("author")
				case "moveFrom":
					p.Mark, p.MarkAuthor = MovedFrom, c.attr("author")
				}
			}
		}
	}
	w.paras = append(w.paras, p)
	w.inline(p, n, state{})
}

func (w *walker) inline(p *Paragraph, n *node, s state) {
	for _, c := range n.children {
		switch c.local {
		case "r":
			w.run(p, c, s)
		case "ins", "del", "moveTo", "moveFrom":
			t := s
			t.change = map[string]Change{"ins": Inserted, "del": Deleted, "moveTo": MovedTo, "moveFrom": MovedFrom}[c.local]
			t.author = c.attr("author")
			w.inline(p, c, t)
		case "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo":
			if c.local == "fldSimple" {
				w.fields = append(w.fields, &field{separated: true})
				w.fields[len(w.fields)-1].instr.WriteString(c.attr("instr"))
				w.inline(p, c, s)
				w.fields = w.fields[:len(w.fields)-1]
				continue
			}
			w.inline(p, c, s)
		case "sdt":
			if content := c.child("sdtContent"); content != nil {
				w.inline(p, content, s)
			}
		case "bookmarkStart":
			if name := c.attr("name"); name != "" && !strings.HasPrefix(name, "_") {
				p.Bookmark = append(p.Bookmark, name)
			}
		case "commentRangeStart":
			w.anchorComment(p, c.attr("id"))
		}
	}
}

func (w *walker) anchorComment(p *Paragraph, id string) {
	if w.commentAt == nil {
		w.commentAt = map[string]int{}
	}
	if _, seen := w.commentAt[id]; !seen && id != "" {
		w.commentAt[id] = p.Index
		p.Comments = append(p.Comments, id)
	}
}

func (w *walker) run(p *Paragraph, n *node, s state) {
	bold, italic := false, false
	if rpr := n.child("rPr"); rpr != nil {
		if style, ok := rpr.val("rStyle"); ok {
			bold, italic = w.styles.charFormat(style)
		}
		if v, ok := rpr.on("b"); ok {
			bold = v
		}
		if v, ok := rpr.on("i"); ok {
			italic = v
		}
	}
	add := func(text string) {
		if text == "" {
			return
		}
		if len(w.fields) > 0 && !w.fields[len(w.fields)-1].separated {
			return // field instruction, not shown
		}
		instr := ""
		if len(w.fields) > 0 {
			instr = strings.TrimSpace(w.fields[len(w.fields)-1].instr.String())
		}
		if k := len(p.Runs) - 1; k >= 0 {
			last := &p.Runs[k]
			if last.Footnote == nil && last.Bold == bold && last.Italic == italic && last.Change == s.change && last.Author == s.author && last.Field == instr {
				last.Text += text
				return
			}
		}
		p.Runs = append(p.Runs, Run{Text: text, Bold: bold, Italic: italic, Change: s.change, Author: s.author, Field: instr})
	}
	for _, c := range n.children {
		switch c.local {
		case "t", "delText":
			add(c.text)
		case "tab", "ptab":
			add("\t")
		case "br", "cr":
			if c.attr("type") == "page" || c.attr("type") == "column" {
				continue
			}
			add("\n")
		case "noBreakHyphen":
			add("\u2011")
		case "softHyphen":
			add("\u00ad")
		case "sym":
			if code, err := strconv.ParseUint(c.attr("char"), 16, 32); err == nil && code >= 0x20 && code < 0xF000 {
				add(string(rune(code)))
			}
		case "fldChar":
			switch c.attr("fldCharType") {
			case "begin":
				w.fields = append(w.fields, &field{})
			case "separate":
				if len(w.fields) > 0 {
					w.fields[len(w.fields)-1].separated = true
				}
			case "end":
				if len(w.fields) > 0 {
					w.fields = w.fields[:len(w.fields)-1]
				}
			}
		case "instrText", "delInstrText":
			if len(w.fields) > 0 && !w.fields[len(w.fields)-1].separated {
				w.fields[len(w.fields)-1].instr.WriteString(c.text)
			}
		case "commentReference":
			w.anchorComment(p, c.attr("id"))
		case "footnoteReference":
			if fn := w.footnotes[c.attr("id")]; fn != nil {
				p.Runs = append(p.Runs, Run{Bold: bold, Italic: italic, Change: s.change, Author: s.author, Footnote: fn})
			}
		}
	}
}

// readFootnotes reads the footnotes part named by the document's
// relationships ("" when it has none): every footnote but the separators
// (w:type separator, continuationSeparator, continuationNotice), by id.
func readFootnotes(p *pkg, name string, st *styles) (map[string]*Footnote, error) {
	if name == "" || !p.has(name) {
		return nil, nil
	}
	root, err := p.parse(name)
	if err != nil {
		return nil, err
	}
	notes := map[string]*Footnote{}
	for _, c := range root.children {
		if c.local != "footnote" || (c.attr("type") != "" && c.attr("type") != "normal") {
			continue
		}
		fw := &walker{styles: st}
		fw.block(c)
		fn := &Footnote{ID: c.attr("id")}
		for i, fp := range fw.paras {
			if i > 0 {
				fn.Runs = append(fn.Runs, Run{Text: "\n"})
			}
			fn.Runs = append(fn.Runs, fp.Runs...)
		}
		notes[fn.ID] = fn
	}
	return notes, nil
}

func readComments(root *node, at map[string]int) []Comment {
	var out []Comment
	for _, c := range root.children {
		if c.local != "comment" {
			continue
		}
		var text []string
		collectText(c, &text)
		out = append(out, Comment{ID: c.attr("id"), Author: c.attr("author"), Text: strings.TrimSpace(strings.Join(text, "")), Paragraph: at[c.attr("id")]})
	}
	return out
}

func collectText(n *node, out *[]string) {
	for _, c := range n.children {
		switch c.local {
		case "t":
			*out = append(*out, c.text)
		case "p":
			if len(*out) > 0 {
				*out = append(*out, "\n")
			}
			collectText(c, out)
		default:
			collectText(c, out)
		}
	}
}

// String renders the paragraph for debugging and test failures.
func (p *Paragraph) String() string {
	return fmt.Sprintf("#%d %s %q %q", p.Index, p.Style, p.Label, p.Text())
}
