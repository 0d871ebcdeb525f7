// Command export writes the example MoU, as chancery assembles it, in
// pandoc Markdown and in Typst markup, so that peers.sh can time pandoc and
// Typst on the same document. Usage: go run ./testdata/bench/export DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: export DIR")
		os.Exit(2)
	}
	res, diags := build.Assemble(os.DirFS("."), build.Options{})
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags)
		os.Exit(1)
	}
	doc := res.Project.Document("unoct-cica-mou")
	md, typ := markdown(doc), typst(doc)
	for name, data := range map[string]string{"mou.md": md, "mou.typ": typ} {
		if err := os.WriteFile(filepath.Join(os.Args[1], name), []byte(data), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// paragraphs flattens the document into (label, depth, text) lines in
// reading order, the same content both markups get.
func paragraphs(doc *model.Document) [][3]string {
	en := func(t model.Text) string {
		if t["en"] == nil {
			return ""
		}
		return model.PlainText(t["en"].Runs)
	}
	var out [][3]string
	add := func(label, depth, text string) { out = append(out, [3]string{label, depth, text}) }
	for _, t := range doc.Title {
		add("", "title", en(t))
	}
	for i, p := range doc.Parties {
		if i == 0 {
			add("", "body", en(doc.PartiesIntro)+" "+en(p.Description))
		} else {
			add("", "body", en(doc.PartiesJoiner))
			add("", "body", en(p.Description))
		}
	}
	add("", "body", en(doc.PartiesOutro))
	for _, r := range doc.Recitals {
		add("", "body", en(r.Lead)+" "+en(r.Text))
	}
	add("", "body", en(doc.Transition))
	doc.Walk(func(u *model.Unit) {
		if u.Depth == 0 {
			add(u.Label, "heading", en(u.Heading))
		} else {
			add(u.Label, fmt.Sprint(u.Depth), en(u.Text))
		}
	})
	add("", "body", en(doc.Closing))
	for _, p := range doc.Parties {
		add("", "body", en(p.For)+" "+en(p.Signatory)+" "+en(p.Office)+" Signature: ____ Date: ____")
	}
	return out
}

func markdown(doc *model.Document) string {
	var b strings.Builder
	for _, p := range paragraphs(doc) {
		text := strings.NewReplacer("*", `\*`, "[", `\[`, "]", `\]`).Replace(p[2])
		switch p[1] {
		case "title":
			fmt.Fprintf(&b, "**%s**\n\n", text)
		case "heading":
			fmt.Fprintf(&b, "## %s %s\n\n", p[0], text)
		case "body":
			fmt.Fprintf(&b, "%s\n\n", text)
		default:
			indent := strings.Repeat("    ", len(p[1])-1)
			fmt.Fprintf(&b, "%s%s %s\n\n", indent, p[0], text)
		}
	}
	return b.String()
}

func typst(doc *model.Document) string {
	var b strings.Builder
	b.WriteString("#set page(paper: \"a4\", margin: 25mm, numbering: \"1\")\n#set text(size: 12pt)\n#set par(justify: true)\n\n")
	esc := strings.NewReplacer("\\", "\\\\", "#", "\\#", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "$", "\\$", "@", "\\@", "<", "\\<", "`", "\\`", "/", "\\/")
	for _, p := range paragraphs(doc) {
		text := esc.Replace(p[2])
		switch p[1] {
		case "title":
			fmt.Fprintf(&b, "#align(center)[*%s*]\n\n", text)
		case "heading":
			fmt.Fprintf(&b, "*%s %s*\n\n", esc.Replace(p[0]), text)
		case "body":
			fmt.Fprintf(&b, "%s\n\n", text)
		default:
			fmt.Fprintf(&b, "#pad(left: %dem)[%s %s]\n\n", 2*(len(p[1])-1), esc.Replace(p[0]), text)
		}
	}
	return b.String()
}
