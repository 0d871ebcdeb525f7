package xref

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

const fuzzDoc = `id: t
languages: [en, ru, kk]
title:
  - {en: T, ru: Т, kk: Т}
parts: [01.yaml]
aliases:
  old: a.one
  loop1: loop2
  loop2: loop1
`

// fuzzProject is a small document whose paragraph a.two says text in all
// three languages.
func fuzzProject(text string) fstest.MapFS {
	q, _ := json.Marshal(text)
	part := "section: a\nheading: {en: A, ru: А, kk: А}\nparagraphs:\n" +
		"  - id: a.one\n    text: {en: one, ru: один, kk: бір}\n    items:\n" +
		"      - id: a.one.x\n        text: {en: x, ru: х, kk: х}\n" +
		"      - id: a.one.y\n        insert: true\n        text: {en: y, ru: у, kk: у}\n" +
		"  - id: a.two\n    text: {en: " + string(q) + ", ru: " + string(q) + ", kk: " + string(q) + "}\n" +
		"  - numbered: false\n    text: {en: free, ru: free, kk: free}\n"
	return fstest.MapFS{
		"clauses/t/document.yaml": {Data: []byte(fuzzDoc)},
		"clauses/t/01.yaml":       {Data: []byte(part)},
	}
}

// FuzzResolve resolves fuzzed references in every language: no panic, and
// every reference either resolves to non-empty text or is reported at its
// position.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"see {ref:a.one}", "{ref:a.one.x|dat}", "{ref:a.one.y|gen,poss,contnom}", "{ref:a,a.one|rel}",
		"{ref:old|cap}", "{ref:loop1}", "{ref:a.two}", "{ref:nosuch}", "{ref:src@II.3}", "{ref:a.one,a.one.x}",
		"{ref:a|attr}", "{ref:a.one.x|ins}.",
	} {
		f.Add(s)
	}
	engine, err := lang.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, diags := load.Document(fuzzProject(text), "clauses/t")
		if doc == nil || diags.HasErrors() {
			return
		}
		number.Document(doc, number.Options{})
		_, rd := Resolve(doc, nil, engine)
		reported := map[int]bool{}
		for _, d := range rd {
			reported[d.Pos.Col] = true
		}
		doc.Texts(func(t2 model.Text) {
			for _, loc := range t2 {
				model.WalkInline(loc.Runs, func(in model.Inline) {
					if r, ok := in.(*model.Ref); ok && strings.TrimSpace(r.Resolved) == "" && !reported[r.Pos.Col] {
						t.Errorf("reference %v at %s neither resolved nor reported", r.IDs, r.Pos)
					}
				})
			}
		})
	})
}
