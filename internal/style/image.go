package style

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the JPEG decoder, for sizes
	_ "image/png"  // the PNG decoder, for sizes
	"io/fs"

	"github.com/chancery-dev/chancery/internal/diag"
)

// pixelMM is the size of a pixel of a picture whose size the style does
// not give: 96 pixels to the inch.
const pixelMM = 25.4 / 96

// ImageData is a picture read for a writer.
type ImageData struct {
	Data []byte
	Type string // "PNG" or "JPEG"
}

// loadImages reads the pictures of the style's forms from fsys: each must
// be a PNG or JPEG file (by its content, not its name) that fits within a
// page's text area. The size not given follows from the other and the
// picture's proportions; with neither, a pixel is 1/96 inch.
func (s *Style) loadImages(fsys fs.FS) diag.List {
	var diags diag.List
	for _, c := range s.Correspondence {
		for _, b := range c.Blocks {
			im := b.Image
			if im == nil {
				continue
			}
			data, err := fs.ReadFile(fsys, im.File)
			if err != nil {
				diags.Errorf(im.Pos, "missing-image", "image file %s cannot be read", im.File).
					Hint = "give the path relative to the style's directory, or copy the picture there"
				continue
			}
			typ := ""
			switch {
			case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
				typ = "PNG"
			case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
				typ = "JPEG"
			default:
				diags.Errorf(im.Pos, "bad-image", "image file %s is not a PNG or JPEG picture", im.File).
					Hint = "convert the picture to PNG or JPEG"
				continue
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width == 0 || cfg.Height == 0 {
				diags.Errorf(im.Pos, "bad-image", "image file %s cannot be read as %s: %v", im.File, typ, err).
					Hint = "save the picture again as PNG or JPEG"
				continue
			}
			ratio := float64(cfg.Height) / float64(cfg.Width)
			switch {
			case im.Width == 0 && im.Height == 0:
				im.Width, im.Height = float64(cfg.Width)*pixelMM, float64(cfg.Height)*pixelMM
			case im.Height == 0:
				im.Height = im.Width * ratio
			case im.Width == 0:
				im.Width = im.Height / ratio
			}
			w, h := s.PageWidth-c.MarginLeft-c.MarginRight, s.PageHeight-c.MarginTop-c.MarginBottom
			if im.Width > w+1e-6 || im.Height > h+1e-6 {
				diags.Errorf(im.Pos, "image-too-large", "image %s is %.1f by %.1f mm, larger than the %.1f by %.1f mm a page of %s leaves", im.File, im.Width, im.Height, w, h, c.Name).
					Hint = "give the image a smaller width: or height: in the style"
				continue
			}
			im.Data = &ImageData{Data: data, Type: typ}
		}
	}
	return diags
}

// String describes the picture for messages.
func (im *Image) String() string {
	return fmt.Sprintf("%s (%.1f by %.1f mm)", im.File, im.Width, im.Height)
}
