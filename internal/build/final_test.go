package build

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

// checkPDFA is the structural PDF/A-2b checker (python3-pikepdf).
const checkPDFA = "../pdfa/testdata/check_pdfa.py"

// finalPDFs builds the example's signature copies and writes its PDFs to
// a directory, by file name.
func finalPDFs(t *testing.T) (map[string]string, *Result) {
	t.Helper()
	res, diags := Build(os.DirFS(repoRoot), Options{Final: true, Time: time.Date(2030, 3, 14, 9, 15, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	dir := t.TempDir()
	paths := map[string]string{}
	for _, o := range res.Outputs {
		if strings.HasSuffix(o.Name, ".pdf") {
			p := filepath.Join(dir, o.Name)
			if err := os.WriteFile(p, o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths[o.Name] = p
		}
	}
	if len(paths) < 5 {
		t.Fatalf("final build wrote %d PDFs, want the enclosure and four note copies", len(paths))
	}
	return paths, res
}

// TestFinalPDFsArePDFA runs the structural PDF/A-2b check over every PDF
// of the example's final build, and pdfinfo, which must see the XMP
// metadata stream.
func TestFinalPDFsArePDFA(t *testing.T) {
	python := clienttest.Python(t, "pikepdf", "python3-pikepdf")
	pdfinfo := clienttest.Command(t, "pdfinfo", "poppler-utils")
	paths, _ := finalPDFs(t)
	for name, p := range paths {
		if out, err := exec.Command(python, checkPDFA, p).CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Errorf("%s: PDF/A check failed: %v\n%s", name, err, out)
		}
		out, err := exec.Command(pdfinfo, p).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Metadata Stream: yes") {
			t.Errorf("%s: pdfinfo does not see a metadata stream: %v\n%s", name, err, out)
		}
	}
}

// TestPDFACheckFindsFaults damages the final enclosure one way at a time and
// expects the check to fail, naming the clause.
func TestPDFACheckFindsFaults(t *testing.T) {
	python := clienttest.Python(t, "pikepdf", "python3-pikepdf")
	paths, _ := finalPDFs(t)
	enc, ok := paths[example(t).Enclosure+".en.pdf"]
	if !ok {
		t.Fatal("the final build wrote no PDF of the enclosure")
	}
	for _, tt := range []struct{ fault, want string }{
		{"no-output-intent", "6.2.3: no GTS_PDFA1 output intent"},
		{"date-mismatch", "6.6.3: /ModDate 'D:20010101000000Z' differs from XMP xmp:ModifyDate '2030-03-14T09:15:00Z'"},
		{"no-metadata", "6.6.2.1: the catalog has no /Metadata"},
		{"wrong-part", "6.6.4: PDF/A identification is part '1' conformance 'B', want 2 and B"},
		{"hidden-annotation", "6.3.2: page 1: annotation /Link has flags 2, want Print and not Hidden, Invisible or NoView"},
		{"transparency", "6.4: page 1 has a transparency group"},
		{"no-id", "6.1.3: the trailer has no /ID"},
		{"font-not-embedded", "6.2.11.4: page 1: font"},
	} {
		t.Run(tt.fault, func(t *testing.T) {
			out, err := exec.Command(python, checkPDFA, enc, tt.fault).CombinedOutput()
			if err == nil {
				t.Fatalf("the check passed a file with fault %s:\n%s", tt.fault, out)
			}
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("check: %v\n%s", err, out)
			}
			if !strings.HasPrefix(string(out), tt.want) {
				t.Errorf("check said:\n%s\nwant a line starting %q", out, tt.want)
			}
		})
	}
}

// draftWording matches the draft words of the drafting languages.
var draftWording = regexp.MustCompile(`(?i)draft|проект|жоба`)

// TestFinalMetadataHasNoDraftWording reads the metadata of every PDF
// (document information and XMP, by pdfinfo) and DOCX (docProps) of the
// final build: none may call the copy a draft. The draft build's
// enclosure does, so the test can fail.
func TestFinalMetadataHasNoDraftWording(t *testing.T) {
	pdfinfo := clienttest.Command(t, "pdfinfo", "poppler-utils")
	paths, res := finalPDFs(t)
	for name, p := range paths {
		for _, args := range [][]string{{p}, {"-meta", p}} {
			out, err := exec.Command(pdfinfo, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo %s: %v\n%s", name, err, out)
			}
			if m := draftWording.FindString(string(out)); m != "" {
				t.Errorf("%s: metadata says %q:\n%s", name, m, out)
			}
		}
	}
	docx := 0
	for _, o := range res.Outputs {
		if !strings.HasSuffix(o.Name, ".docx") {
			continue
		}
		docx++
		props := docProps(t, o.Data)
		if !strings.Contains(props, "<dc:title>") {
			t.Errorf("%s: no docProps title", o.Name)
		}
		if m := draftWording.FindString(props); m != "" {
			t.Errorf("%s: docProps say %q:\n%s", o.Name, m, props)
		}
	}
	if docx < 5 {
		t.Errorf("final build wrote %d DOCX files, want 5", docx)
	}
	draft := buildExample(t, "docx")
	if !draftWording.MatchString(docProps(t, output(t, draft, example(t).Enclosure+".en.docx"))) {
		t.Error("the draft enclosure's metadata does not say draft: the test cannot fail")
	}
}

// docProps returns the core and app properties of a DOCX.
func docProps(t *testing.T, data []byte) string {
	t.Helper()
	parts := unzipParts(t, data)
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		if strings.HasPrefix(name, "docProps/") {
			b.Write(parts[name])
		}
	}
	return b.String()
}

