// Package translate serves the translators of an instrument: it lists the
// texts of a document by address, records which version of the base text
// a translation translates (translated: fingerprints, chancery translate
// confirm), and carries texts to and from XLIFF 1.2 for CAT tools
// (chancery translate export / import), writing translations back into
// the clause YAML without touching the rest of the files' layout.
//
// The base language of a document is its first language.
package translate

import (
	"fmt"
	"strconv"

	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/yamledit"
)

// Entry is one translatable text of a document.
type Entry struct {
	// Address names the text as package lower names its block: a unit's
	// id (a section's id for its heading), unnumbered.N for a unit without
	// one, or the text's role and position: title.1, party.<id> (the
	// party's paragraph), party.<id>.for, .signatory, .office,
	// party.<id>.joiner (the joiner before that party, which is one text
	// for all joiners), parties.outro, a recital's id or recital.N (and
	// <that>.lead for its lead word), transition, closing. Texts that no
	// block prints have addresses of the same kind: party.<id>.name,
	// parties.intro, subject, issuer.
	Address string
	Text    model.Text
	Unit    *model.Unit   // the unit whose text it is; nil for the other texts
	File    string        // project-relative YAML file
	Path    yamledit.Path // of the per-language mapping in File
}

// Entries lists the texts of doc in reading order.
func Entries(doc *model.Document) []Entry {
	var out []Entry
	docFile := doc.Dir + "/document.yaml"
	add := func(addr string, t model.Text, file string, path yamledit.Path) {
		if t == nil {
			return
		}
		if f := fileOf(t); f != "" {
			file = f
		}
		out = append(out, Entry{Address: addr, Text: t, File: file, Path: path})
	}
	add("subject", doc.Subject, docFile, yamledit.Path{yamledit.Key("subject")})
	add("issuer", doc.Issuer, docFile, yamledit.Path{yamledit.Key("issuer")})
	for i, t := range doc.Title {
		add("title."+strconv.Itoa(i+1), t, docFile, yamledit.Path{yamledit.Key("title"), yamledit.Index(i)})
	}
	add("parties.intro", doc.PartiesIntro, docFile, yamledit.Path{yamledit.Key("parties_intro")})
	for i, p := range doc.Parties {
		at := yamledit.Path{yamledit.Key("parties"), yamledit.Index(i)}
		if i == 1 {
			add("party."+p.ID+".joiner", doc.PartiesJoiner, docFile, yamledit.Path{yamledit.Key("parties_joiner")})
		}
		add("party."+p.ID, p.Description, docFile, at.Append(yamledit.Key("description")))
		for _, f := range []struct {
			key string
			t   model.Text
		}{{"name", p.Name}, {"for", p.For}, {"signatory", p.Signatory}, {"office", p.Office}} {
			add(fmt.Sprintf("party.%s.%s", p.ID, f.key), f.t, docFile, at.Append(yamledit.Key(f.key)))
		}
	}
	add("parties.outro", doc.PartiesOutro, docFile, yamledit.Path{yamledit.Key("parties_outro")})
	inFile := map[string]int{} // recitals seen per file
	for i, rc := range doc.Recitals {
		k := inFile[rc.Pos.File]
		inFile[rc.Pos.File]++
		addr := rc.ID
		if addr == "" {
			addr = "recital." + strconv.Itoa(i+1)
		}
		at := yamledit.Path{yamledit.Key("recitals"), yamledit.Index(k)}
		add(addr+".lead", rc.Lead, rc.Pos.File, at.Append(yamledit.Key("lead")))
		add(addr, rc.Text, rc.Pos.File, at.Append(yamledit.Key("text")))
	}
	add("transition", doc.Transition, docFile, yamledit.Path{yamledit.Key("transition")})
	unnumbered := 0
	for _, s := range doc.Sections {
		add(s.ID, s.Heading, s.Pos.File, yamledit.Path{yamledit.Key("heading")})
		var walk func(u *model.Unit, path yamledit.Path)
		walk = func(u *model.Unit, path yamledit.Path) {
			key := "items"
			if u.Depth == 0 {
				key = "paragraphs"
			}
			for i, c := range u.Children {
				p := path.Append(yamledit.Key(key), yamledit.Index(i))
				addr := c.ID
				if addr == "" {
					unnumbered++
					addr = "unnumbered." + strconv.Itoa(unnumbered)
				}
				if c.Text != nil {
					out = append(out, Entry{Address: addr, Text: c.Text, Unit: c, File: s.Pos.File, Path: p.Append(yamledit.Key("text"))})
				}
				walk(c, p)
			}
		}
		walk(s, nil)
	}
	add("closing", doc.Closing, docFile, yamledit.Path{yamledit.Key("closing")})
	return out
}

// fileOf is the file a text was loaded from.
func fileOf(t model.Text) string {
	for _, l := range t.Langs() {
		return t[l].Pos.File
	}
	return ""
}

// unitPath is the path of the unit whose text is at e.Path.
func (e Entry) unitPath() yamledit.Path { return e.Path.Parent() }
