package pdf

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"
)

// image draws o's picture (a style's letterhead image) in its rectangle,
// registering it with the PDF the first time.
func (r *renderer) image(o op) {
	im := o.img
	if im.Data == nil {
		return // the style was not resolved from a project: nothing to draw
	}
	opts := fpdf.ImageOptions{ImageType: im.Data.Type, ReadDpi: false}
	if r.f.GetImageInfo(im.File) == nil {
		r.f.RegisterImageOptionsReader(im.File, opts, bytes.NewReader(im.Data.Data))
	}
	r.f.ImageOptions(im.File, o.x, o.y, o.x2-o.x, o.y2-o.y, false, opts, 0, "")
}
