package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/docxread"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// repack rewrites the parts of a DOCX with edit, adding the parts in add.
func repack(t *testing.T, data []byte, edit func(name, text string) string, add map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write([]byte(edit(f.Name, string(b))))
	}
	for name, text := range add {
		w, _ := zw.Create(name)
		w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// paragraph returns the bounds of the w:p element holding text.
func paragraph(t *testing.T, xml, text string) (int, int) {
	t.Helper()
	i := strings.Index(xml, text)
	if i < 0 {
		t.Fatalf("document.xml lacks %q", text)
	}
	start := strings.LastIndex(xml[:i], "<w:p>")
	if s2 := strings.LastIndex(xml[:i], "<w:p "); s2 > start {
		start = s2
	}
	end := i + strings.Index(xml[i:], "</w:p>") + len("</w:p>")
	return start, end
}

// takeChanges takes the English tracked changes of the returned DOCX into
// document id of project, and returns them with the document.
func takeChanges(t *testing.T, project fstest.MapFS, id string, returned []byte) (*ChangeSet, *model.Document) {
	t.Helper()
	rd, err := docxread.Read(returned, docxread.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.Assemble(project, build.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	doc := res.Project.Document(id)
	l, _ := res.Engine.Language("en")
	read := func(name string) ([]byte, error) { return project[name].Data, nil }
	cs, err := Changes(doc, "en", l, rd, "returned.docx", read)
	if err != nil {
		t.Fatal(err)
	}
	return cs, doc
}

// wrapRuns puts every run of a paragraph into a change element and marks
// its paragraph mark alike.
func wrapRuns(p, kind string) string {
	p = strings.Replace(p, "</w:pPr>", `<w:rPr><w:`+kind+` w:id="90" w:author="Counterpart"/></w:rPr></w:pPr>`, 1)
	first := strings.Index(p, "<w:r>")
	last := strings.LastIndex(p, "</w:r>") + len("</w:r>")
	return p[:first] + `<w:` + kind + ` w:id="91" w:author="Counterpart">` + p[first:last] + `</w:` + kind + `>` + p[last:]
}

// agreementProject is the trilingual fixture (testdata/agreement), whose
// instrument is agr.
func agreementProject(t *testing.T) fstest.MapFS {
	t.Helper()
	return projecttest.Copy(t, repoRoot+"/testdata/agreement")
}

func TestChangesMoveCommentAndWordsBesideAReference(t *testing.T) {
	project := agreementProject(t)
	built := buildFS(t, project, "docx")
	data := output(t, built, ".en.docx")
	returned := repack(t, data, func(name, text string) string {
		switch name {
		case "word/document.xml":
			// 3.2 moved before 3.1.
			s, e := paragraph(t, text, "A Party that changes its competent authority")
			moved := text[s:e]
			text = text[:s] + wrapRuns(moved, "moveFrom") + text[e:]
			s, _ = paragraph(t, text, "Each Party shall designate its competent authority")
			text = text[:s] + wrapRuns(moved, "moveTo") + text[s:]
			// Words inserted right after a reference in 5.4.
			s, e = paragraph(t, text, "Except in the cases listed in")
			p := text[s:e]
			k := strings.Index(p, `<w:fldChar w:fldCharType="end"/></w:r>`)
			if k < 0 {
				t.Fatal("5.4 has no field")
			}
			k += len(`<w:fldChar w:fldCharType="end"/></w:r>`)
			p = p[:k] + `<w:ins w:id="92" w:author="Counterpart"><w:r><w:t xml:space="preserve"> (as amended)</w:t></w:r></w:ins>` + p[k:]
			text = text[:s] + p + text[e:]
			// A reference typed as words in 6.1.
			s, e = paragraph(t, text, "unless otherwise agreed upon in each specific case.")
			p = strings.Replace(text[s:e], "case.</w:t></w:r>", `case</w:t></w:r><w:ins w:id="93" w:author="Counterpart"><w:r><w:t xml:space="preserve">, subject to section 7</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>`, 1)
			text = text[:s] + p + text[e:]
			// A comment on 4.2.
			s, e = paragraph(t, text, "The competent authorities shall hold meetings")
			p = text[s:e]
			p = strings.Replace(p, "</w:pPr>", `</w:pPr><w:commentRangeStart w:id="3"/>`, 1)
			text = text[:s] + p + text[e:]
		case "word/_rels/document.xml.rels":
			text = strings.Replace(text, "</Relationships>", `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`, 1)
		}
		return text
	}, map[string]string{"word/comments.xml": `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="3" w:author="Counterpart"><w:p><w:r><w:t>Add "or online".</w:t></w:r></w:p></w:comment></w:comments>`})

	cs, doc := takeChanges(t, project, "agr", returned)
	if len(cs.Report.Unplaced) != 0 {
		t.Errorf("unplaced: %v", cs.Report.Unplaced)
	}
	if len(cs.Files) != 3 {
		t.Errorf("files changed: %d", len(cs.Files))
	}
	const dir = "clauses/agr/"
	auth := string(project[dir+"03-authorities.yaml"].Data)
	i := strings.Index(auth, "  - id: authorities.change")
	moved := auth[i:]
	want := strings.Replace(auth[:i], "  - id: authorities.designation", moved+"  - id: authorities.designation", 1)
	if got := string(cs.Files[dir+"03-authorities.yaml"]); got != want {
		t.Errorf("after the move:\n%s\nwant:\n%s", got, want)
	}
	dat := string(cs.Files[dir+"05-data.yaml"])
	if !strings.Contains(dat, `en: Except in the cases listed in {ref:data.use} (as amended), data received`) {
		t.Errorf("5.4 after the insertion:\n%s", dat)
	}
	costs := string(cs.Files[dir+"06-costs.yaml"])
	if !strings.Contains(costs, `unless otherwise agreed upon in each specific case, subject to {ref:disputes}.`) {
		t.Errorf("6.1 after the insertion:\n%s", costs)
	}
	if len(cs.Report.Comments) != 1 || cs.Report.Comments[0].What != `Counterpart: Add "or online".` || cs.Report.Comments[0].Why != "areas.meetings" {
		t.Errorf("comments %+v", cs.Report.Comments)
	}
	var applied []string
	for _, n := range cs.Report.Applied {
		applied = append(applied, n.What+" | "+n.Why)
	}
	// The moved paragraph is named by its first eight words, read from the
	// unit itself.
	var change []string
	doc.Walk(func(u *model.Unit) {
		if u.ID == "authorities.change" {
			change = strings.Fields(model.PlainText(u.Text["en"].Runs))
		}
	})
	if len(change) < 9 {
		t.Fatalf("authorities.change reads %q", change)
	}
	wantApplied := []string{
		`changed words +" (as amended)" | data.consent`,
		`reference typed as "section 7" | written {ref:disputes}`,
		`changed words +", subject to section 7" | costs.own`,
		`moved paragraph "` + strings.Join(change[:8], " ") + ` …" | unit authorities.change now after authorities`,
	}
	if strings.Join(applied, "\n") != strings.Join(wantApplied, "\n") {
		t.Errorf("applied:\n%s\nwant:\n%s", strings.Join(applied, "\n"), strings.Join(wantApplied, "\n"))
	}
}
