package style

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/chancery-dev/chancery/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Correspondence blocks: what a form may place. A note template defines
// the text of each (one {{define}} per block; the masthead's two columns
// are "masthead-left" and "masthead-right"); the letterhead may instead
// come from the note's issuer, and the annexes come from the note itself.
const (
	BlockLetterhead = "letterhead" // lines, an image, or both; page 1
	BlockMasthead   = "masthead"   // two columns of fields, a rule under them; page 1
	BlockTitle      = "title"
	BlockNumber     = "number"
	BlockSalutation = "salutation" // "Excellency,"
	BlockBody       = "body"       // paragraphs
	BlockClosing    = "closing"    // the complimentary close
	BlockPlaceDate  = "place-date"
	BlockSignature  = "signature"
	BlockAddressee  = "addressee"
	BlockEnclosure  = "enclosure" // only when the note has an enclosure
	BlockFoot       = "foot"      // free lines, such as a job number
	BlockAnnex      = "annex"     // the note's annexes, each on a new page
)

// Blocks lists the blocks a correspondence form may place.
func Blocks() []string {
	return []string{BlockLetterhead, BlockMasthead, BlockTitle, BlockNumber, BlockSalutation,
		BlockBody, BlockClosing, BlockPlaceDate, BlockSignature, BlockAddressee, BlockEnclosure,
		BlockFoot, BlockAnnex}
}

// Faces and alignments a block may be set in.
func BlockFaces() []string  { return []string{"regular", "bold", "italic", "bolditalic"} }
func BlockAligns() []string { return []string{"left", "center", "right", "justify"} }

// Correspondence is how a style lays out one kind of correspondence (a
// note verbale, a letter): the page of its own, and its blocks in reading
// order. Lengths are in millimetres.
type Correspondence struct {
	Name string // the form's name: the key under correspondence:, the template directory
	Pos  diag.Pos

	// Margins of a page of correspondence; those not given are the
	// style's page margins.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
	// FirstPageTop is room left above the first block of page 1 (for an
	// emblem printed on letterhead paper).
	FirstPageTop float64
	// A paragraph split between pages leaves at least Orphans lines at
	// the foot of one and carries at least Widows to the next.
	Orphans, Widows int
	// PageNumbers, when set, numbers the pages from From on.
	PageNumbers *PageNumbers

	Blocks []*Block
}

// PageNumbers is the page number of correspondence: Text with {page}
// standing for the number ("- {page} -"), set at the head or the foot of
// the page, from page From on.
type PageNumbers struct {
	Text  string
	From  int
	Foot  bool   // at the foot of the page; else at its head
	Align string // left, center, right
	Size  float64
}

// Block places one block of a form.
type Block struct {
	Kind string
	Pos  diag.Pos
	// Foot puts the block at the foot of page 1, under the flow; feet are
	// stacked in the order given.
	Foot bool
	// Face and Align set the block's lines (inline markup still applies).
	Face  string
	Align string
	// Size is the type size in points (0: the style's body size).
	Size float64
	// Leading is the distance between baselines (0: the style's).
	Leading float64
	// Indent is the first-line indent of each paragraph.
	Indent float64
	// Left and Width are the block's column: from the left margin, and
	// its width (0: to the right margin).
	Left, Width float64
	// Before and After are the space above and below; of two adjacent
	// blocks' spaces the larger is used. Gap is the space between the
	// paragraphs of a block (body, annex) or between the letterhead's
	// language blocks.
	Before, After, Gap float64
	// Split is where the masthead's right column starts, from the left
	// margin.
	Split float64
	// Rule is the thickness of the rule under the masthead (0: none).
	Rule float64
	// Image is the letterhead's picture, above its lines.
	Image *Image
	// Heading sets the first lines of an annex (its heading).
	Heading *Block
}

// Image is a PNG or JPEG picture of a style, centred in its block.
type Image struct {
	File          string // project path
	Pos           diag.Pos
	Width, Height float64 // mm; 0: from the other and the picture's proportions
	// Data is the picture, read when the style is resolved.
	Data *ImageData
}

// Column is the block's column in a text area of width textWidth: its
// left edge (from the left margin) and width.
func (b *Block) Column(textWidth float64) (x, w float64) {
	w = textWidth - b.Left
	if b.Width > 0 && b.Width < w {
		w = b.Width
	}
	return b.Left, w
}

