package note

import "github.com/chancery-dev/chancery/internal/model"

// data builds what a template sees as dot, in language tag: maps, so that
// an unknown key is an error (missingkey=error), and dates as model.Date
// for the date function. Absent optional facts are nil, so that {{with}}
// and {{if}} can test them.
//
//	.ID .Language .Number .Date .Place
//	.Issuer.Name .Issuer.Short
//	.Addressee.Name .Addressee.Short
//	.RefersTo.Number .RefersTo.Date     (nil without refers_to)
//	.Enclosure.Document .Enclosure.Title (nil without enclosure)
//	.Deadline                           (nil without deadline)
//	.Fields.NAME                        (the note's fields:)
//	.Purpose .Body                      (rendered; not seen by the body itself)
func data(n *model.Note, tag string) map[string]any {
	d := map[string]any{
		"ID":       n.ID,
		"Language": tag,
		"Number":   n.Number,
		"Date":     n.Date,
		"Place":    n.Place.In(tag),
		"Issuer": map[string]any{
			"Name":  n.Issuer.Name.In(tag),
			"Short": n.Issuer.Short.In(tag),
		},
		"Addressee": map[string]any{
			"Name":  n.Addressee.Name.In(tag),
			"Short": n.Addressee.Short.In(tag),
		},
		"RefersTo":  nil,
		"Enclosure": nil,
		"Deadline":  nil,
	}
	fields := map[string]any{}
	for name, t := range n.Fields {
		fields[name] = t.In(tag)
	}
	d["Fields"] = fields
	if r := n.RefersTo; r != nil {
		d["RefersTo"] = map[string]any{"Number": r.Number, "Date": r.Date}
	}
	if e := n.Enclosure; e != nil {
		d["Enclosure"] = map[string]any{"Document": e.Document, "Title": e.Title.In(tag)}
	}
	if n.Deadline != nil {
		d["Deadline"] = *n.Deadline
	}
	return d
}
