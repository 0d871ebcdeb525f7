package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/chancery-dev/chancery/internal/model"
)

// Note layout, after the CICA Secretariat's notes: the letterhead bold and
// centred, the number under it, paragraphs justified with a first-line
// indent at one and a half line spacing, place and date, and at the foot
// of the first page the enclosure line in italic and the addressee block
// in bold, in a narrow column.
var (
	noteLeft    = 30.0
	noteRight   = 15.0
	noteWidth   = pageWidth - noteLeft - noteRight
	noteLeading = 1.5 * leading
	noteTop     = 0.0
)

const (
	noteIndent       = 12.5          // first-line indent of a paragraph
	noteParaGap      = 6 * pt        // between paragraphs
	letterheadGap    = 8 * pt        // between letterhead blocks
	numberGap        = 14 * pt       // above and below the number
	placeDateGap     = 18 * pt       // above the place and date
	footGap          = 12 * pt       // between the body and the foot, and within the foot
	addresseeWidth   = 82.0          // column of the addressee block
	noteMinOrphans   = 3             // lines of a paragraph kept at a page foot
	noteMinWidows    = 3             // lines carried over to the next page
	noteSplitMinimum = noteMinOrphans + noteMinWidows
)

// NoteLayout says how WriteNote laid a note out.
type NoteLayout struct {
	Pages int // pages of the file
	// FootAfter gives, for each edition, how many of its paragraphs
	// start on its first page, which carries the enclosure line and the
	// addressee block at its foot; 0 when the whole edition fits on the
	// first page (see model.NoteEdition.FootAfter).
	FootAfter []int
}

// WriteNote renders note editions as a PDF: one edition, or several (a
// multilingual copy), each starting on a new page with its own letterhead,
// number and first-page foot. opt.Lang is the language of the file's
// metadata. Nothing is written to w unless the whole note could be
// rendered.
func WriteNote(w io.Writer, eds []*model.NoteEdition, opt Options) (NoteLayout, error) {
	if opt.Lang == nil {
		return NoteLayout{}, errors.New("pdf: no language")
	}
	if len(eds) == 0 {
		return NoteLayout{}, errors.New("pdf: no note edition to write")
	}
	r, err := newRenderer(nil, opt.Lang)
	if err != nil {
		return NoteLayout{}, err
	}
	var layout NoteLayout
	for _, ed := range eds {
		body, paras := r.noteBody(ed)
		foot := r.noteFoot(ed)
		pages, first := paginateNote(body, foot.height())
		after := 0
		for i := 0; i < first; i++ {
			if paras[i] {
				after++
			}
		}
		if first == len(body) {
			after = 0
		}
		layout.FootAfter = append(layout.FootAfter, after)
		layout.Pages += len(pages)
		r.paintNote(pages, foot)
	}
	r.noteMetadata(eds[0], opt.Time)
	if r.err != nil {
		return NoteLayout{}, r.err
	}
	if err := r.f.Error(); err != nil {
		return NoteLayout{}, fmt.Errorf("pdf: %w", err)
	}
	if err := r.f.Output(w); err != nil {
		return NoteLayout{}, fmt.Errorf("pdf: %w", err)
	}
	return layout, nil
}

// noteBody lays out an edition's flowing text; paras marks the blocks that
// are paragraphs of ed.Paragraphs.
func (r *renderer) noteBody(ed *model.NoteEdition) (blocks []block, paras []bool) {
	add := func(b block, para bool) {
		blocks = append(blocks, b)
		paras = append(paras, para)
	}
	for i, lh := range ed.Letterhead {
		b := block{keepTogether: true, after: letterheadGap}
		if i == len(ed.Letterhead)-1 {
			b.after = numberGap
		}
		for _, line := range lh.Lines {
			b.boxes = append(b.boxes, lineBoxes(setParagraph(r.words(styled{line, bold}), noteWidth, center), noteLeft, leading, bodySize)...)
		}
		add(b, false)
	}
	number := r.plainBlock(ed.Number, regular, left, leading)
	number.before, number.after = numberGap, numberGap
	add(number, false)
	for _, p := range ed.Paragraphs {
		words := r.words(styled{p, regular})
		if len(words) > 0 {
			// The indent is blank space at the head of the first word, so
			// that the line breaker sees one word, not an unstretchable one.
			words[0].frags = append([]frag{{w: noteIndent}}, words[0].frags...)
			words[0].width += noteIndent
		}
		lines := setParagraph(words, noteWidth, justify)
		add(block{boxes: lineBoxes(lines, noteLeft, noteLeading, bodySize), after: noteParaGap}, true)
	}
	placeDate := r.plainBlock(ed.PlaceDate, regular, left, noteLeading)
	placeDate.before, placeDate.keepTogether = placeDateGap, true
	add(placeDate, false)
	return blocks, paras
}

