package importer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

// Options steer Infer.
type Options struct {
	Lang   string // language of the draft; "" guesses en, ru or kk from its letters
	ID     string // the document's id
	Engine *lang.Engine
}

// Note is one line of the report: where in the draft, what, and why.
type Note struct {
	Where string
	What  string
	Why   string
}

// Report says what Infer recognised and what it could not place.
type Report struct {
	Lang       string
	Recognised []string // "12 recitals", "(ii) (bis) insert after ii." ...
	Refs       []Note   // references turned into {ref:...}: What the words, Why the markup
	LeftAsText []Note   // references left as plain text, and why
	// Unplaced lists what could not be placed as read: paragraphs whose
	// numbering chancery cannot follow, tables it has no place for, text
	// left out.
	Unplaced []Note
	Notes    []Note // other guesses worth checking
}

func (r *Report) recognised(format string, args ...any) {
	r.Recognised = append(r.Recognised, fmt.Sprintf(format, args...))
}

// Result is an inferred document with, for each unit, where it was read.
type Result struct {
	Doc    *model.Document
	Report *Report
	// Form is the numbering form each numbered unit was printed with.
	labels map[*model.Unit]label
	where  map[*model.Unit]string
}

// Infer builds a document from the paragraphs of a draft.
func Infer(paras []*Para, opt Options) (*Result, error) {
	if opt.Engine == nil {
		e, err := lang.New()
		if err != nil {
			return nil, err
		}
		opt.Engine = e
	}
	tag := opt.Lang
	if tag == "" {
		tag = GuessLanguage(paras)
	}
	l, err := opt.Engine.Language(tag)
	if err != nil {
		return nil, err
	}
	in := &inferrer{
		l: l, tag: tag, report: &Report{Lang: tag},
		doc:    &model.Document{ID: opt.ID, Status: model.StatusDraft, Languages: []string{tag}, Numbering: model.DefaultNumbering()},
		labels: map[*model.Unit]label{}, where: map[*model.Unit]string{},
	}
	if len(paras) == 0 {
		return nil, fmt.Errorf("the draft has no text")
	}
	in.run(paras)
	if len(in.doc.Sections) == 0 {
		return nil, fmt.Errorf("found no numbered sections with headings (such as \"1: Purpose\" or \"Article 1\"); chancery needs at least one section")
	}
	in.schemes()
	in.ids()
	number.Document(in.doc, number.Options{})
	in.refs()
	return &Result{Doc: in.doc, Report: in.report, labels: in.labels, where: in.where}, nil
}

type inferrer struct {
	l      *lang.Language
	tag    string
	doc    *model.Document
	report *Report
	labels map[*model.Unit]label
	where  map[*model.Unit]string
	// groups remember, per parent, the form and counting of its children.
	groups map[*model.Unit]*group
}

type group struct {
	before, after string
	format        string // "{n}", "{n:i}", ...
	romanFirst    bool
	count         int // numbered children that are not inserts
}

func (in *inferrer) text(spans []Span) model.Text {
	return model.Text{in.tag: &model.Localized{Runs: inlines(spans)}}
}

// inlines turns spans into inline runs: plain, strong, emphasis, and a
// note mark into a footnote.
func inlines(spans []Span) []model.Inline {
	var runs []model.Inline
	for _, s := range spans {
		if s.isNote() {
			runs = append(runs, &model.Footnote{Runs: inlines(s.Note)})
			continue
		}
		var r model.Inline = &model.Plain{Text: s.Text}
		switch {
		case s.Bold && s.Italic:
			r = &model.Strong{Runs: []model.Inline{&model.Emphasis{Runs: []model.Inline{r}}}}
		case s.Bold:
			r = &model.Strong{Runs: []model.Inline{r}}
		case s.Italic:
			r = &model.Emphasis{Runs: []model.Inline{r}}
		}
		runs = append(runs, r)
	}
	return runs
}

func plainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// cut returns the spans after the first n bytes of their text.
func cut(spans []Span, n int) []Span {
	p := &Para{Spans: append([]Span(nil), spans...)}
	trimPrefix(p, n)
	trimSpans(p)
	return p.Spans
}

