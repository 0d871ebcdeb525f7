package redline

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/number"
)

// Who and when the test redlines attribute their changes to.
const (
	testAuthor = "A. Drafter"
	testDate   = "2024-05-13T09:30:00Z"
)

func testTime(t testing.TB) time.Time {
	t.Helper()
	d, err := time.Parse(time.RFC3339, testDate)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func english(t testing.TB) *lang.Language {
	t.Helper()
	e, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	l, err := e.Language("en")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func testOptions(t testing.TB) Options {
	return Options{Lang: english(t), Author: testAuthor, Time: testTime(t)}
}

// compare compares two versions of a document in English.
func compare(t *testing.T, old, new *model.Document) *Document {
	t.Helper()
	d, err := Compare(old, new, english(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// compareEdited compares the agreement with a copy changed by change.
func compareEdited(t *testing.T, change func(fstest.MapFS)) *Document {
	t.Helper()
	old := assembleAgreement(t, agreementFS(t))
	changed := agreementFS(t)
	change(changed)
	return compare(t, old, assembleAgreement(t, changed))
}

// shorterTerm changes "five (5) years" to "three (3) years" in 8.2.
func shorterTerm(t *testing.T) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		edit(t, fsys, agreementFile("08-final.yaml"), "a period of five (5) years", "a period of three (3) years")
	}
}

// reviewParagraph is the paragraph newReview inserts, as YAML.
const reviewParagraph = `  - id: final.review
    text:
      en: The Parties may review the implementation of this Agreement at their meetings.
      ru: Стороны могут рассматривать ход выполнения настоящего Соглашения на своих встречах.
      kk: Тараптар осы Келісімнің орындалу барысын өз кездесулерінде қарай алады.
`

// newReview inserts a paragraph before final.amendment (8.3).
func newReview(t *testing.T) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		edit(t, fsys, agreementFile("08-final.yaml"), "  - id: final.amendment\n", reviewParagraph+"  - id: final.amendment\n")
	}
}

// noAmendment removes final.amendment (8.3).
func noAmendment(t *testing.T) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		file := agreementFile("08-final.yaml")
		s := string(fsys[file].Data)
		i := strings.Index(s, "  - id: final.amendment\n")
		j := strings.Index(s, "  - id: final.projects\n")
		if i < 0 || j < i {
			t.Fatalf("%s lacks final.amendment before final.projects", file)
		}
		fsys[file] = &fstest.MapFile{Data: []byte(s[:i] + s[j:])}
	}
}

// xmlNode is an element of a parsed XML part.
type xmlNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xmlNode  `xml:",any"`
	Text    string     `xml:",chardata"`
	// numbers are the number Word prints before a paragraph with every
	// change rejected ([0]) and accepted ([1]); "" for none (see
	// wordNumbers).
	numbers [2]string
}

// nsW is the WordprocessingML namespace.
const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

func parseXML(t *testing.T, data []byte) *xmlNode {
	t.Helper()
	var n xmlNode
	if err := xml.Unmarshal(data, &n); err != nil {
		t.Fatalf("parsing XML: %v", err)
	}
	return &n
}

// is tells whether n is the WordprocessingML element local.
func (n *xmlNode) is(local string) bool {
	return n.XMLName.Space == nsW && n.XMLName.Local == local
}

// all returns the descendants of n that are the w: element local, in
// document order.
func (n *xmlNode) all(local string) []*xmlNode {
	var out []*xmlNode
	for i := range n.Nodes {
		c := &n.Nodes[i]
		if c.is(local) {
			out = append(out, c)
		}
		out = append(out, c.all(local)...)
	}
	return out
}

// child returns the first child of n that is the w: element local.
func (n *xmlNode) child(local string) *xmlNode {
	for i := range n.Nodes {
		if n.Nodes[i].is(local) {
			return &n.Nodes[i]
		}
	}
	return nil
}

