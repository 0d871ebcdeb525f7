package docx

import (
	"math"
	"strconv"
	"strings"

	house "github.com/chancery-dev/chancery/internal/style"
)

// Namespaces and relationship of a picture in WordprocessingML.
const (
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	relImage  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	emuPerMM  = 36000
	imageName = "Letterhead"
)

// image writes a letterhead's picture in a paragraph of its own, in the
// block's alignment, the block's gap below it: an inline drawing of the
// picture's size, the picture a part of the package. A style read
// without its pictures' data writes nothing.
func (nw *noteWriter) image(im *house.Image, lay *house.Block) {
	if im.Data == nil {
		return
	}
	ext, ct := "png", "image/png"
	if im.Data.Type == "JPEG" {
		ext, ct = "jpeg", "image/jpeg"
	}
	id := nw.addPart(relImage, "media/image"+strconv.Itoa(nw.parts+1)+"."+ext, ct, im.Data.Data)
	cx := strconv.Itoa(int(math.Round(im.Width * emuPerMM)))
	cy := strconv.Itoa(int(math.Round(im.Height * emuPerMM)))
	props := paraProps{Style: noteStyleID(lay.Kind), Spacing: &spacing{After: pointTwips(lay.Gap)}}
	if nw.top {
		props.Spacing.Before = pointTwips(nw.form.FirstPageTop)
		nw.top = false
	}
	props.Jc = map[string]string{"left": "left", "center": "center", "right": "right", "justify": "center"}[lay.Align]
	num := strconv.Itoa(nw.parts)
	x := nw.x
	nw.paragraph(props, func() {
		x.start("w:r")
		x.start("w:drawing")
		x.start("wp:inline", "xmlns:wp", nsWP, "distT", "0", "distB", "0", "distL", "0", "distR", "0")
		x.empty("wp:extent", "cx", cx, "cy", cy)
		x.empty("wp:docPr", "id", num, "name", imageName+" "+num)
		x.start("a:graphic", "xmlns:a", nsA)
		x.start("a:graphicData", "uri", nsPic)
		x.start("pic:pic", "xmlns:pic", nsPic)
		x.start("pic:nvPicPr")
		x.empty("pic:cNvPr", "id", num, "name", strings.ReplaceAll(im.File, "/", "-"))
		x.empty("pic:cNvPicPr")
		x.end("pic:nvPicPr")
		x.start("pic:blipFill")
		x.empty("a:blip", "r:embed", id)
		x.start("a:stretch")
		x.empty("a:fillRect")
		x.end("a:stretch")
		x.end("pic:blipFill")
		x.start("pic:spPr")
		x.start("a:xfrm")
		x.empty("a:off", "x", "0", "y", "0")
		x.empty("a:ext", "cx", cx, "cy", cy)
		x.end("a:xfrm")
		x.start("a:prstGeom", "prst", "rect")
		x.empty("a:avLst")
		x.end("a:prstGeom")
		x.end("pic:spPr")
		x.end("pic:pic")
		x.end("a:graphicData")
		x.end("a:graphic")
		x.end("wp:inline")
		x.end("w:drawing")
		x.end("w:r")
	})
}
