package pdf

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
)

func readEd(tag string) *model.NoteEdition {
	b, _ := os.ReadFile("/tmp/out1/nct-ct-569." + tag + ".txt")
	blocks := strings.Split(strings.TrimSpace(string(b)), "\n\n")
	ed := &model.NoteEdition{Lang: tag}
	ed.Letterhead = []model.LetterheadBlock{{Lang: "en", Lines: strings.Split(blocks[0], "\n")}, {Lang: "ru", Lines: strings.Split(blocks[1], "\n")}}
	ed.Number = blocks[2]
	rest := blocks[3:]
	for _, bl := range rest {
		switch {
		case strings.HasPrefix(bl, "Enclosure:") || strings.HasPrefix(bl, "Приложение:") || strings.HasPrefix(bl, "Қосымша:"):
			ed.Enclosure = strings.Split(bl, "\n")
		case strings.ToUpper(bl) == bl:
			ed.Addressee = []string{bl}
		case strings.Contains(bl, "13 May 2024") && len(bl) < 40 || strings.Contains(bl, "13 мая") && len(bl) < 40 || strings.Contains(bl, "13 мамыр") && len(bl) < 45:
			ed.PlaceDate = bl
		default:
			ed.Paragraphs = append(ed.Paragraphs, bl)
		}
	}
	return ed
}

func TestZZSweep(t *testing.T) {
	e, _ := lang.New()
	eds := map[string]*model.NoteEdition{"en": readEd("en"), "ru": readEd("ru"), "kk": readEd("kk")}
	for _, tag := range []string{"en", "ru", "kk"} {
		fmt.Println(tag, len(eds[tag].Paragraphs), eds[tag].PlaceDate)
	}
	for _, lr := range [][2]float64{{25, 25}, {30, 15}, {30, 10}, {30, 20}, {25, 15}, {20, 20}, {30, 25}} {
		for _, top := range []float64{0, 10, 20, 30, 40} {
			for _, ld := range []float64{1.15, 1.3, 1.5} {
				noteLeft, noteRight, noteTop, noteLeading = lr[0], lr[1], top, ld*leading
				noteWidth = pageWidth - noteLeft - noteRight
				var res []int
				for _, tag := range []string{"en", "ru", "kk"} {
					l, _ := e.Language(tag)
					lay, err := WriteNote(io.Discard, []*model.NoteEdition{eds[tag]}, Options{Lang: l})
					if err != nil {
						t.Fatal(err)
					}
					res = append(res, lay.FootAfter[0])
				}
				mark := ""
				if res[0] == 4 && res[1] == 3 && res[2] == 4 {
					mark = " <<<"
				}
				fmt.Println(lr, top, ld, res, mark)
			}
		}
	}
}
