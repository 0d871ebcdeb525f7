package check

import "github.com/chancery-dev/chancery/internal/model"

// ownedText is one text of the document in one of its languages, with the
// unit it belongs to (nil for the title block, parties, recitals and
// closing).
type ownedText struct {
	unit  *model.Unit
	lang  string
	loc   *model.Localized
	plain *located
}

// collectTexts lists every text of doc in the languages doc is built in,
// in reading order. Texts in other languages are not built, so they are
// not checked.
func collectTexts(doc *model.Document) []ownedText {
	owner := map[*model.Localized]*model.Unit{}
	doc.Walk(func(u *model.Unit) {
		for _, t := range []model.Text{u.Heading, u.Text} {
			for _, loc := range t {
				owner[loc] = u
			}
		}
	})
	var out []ownedText
	doc.Texts(func(t model.Text) {
		for _, lang := range doc.Languages {
			if loc := t[lang]; loc != nil {
				out = append(out, ownedText{unit: owner[loc], lang: lang, loc: loc, plain: locate(loc)})
			}
		}
	})
	return out
}
