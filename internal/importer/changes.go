package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/render/docx"
	"github.com/chancery-dev/chancery/internal/yamledit"
)

// ChangeReport says what Changes did with every tracked change.
type ChangeReport struct {
	Applied  []Note // Where: the DOCX paragraph; What: the change; Why: the unit
	Unplaced []Note // changes that could not be placed, and why
	Comments []Note // the counterpart's comments: What the text, Why the unit
}

// ChangeSet is the clause files a returned DOCX changes, by their path
// in the project, with their new bytes.
type ChangeSet struct {
	Files  map[string][]byte
	Report *ChangeReport
}

// target is a text of the document as the DOCX prints it, and where it is
// kept in the YAML.
type target struct {
	printed string
	file    string
	path    func(f *yamledit.File) (yamledit.Path, bool) // the Text mapping
	loc     *model.Localized
	unit    *model.Unit
	lead    string // a recital's lead word printed before its text
	what    string // "unit areas.basis", "closing", ...
}

// Changes applies the tracked changes of a returned DOCX (read as doc)
// to the clause files of an assembled document in language tag. read
// returns a project file's bytes.
func Changes(d *model.Document, tag string, l *lang.Language, returned *docxread.Document, name string, read func(string) ([]byte, error)) (*ChangeSet, error) {
	c := &changer{doc: d, tag: tag, l: l, name: name, read: read, files: map[string]*yamledit.File{}, report: &ChangeReport{}, ids: map[string]bool{}}
	d.Walk(func(u *model.Unit) { c.ids[u.ID] = true })
	c.targets = c.collect()
	if err := c.apply(returned); err != nil {
		return nil, err
	}
	out := &ChangeSet{Files: map[string][]byte{}, Report: c.report}
	for _, file := range slices.Sorted(maps.Keys(c.files)) {
		f := c.files[file]
		orig, _ := read(file)
		if b := f.Bytes(); string(b) != string(orig) {
			out.Files[file] = b
		}
	}
	return out, nil
}

type changer struct {
	doc     *model.Document
	tag     string
	l       *lang.Language
	name    string
	read    func(string) ([]byte, error)
	files   map[string]*yamledit.File
	targets []*target
	report  *ChangeReport
	ids     map[string]bool
	gone    []string // ids of the units deleted
	rc      *recognizer
}

// markup writes words the counterpart typed as clause markup, turning the
// references among them into {ref:} as a new import would; self is the
// unit they stand in.
func (c *changer) markup(words string, self *model.Unit, where string) string {
	if c.rc == nil {
		in := &inferrer{l: c.l, tag: c.tag, doc: c.doc, report: &Report{}}
		c.rc = in.recognizer()
	}
	t := model.Text{c.tag: &model.Localized{Runs: []model.Inline{&model.Plain{Text: words}}}}
	order := 0
	if self != nil {
		order = c.rc.order[self]
	}
	before := len(c.rc.in.report.Refs)
	c.rc.recognize(ownedText{text: t, owner: self, order: order, where: where})
	for _, n := range c.rc.in.report.Refs[before:] {
		c.report.Applied = append(c.report.Applied, Note{Where: n.Where, What: "reference typed as " + fmt.Sprintf("%q", n.What), Why: "written " + n.Why})
	}
	return Markup(t[c.tag].Runs)
}

func (c *changer) file(name string) (*yamledit.File, error) {
	if f := c.files[name]; f != nil {
		return f, nil
	}
	data, err := c.read(name)
	if err != nil {
		return nil, err
	}
	f, err := yamledit.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.files[name] = f
	return f, nil
}

func fixed(p yamledit.Path) func(*yamledit.File) (yamledit.Path, bool) {
	return func(*yamledit.File) (yamledit.Path, bool) { return p, true }
}

// byUnit finds key of unit u: by its id, or, for a bullet without one, by
// its place among its parent's bullets (unitPath).
func byUnit(u *model.Unit, key string) func(*yamledit.File) (yamledit.Path, bool) {
	return func(f *yamledit.File) (yamledit.Path, bool) {
		p, ok := unitPath(f, u)
		if !ok {
			return nil, false
		}
		return p.Append(yamledit.Key(key)), true
	}
}

func byID(id string, key string) func(*yamledit.File) (yamledit.Path, bool) {
	return func(f *yamledit.File) (yamledit.Path, bool) {
		p, ok := f.FindID(id)
		if !ok {
			return nil, false
		}
		return p.Append(yamledit.Key(key)), true
	}
}