// labelOf returns the paragraph's label, from Word or typed, and its text
// after the label.
func labelOf(p *Para) (label, []Span, bool, bool) {
	if p.Label != "" {
		l, _, ok := parseLabel(p.Label, false)
		return l, p.Spans, ok, true
	}
	text := p.Text()
	l, rest, ok := parseLabel(text, true)
	if !ok {
		return label{}, p.Spans, false, false
	}
	return l, cut(p.Spans, len(text)-len(rest)), true, false
}

func words(s string) []string { return strings.Fields(s) }

// headingLike is a short line without a closing stop.
func headingLike(s string) bool {
	n := len(words(s))
	if n == 0 || n > 16 {
		return false
	}
	last := []rune(strings.TrimSpace(s))
	return !strings.ContainsRune(".;,", last[len(last)-1])
}

// capsLead returns the words in capitals that open s ("WHEREAS", "NOW,
// THEREFORE,") and the text after them; the lead ends before the first
// word with a small letter.
func capsLead(s string) (lead string, rest string, n int) {
	fields := strings.Fields(s)
	long := false // a lead needs one word of two letters or more
	for i, f := range fields {
		letters := 0
		lower := false
		for _, r := range f {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsLower(r) {
					lower = true
				}
			}
		}
		if lower || letters == 0 {
			if i == 0 || !long {
				return "", s, 0
			}
			idx := indexOfField(s, i)
			return strings.TrimSpace(s[:idx]), strings.TrimSpace(s[idx:]), i
		}
		long = long || letters >= 2
	}
	if !long {
		return "", s, 0
	}
	return s, "", len(fields)
}

// tailLead returns where the lead that closes s starts: the words in
// capitals (at most four) that end it, else its last word.
func tailLead(s string) int {
	fields := strings.Fields(s)
	k := 0
	for k < len(fields) && k < 4 {
		f := fields[len(fields)-1-k]
		if strings.ToUpper(f) != f || strings.ToLower(f) == f {
			break
		}
		k++
	}
	if k == 0 {
		k = 1
	}
	return indexOfField(s, len(fields)-k)
}

// indexOfField is the byte offset of the i-th field of s.
func indexOfField(s string, i int) int {
	n := -1
	inField := false
	for off, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			n++
			if n == i {
				return off
			}
		}
	}
	return len(s)
}

// foreignLabel is an item number in letters other than Latin ("а)", "б.").
var foreignLabel = lazyre.New(`^\(?[\p{Cyrillic}]{1,2}[.)]\s`)

func isSectionLabel(l label) bool {
	if len(l.parts) > 0 || l.insert != "" || l.before == "(" {
		return false
	}
	f, _ := l.numberFormat(false)
	return f == "{n}" || f == "{n:I}" && l.before != ""
}

func (in *inferrer) run(paras []*Para) {
	for _, p := range paras {
		in.report.Unplaced = append(in.report.Unplaced, p.Left...)
	}
	// The body starts at the first numbered heading.
	body := -1
	for i, p := range paras {
		if p.Table != 0 {
			continue
		}
		if lab, rest, ok, _ := labelOf(p); ok && isSectionLabel(lab) && headingLike(plainText(rest)) {
			body = i
			break
		}
	}
	if body < 0 {
		return
	}
	var pre []*Para
	for _, p := range paras[:body] {
		if p.Table == 0 {
			pre = append(pre, p)
		}
	}
	in.preamble(pre)
	in.frontTables(paras[:body])
	after := in.body(paras[body:])
	in.signature(after)
	in.footnotes()
}

// footnotes reports the footnotes read, in every text of the document.
func (in *inferrer) footnotes() {
	n := 0
	in.doc.Texts(func(t model.Text) {
		if loc := t[in.tag]; loc != nil {
			n += len(model.Footnotes(loc.Runs))
		}
	})
	if n > 0 {
		in.report.recognised("%s", count(n, "footnote"))
	}
}