// Place returns the block of kind, or nil when the form does not place it.
func (c *Correspondence) Place(kind string) *Block {
	for _, b := range c.Blocks {
		if b.Kind == kind {
			return b
		}
	}
	return nil
}

// Form returns the correspondence form name, or nil when the style has
// none of that name.
func (s *Style) Form(name string) *Correspondence {
	for _, c := range s.Correspondence {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// FormOrDefault returns the form name of the style, or DefaultForm when
// the style has no such form.
func (s *Style) FormOrDefault(name string) *Correspondence {
	if c := s.Form(name); c != nil {
		return c
	}
	return DefaultForm(s, name)
}

// DefaultForm is the form of a style that names none: the style's page,
// the number, the body justified, the place and date, the signature, and
// at the foot of page 1 the enclosure line and the addressee block.
func DefaultForm(s *Style, name string) *Correspondence {
	c := &Correspondence{Name: name, Orphans: 2, Widows: 2}
	c.marginsFrom(s)
	single := func(kind string) *Block { return &Block{Kind: kind, Face: "regular", Align: "left"} }
	lh := single(BlockLetterhead)
	lh.Face, lh.Align, lh.After = "bold", "center", s.ParagraphGap
	mh := single(BlockMasthead)
	mh.Split, mh.Rule, mh.After = s.TextWidth()/2, 0.5*PointMM, s.AfterTitleGap
	title := single(BlockTitle)
	title.Face, title.Align, title.Before, title.After = "bold", "center", s.ParagraphGap, s.AfterTitleGap
	number := single(BlockNumber)
	number.After = s.ParagraphGap
	sal := single(BlockSalutation)
	sal.After = s.ParagraphGap
	body := single(BlockBody)
	body.Align, body.Gap, body.After = "justify", s.ParagraphGap, s.ParagraphGap
	closing := single(BlockClosing)
	closing.Before = s.ParagraphGap
	pd := single(BlockPlaceDate)
	pd.Before = s.AfterTitleGap
	sig := single(BlockSignature)
	sig.Before, sig.Left = s.AfterTitleGap, s.TextWidth()/2
	enc := single(BlockEnclosure)
	enc.Foot, enc.Face, enc.Before, enc.After = true, "italic", s.ParagraphGap, s.ParagraphGap
	addr := single(BlockAddressee)
	addr.Foot, addr.Face, addr.Before = true, "bold", s.ParagraphGap
	foot := single(BlockFoot)
	foot.Foot, foot.Before = true, s.ParagraphGap
	annex := single(BlockAnnex)
	annex.Align, annex.Gap = "justify", s.ParagraphGap
	annex.Heading = &Block{Kind: "heading", Face: "bold", Align: "center", After: s.AfterTitleGap}
	c.Blocks = []*Block{lh, mh, title, number, sal, body, closing, pd, sig, enc, addr, foot, annex}
	return c
}

func (c *Correspondence) marginsFrom(s *Style) {
	c.MarginTop, c.MarginBottom, c.MarginLeft, c.MarginRight = s.MarginTop, s.MarginBottom, s.LeftEdge(), s.MarginRight
}

// correspondence reads correspondence: {FORM: {...}, ...}.
func (p *parser) correspondence(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.diags.Errorf(p.pos(n), "style-type", "correspondence must be a mapping from a form's name to its layout")
		return
	}
	p.forms = n
}

// readForms reads the forms once the page is known (their margins default
// to the page's).
func (p *parser) readForms() {
	n := p.forms
	if n == nil {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		c := &Correspondence{Name: k.Value, Pos: p.pos(k), Orphans: 2, Widows: 2}
		c.marginsFrom(p.s)
		if k.Value == "" || strings.ContainsAny(k.Value, "/\\ ") {
			p.diags.Errorf(p.pos(k), "bad-value", "form name %q is not a directory name", k.Value)
			continue
		}
		if p.s.Form(k.Value) != nil {
			p.diags.Errorf(p.pos(k), "duplicate-key", "form %q appears twice", k.Value)
			continue
		}
		p.form(c, v)
		p.s.Correspondence = append(p.s.Correspondence, c)
	}
}

func (p *parser) form(c *Correspondence, n *yaml.Node) {
	where := "correspondence." + c.Name
	p.fields(n, where, map[string]func(*yaml.Node){
		"margins": func(v *yaml.Node) {
			p.fields(v, where+".margins", map[string]func(*yaml.Node){
				"top":    p.length(where+".margins.top", &c.MarginTop),
				"bottom": p.length(where+".margins.bottom", &c.MarginBottom),
				"left":   p.length(where+".margins.left", &c.MarginLeft),
				"right":  p.length(where+".margins.right", &c.MarginRight),
			})
		},
		"first_page_top": p.length(where+".first_page_top", &c.FirstPageTop),
		"orphans":        p.integer(where+".orphans", 0, 1000, "a count", &c.Orphans),
		"widows":         p.integer(where+".widows", 0, 1000, "a count", &c.Widows),
		"page_numbers":   func(v *yaml.Node) { c.PageNumbers = p.pageNumbers(where+".page_numbers", v) },
		"blocks": func(v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				p.diags.Errorf(p.pos(v), "style-type", "%s.blocks must be a list of blocks", where).
					Hint = "write blocks: [{block: number}, {block: body, align: justify}, ...]"
				return
			}
			for _, item := range v.Content {
				if b := p.block(where, item, c); b != nil {
					c.Blocks = append(c.Blocks, b)
				}
			}
		},
	})
	if w := p.s.PageWidth - c.MarginLeft - c.MarginRight; w < 20 && !p.diags.HasErrors() {
		p.diags.Errorf(c.Pos, "bad-margins", "%s: the margins leave %.1f mm of a %.1f mm wide page", where, w, p.s.PageWidth).
			Hint = "make the margins narrower"
	}
}