// collect lists the document's texts in the order the DOCX prints them.
func (c *changer) collect() []*target {
	var out []*target
	docFile := c.doc.Dir + "/document.yaml"
	add := func(t model.Text, file string, path func(*yamledit.File) (yamledit.Path, bool), u *model.Unit, what string) *target {
		if t == nil || t[c.tag] == nil {
			return nil
		}
		tg := &target{printed: norm(model.PlainText(t[c.tag].Runs)), file: file, path: path, loc: t[c.tag], unit: u, what: what}
		out = append(out, tg)
		return tg
	}
	for i, t := range c.doc.Title {
		add(t, docFile, fixed(yamledit.Path{yamledit.Key("title"), yamledit.Index(i)}), nil, fmt.Sprintf("title line %d", i+1))
	}
	add(c.doc.PartiesIntro, docFile, fixed(yamledit.Path{yamledit.Key("parties_intro")}), nil, "parties_intro")
	for i, p := range c.doc.Parties {
		if i > 0 {
			add(c.doc.PartiesJoiner, docFile, fixed(yamledit.Path{yamledit.Key("parties_joiner")}), nil, "parties_joiner")
		}
		add(p.Description, docFile, fixed(yamledit.Path{yamledit.Key("parties"), yamledit.ID(p.ID), yamledit.Key("description")}), nil, "party "+p.ID)
	}
	add(c.doc.PartiesOutro, docFile, fixed(yamledit.Path{yamledit.Key("parties_outro")}), nil, "parties_outro")
	for _, r := range c.doc.Recitals {
		if tg := add(r.Text, r.Pos.File, byID(r.ID, "text"), nil, "recital "+r.ID); tg != nil && r.Lead[c.tag] != nil {
			tg.lead = norm(model.PlainText(r.Lead[c.tag].Runs))
		}
	}
	add(c.doc.Transition, c.preambleFile(), fixed(yamledit.Path{yamledit.Key("transition")}), nil, "transition")
	c.doc.Walk(func(u *model.Unit) {
		if u.Depth == 0 {
			add(u.Heading, u.Pos.File, fixed(yamledit.Path{yamledit.Key("heading")}), u, "heading of "+u.ID)
			return
		}
		add(u.Text, u.Pos.File, byUnit(u, "text"), u, u.ID)
	})
	add(c.doc.Closing, docFile, fixed(yamledit.Path{yamledit.Key("closing")}), nil, "closing")
	return out
}

func (c *changer) preambleFile() string {
	if c.doc.Transition != nil && c.doc.Transition[c.tag] != nil {
		return c.doc.Transition[c.tag].Pos.File
	}
	return ""
}

// norm folds white space for comparing texts.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// paraText is a DOCX paragraph's text without the number Word prints and
// the trailer after it, in the old or new version.
func paraText(p *docxread.Paragraph, keep func(docxread.Change) bool) (string, []docxread.Run) {
	var runs []docxread.Run
	for _, r := range p.Runs {
		if keep(r.Change) {
			runs = append(runs, r)
		}
	}
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String(), runs
}

// strip removes a section trailer (":\t") after a Word number, or a typed
// label, and white space; it returns the bytes removed at the start.
func strip(p *docxread.Paragraph, s string, t *target) (string, int) {
	cut := 0
	if p.Label != "" {
		if i := strings.IndexByte(s, '\t'); i >= 0 && i <= 2 {
			cut = i + 1
		}
	} else if t != nil && t.unit != nil && t.unit.Label != "" {
		if rest, ok := strings.CutPrefix(s, t.unit.Label); ok {
			cut = len(s) - len(strings.TrimLeft(rest, " \t"))
		}
	}
	if t != nil && t.lead != "" && strings.HasPrefix(s[cut:], t.lead+" ") {
		cut += len(t.lead) + 1
	}
	rest := s[cut:]
	trimmed := strings.TrimLeft(rest, " \t")
	cut += len(rest) - len(trimmed)
	return strings.TrimRight(trimmed, " \t"), cut
}

// bookmarkFor is the bookmark chancery's DOCX writer puts on a unit that
// is referred to ("areas.basis" -> "areas_basis"), or "" for an id whose
// bookmark it shortens with a hash.
func bookmarkFor(id string) string {
	name := docx.BookmarkStem(id)
	if len(name) > 40 {
		return ""
	}
	return name
}

// match finds the target a DOCX paragraph (its old version) prints: the
// unit whose bookmark it carries in a DOCX chancery built, else the text
// that reads like it, searching forward from the cursor.
func (c *changer) match(p *docxread.Paragraph, from int) int {
	old, _ := paraText(p, docxread.Change.Old)
	if strings.TrimSpace(old) == "" {
		return -1
	}
	for _, name := range p.Bookmark {
		for k, t := range c.targets {
			if t.unit != nil && bookmarkFor(t.unit.ID) == name {
				return k
			}
		}
	}
	for k := from; k < len(c.targets) && k < from+80; k++ {
		t := c.targets[k]
		s, _ := strip(p, old, t)
		if norm(s) == t.printed {
			return k
		}
	}
	best, bestScore := -1, 0.6
	for k := from; k < len(c.targets) && k < from+12; k++ {
		t := c.targets[k]
		s, _ := strip(p, old, t)
		if sc := similarity(norm(s), t.printed); sc > bestScore {
			best, bestScore = k, sc
		}
	}
	return best
}