// preamble splits the paragraphs before the first section into title,
// parties, recitals and transition.
func (in *inferrer) preamble(ps []*Para) {
	if len(ps) > 0 {
		if draft, err := in.l.Word("draft"); err == nil && strings.EqualFold(strings.Trim(ps[0].Text(), "* "), draft) {
			in.report.recognised("the draft marking %q (chancery prints it for status: draft)", ps[0].Text())
			ps = ps[1:]
		}
	}
	i := 0
	// The title block: the lines before the first long paragraph (the
	// parties' introduction), a paragraph in small letters or a recital.
	for i < len(ps) && titleLine(ps[i].Text()) {
		in.doc.Title = append(in.doc.Title, in.text(ps[i].Spans))
		i++
	}
	if len(in.doc.Title) > 0 {
		in.report.recognised("%s", count(len(in.doc.Title), "title line"))
	}
	rest := ps[i:]
	// The transition: the last paragraph, when it ends with a colon.
	if n := len(rest); n > 0 && strings.HasSuffix(strings.TrimSpace(rest[n-1].Text()), ":") {
		in.doc.Transition = in.text(rest[n-1].Spans)
		in.report.recognised("the transition %q", firstWords(rest[n-1].Text(), 4))
		rest = rest[:n-1]
	}
	// Recitals start at the first paragraph with a lead in capitals, or
	// after the parties' closing line ("hereinafter referred to as ...")
	// when they are written in small letters ("desiring to ...").
	firstRecital := len(rest)
	for j, p := range rest {
		if isRecital(p.Text()) {
			firstRecital = j
			break
		}
	}
	for j, p := range rest[:firstRecital] {
		if j > 0 && startsLower(p.Text()) && len(words(p.Text())) > 2 {
			firstRecital = j + 1
			break
		}
	}
	in.parties(rest[:firstRecital])
	// "NAME / and / NAME," with the first name unpunctuated reads as the
	// end of the title block: when the parties block has one party, the
	// title's last two lines are the first party and the joiner.
	if n := len(in.doc.Title); len(in.doc.Parties) == 1 && n >= 3 && isJoiner(ps[n-1].Text()) {
		first := in.party(ps[n-2])
		in.doc.Parties = append([]*model.Party{first}, in.doc.Parties...)
		in.doc.PartiesJoiner = in.text(ps[n-1].Spans)
		in.doc.Title = in.doc.Title[:n-2]
		for i, r := range in.report.Recognised {
			switch {
			case strings.HasSuffix(r, " title lines"):
				in.report.Recognised[i] = fmt.Sprintf("%d title lines", len(in.doc.Title))
			case strings.HasSuffix(r, " parties"):
				in.report.Recognised[i] = "2 parties"
			}
		}
		in.report.Notes = append(in.report.Notes, Note{Where: ps[n-2].Where, What: firstWords(ps[n-2].Text(), 5), Why: "taken as the first party, after the title"})
	}
	// A lead is the capitals before the first small word, cut back to a
	// lead another recital has alone ("WHEREAS NORDAVIA chairs" leads with
	// WHEREAS).
	leads := map[string]bool{}
	for _, p := range rest[firstRecital:] {
		if lead, _, n := capsLead(p.Text()); n >= 1 && n <= 4 {
			leads[lead] = true
		}
	}
	for _, p := range rest[firstRecital:] {
		text := p.Text()
		if in.l.RecitalLead() == lang.Last {
			// The language closes a recital with its lead ("…
			// ұстанатынын ЕСКЕРЕ ОТЫРЫП,"): the words in capitals that end
			// it, or its last word.
			at := tailLead(text)
			in.doc.Recitals = append(in.doc.Recitals, &model.Recital{
				Lead: in.text([]Span{{Text: strings.TrimSpace(text[at:])}}),
				Text: in.text(cutEnd(p.Spans, at)),
			})
			continue
		}
		lead, body, n := capsLead(text)
		for k := 1; k < n; k++ {
			short := strings.TrimSpace(text[:indexOfField(text, k)])
			if leads[short] {
				lead, body, n = short, strings.TrimSpace(text[indexOfField(text, k):]), k
				break
			}
		}
		r := &model.Recital{}
		if n > 0 && n <= 4 {
			r.Lead = in.text([]Span{{Text: lead}})
			r.Text = in.text(cut(p.Spans, len(text)-len(body)))
		} else {
			// A recital in small letters leads with its first word
			// ("desiring", "recognizing").
			first := strings.Fields(text)[0]
			r.Lead = in.text([]Span{{Text: first}})
			r.Text = in.text(cut(p.Spans, len(first)))
		}
		in.doc.Recitals = append(in.doc.Recitals, r)
	}
	if len(in.doc.Recitals) > 0 {
		in.report.recognised("%d recitals", len(in.doc.Recitals))
	}
}