func (p *parser) pageNumbers(where string, n *yaml.Node) *PageNumbers {
	pn := &PageNumbers{Text: "{page}", From: 2, Foot: true, Align: "center"}
	p.fields(n, where, map[string]func(*yaml.Node){
		"text": func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode || !strings.Contains(v.Value, "{page}") {
				p.diags.Errorf(p.pos(v), "bad-value", "%s.text must contain {page}", where).Hint = `write text: "- {page} -"`
				return
			}
			pn.Text = v.Value
		},
		"from": p.integer(where+".from", 0, 1000, "a count", &pn.From),
		"at": func(v *yaml.Node) {
			switch v.Value {
			case "head":
				pn.Foot = false
			case "foot":
				pn.Foot = true
			default:
				p.diags.Errorf(p.pos(v), "bad-value", "%s.at: %q is neither head nor foot", where, v.Value)
			}
		},
		"align": p.choice(where+".align", []string{"left", "center", "right"}, &pn.Align),
		"size":  p.points(where+".size", &pn.Size),
	})
	if pn.From < 1 {
		pn.From = 1
	}
	return pn
}

// block reads one entry of a form's blocks: {block: KIND, ...}.
func (p *parser) block(where string, n *yaml.Node, c *Correspondence) *Block {
	if n.Kind != yaml.MappingNode {
		p.diags.Errorf(p.pos(n), "style-type", "a block of %s must be a mapping: {block: KIND, ...}", where)
		return nil
	}
	b := &Block{Pos: p.pos(n), Face: "regular", Align: "left"}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "block" {
			b.Kind = v.Value
			b.Pos = p.pos(v)
			if !slices.Contains(Blocks(), v.Value) {
				p.diags.Errorf(p.pos(v), "unknown-block", "unknown block %q in %s", v.Value, where).
					Hint = "blocks: " + strings.Join(Blocks(), ", ")
				return nil
			}
			if c.Place(v.Value) != nil {
				p.diags.Errorf(p.pos(v), "duplicate-block", "block %q is placed twice in %s", v.Value, where)
				return nil
			}
		}
	}
	if b.Kind == "" {
		p.diags.Errorf(p.pos(n), "missing-field", "a block of %s names no block", where).
			Hint = "write block: KIND, one of " + strings.Join(Blocks(), ", ")
		return nil
	}
	switch b.Kind {
	case BlockEnclosure, BlockAddressee, BlockFoot:
		b.Foot = true
	case BlockBody, BlockAnnex:
		b.Align = "justify"
	}
	if b.Kind == BlockAnnex {
		b.Heading = &Block{Kind: "heading", Face: "bold", Align: "center"}
	}
	here := where + "." + b.Kind
	fields := p.blockFields(here, b)
	fields["block"] = func(*yaml.Node) {}
	fields["at"] = func(v *yaml.Node) {
		switch v.Value {
		case "flow":
			b.Foot = false
		case "foot":
			b.Foot = true
		default:
			p.diags.Errorf(p.pos(v), "bad-value", "%s.at: %q is neither flow nor foot", here, v.Value).
				Hint = "at: foot sets the block at the foot of page 1; at: flow (the default) in the text"
		}
	}
	switch b.Kind {
	case BlockMasthead:
		fields["split"] = p.length(here+".split", &b.Split)
		fields["rule"] = p.length(here+".rule", &b.Rule)
	case BlockLetterhead:
		fields["image"] = func(v *yaml.Node) { b.Image = p.image(here+".image", v) }
	case BlockAnnex:
		fields["heading"] = func(v *yaml.Node) { p.fields(v, here+".heading", p.blockFields(here+".heading", b.Heading)) }
	}
	p.fields(n, "block "+here, fields)
	if b.Kind == BlockMasthead && b.Split == 0 {
		b.Split = (p.s.PageWidth - c.MarginLeft - c.MarginRight) / 2
	}
	return b
}

