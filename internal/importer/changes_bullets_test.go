package importer

import (
	"strings"
	"testing"
	"testing/fstest"
)

// bulletReport is a fictitious report whose section holds three bullets
// without ids, as reports write them.
func bulletReport() fstest.MapFS {
	return fstest.MapFS{
		"clauses/rep/document.yaml": {Data: []byte(`id: rep
languages: [en]
title:
  - {en: Report of the Basin Meeting}
numbering:
  schemes:
    section: {label: "{n}.", ref: "{n}", term: section}
    paragraph: {label: "{up}.{n}", term: paragraph}
  levels: [section, paragraph]
  bullets: ["-"]
parts: [01.yaml]
`)},
		"clauses/rep/01.yaml": {Data: []byte(`section: outcomes
heading: {en: Outcomes}
bullets:
  - text: {en: "The gauging stations were listed;"}
  - text: {en: "The flood warnings were compared;"}
  - text: {en: "The next meeting was set for May."}
`)},
	}
}

// A tracked change in the second of three bullets without ids lands in
// the second bullet. Before, every bullet without an id was found as the
// first one, and the change was written there.
func TestChangesInABulletWithoutAnID(t *testing.T) {
	project := bulletReport()
	data := output(t, buildFS(t, project, "docx"), ".en.docx")
	returned := repack(t, data, func(name, text string) string {
		if name != "word/document.xml" {
			return text
		}
		s, e := paragraph(t, text, "The flood warnings were compared;")
		p := strings.Replace(text[s:e], "The flood warnings were compared;</w:t></w:r>",
			`The flood warnings were compared</w:t></w:r><w:ins w:id="91" w:author="Counterpart"><w:r><w:t xml:space="preserve"> and found to agree</w:t></w:r></w:ins><w:r><w:t>;</w:t></w:r>`, 1)
		return text[:s] + p + text[e:]
	}, nil)
	cs, _ := takeChanges(t, project, "rep", returned)
	if len(cs.Report.Unplaced) != 0 {
		t.Errorf("unplaced: %v", cs.Report.Unplaced)
	}
	want := strings.Replace(string(project["clauses/rep/01.yaml"].Data),
		"The flood warnings were compared;", "The flood warnings were compared and found to agree;", 1)
	if got := string(cs.Files["clauses/rep/01.yaml"]); got != want {
		t.Errorf("01.yaml after the change:\n%s\nwant:\n%s", got, want)
	}
}

// A bullet without an id that the counterpart deleted is reported, not
// guessed at: its file stays as it was.
func TestChangesDeletingABulletWithoutAnIDIsReported(t *testing.T) {
	project := bulletReport()
	data := output(t, buildFS(t, project, "docx"), ".en.docx")
	returned := repack(t, data, func(name, text string) string {
		if name != "word/document.xml" {
			return text
		}
		s, e := paragraph(t, text, "The next meeting was set for May.")
		return text[:s] + wrapRuns(text[s:e], "del") + text[e:]
	}, nil)
	cs, _ := takeChanges(t, project, "rep", returned)
	if len(cs.Files) != 0 {
		t.Errorf("files changed: %v", cs.Files)
	}
	if len(cs.Report.Unplaced) != 1 || cs.Report.Unplaced[0].Why != "a bullet without an id is deleted: remove it from clauses/rep/01.yaml by hand" {
		t.Errorf("unplaced: %+v", cs.Report.Unplaced)
	}
}
