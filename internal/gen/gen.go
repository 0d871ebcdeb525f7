// Package gen generates synthetic treaties of any size, deterministically,
// for benchmarks and scaling tests: sections of ten paragraphs, every third
// paragraph with three items, negotiation inserts and cross-references
// spread through the text, in English.
package gen

import (
	"fmt"
	"strings"
	"testing/fstest"
)

// Treaty returns a project with one document "treaty" of n paragraphs.
func Treaty(n int) fstest.MapFS {
	const perSection = 10
	sections := (n + perSection - 1) / perSection
	fsys := fstest.MapFS{}
	var parts []string
	p := 0
	for s := 1; s <= sections; s++ {
		name := fmt.Sprintf("%05d.yaml", s)
		parts = append(parts, name)
		var b strings.Builder
		fmt.Fprintf(&b, "section: s%d\nheading: {en: \"Section heading number %d\"}\nparagraphs:\n", s, s)
		for k := 1; k <= perSection && p < n; k++ {
			p++
			fmt.Fprintf(&b, "  - id: s%d.p%d\n    text: {en: \"%s\"}\n", s, k, sentence(p, s, k, sections))
			if p%3 == 0 {
				b.WriteString("    items:\n")
				for i := 1; i <= 3; i++ {
					fmt.Fprintf(&b, "      - id: s%d.p%d.i%d\n", s, k, i)
					if i == 3 && p%9 == 0 {
						b.WriteString("        insert: true\n")
					}
					fmt.Fprintf(&b, "        text: {en: \"the *Participants* will cooperate in area %d of paragraph %d;\"}\n", i, p)
				}
			}
		}
		fsys["clauses/treaty/"+name] = &fstest.MapFile{Data: []byte(b.String())}
	}
	doc := fmt.Sprintf(`id: treaty
languages: [en]
issuer: {en: Generated Secretariat}
subject: {en: Generated treaty of %d paragraphs}
title:
  - {en: GENERATED AGREEMENT}
parties:
  - id: a
    name: {en: Party A}
    description: {en: "PARTY A, an organization;"}
    for: {en: "For Party A:"}
    signatory: {en: Signatory A}
    office: {en: Office A}
  - id: b
    name: {en: Party B}
    description: {en: "PARTY B, an organization;"}
    for: {en: "For Party B:"}
    signatory: {en: Signatory B}
    office: {en: Office B}
parties_intro: {en: THIS AGREEMENT IS ENTERED INTO BETWEEN}
parties_joiner: {en: and}
closing: {en: "IN WITNESS WHEREOF, the undersigned have signed this Agreement."}
signature: [signature, date]
parts: [%s]
`, n, strings.Join(parts, ", "))
	fsys["clauses/treaty/document.yaml"] = &fstest.MapFile{Data: []byte(doc)}
	return fsys
}

// sentence is the text of paragraph p (the k-th of section s): about forty
// words, with a reference to another section every second paragraph.
func sentence(p, s, k, sections int) string {
	text := fmt.Sprintf("The Participants will, in accordance with their national legislation and within the limits of the resources available to them, exchange hydrological data on matter %d, hold consultations at the request of either of them and inform each other in good time of planned works on shared rivers", p)
	if p%2 == 0 {
		target := (s+k)%sections + 1
		text += fmt.Sprintf(", as set out in {ref:s%d}", target)
	}
	return text + "."
}