// blockFields are the fields every block (and an annex's heading) takes.
func (p *parser) blockFields(here string, b *Block) map[string]func(*yaml.Node) {
	return map[string]func(*yaml.Node){
		"face":    p.choice(here+".face", BlockFaces(), &b.Face),
		"align":   p.choice(here+".align", BlockAligns(), &b.Align),
		"size":    p.points(here+".size", &b.Size),
		"leading": p.leading(here+".leading", &b.Leading),
		"indent":  p.length(here+".indent", &b.Indent),
		"left":    p.length(here+".left", &b.Left),
		"width":   p.length(here+".width", &b.Width),
		"before":  p.length(here+".before", &b.Before),
		"after":   p.length(here+".after", &b.After),
		"gap":     p.length(here+".gap", &b.Gap),
	}
}

// leading reads a distance between baselines: a length, or a number that
// multiplies the style's leading ("1.5": one and a half lines).
func (p *parser) leading(what string, dst *float64) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && n.Kind == yaml.ScalarNode {
			if v <= 0 || v > 10 {
				p.diags.Errorf(p.pos(n), "bad-length", "%s: %s lines is not a line spacing", what, n.Value).
					Hint = "give a multiple of the style's leading (1.5) or a length (20pt)"
				return
			}
			// The style's leading may be set later in the file: keep the
			// multiple negative until the file is read.
			*dst = -v
			return
		}
		p.length(what, dst)(n)
	}
}

// resolveLeadings turns the multiples leading read into lengths.
func (s *Style) resolveLeadings() {
	fix := func(b *Block) {
		if b != nil && b.Leading < 0 {
			b.Leading = -b.Leading * s.Leading
		}
	}
	for _, c := range s.Correspondence {
		for _, b := range c.Blocks {
			fix(b)
			fix(b.Heading)
		}
	}
}

func (p *parser) choice(what string, choices []string, dst *string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode || !slices.Contains(choices, n.Value) {
			p.diags.Errorf(p.pos(n), "bad-value", "%s: %q is not one of %s", what, n.Value, strings.Join(choices, ", "))
			return
		}
		*dst = n.Value
	}
}

func (p *parser) image(what string, n *yaml.Node) *Image {
	im := &Image{Pos: p.pos(n)}
	p.fields(n, what, map[string]func(*yaml.Node){
		"file": func(v *yaml.Node) {
			im.Pos = p.pos(v)
			file := path.Clean(path.Join(path.Dir(p.file), v.Value))
			ext := strings.ToLower(path.Ext(file))
			if v.Kind != yaml.ScalarNode || (ext != ".png" && ext != ".jpg" && ext != ".jpeg") {
				p.diags.Errorf(p.pos(v), "bad-image", "%s.file: %s is not a PNG or JPEG file (.png, .jpg, .jpeg)", what, v.Value).
					Hint = "convert the picture to PNG or JPEG"
				return
			}
			if p.exists != nil {
				if err := p.exists(file); err != nil {
					p.diags.Errorf(p.pos(v), "missing-image", "%s.file: image file %s not found", what, file).
						Hint = "give the path relative to the style's directory, or copy the picture there"
					return
				}
			}
			im.File = file
		},
		"width":  p.length(what+".width", &im.Width),
		"height": p.length(what+".height", &im.Height),
	})
	if im.File == "" {
		if !p.diags.HasErrors() {
			p.diags.Errorf(p.pos(n), "missing-field", "%s names no file", what).Hint = "write image: {file: emblem.png, width: 20mm}"
		}
		return nil
	}
	return im
}

// String names a block for messages.
func (b *Block) String() string { return fmt.Sprintf("block %s", b.Kind) }
