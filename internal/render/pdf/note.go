package pdf

import (
	"errors"
	house "github.com/chancery-dev/chancery/internal/style"
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/model"
)

// Note layout, after the CICA Secretariat's notes verbales: the letterhead
// bold and centred, the number under it, paragraphs justified with a
// first-line indent at one and a half line spacing, broken into lines as a
// word processor does; the place and date; and at the foot of the first
// page the enclosure line in italic and the addressee block in bold, in a
// narrow column. A wider left margin leaves room for binding, and the top
// of the first page room for the emblem printed on letterhead paper.
const (
	emblemRoom     = 28.0
	noteLeft       = 30.0
	noteRight      = 15.0
	noteWidth      = pageWidth - noteLeft - noteRight
	noteLeading    = 1.5 * leading // body lines
	noteIndent     = 12.5          // first-line indent of a paragraph
	noteParaGap    = 6 * pt        // between paragraphs
	letterheadGap  = 8 * pt        // between letterhead blocks
	numberGap      = 14 * pt       // above and below the number
	placeDateGap   = 18 * pt       // above the place and date
	footGap        = 12 * pt       // between the body and the foot, and within the foot
	addresseeWidth = 82.0          // column of the addressee block
	// A paragraph may leave a single line at the foot of a page (as the
	// CICA's notes do), but carries at least two over to the next.
	noteMinOrphans = 1
	noteMinWidows  = 2
)

// NoteLayout says how WriteNote laid a note out.
type NoteLayout struct {
	Pages int // pages of the file
	// Breaks gives, for each edition, where it goes on to a new page (see
	// model.NoteEdition.PageBreaks).
	Breaks [][]model.NoteBreak
}

// WriteNote renders note editions as a PDF: one edition, or several (a
// multilingual copy), each starting on a new page with its own letterhead,
// number and first-page foot. opt.Lang is the language of the file's
// metadata. Nothing is written to w unless the whole note could be
// rendered.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) (NoteLayout, error) {
	r, laid, err := layoutNote(eds, opt)
	if err != nil {
		return NoteLayout{}, err
	}
	for _, ed := range laid {
		r.paintNote(ed.pages, ed.foot)
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

// laidEdition is an edition broken into pages, with the foot of its first
// page.
type laidEdition struct {
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
	laid := make([]laidEdition, len(eds))
	for i, ed := range eds {
		foot := r.noteFoot(ed)
		pages, breaks := paginateNote(r.noteFlow(ed), foot.height())
		laid[i] = laidEdition{pages: pages, foot: foot, breaks: breaks}
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	return r, laid, nil
}

func (r *renderer) noteLayout(laid []laidEdition) NoteLayout {
	var layout NoteLayout
	for _, ed := range laid {
		layout.Breaks = append(layout.Breaks, ed.breaks)
		layout.Pages += len(ed.pages)
	}
	return layout
}

// flowBlock is a block of an edition's flow. para is the index of the
// paragraph it sets (len(Paragraphs) for the place and date, -1 for the
// letterhead and number); offsets are the byte offsets in the paragraph
// where each of its lines starts.
type flowBlock struct {
	block
	para    int
	offsets []int
}

// noteFlow lays out an edition's flowing text: letterhead, number,
// paragraphs, place and date.
func (r *renderer) noteFlow(ed *model.NoteEdition) []flowBlock {
	var flow []flowBlock
	for i, lh := range ed.Letterhead {
		b := block{keepTogether: true, after: letterheadGap}
		if i == len(ed.Letterhead)-1 {
			b.after = numberGap
		}
		for _, line := range lh.Lines {
			b.boxes = append(b.boxes, lineBoxes(setParagraph(r.words(styled{s: line, st: bold}), noteWidth, center), noteLeft, leading, bodySize)...)
		}
		flow = append(flow, flowBlock{block: b, para: -1})
	}
	number := flowBlock{block: r.noteLines(ed.Number, regular, leading), para: -1}
	number.before, number.after, number.keepTogether = numberGap, numberGap, true
	flow = append(flow, number)
	for i, p := range ed.Paragraphs {
		words := r.words(styled{s: p, st: regular})
		if len(words) > 0 {
			// The indent is blank space at the head of the first word.
			words[0].frags = append([]frag{{w: noteIndent}}, words[0].frags...)
			words[0].width += noteIndent
		}
		lines := fillParagraph(words, noteWidth)
		flow = append(flow, flowBlock{
			block:   block{boxes: lineBoxes(lines, noteLeft, noteLeading, bodySize), after: noteParaGap},
			para:    i,
			offsets: lineOffsets(p, lines),
		})
	}
	placeDate := flowBlock{block: r.noteLines(ed.PlaceDate, regular, noteLeading), para: len(ed.Paragraphs)}
	placeDate.before, placeDate.keepTogether = placeDateGap, true
	return append(flow, placeDate)
}

// noteLines sets one string flush left, full width.
func (r *renderer) noteLines(s string, st style, lead float64) block {
	return block{boxes: lineBoxes(setParagraph(r.words(styled{s: s, st: st}), noteWidth, left), noteLeft, lead, bodySize)}
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

// noteFoot is the foot of an edition's first page: the enclosure line,
// then the addressee block, its boxes placed from the top of the foot.
func (r *renderer) noteFoot(ed *model.NoteEdition) block {
	var foot block
	for _, line := range ed.Enclosure {
		foot.boxes = append(foot.boxes, lineBoxes(setParagraph(r.words(styled{s: line, st: italic}), noteWidth, left), noteLeft, leading, bodySize)...)
	}
	if len(foot.boxes) > 0 {
		foot.boxes[len(foot.boxes)-1].h += footGap
	}
	for _, line := range ed.Addressee {
		foot.boxes = append(foot.boxes, lineBoxes(setParagraph(r.words(styled{s: line, st: bold}), addresseeWidth, left), noteLeft, leading, bodySize)...)
	}
	return foot
}

// paintNote draws an edition's pages, the foot at the bottom of the first.
func (r *renderer) paintNote(pages []page, foot block) {
	for i, pg := range pages {
		r.f.AddPage()
		r.paintBandIn(house.KindNote, i+1, len(pages), "", noteLeft, noteWidth)
		for _, pl := range pg {
			r.drawBox(pl.b, pl.y)
		}
		if i == 0 {
			y := textBottom - foot.height()
			for k := range foot.boxes {
				r.drawBox(&foot.boxes[k], y)
				y += foot.boxes[k].h
			}
		}
	}
}

func (r *renderer) drawBox(b *box, y float64) {
	for _, o := range b.ops {
		if o.s == "" && !o.rule {
			continue // an indent
		}
		o.y += y
		o.y2 += y
		r.draw(o)
	}
}

// noteMetadata sets the title (the number line), the language and the
// settings that make the output reproducible.
func (r *renderer) noteMetadata(ed *model.NoteEdition, t time.Time) {
	r.fileInfo(ed.Number, ed.Author, ed.Subject, t)
}