// similarity is the share of words two texts have in common.
func similarity(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

func allRuns(p *docxread.Paragraph, kinds ...docxread.Change) bool {
	n := 0
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if !slices.Contains(kinds, r.Change) {
			return false
		}
		n++
	}
	return n > 0
}

func (c *changer) where(p *docxread.Paragraph) string {
	return fmt.Sprintf("%s: paragraph %d", c.name, p.Index)
}

func (c *changer) apply(d *docxread.Document) error {
	cursor := 0
	var prev *target     // the last target matched, in the new version's order
	var prevNew *unitRef // the last unit inserted after prev
	matched := map[int]*target{}
	var movedFrom []*target
	type moveTo struct {
		p       *docxread.Paragraph
		after   *target
		afterID *unitRef
	}
	var moves []moveTo
	for _, p := range d.Paragraphs {
		newText, _ := paraText(p, docxread.Change.New)
		switch {
		case allRuns(p, docxread.Inserted) || p.Mark == docxread.Inserted && strings.TrimSpace(func() string { s, _ := paraText(p, docxread.Change.Old); return s }()) == "":
			if strings.TrimSpace(newText) == "" {
				continue
			}
			ref, err := c.insertUnit(p, newText, prev, prevNew)
			if err != nil {
				c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(p), What: "inserted " + quoteShort(newText), Why: err.Error()})
				continue
			}
			prevNew = ref
			continue
		case allRuns(p, docxread.MovedTo):
			moves = append(moves, moveTo{p, prev, prevNew})
			continue
		}
		k := c.match(p, cursor)
		if k < 0 {
			if p.Changed() {
				c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(p), What: quoteShort(newText), Why: "no text of the document reads like this paragraph, so its changes have no place"})
			}
			continue
		}
		cursor = k + 1
		t := c.targets[k]
		matched[p.Index] = t
		switch {
		case allRuns(p, docxread.MovedFrom):
			movedFrom = append(movedFrom, t)
			continue
		case allRuns(p, docxread.Deleted):
			if err := c.deleteTarget(p, t); err != nil {
				c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(p), What: "deleted paragraph", Why: err.Error()})
			}
			continue
		case p.Mark == docxread.Deleted:
			c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(p), What: "paragraph mark deleted", Why: "the paragraph was merged with the next one; chancery keeps units apart — join them by hand"})
		}
		prev, prevNew = t, nil
		if p.Changed() {
			if err := c.editText(p, t); err != nil {
				c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(p), What: "changed words in " + t.what, Why: err.Error()})
			}
		}
	}
	for _, m := range moves {
		if err := c.move(m.p, m.after, m.afterID, movedFrom); err != nil {
			text, _ := paraText(m.p, docxread.Change.New)
			c.report.Unplaced = append(c.report.Unplaced, Note{Where: c.where(m.p), What: "moved " + quoteShort(text), Why: err.Error()})
		}
	}
	for _, cm := range d.Comments {
		unit := "no unit"
		if t := matched[cm.Paragraph]; t != nil {
			unit = t.what
		}
		where := c.name
		if cm.Paragraph > 0 {
			where = fmt.Sprintf("%s: paragraph %d", c.name, cm.Paragraph)
		}
		c.report.Comments = append(c.report.Comments, Note{Where: where, What: cm.Author + ": " + cm.Text, Why: unit})
	}
	return nil
}

func quoteShort(s string) string { return fmt.Sprintf("%q", firstWords(s, 8)) }