// attr returns the value of the w: attribute local.
func (n *xmlNode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Space == nsW && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// text returns the text a paragraph (or any element) shows with every
// change accepted (accepted) or rejected: w:t outside w:del and w:delText
// inside it, w:tab as a tab.
func (n *xmlNode) text(accepted bool) string {
	var b strings.Builder
	var walk func(n *xmlNode, inIns, inDel bool)
	walk = func(n *xmlNode, inIns, inDel bool) {
		switch {
		case n.is("t") && (accepted || !inIns) && !inDel:
			b.WriteString(n.Text)
		case n.is("delText") && !accepted:
			b.WriteString(n.Text)
		case n.is("tab") && !(accepted && inDel) && !(!accepted && inIns):
			b.WriteByte('\t')
		case n.is("pPr"):
			return
		}
		for i := range n.Nodes {
			walk(&n.Nodes[i], inIns || n.is("ins"), inDel || n.is("del"))
		}
	}
	walk(n, false, false)
	v := 0
	if accepted {
		v = 1
	}
	if n.numbers[v] != "" {
		return n.numbers[v] + b.String()
	}
	return b.String()
}

// docxParts unzips a package.
func docxParts(t *testing.T, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts, zr.File
}

// paragraphs returns the w:p of word/document.xml's body, tables' too,
// each with the numbers Word prints before it (wordNumbers).
func paragraphs(t *testing.T, data []byte) (*xmlNode, []*xmlNode) {
	t.Helper()
	parts, _ := docxParts(t, data)
	doc := parseXML(t, parts["word/document.xml"])
	ps := doc.all("p")
	if parts["word/numbering.xml"] != nil {
		wordNumbers(ps, parseXML(t, parts["word/styles.xml"]), parseXML(t, parts["word/numbering.xml"]))
	}
	return doc, ps
}

// wordNumbers counts the numbered paragraphs as Word does, once with
// every change rejected and once with every change accepted, and sets
// each paragraph's numbers: a paragraph is numbered by its numPr or else
// its style's (numId 0: not numbered); a paragraph whose mark is inserted
// is not in the old version, one whose mark is deleted not in the new.
func wordNumbers(ps []*xmlNode, styles, numbering *xmlNode) {
	type numPr struct{ numID, ilvl string }
	read := func(ppr *xmlNode) *numPr {
		if ppr == nil || ppr.child("numPr") == nil {
			return nil
		}
		n := ppr.child("numPr")
		ilvl := "0"
		if n.child("ilvl") != nil {
			ilvl = n.child("ilvl").attr("val")
		}
		return &numPr{n.child("numId").attr("val"), ilvl}
	}
	styleNum := map[string]*numPr{}
	for _, st := range styles.all("style") {
		styleNum[st.attr("styleId")] = read(st.child("pPr"))
	}
	abstractOf := map[string]string{}
	for _, n := range numbering.all("num") {
		abstractOf[n.attr("numId")] = n.child("abstractNumId").attr("val")
	}
	type level struct{ format, text, suff string }
	levels := map[string][9]level{}
	for _, a := range numbering.all("abstractNum") {
		var ls [9]level
		for _, l := range a.all("lvl") {
			k, _ := strconv.Atoi(l.attr("ilvl"))
			suff := "\t"
			if l.child("suff") != nil && l.child("suff").attr("val") == "nothing" {
				suff = ""
			}
			ls[k] = level{l.child("numFmt").attr("val"), l.child("lvlText").attr("val"), suff}
		}
		levels[a.attr("abstractNumId")] = ls
	}
	format := func(f string, n int) string {
		switch f {
		case "lowerRoman":
			return number.Roman(n)
		case "upperRoman":
			return strings.ToUpper(number.Roman(n))
		case "lowerLetter":
			return number.Alpha(n)
		case "upperLetter":
			return strings.ToUpper(number.Alpha(n))
		}
		return strconv.Itoa(n)
	}
	for v, accepted := range []bool{false, true} {
		counters := map[string]*[9]int{}
		for _, p := range ps {
			ppr := p.child("pPr")
			if ppr == nil {
				continue
			}
			if rpr := ppr.child("rPr"); rpr != nil && (rpr.child("ins") != nil && !accepted || rpr.child("del") != nil && accepted) {
				continue
			}
			n := read(ppr)
			if n == nil && ppr.child("pStyle") != nil {
				n = styleNum[ppr.child("pStyle").attr("val")]
			}
			if n == nil || n.numID == "0" {
				continue
			}
			c := counters[n.numID]
			if c == nil {
				c = &[9]int{}
				counters[n.numID] = c
			}
			k, _ := strconv.Atoi(n.ilvl)
			c[k]++
			for j := k + 1; j < 9; j++ {
				c[j] = 0
			}
			ls := levels[abstractOf[n.numID]]
			text := ls[k].text
			for j := 8; j >= 0; j-- {
				text = strings.ReplaceAll(text, "%"+strconv.Itoa(j+1), format(ls[j].format, max(c[j], 1)))
			}
			p.numbers[v] = text + ls[k].suff
		}
	}
}

// paragraphStarting returns the paragraph whose new text starts with
// prefix.
func paragraphStarting(t *testing.T, ps []*xmlNode, prefix string) *xmlNode {
	t.Helper()
	for _, p := range ps {
		if strings.HasPrefix(p.text(true), prefix) || strings.HasPrefix(p.text(false), prefix) {
			return p
		}
	}
	t.Fatalf("no paragraph starts with %q", prefix)
	return nil
}

// needTool skips the test when a command-line tool is not installed (and
// fails it under CI=true, naming the Debian package).
func needTool(t *testing.T, name string) {
	t.Helper()
	clienttest.Tool(t, name)
}

// writeTemp writes data into a file of the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs a tool and returns its standard output; a failure fails the
// test.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// summaryHeading heads the summary of an English redline.
const summaryHeading = "Summary of changes"
