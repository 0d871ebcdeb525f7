package pdf

import (
	"errors"
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/model"
	house "github.com/chancery-dev/chancery/internal/style"
)

// A note is laid out as its form (model.NoteEdition.Form, from the style)
// places its blocks: the flowing blocks down the pages, from the first
// page's top room on; the foot blocks stacked at the bottom of the first
// page, the flow ending above them; page numbers where the form asks for
// them. Lines blocks (a letterhead, a number, an address) keep together;
// paragraphs (the body, an annex) break between pages by the form's
// orphan and widow counts, justified paragraphs first fit as a word
// processor does. Nothing here is a note's layout: every length comes
// from the form.

// NoteLayout says how WriteNote laid a note out.
type NoteLayout struct {
	Pages int // pages of the file
	// Breaks gives, for each edition, where it goes on to a new page, in
	// reading order; the first page carries the foot (the text copy
	// follows them: lower.Options.PageBreaks).
	Breaks [][]model.NoteBreak
}

// WriteNote renders note editions as a PDF: one edition, or several (a
// multilingual copy), each starting on a new page with its own first-page
// blocks and foot. opt.Lang is the language of the file's metadata.
// Nothing is written to w unless the whole note could be rendered.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) (NoteLayout, error) {
	r, laid, err := layoutNote(eds, opt)
	if err != nil {
		return NoteLayout{}, err
	}
	for _, ed := range laid {
		r.paintNote(ed)
	}
	r.noteMetadata(eds[0], opt.Time)
	if r.err != nil {
		return NoteLayout{}, r.err
	}
	if err := r.output(w); err != nil {
		return NoteLayout{}, err
	}
	return r.noteLayout(laid), nil
}

// LayoutNote lays note editions out as WriteNote would and says where
// their pages break, without making a PDF: what the text and DOCX copies
// of a note need when no PDF of it is asked for.
func LayoutNote(eds []*model.NoteEdition, opt Options) (NoteLayout, error) {
	r, laid, err := layoutNote(eds, opt)
	if err != nil {
		return NoteLayout{}, err
	}
	return r.noteLayout(laid), nil
}

// notePage is the page geometry of a form.
type notePage struct {
	left, width       float64 // text column
	top, bottom       float64 // text area, from the top edge
	firstTop          float64 // where the flow starts on page 1
	orphans, widows   int
	pageNumbers       *house.PageNumbers
	marginTop, height float64
}

// laidEdition is an edition broken into pages, with the foot of its first
// page.
type laidEdition struct {
	pg     notePage
	pages  []page
	foot   block
	breaks []model.NoteBreak
}

