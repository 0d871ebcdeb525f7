package docx_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/render/docx"
)

func TestPackagePartsInFixedOrder(t *testing.T) {
	names, _ := unzip(t, render(t, assembleMoU(t, false)))
	want := []string{
		"[Content_Types].xml",
		"_rels/.rels",
		"docProps/core.xml",
		"docProps/app.xml",
		"word/document.xml",
		"word/_rels/document.xml.rels",
		"word/styles.xml",
		"word/numbering.xml",
		"word/settings.xml",
		"word/header1.xml",
		"word/footer1.xml",
	}
	if !slices.Equal(names, want) {
		t.Errorf("parts:\n got %q\nwant %q", names, want)
	}
}

func TestContentTypesAndRelationshipsResolve(t *testing.T) {
	names, parts := unzip(t, render(t, assembleMoU(t, false)))
	types := parseXML(t, parts["[Content_Types].xml"])
	overrides := map[string]string{}
	for _, o := range types.all("Override") {
		overrides[o.attr("PartName")] = o.attr("ContentType")
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".rels") || n == "[Content_Types].xml" {
			continue
		}
		if overrides["/"+n] == "" {
			t.Errorf("%s has no content type", n)
		}
	}
	if got := overrides["/word/document.xml"]; got != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
		t.Errorf("document.xml content type %q", got)
	}
	// Every relationship target is a part of the package.
	for relsName, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word"} {
		for _, r := range parseXML(t, parts[relsName]).all("Relationship") {
			target := path.Join(base, r.attr("Target"))
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points at missing %s", relsName, r.attr("Id"), target)
			}
		}
	}
	// The body names its header and footer by relationship id.
	rels := map[string]string{}
	for _, r := range parseXML(t, parts["word/_rels/document.xml.rels"]).all("Relationship") {
		rels[r.attr("Id")] = r.attr("Target")
	}
	sect := parseXML(t, parts["word/document.xml"]).first("sectPr")
	if h := sect.child("headerReference"); h == nil || rels[h.attr("id")] != "header1.xml" {
		t.Errorf("header reference does not lead to header1.xml")
	}
	if f := sect.child("footerReference"); f == nil || rels[f.attr("id")] != "footer1.xml" {
		t.Errorf("footer reference does not lead to footer1.xml")
	}
}

func TestCoreProperties(t *testing.T) {
	_, parts := unzip(t, render(t, assembleMoU(t, false)))
	core := parseXML(t, parts["docProps/core.xml"])
	stamp := testTime().Format(time.RFC3339)
	want := map[string]string{
		"title":    expected(t, "enclosure-title"),
		"subject":  expected(t, "enclosure-subject"),
		"creator":  expected(t, "enclosure-author"),
		"language": "en-GB",
		"created":  stamp,
		"modified": stamp,
	}
	for local, v := range want {
		n := core.child(local)
		if n == nil {
			t.Errorf("core.xml has no %s", local)
			continue
		}
		if n.Text != v {
			t.Errorf("core.xml %s = %q, want %q", local, n.Text, v)
		}
	}
	if got := core.child("created").attr("type"); got != "dcterms:W3CDTF" {
		t.Errorf("created xsi:type = %q", got)
	}
	app := parseXML(t, parts["docProps/app.xml"])
	if got := app.child("Application").Text; got != "chancery" {
		t.Errorf("app.xml Application = %q", got)
	}
}

func TestBuildsAreByteIdentical(t *testing.T) {
	a := assembleMoU(t, false)
	first, second := render(t, a), render(t, assembleMoU(t, false))
	if !bytes.Equal(first, second) {
		t.Fatal("two builds at the same time differ")
	}
	// Zip entries carry the build time, not the clock.
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(testTime()) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, testTime())
		}
	}
	// Without a time the package is stamped with a fixed date.
	var x, y bytes.Buffer
	if err := docx.Write(&x, a.doc, docx.Options{Lang: a.lang}); err != nil {
		t.Fatal(err)
	}
	if err := docx.Write(&y, a.doc, docx.Options{Lang: a.lang}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		t.Error("two builds without a time differ")
	}
	_, parts := unzip(t, x.Bytes())
	if got := parseXML(t, parts["docProps/core.xml"]).child("created").Text; got != "2000-01-01T00:00:00Z" {
		t.Errorf("created without a time = %s", got)
	}
}

func TestWriteWithoutLanguageFails(t *testing.T) {
	a := assembleMoU(t, false)
	var buf bytes.Buffer
	if err := docx.Write(&buf, a.doc, docx.Options{}); err == nil {
		t.Error("Write without a language succeeded")
	}
}

func TestMissingLanguageIsAnError(t *testing.T) {
	a := assembleMoU(t, false)
	res, _ := build.Assemble(os.DirFS(repoRoot), build.Options{})
	ru, err := res.Engine.Language("ru")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = docx.Write(&buf, a.doc, docx.Options{Lang: ru})
	if err == nil || !strings.Contains(err.Error(), "has no ru text") {
		t.Errorf("writing the English-only MoU in Russian: %v", err)
	}
}