// editText applies the word changes of p to the text of t.
func (c *changer) editText(p *docxread.Paragraph, t *target) error {
	oldFull, _ := paraText(p, docxread.Change.Old)
	oldText, cut := strip(p, oldFull, t)
	if oldText != model.PlainText(t.loc.Runs) {
		return fmt.Errorf("the paragraph does not read exactly as the clause prints (%s); change it by hand", t.what)
	}
	// The edit script on the old text, from the runs.
	var ops []op
	off := -cut
	for _, r := range p.Runs {
		switch {
		case r.Change == docxread.Unchanged:
			off += len(r.Text)
		case r.Change.Old():
			at, n := off, len(r.Text)
			if at < 0 {
				n += at
				at = 0
			}
			if at+n > len(oldText) {
				n = len(oldText) - at
			}
			if n > 0 {
				ops = append(ops, op{at: at, del: n})
			}
			off += len(r.Text)
		default:
			at := max(0, min(off, len(oldText)))
			ops = append(ops, op{at: at, insert: r.Text})
		}
	}
	if len(ops) == 0 {
		return nil // only the paragraph mark changed
	}
	var inserts []op
	for _, o := range ops {
		if o.del == 0 {
			inserts = append(inserts, o)
		}
	}
	atoms, err := atomize(t.loc)
	if err != nil {
		return err
	}
	var out strings.Builder
	pos := 0 // printed offset of the next atom
	oi := 0
	var summary []string
	flushInserts := func(at int) {
		for oi < len(inserts) && inserts[oi].at <= at {
			out.WriteString(c.markup(inserts[oi].insert, t.unit, c.where(p)))
			summary = append(summary, "+"+inserts[oi].insert)
			oi++
		}
	}
	deleted := func(from, to int) bool {
		for _, o := range ops {
			if o.del > 0 && from >= o.at && to <= o.at+o.del {
				return true
			}
		}
		return false
	}
	for _, a := range atoms {
		flushInserts(pos)
		end := pos + len(a.printed)
		switch {
		case a.printed == "":
			out.WriteString(a.source)
		case deleted(pos, end):
			summary = append(summary, "-"+a.printed)
		case a.atomic && partlyDeleted(ops, pos, end):
			return fmt.Errorf("a change cuts into the reference %q; change it by hand", a.printed)
		default:
			out.WriteString(a.source)
		}
		pos = end
	}
	flushInserts(len(oldText) + 1)
	newRaw := out.String()
	f, err := c.file(t.file)
	if err != nil {
		return err
	}
	path, ok := t.path(f)
	if !ok {
		return fmt.Errorf("%s is not in %s any more", t.what, t.file)
	}
	if err := f.SetString(path.Append(yamledit.Key(c.tag)), newRaw); err != nil {
		return err
	}
	c.report.Applied = append(c.report.Applied, Note{Where: c.where(p), What: "changed words " + strings.Join(compact(summary), " "), Why: t.what})
	return nil
}

// compact merges consecutive per-character deletions into one and quotes
// each change for the report: -"sixty" +"ninety".
func compact(s []string) []string {
	var merged []string
	for _, x := range s {
		if n := len(merged); n > 0 && x[0] == '-' && merged[n-1][0] == '-' {
			merged[n-1] += x[1:]
			continue
		}
		merged = append(merged, x)
	}
	out := make([]string, len(merged))
	for i, x := range merged {
		out[i] = fmt.Sprintf("%c%q", x[0], x[1:])
	}
	return out
}

// op is one step of an edit script on a paragraph's old text.
type op struct {
	at     int // offset in the old text
	del    int // bytes deleted there
	insert string
}

// partlyDeleted reports whether a deletion cuts into [from, to) without
// covering it.
func partlyDeleted(ops []op, from, to int) bool {
	for _, o := range ops {
		if o.del > 0 && o.at < to && o.at+o.del > from {
			return true
		}
	}
	return false
}

// atom is a piece of a text's source: one printed character of plain
// text, a zero-width emphasis mark, or a whole directive (a reference, a
// field, a placeholder) that prints as one.
type atom struct {
	printed string
	source  string
	atomic  bool
}

// atomize splits a text's source (its Raw string) into atoms, taking what
// each directive prints from its parsed runs.
func atomize(loc *model.Localized) ([]atom, error) {
	var printed []string
	model.WalkInline(loc.Runs, func(in model.Inline) {
		switch in := in.(type) {
		case *model.Ref:
			printed = append(printed, in.Resolved)
		case *model.Placeholder:
			printed = append(printed, "["+in.Name+"]")
		case *model.Plain:
			if in.Field != "" {
				printed = append(printed, in.Text)
			}
		}
	})
	raw := loc.Raw
	var out []atom
	for i := 0; i < len(raw); {
		switch ch := raw[i]; {
		case ch == '\\' && i+1 < len(raw) && strings.IndexByte(`\*{}`, raw[i+1]) >= 0:
			out = append(out, atom{printed: raw[i+1 : i+2], source: raw[i : i+2]})
			i += 2
		case ch == '*':
			out = append(out, atom{source: "*"})
			i++
		case ch == '{':
			end := strings.IndexByte(raw[i:], '}')
			if end < 0 || len(printed) == 0 {
				return nil, fmt.Errorf("cannot follow the markup of this text")
			}
			out = append(out, atom{printed: printed[0], source: raw[i : i+end+1], atomic: true})
			printed = printed[1:]
			i += end + 1
		default:
			_, size := utf8.DecodeRuneInString(raw[i:])
			out = append(out, atom{printed: raw[i : i+size], source: raw[i : i+size]})
			i += size
		}
	}
	return out, nil
}