func layoutNote(eds []*model.NoteEdition, opt Options) (*renderer, []laidEdition, error) {
	if opt.Lang == nil {
		return nil, nil, errors.New("pdf: no language")
	}
	if len(eds) == 0 {
		return nil, nil, errors.New("pdf: no note edition to write")
	}
	r, err := newRenderer(nil, opt.Lang, opt.Style)
	if err != nil {
		return nil, nil, err
	}
	r.pdfa = opt.PDFA
	r.compressors = opt.Compressors
	laid := make([]laidEdition, len(eds))
	for i, ed := range eds {
		if ed == nil {
			return nil, nil, errors.New("pdf: nil note edition")
		}
		pg := r.notePageOf(ed, opt.Style)
		foot := r.noteFoot(ed, pg)
		pages, breaks := paginateNote(r.noteFlow(ed, pg), foot.height()+foot.before, pg)
		laid[i] = laidEdition{pg: pg, pages: pages, foot: foot, breaks: breaks}
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	return r, laid, nil
}

// notePageOf is the page of ed's form (the default form of st when the
// edition names none).
func (r *renderer) notePageOf(ed *model.NoteEdition, st *house.Style) notePage {
	form := ed.Form
	if form == nil {
		if st == nil {
			st = house.Builtin()
		}
		form = house.DefaultForm(st, "")
	}
	pg := notePage{
		left: form.MarginLeft, width: r.g.pageWidth - form.MarginLeft - form.MarginRight,
		top: form.MarginTop, bottom: r.g.pageHeight - form.MarginBottom,
		orphans: form.Orphans, widows: form.Widows, pageNumbers: form.PageNumbers,
		marginTop: form.MarginTop, height: r.g.pageHeight,
	}
	pg.firstTop = pg.top + form.FirstPageTop
	return pg
}

func (r *renderer) noteLayout(laid []laidEdition) NoteLayout {
	var layout NoteLayout
	for _, ed := range laid {
		layout.Breaks = append(layout.Breaks, ed.breaks)
		layout.Pages += len(ed.pages)
	}
	return layout
}

// flowBlock is a block of an edition's flow: at gives, for each box, the
// place in the edition it starts (see model.NoteBreak); newPage starts it
// on a new page.
type flowBlock struct {
	block
	at      []model.NoteBreak
	newPage bool
}

// setting is how a block of a form sets its text.
type setting struct {
	st          style
	al          align
	size, lead  float64
	x, width    float64
	indent      float64
	blockLayout *house.Block
}

func (r *renderer) settingOf(b *house.Block, pg notePage) setting {
	if b == nil {
		b = &house.Block{Face: "regular", Align: "left"}
	}
	s := setting{size: r.g.bodySize, lead: r.g.leading, indent: b.Indent, blockLayout: b}
	if b.Size > 0 {
		s.size = b.Size
		s.lead = r.g.leading * b.Size / r.g.bodySize
	}
	if b.Leading > 0 {
		s.lead = b.Leading
	}
	switch b.Face {
	case "bold":
		s.st = bold
	case "italic":
		s.st = italic
	case "bolditalic":
		s.st = bold | italic
	}
	switch b.Align {
	case "center":
		s.al = center
	case "right":
		s.al = right
	case "justify":
		s.al = justify
	default:
		s.al = left
	}
	x, w := b.Column(pg.width)
	s.x, s.width = pg.left+x, w
	return s
}

// wordsOf splits a note line into measured words in size.
func (r *renderer) wordsOf(line model.NoteLine, st style, size float64) []word {
	b := wordBuilder{m: r.m, size: size}
	b.add(flatten(line, st)...)
	return b.done()
}

// setLines sets each line of a lines block (wrapping a line too long for
// the column), returning the boxes and, for each, where it starts.
func (r *renderer) setLines(lines []model.NoteLine, s setting, bi, first int) ([]box, []model.NoteBreak) {
	var boxes []box
	var at []model.NoteBreak
	for i, line := range lines {
		words := r.wordsOf(line, s.st, s.size)
		if len(words) > 0 && s.indent > 0 {
			words[0].frags = append([]frag{{w: s.indent}}, words[0].frags...)
			words[0].width += s.indent
		}
		set := setParagraph(words, s.width, s.al)
		offs := lineOffsets(line.String(), set)
		boxes = append(boxes, lineBoxes(set, s.x, s.lead, s.size)...)
		for k := range set {
			at = append(at, model.NoteBreak{Block: bi, Para: first + i, Offset: offs[k]})
		}
		if len(set) > 0 {
			at[len(at)-len(set)].Offset = 0
		}
	}
	return boxes, at
}

// setPara sets one paragraph: its first line indented, justified lines
// filled first fit as a word processor does.
func (r *renderer) setPara(p model.NoteLine, s setting) ([]box, []int) {
	words := r.wordsOf(p, s.st, s.size)
	if len(words) > 0 && s.indent > 0 {
		// The indent is blank space at the head of the first word.
		words[0].frags = append([]frag{{w: s.indent}}, words[0].frags...)
		words[0].width += s.indent
	}
	var set []setLine
	if s.al == justify {
		set = fillParagraph(words, s.width)
	} else {
		set = setParagraph(words, s.width, s.al)
	}
	return lineBoxes(set, s.x, s.lead, s.size), lineOffsets(p.String(), set)
}

// noteFlow lays out an edition's flowing blocks.
func (r *renderer) noteFlow(ed *model.NoteEdition, pg notePage) []flowBlock {
	var flow []flowBlock
	for _, bi := range ed.Flow() {
		nb := &ed.Blocks[bi]
		lay := nb.Layout
		if lay == nil {
			lay = &house.Block{Kind: nb.Kind, Face: "regular", Align: "left"}
		}
		s := r.settingOf(lay, pg)
		start := len(flow)
		switch {
		case nb.Kind == house.BlockMasthead:
			flow = append(flow, r.masthead(nb, s, bi, pg))
		case nb.Kind == house.BlockAnnex:
			hs := s
			if lay.Heading != nil {
				hs = r.settingOf(lay.Heading, pg)
			}
			fb := flowBlock{block: block{keepTogether: true, keepWithNext: true}, newPage: true}
			fb.boxes, fb.at = r.setLines(nb.Lines, hs, bi, 0)
			if lay.Heading != nil {
				fb.after = lay.Heading.After
			}
			if len(fb.boxes) == 0 {
				fb.at = []model.NoteBreak{{Block: bi}}
			}
			flow = append(flow, fb)
		default:
			fb := flowBlock{block: block{keepTogether: true}}
			if nb.Image != nil {
				fb.boxes = append(fb.boxes, imageBox(nb.Image, s, lay.Gap))
				fb.at = append(fb.at, model.NoteBreak{Block: bi})
			}
			boxes, at := r.setLines(nb.Lines, s, bi, 0)
			fb.boxes, fb.at = append(fb.boxes, boxes...), append(fb.at, at...)
			if len(fb.boxes) > 0 {
				flow = append(flow, fb)
			}
		}
		for k, p := range nb.Paras {
			boxes, offs := r.setPara(p, s)
			fb := flowBlock{block: block{boxes: boxes, after: lay.Gap}}
			for _, off := range offs {
				fb.at = append(fb.at, model.NoteBreak{Block: bi, Para: len(nb.Lines) + k, Offset: off})
			}
			if len(fb.at) > 0 {
				fb.at[0].Offset = 0
			}
			flow = append(flow, fb)
		}
		if len(flow) > start {
			flow[start].before = max(flow[start].before, lay.Before)
			flow[len(flow)-1].after = lay.After
		}
	}
	return flow
}

// imageBox is a box holding a picture, placed in the block's column by
// its alignment, gap below it.
func imageBox(im *house.Image, s setting, gap float64) box {
	x := s.x
	switch s.al {
	case center, justify:
		x += (s.width - im.Width) / 2
	case right:
		x += s.width - im.Width
	}
	return box{h: im.Height + gap, ops: []op{{img: im, x: x, y: 0, x2: x + im.Width, y2: im.Height}}}
}

// masthead sets a masthead's two columns side by side, row by row, and
// the rule under them.
func (r *renderer) masthead(nb *model.NoteBlock, s setting, bi int, pg notePage) flowBlock {
	split := nb.Layout.Split
	ls, rs := s, s
	ls.width = split - s.x + pg.left - columnGutter/2
	ls.al, rs.al = left, left
	if s.al == right {
		rs.al = right
	}
	rs.x, rs.width = pg.left+split, pg.width-split
	lb, _ := r.setLines(nb.Lines, ls, bi, 0)
	rb, _ := r.setLines(nb.Right, rs, bi, 0)
	fb := flowBlock{block: block{keepTogether: true}}
	for i := 0; i < max(len(lb), len(rb)); i++ {
		var bx box
		if i < len(lb) {
			bx.h = lb[i].h
			bx.ops = append(bx.ops, lb[i].ops...)
		}
		if i < len(rb) {
			bx.h = max(bx.h, rb[i].h)
			bx.ops = append(bx.ops, rb[i].ops...)
		}
		fb.boxes = append(fb.boxes, bx)
		fb.at = append(fb.at, model.NoteBreak{Block: bi})
	}
	if t := nb.Layout.Rule; t > 0 {
		// The rule sits half a line under the last row.
		y := s.lead / 2
		fb.boxes = append(fb.boxes, box{h: y + t, ops: []op{{rule: true, lw: t, x: pg.left, y: y, x2: pg.left + pg.width, y2: y}}})
		fb.at = append(fb.at, model.NoteBreak{Block: bi})
	}
	return fb
}

// fillParagraph breaks a paragraph as a word processor does (firstFit),
// justified.
func fillParagraph(words []word, width float64) []setLine {
	return firstFit(words, width, justify)
}

// lineOffsets returns the byte offset in s where each line's first word
// starts: words are the runs between breakable spaces, as wordBuilder
// makes them.
func lineOffsets(s string, lines []setLine) []int {
	var starts []int
	in := false
	for i, c := range s {
		if breakable(c) {
			in = false
		} else if !in {
			in = true
			starts = append(starts, i)
		}
	}
	offsets := make([]int, len(lines))
	k := 0
	for i, ln := range lines {
		if k < len(starts) {
			offsets[i] = starts[k]
		}
		k += len(ln.words)
	}
	return offsets
}

// noteFoot is the foot of an edition's first page: its foot blocks
// stacked, the larger of two neighbours' spaces between them; before is
// the first one's space above, kept between the flow and the foot.
func (r *renderer) noteFoot(ed *model.NoteEdition, pg notePage) block {
	var foot block
	after := 0.0
	for i, nb := range ed.Feet() {
		s := r.settingOf(nb.Layout, pg)
		boxes, _ := r.setLines(nb.Lines, s, 0, 0) // the foot is never broken
		for _, p := range nb.Paras {
			pb, _ := r.setPara(p, s)
			boxes = append(boxes, pb...)
		}
		if len(boxes) == 0 {
			continue
		}
		if i == 0 || len(foot.boxes) == 0 {
			foot.before = nb.Layout.Before
		} else {
			foot.boxes[len(foot.boxes)-1].h += max(after, nb.Layout.Before)
		}
		foot.boxes = append(foot.boxes, boxes...)
		after = nb.Layout.After
	}
	return foot
}

// paintNote draws an edition's pages, the foot at the bottom of the first
// and the page numbers its form asks for.
func (r *renderer) paintNote(ed laidEdition) {
	for i, pg := range ed.pages {
		r.f.AddPage()
		for _, pl := range pg {
			r.drawBox(pl.b, pl.y)
		}
		if i == 0 {
			y := ed.pg.bottom - ed.foot.height()
			for k := range ed.foot.boxes {
				r.drawBox(&ed.foot.boxes[k], y)
				y += ed.foot.boxes[k].h
			}
		}
		r.notePageNumber(ed.pg, i+1, len(ed.pages))
	}
}

func (r *renderer) drawBox(b *box, y float64) {
	for _, o := range b.ops {
		if o.s == "" && !o.rule && o.img == nil {
			continue // an indent
		}
		o.y += y
		o.y2 += y
		r.draw(o)
	}
}

// noteMetadata sets the title (the number line, or the title), the
// language and the settings that make the output reproducible.
func (r *renderer) noteMetadata(ed *model.NoteEdition, t time.Time) {
	r.fileInfo(ed.Title, ed.Author, ed.Subject, t)
}