// TestPDFAOption: a draft is PDF/A only when its document.yaml says
// pdfa: true.
func TestPDFAOption(t *testing.T) {
	fsys := exampleFS(t)
	enc := example(t).Enclosure
	plain, diags := Build(fsys, Options{Formats: []string{"pdf"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if bytes.Contains(output(t, plain, enc+".en.pdf"), []byte("pdfaid:part")) {
		t.Error("a draft without pdfa: true is PDF/A")
	}
	f := fsys["clauses/"+enc+"/document.yaml"]
	f.Data = append(bytes.Clone(f.Data), "pdfa: true\n"...)
	res, diags := Build(fsys, Options{Formats: []string{"pdf"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	data := output(t, res, enc+".en.pdf")
	if !bytes.Contains(data, []byte("<pdfaid:part>2</pdfaid:part>")) || !bytes.Contains(data, []byte("/GTS_PDFA1")) {
		t.Error("pdfa: true did not make the draft PDF/A")
	}
	if !bytes.Contains(data, []byte("DRAFT")) && !bytes.Contains(data, []byte("Draft ")) {
		t.Error("the draft lost its draft metadata")
	}
}

// TestNotePDFMetadata: each note PDF names the issuer as author, carries
// the note's subject in its language (both as the note's file gives them)
// and declares the language.
func TestNotePDFMetadata(t *testing.T) {
	pdfinfo := clienttest.Command(t, "pdfinfo", "poppler-utils")
	res := buildExample(t, "pdf")
	note := exampleNote(t)
	for _, tag := range []string{"en", "ru", "kk"} {
		author, subject := note.Issuer.Name[tag], note.Subject[tag]
		if author == "" || subject == "" {
			t.Fatalf("the note has no %s issuer name or subject", tag)
		}
		data := output(t, res, example(t).Note+"."+tag+".pdf")
		p := filepath.Join(t.TempDir(), "note.pdf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdfinfo, p).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo: %v\n%s", err, out)
		}
		for _, want := range []string{"Author:          " + author + "\n", "Subject:         " + subject + "\n"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s note: pdfinfo lacks %q:\n%s", tag, want, out)
			}
		}
		if !bytes.Contains(data, []byte("/Lang ("+tag+")")) {
			t.Errorf("%s note: no /Lang (%s)", tag, tag)
		}
	}
}

// TestFinalBuildIsReproducible builds the signature copies twice: every
// file, the PDF/A ones with their /ID included, is byte-identical.
func TestFinalBuildIsReproducible(t *testing.T) {
	opt := Options{Final: true, Time: time.Date(2030, 3, 14, 9, 15, 0, 0, time.UTC)}
	a, diags := Build(os.DirFS(repoRoot), opt)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b, _ := Build(os.DirFS(repoRoot), opt)
	if len(a.Outputs) != len(b.Outputs) || len(a.Outputs) < 15 {
		t.Fatalf("%d and %d outputs", len(a.Outputs), len(b.Outputs))
	}
	for i := range a.Outputs {
		if a.Outputs[i].Name != b.Outputs[i].Name || !bytes.Equal(a.Outputs[i].Data, b.Outputs[i].Data) {
			t.Errorf("%s differs from one build to the next", a.Outputs[i].Name)
		}
	}
}
