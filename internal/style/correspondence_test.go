package style

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"
	"testing/fstest"
)

// pngOf is a w by h pixel PNG.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func resolveErr(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	_, err := Resolve(fsys, "house")
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("Resolve = %v, want a style error", err)
	}
	return se.Diags[0].String()
}

// TestCorrespondenceErrors: an unknown block, a picture that is not PNG
// or JPEG (by name or by content), a missing one and one larger than the
// page stop at the style file's line and column.
func TestCorrespondenceErrors(t *testing.T) {
	form := func(blocks string) string {
		return "page: {margins: {left: 25mm, right: 25mm, top: 20mm, bottom: 20mm}}\ncorrespondence:\n  note:\n    blocks:\n" + blocks
	}
	tests := []struct {
		name, style string
		files       map[string][]byte
		want        string
	}{
		{"unknown block", form("      - {block: number}\n      - {block: masthaed}\n"), nil,
			`templates/house/style.yaml:6:17: error: unknown block "masthaed" in correspondence.note [unknown-block]`},
		{"block twice", form("      - {block: body}\n      - {block: body}\n"), nil,
			`templates/house/style.yaml:6:17: error: block "body" is placed twice in correspondence.note [duplicate-block]`},
		{"unknown field", form("      - {block: body, colour: red}\n"), nil,
			`templates/house/style.yaml:5:23: error: unknown field "colour" in block correspondence.note.body [unknown-field]`},
		{"image by name", form("      - {block: letterhead, image: {file: emblem.gif}}\n"), nil,
			`templates/house/style.yaml:5:43: error: correspondence.note.letterhead.image.file: emblem.gif is not a PNG or JPEG file (.png, .jpg, .jpeg) [bad-image]`},
		{"image by content", form("      - {block: letterhead, image: {file: emblem.png}}\n"),
			map[string][]byte{"templates/house/emblem.png": []byte("GIF89a...")},
			`templates/house/style.yaml:5:43: error: image file templates/house/emblem.png is not a PNG or JPEG picture [bad-image]`},
		{"missing image", form("      - {block: letterhead, image: {file: emblem.png}}\n"), nil,
			`templates/house/style.yaml:5:43: error: correspondence.note.letterhead.image.file: image file templates/house/emblem.png not found [missing-image]`},
		{"image larger than the page", form("      - {block: letterhead, image: {file: emblem.png, width: 300mm}}\n"),
			map[string][]byte{"templates/house/emblem.png": pngOf(t, 30, 8)},
			`templates/house/style.yaml:5:43: error: image templates/house/emblem.png is 300.0 by 80.0 mm, larger than the 160.0 by 257.0 mm a page of note leaves [image-too-large]`},
		{"leading", form("      - {block: body, leading: 20}\n"), nil,
			`templates/house/style.yaml:5:32: error: correspondence.note.body.leading: 20 lines is not a line spacing [bad-length]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"templates/house/style.yaml": {Data: []byte(tt.style)}}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			if got := resolveErr(t, fsys); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestCorrespondenceValues reads a form: its margins default to the
// page's, a leading multiple is the style's leading times it, foot blocks
// are at the foot, a picture's height follows its width.
func TestCorrespondenceValues(t *testing.T) {
	src := `page: {margins: {left: 20mm, right: 20mm, top: 20mm, bottom: 20mm}}
correspondence:
  letter:
    margins: {left: 30mm}
    page_numbers: {text: "- {page} -", at: head}
    blocks:
      - {block: letterhead, image: {file: e.png, width: 20mm}}
      - {block: body, leading: 1.5}
      - {block: enclosure}
      - {block: addressee, at: flow}
type: {leading: 14pt}
`
	fsys := fstest.MapFS{"templates/house/style.yaml": {Data: []byte(src)}, "templates/house/e.png": {Data: pngOf(t, 40, 10)}}
	s, err := Resolve(fsys, "house")
	if err != nil {
		t.Fatal(err)
	}
	f := s.Form("letter")
	if f == nil || s.Form("note") != nil {
		t.Fatalf("forms %v", s.Correspondence)
	}
	if f.MarginLeft != 30 || f.MarginRight != 20 || f.MarginTop != 20 {
		t.Errorf("margins %v %v %v", f.MarginLeft, f.MarginRight, f.MarginTop)
	}
	if b := f.Place(BlockBody); b.Leading != 1.5*14*PointMM || b.Align != "justify" {
		t.Errorf("body leading %v, align %s", b.Leading, b.Align)
	}
	if !f.Place(BlockEnclosure).Foot || f.Place(BlockAddressee).Foot {
		t.Error("enclosure not at the foot, or addressee not in the flow")
	}
	if im := f.Place(BlockLetterhead).Image; im == nil || im.Width != 20 || im.Height != 5 || im.Data == nil || im.Data.Type != "PNG" {
		t.Errorf("image %+v", im)
	}
	if pn := f.PageNumbers; pn == nil || pn.Foot || pn.From != 2 || pn.Text != "- {page} -" {
		t.Errorf("page numbers %+v", pn)
	}
	// A form the style does not have is the default form on its page.
	if d := s.FormOrDefault("other"); d.MarginLeft != 20 || d.Place(BlockBody) == nil {
		t.Errorf("default form %+v", d)
	}
}
