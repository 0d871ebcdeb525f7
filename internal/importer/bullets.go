package importer

import (
	"fmt"
	"strings"

	"github.com/chancery-dev/chancery/internal/model"
)

// openBullet is a bullet of the list being read, with its list level.
type openBullet struct {
	level int
	unit  *model.Unit
}

// bulletList follows the bullet lists of the body: the unit the next
// bullet list belongs to, the bullets still open and the bullet
// characters found at each depth.
type bulletList struct {
	anchor *model.Unit
	open   []openBullet
	chars  []string
}

// follow makes u the unit a bullet list met next belongs to.
func (b *bulletList) follow(u *model.Unit) {
	b.anchor, b.open = u, nil
}

// add places a bullet paragraph: under the open bullet of a lower level,
// else under the unit the list follows. It returns the new unit.
func (b *bulletList) add(p *Para, text model.Text) *model.Unit {
	for len(b.open) > 0 && b.open[len(b.open)-1].level >= p.Level {
		b.open = b.open[:len(b.open)-1]
	}
	parent := b.anchor
	if n := len(b.open); n > 0 {
		parent = b.open[n-1].unit
	}
	u := &model.Unit{Depth: parent.Depth + 1, Bullet: true, Text: text, Parent: parent}
	parent.Children = append(parent.Children, u)
	b.open = append(b.open, openBullet{p.Level, u})
	if depth := len(b.open) - 1; depth >= len(b.chars) {
		b.chars = append(b.chars, bulletChar(p.BulletChar, depth))
	}
	return u
}

// bulletChar is the character a bullet prints: Word's Symbol and
// Wingdings bullets (private-use code points) as the Unicode characters
// they show, an empty bullet as chancery's default at its depth.
func bulletChar(s string, depth int) string {
	s = strings.TrimSpace(s)
	symbols := map[string]string{"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0a8": "□", "\uf06e": "■", "\uf06c": "●"}
	if c, ok := symbols[s]; ok {
		return c
	}
	for _, r := range s {
		if r >= 0xe000 && r <= 0xf8ff {
			return "•" // another symbol font's bullet
		}
	}
	if s == "" {
		return model.DefaultBullets()[min(depth, len(model.DefaultBullets())-1)]
	}
	return s
}

// bulletMarker reads a text line's bullet ("- ", "• ", "– ", and the
// Markdown "* ", "+ "): the character it prints and the text after it.
func bulletMarker(line string) (char, rest string, ok bool) {
	for _, m := range [][2]string{{"- ", "-"}, {"• ", "•"}, {"– ", "–"}, {"* ", "•"}, {"+ ", "•"}} {
		if strings.HasPrefix(line, m[0]) {
			return m[1], strings.TrimSpace(line[len(m[0]):]), true
		}
	}
	return "", line, false
}

// settleBullets keeps the bullet lists the model can hold: a unit has
// numbered children or bullets, not both, so bullets beside paragraphs
// or items become unnumbered ones (their own bullets kept), each
// reported. It then sets the document's bullets and reports the lists.
func (in *inferrer) settleBullets(b *bulletList) {
	lists, bullets := 0, 0
	var walk func(u *model.Unit)
	walk = func(u *model.Unit) {
		mixed, has := false, false
		for _, c := range u.Children {
			if c.Bullet {
				has = true
			} else {
				mixed = true
			}
		}
		if has && mixed {
			for _, c := range u.Children {
				if c.Bullet {
					c.Bullet = false
					in.unplaced(in.where[c], firstWords(model.PlainText(c.Text[in.tag].Runs), 5),
						"a bullet beside paragraphs or items of the same unit (chancery holds one or the other); kept as an unnumbered paragraph")
				}
			}
			has = false
		}
		if has {
			lists++
		}
		for _, c := range u.Children {
			if c.Bullet {
				bullets++
			}
			walk(c)
		}
	}
	for _, s := range in.doc.Sections {
		walk(s)
	}
	if bullets == 0 {
		return
	}
	if !isPrefix(b.chars, model.DefaultBullets()) {
		in.doc.Numbering.Bullets = b.chars
	}
	in.report.recognised("%s (%s: %s)", count(lists, "bullet list"), count(bullets, "bullet"), quoteAll(b.chars))
}

// isPrefix reports whether xs begins ys.
func isPrefix(xs, ys []string) bool {
	if len(xs) > len(ys) {
		return false
	}
	for i := range xs {
		if xs[i] != ys[i] {
			return false
		}
	}
	return true
}

// quoteAll writes strings quoted, separated by commas.
func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