// plainBlock sets one string full width.
func (r *renderer) plainBlock(s string, st style, al align, lead float64) block {
	return block{boxes: lineBoxes(setParagraph(r.words(styled{s, st}), noteWidth, al), noteLeft, lead, bodySize)}
}

// noteFoot is the foot of an edition's first page: the enclosure line,
// then the addressee block. Its boxes are placed from the top of the foot.
func (r *renderer) noteFoot(ed *model.NoteEdition) block {
	var foot block
	for _, line := range ed.Enclosure {
		foot.boxes = append(foot.boxes, lineBoxes(setParagraph(r.words(styled{line, italic}), noteWidth, left), noteLeft, leading, bodySize)...)
	}
	if len(foot.boxes) > 0 {
		foot.boxes[len(foot.boxes)-1].h += footGap
	}
	for _, line := range ed.Addressee {
		foot.boxes = append(foot.boxes, lineBoxes(setParagraph(r.words(styled{line, bold}), addresseeWidth, left), noteLeft, leading, bodySize)...)
	}
	return foot
}

// paginateNote places an edition's blocks on pages. The first page's text
// ends footH (and a gap) above the bottom margin, to leave room for the
// foot. A paragraph may be split between pages, keeping two lines on each
// side; shorter ones, and blocks kept together, move whole. It returns the
// pages and how many blocks start on the first page.
func paginateNote(blocks []block, footH float64) (pages []page, first int) {
	pages = []page{nil}
	bottom := textBottom
	if footH > 0 {
		bottom -= footH + footGap
	}
	y, after := marginTop+noteTop, 0.0
	atTop := func() bool { return len(pages[len(pages)-1]) == 0 }
	newPage := func() {
		pages = append(pages, nil)
		y, bottom = marginTop, textBottom
	}
	for i := range blocks {
		b := &blocks[i]
		gap := max(after, b.before)
		n := len(b.boxes)
		for k := 0; k < n; {
			if atTop() {
				gap = 0
			}
			fit, h := 0, gap
			for k+fit < n && y+h+b.boxes[k+fit].h <= bottom+1e-6 {
				h += b.boxes[k+fit].h
				fit++
			}
			if k+fit < n {
				want := fit
				if b.keepTogether || n < noteSplitMinimum {
					want = 0
				}
				if n-(k+want) < noteMinWidows {
					want = n - noteMinWidows - k
				}
				if k == 0 && want < noteMinOrphans {
					want = 0
				}
				if want <= 0 {
					if !atTop() {
						newPage()
						continue
					}
					want = max(fit, 1)
				}
				fit = want
			}
			y += gap
			if k == 0 && len(pages) == 1 {
				first = i + 1
			}
			for j := k; j < k+fit; j++ {
				last := len(pages) - 1
				pages[last] = append(pages[last], placed{&b.boxes[j], y})
				y += b.boxes[j].h
			}
			k += fit
			if k < n {
				newPage()
			}
		}
		after = b.after
	}
	return pages, first
}

// paintNote draws an edition's pages, the foot at the bottom of the first.
func (r *renderer) paintNote(pages []page, foot block) {
	for i, pg := range pages {
		r.f.AddPage()
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
		o.y += y
		o.y2 += y
		r.draw(o)
	}
}

// noteMetadata sets the title (the number line), the language and the
// settings that make the output reproducible.
func (r *renderer) noteMetadata(ed *model.NoteEdition, t time.Time) {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	t = t.UTC()
	f := r.f
	f.SetTitle(ed.Number, true)
	f.SetCreator(producer, true)
	f.SetProducer(producer, true)
	f.SetLang(r.tag)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	f.SetCompression(true)
}