// titleLine reports whether s reads as a line of a title block: short,
// without the closing punctuation of a party's or a recital's paragraph.
func titleLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(words(s)) >= 20 || isRecital(s) {
		return false
	}
	return !strings.ContainsRune(";,.:", []rune(s)[len([]rune(s))-1])
}

// isRecital reports whether s opens with a short lead in capitals followed
// by words in small letters ("WHEREAS the ...", "NOW, THEREFORE, the").
func isRecital(s string) bool {
	_, rest, n := capsLead(s)
	return n >= 1 && n <= 4 && startsLower(rest)
}

func firstWords(s string, n int) string {
	w := words(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " …"
}

// parties reads the parties block: an introduction ("... ENTERED INTO
// BETWEEN"), the parties' paragraphs separated by a joiner ("and"), and a
// closing line that starts with a small letter ("hereinafter ...").
func (in *inferrer) parties(ps []*Para) {
	if len(ps) == 0 {
		return
	}
	if n := len(ps); n > 1 && startsLower(ps[n-1].Text()) {
		in.doc.PartiesOutro = in.text(ps[n-1].Spans)
		ps = ps[:n-1]
	}
	for k, p := range ps {
		text := p.Text()
		if isJoiner(text) || len(words(text)) == 1 && k > 0 {
			in.doc.PartiesJoiner = in.text(p.Spans)
			continue
		}
		if len(in.doc.Parties) == 0 && in.doc.PartiesIntro == nil {
			if at := introEnd(text); at > 0 {
				in.doc.PartiesIntro = in.text(cutEnd(p.Spans, at))
				text = strings.TrimSpace(text[at:])
				if text == "" {
					continue
				}
				p = &Para{Where: p.Where, Spans: cut(p.Spans, at)}
			}
		}
		in.doc.Parties = append(in.doc.Parties, in.party(p))
	}
	if len(in.doc.Parties) > 0 {
		in.report.recognised("%d parties", len(in.doc.Parties))
	}
}

// introEnd finds the end of an introduction that names the parties after
// it: the word "between" (in capitals or not) in the language of the
// draft, or a colon.
func introEnd(s string) int {
	for _, w := range []string{"BETWEEN", "between", "МЕЖДУ", "между"} {
		if i := strings.Index(s, " "+w+" "); i >= 0 && len(words(s[:i])) >= 2 {
			return i + len(w) + 1
		}
		if strings.HasSuffix(s, " "+w) {
			return len(s)
		}
	}
	if strings.HasSuffix(strings.TrimSpace(s), ":") {
		return len(s)
	}
	return 0
}

func cutEnd(spans []Span, n int) []Span {
	var out []Span
	for _, s := range spans {
		if n <= 0 {
			break
		}
		if len(s.Text) > n {
			s.Text = s.Text[:n]
		}
		n -= len(s.Text)
		out = append(out, s)
	}
	p := &Para{Spans: out}
	trimSpans(p)
	return p.Spans
}

// isJoiner reports whether s is the short word between two parties
// ("and", "и", "мен").
func isJoiner(s string) bool {
	return len(words(s)) <= 2 && startsLower(s)
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func (in *inferrer) party(p *Para) *model.Party {
	text := p.Text()
	name := text
	if i := strings.IndexAny(name, "(,;"); i > 0 {
		name = name[:i]
	}
	name = strings.TrimSpace(name)
	short := quotedName(text)
	if short == "" {
		short = name
	}
	return &model.Party{
		Pos:         diag.Pos{File: p.Where},
		ID:          slug(short, 3),
		Name:        in.text([]Span{{Text: name}}),
		Description: in.text(p.Spans),
	}
}

// quoted returns the first name in quotation marks (“the Commission”, «Стороны»).
func quotedName(s string) string {
	for _, q := range [][2]string{{"“", "”"}, {"«", "»"}, {"\"", "\""}} {
		if i := strings.Index(s, q[0]); i >= 0 {
			rest := s[i+len(q[0]):]
			if j := strings.Index(rest, q[1]); j > 0 {
				return rest[:j]
			}
		}
	}
	return ""
}

// body reads the sections and their units; it returns the paragraphs that
// follow the closing.
func (in *inferrer) body(ps []*Para) []*Para {
	in.groups = map[*model.Unit]*group{}
	var section *model.Unit
	var last *model.Unit
	bl := &bulletList{}
	defer in.settleBullets(bl)
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if p.Table != 0 {
			if end := in.tableInBody(ps, i); end > i {
				i = end - 1
				continue
			}
			return ps[i:]
		}
		if p.Bullet && section != nil {
			if _, _, typed := parseLabel(p.Text(), true); !typed {
				last = bl.add(p, in.text(p.Spans))
				in.where[last] = p.Where
				continue
			}
			p = &Para{Where: p.Where, Spans: p.Spans, Bookmarks: p.Bookmarks}
		}
		text := p.Text()
		lab, rest, ok, word := labelOf(p)
		if p.Label != "" && !ok {
			in.report.Unplaced = append(in.report.Unplaced, Note{Where: p.Where, What: p.Label, Why: "a number Word prints that chancery cannot read; the paragraph is kept unnumbered"})
		}
		switch {
		case ok && isSectionLabel(lab) && headingLike(plainText(rest)):
			section = &model.Unit{Depth: 0, Numbered: true, Heading: in.text(rest)}
			in.doc.Sections = append(in.doc.Sections, section)
			in.note(section, p, lab)
			in.expect(nil, section, lab, p)
			last = section
			bl.follow(section)
		case section == nil:
			// not reached: the body starts with a section
		case !ok:
			if lead, _, n := capsLead(text); n >= 2 && len(words(lead)) >= 2 {
				in.doc.Closing = in.text(p.Spans)
				in.report.recognised("the closing %q", firstWords(text, 4))
				return ps[i+1:]
			}
			if last != nil && last.Depth > 0 && continues(model.PlainText(last.Text[in.tag].Runs), text) {
				loc := last.Text[in.tag]
				loc.Runs = append(loc.Runs, &model.Plain{Text: " "})
				loc.Runs = append(loc.Runs, in.text(p.Spans)[in.tag].Runs...)
				in.report.Notes = append(in.report.Notes, Note{Where: p.Where, What: firstWords(text, 5), Why: "joined to the paragraph before it, whose sentence it continues"})
				continue
			}
			if m := foreignLabel().FindString(text); m != "" {
				in.report.Unplaced = append(in.report.Unplaced, Note{Where: p.Where, What: strings.TrimSpace(m), Why: "a number in letters chancery does not count with; kept as the text of an unnumbered paragraph"})
			}
			u := &model.Unit{Depth: 1, Numbered: false, Text: in.text(p.Spans), Parent: section}
			section.Children = append(section.Children, u)
			in.where[u] = p.Where
			last = u
			bl.follow(u)
		default:
			_ = word
			u := in.place(section, lab, p, rest)
			if u != nil {
				last = u
				bl.follow(u)
			}
		}
	}
	return nil
}

func (in *inferrer) note(u *model.Unit, p *Para, lab label) {
	in.labels[u] = lab
	in.where[u] = p.Where
	u.Pos = diag.Pos{File: p.Where}
}

// place puts a numbered paragraph or item into the tree.
func (in *inferrer) place(section *model.Unit, lab label, p *Para, rest []Span) *model.Unit {
	u := &model.Unit{Numbered: true, Text: in.text(rest), Insert: lab.insert, Inserted: lab.insert != ""}
	var parent *model.Unit
	if len(lab.parts) > 0 {
		// 2.1 is a paragraph of section 2; 2.1.3 an item of 2.1.
		depth := len(lab.parts) - 1
		parent = section
		for d := 1; d < depth; d++ {
			if len(parent.Children) == 0 || lastChild(parent).Bullet {
				break
			}
			parent = lastChild(parent)
		}
		if n := len(in.doc.Sections); lab.parts[0] != fmt.Sprint(n) {
			in.report.Unplaced = append(in.report.Unplaced, Note{Where: p.Where, What: lab.raw, Why: fmt.Sprintf("numbered as if in section %s but it follows section %d; kept in section %d", lab.parts[0], n, n)})
		}
	} else {
		parent = in.parentFor(section, lab)
	}
	u.Depth = parent.Depth + 1
	u.Parent = parent
	parent.Children = append(parent.Children, u)
	in.note(u, p, lab)
	in.expect(parent, u, lab, p)
	return u
}

// parentFor finds where an item label belongs: among the open lists from
// the deepest up, the one whose children are written alike; else a new
// list under the deepest open unit.
func (in *inferrer) parentFor(section *model.Unit, lab label) *model.Unit {
	var chain []*model.Unit
	for u := section; u != nil; {
		chain = append(chain, u)
		if len(u.Children) == 0 || lastChild(u).Bullet {
			break
		}
		u = lastChild(u)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		g := in.groups[chain[i]]
		if g == nil {
			continue
		}
		f, _ := lab.numberFormat(g.romanFirst)
		if f == g.format && (lab.insert != "" || lab.before == g.before && lab.after == g.after) {
			return chain[i]
		}
	}
	deepest := chain[len(chain)-1]
	if !deepest.Numbered && deepest.Depth > 0 && deepest.Parent != nil {
		deepest = deepest.Parent
	}
	return deepest
}

// lastChild is the unit's last child; it has one.
func lastChild(u *model.Unit) *model.Unit { return u.Children[len(u.Children)-1] }

// expect records the child's form in its parent's list and reports a
// number that does not follow the one before it.
func (in *inferrer) expect(parent, u *model.Unit, lab label, p *Para) {
	g := in.groups[parent] // parent nil: the sections
	if g == nil || g.format == "" {
		if g == nil {
			g = &group{}
			in.groups[parent] = g
		}
		g.romanFirst = strings.EqualFold(lab.token, "i")
		g.format, _ = lab.numberFormat(g.romanFirst)
		g.before, g.after = lab.before, lab.after
		if len(lab.parts) > 0 {
			g.format = "{up}.{n}"
		}
	}
	_, n := lab.numberFormat(g.romanFirst)
	if lab.insert != "" {
		if n != g.count {
			in.report.Unplaced = append(in.report.Unplaced, Note{Where: p.Where, What: lab.raw + " " + lab.insert, Why: fmt.Sprintf("an insert after %d, but the unit before it is number %d", n, g.count)})
		}
		in.report.recognised("insert %s", lab.raw)
		return
	}
	g.count++
	if n != g.count {
		in.report.Unplaced = append(in.report.Unplaced, Note{Where: p.Where, What: lab.raw, Why: fmt.Sprintf("numbered %d where %d was expected; chancery numbers it %d", n, g.count, g.count)})
	}
}

// GuessLanguage tells English, Russian and Kazakh apart by their letters.
func GuessLanguage(paras []*Para) string {
	latin, cyr, kk := 0, 0, 0
	for _, p := range paras {
		for _, r := range p.Text() {
			switch {
			case strings.ContainsRune("әғқңөұүһіӘҒҚҢӨҰҮҺІ", r):
				kk++
				cyr++
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
			case unicode.Is(unicode.Latin, r):
				latin++
			}
		}
	}
	switch {
	case cyr > latin && kk*50 > cyr:
		return "kk"
	case cyr > latin:
		return "ru"
	}
	return "en"
}
