package docx

import "strconv"

// Paragraph and run properties. WordprocessingML is a sequence schema:
// Word rejects children of w:pPr and w:rPr in the wrong order, so these
// types write their fields in schema order whatever the caller sets.

// indent is a paragraph's w:ind, in twips; zero fields are left out.
type indent struct {
	Left, Hanging, FirstLine int
	Right                    int // 0: none written
}

// spacing is a paragraph's w:spacing: space before and after in twips,
// line spacing in 240ths of a line (0 keeps the default).
type spacing struct {
	Before, After, Line int
	// Exact sets Line as the exact distance between baselines in twips
	// (lineRule exact) rather than in 240ths of a line.
	Exact bool
}

// tabStop is one w:tab of w:tabs.
type tabStop struct {
	Align  string // "left", "right", "center"
	Leader string // "", "underscore", "dot"
	Pos    int    // twips from the paragraph's left edge
}

// numRef attaches a paragraph to a list level.
type numRef struct {
	NumID, Level int
}

// paraProps are the paragraph properties this package uses.
type paraProps struct {
	Style      string
	KeepNext   bool
	KeepLines  bool
	Num        *numRef
	Tabs       []tabStop
	Spacing    *spacing
	Ind        *indent
	Jc         string // "left", "center", "right", "both"
	OutlineLvl int    // 1-based; 0 means none
	Run        *runProps
	// PageBreakBefore starts the paragraph on a new page.
	PageBreakBefore bool
	// Frame floats the paragraph in a text frame (see frame.go); nil for
	// none.
	Frame *frame
	// WidowControl, when set, says whether a paragraph may not leave its
	// first line alone at the foot of a page nor carry its last alone to
	// the next (nil: as the style above says).
	WidowControl *bool
}

func (p paraProps) empty() bool {
	return p.Style == "" && !p.KeepNext && !p.KeepLines && !p.PageBreakBefore && p.Frame == nil && p.WidowControl == nil && p.Num == nil && len(p.Tabs) == 0 &&
		p.Spacing == nil && p.Ind == nil && p.Jc == "" && p.OutlineLvl == 0 && p.Run == nil
}

func (p paraProps) write(x *xmlWriter) {
	if p.empty() {
		return
	}
	x.start("w:pPr")
	if p.Style != "" {
		x.val("w:pStyle", p.Style)
	}
	if p.KeepNext {
		x.empty("w:keepNext")
	}
	if p.KeepLines {
		x.empty("w:keepLines")
	}
	if p.PageBreakBefore {
		x.empty("w:pageBreakBefore")
	}
	if p.Frame != nil {
		p.Frame.write(x)
	}
	if p.WidowControl != nil {
		if *p.WidowControl {
			x.empty("w:widowControl")
		} else {
			x.val("w:widowControl", "0")
		}
	}
	if p.Num != nil {
		x.start("w:numPr")
		x.val("w:ilvl", strconv.Itoa(p.Num.Level))
		x.val("w:numId", strconv.Itoa(p.Num.NumID))
		x.end("w:numPr")
	}
	if len(p.Tabs) > 0 {
		x.start("w:tabs")
		for _, t := range p.Tabs {
			kv := []string{"w:val", t.Align}
			if t.Leader != "" {
				kv = append(kv, "w:leader", t.Leader)
			}
			kv = append(kv, "w:pos", strconv.Itoa(t.Pos))
			x.empty("w:tab", kv...)
		}
		x.end("w:tabs")
	}
	if s := p.Spacing; s != nil {
		kv := []string{"w:before", strconv.Itoa(s.Before), "w:after", strconv.Itoa(s.After)}
		if s.Line > 0 {
			rule := "auto"
			if s.Exact {
				rule = "exact"
			}
			kv = append(kv, "w:line", strconv.Itoa(s.Line), "w:lineRule", rule)
		}
		x.empty("w:spacing", kv...)
	}
	if in := p.Ind; in != nil {
		kv := []string{"w:left", strconv.Itoa(in.Left)}
		if in.Right > 0 {
			kv = append(kv, "w:right", strconv.Itoa(in.Right))
		}
		switch {
		case in.Hanging > 0:
			kv = append(kv, "w:hanging", strconv.Itoa(in.Hanging))
		case in.FirstLine > 0:
			kv = append(kv, "w:firstLine", strconv.Itoa(in.FirstLine))
		}
		x.empty("w:ind", kv...)
	}
	if p.Jc != "" {
		x.val("w:jc", p.Jc)
	}
	if p.OutlineLvl > 0 {
		x.val("w:outlineLvl", strconv.Itoa(p.OutlineLvl-1))
	}
	if p.Run != nil {
		p.Run.write(x)
	}
	x.end("w:pPr")
}

// runProps are the run properties this package uses.
type runProps struct {
	Style     string
	Font      string // all four w:rFonts slots
	Bold      bool
	Italic    bool
	Caps      bool   // shown in capitals whatever the case typed
	Color     string // RGB hex: "969696"
	Spacing   int    // character spacing in twips (letter-spacing)
	Size      int    // half-points; 0 keeps the style's
	Highlight string // "yellow", ...
	Lang      string // BCP 47 tag: "en-GB"
}

func (r runProps) write(x *xmlWriter) {
	if r == (runProps{}) {
		return
	}
	x.start("w:rPr")
	if r.Style != "" {
		x.val("w:rStyle", r.Style)
	}
	if r.Font != "" {
		x.empty("w:rFonts", "w:ascii", r.Font, "w:hAnsi", r.Font, "w:eastAsia", r.Font, "w:cs", r.Font)
	}
	if r.Bold {
		x.empty("w:b")
		x.empty("w:bCs")
	}
	if r.Italic {
		x.empty("w:i")
		x.empty("w:iCs")
	}
	if r.Caps {
		x.empty("w:caps")
	}
	if r.Color != "" {
		x.val("w:color", r.Color)
	}
	if r.Spacing != 0 {
		x.val("w:spacing", strconv.Itoa(r.Spacing))
	}
	if r.Size > 0 {
		x.val("w:sz", strconv.Itoa(r.Size))
		x.val("w:szCs", strconv.Itoa(r.Size))
	}
	if r.Highlight != "" {
		x.val("w:highlight", r.Highlight)
	}
	if r.Lang != "" {
		x.val("w:lang", r.Lang)
	}
	x.end("w:rPr")
}
