// Command export writes a document of a project, as chancery assembles
// it, in pandoc Markdown and in Typst markup, so that peers.sh can time
// pandoc and Typst on the same text.
//
// Usage: go run ./testdata/bench/export [-C PROJECT] [--document ID] [--lang L] DIR
//
// It writes DIR/doc.md and DIR/doc.typ; the document is the project's
// first unless --document names one, in its first language unless --lang
// names another.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
)

func main() {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	project := fs.String("C", ".", "project directory")
	id := fs.String("document", "", "document id (default: the project's first)")
	tag := fs.String("lang", "", "language (default: the document's first)")
	if err := fs.Parse(os.Args[1:]); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: export [-C PROJECT] [--document ID] [--lang L] DIR")
		os.Exit(2)
	}
	res, diags := build.Assemble(os.DirFS(*project), build.Options{})
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags)
		os.Exit(1)
	}
	docs := res.Project.Documents
	if len(docs) == 0 {
		fmt.Fprintf(os.Stderr, "export: %s has no documents\n", *project)
		os.Exit(1)
	}
	doc := docs[0]
	if *id != "" {
		if doc = res.Project.Document(*id); doc == nil {
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			fmt.Fprintf(os.Stderr, "export: no document %q (documents: %s)\n", *id, strings.Join(ids, ", "))
			os.Exit(2)
		}
	}
	lang := doc.Languages[0]
	if *tag != "" {
		if !slices.Contains(doc.Languages, *tag) {
			fmt.Fprintf(os.Stderr, "export: %s is not written in %q (languages: %s)\n", doc.ID, *tag, strings.Join(doc.Languages, ", "))
			os.Exit(2)
		}
		lang = *tag
	}
	paras := paragraphs(doc, lang)
	for name, data := range map[string]string{"doc.md": markdown(paras), "doc.typ": typst(paras)} {
		if err := os.WriteFile(filepath.Join(fs.Arg(0), name), []byte(data), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// para is one paragraph of the flattened document.
type para struct {
	kind  string // title, heading, body or unit
	label string
	depth int // of a unit
	text  string
}

// paragraphs flattens the document into paragraphs in reading order, the
// same content both markups get.
func paragraphs(doc *model.Document, tag string) []para {
	txt := func(t model.Text) string {
		if t[tag] == nil {
			return ""
		}
		return model.PlainText(t[tag].Runs)
	}
	var out []para
	body := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, para{kind: "body", text: s})
		}
	}
	for _, t := range doc.Title {
		out = append(out, para{kind: "title", text: txt(t)})
	}
	for i, p := range doc.Parties {
		if i == 0 {
			body(txt(doc.PartiesIntro) + " " + txt(p.Description))
		} else {
			body(txt(doc.PartiesJoiner))
			body(txt(p.Description))
		}
	}
	body(txt(doc.PartiesOutro))
	for _, r := range doc.Recitals {
		body(txt(r.Lead) + " " + txt(r.Text))
	}
	body(txt(doc.Transition))
	doc.Walk(func(u *model.Unit) {
		if u.Depth == 0 {
			out = append(out, para{kind: "heading", label: u.Label, text: txt(u.Heading)})
		} else {
			out = append(out, para{kind: "unit", label: u.Label, depth: u.Depth, text: txt(u.Text)})
		}
	})
	body(txt(doc.Closing))
	for _, p := range doc.Parties {
		body(txt(p.For) + " " + txt(p.Signatory) + " " + txt(p.Office) + " ____ ____")
	}
	return out
}

func markdown(paras []para) string {
	var b strings.Builder
	esc := strings.NewReplacer("*", `\*`, "[", `\[`, "]", `\]`)
	for _, p := range paras {
		text := esc.Replace(p.text)
		switch p.kind {
		case "title":
			fmt.Fprintf(&b, "**%s**\n\n", text)
		case "heading":
			fmt.Fprintf(&b, "## %s %s\n\n", p.label, text)
		case "body":
			fmt.Fprintf(&b, "%s\n\n", text)
		default:
			indent := strings.Repeat("    ", max(p.depth-1, 0))
			fmt.Fprintf(&b, "%s%s %s\n\n", indent, esc.Replace(p.label), text)
		}
	}
	return b.String()
}

func typst(paras []para) string {
	var b strings.Builder
	b.WriteString("#set page(paper: \"a4\", margin: 25mm, numbering: \"1\")\n#set text(size: 12pt)\n#set par(justify: true)\n\n")
	esc := strings.NewReplacer("\\", "\\\\", "#", "\\#", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "$", "\\$", "@", "\\@", "<", "\\<", "`", "\\`", "/", "\\/")
	for _, p := range paras {
		text := esc.Replace(p.text)
		switch p.kind {
		case "title":
			fmt.Fprintf(&b, "#align(center)[*%s*]\n\n", text)
		case "heading":
			fmt.Fprintf(&b, "*%s %s*\n\n", esc.Replace(p.label), text)
		case "body":
			fmt.Fprintf(&b, "%s\n\n", text)
		default:
			fmt.Fprintf(&b, "#pad(left: %dem)[%s %s]\n\n", 2*max(p.depth-1, 0), esc.Replace(p.label), text)
		}
	}
	return b.String()
}
