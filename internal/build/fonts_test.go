package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// dejavuDir is where Debian's fonts-dejavu-core puts DejaVu Serif.
const dejavuDir = "/usr/share/fonts/truetype/dejavu"

// fontProject is the agreement fixture with a house style whose regular
// and bold faces are DejaVu Serif, copied from the system into the
// project, as a ministry would keep its licensed face.
func fontProject(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := projecttest.Copy(t, filepath.Join(repoRoot, "testdata", "agreement"))
	for _, name := range []string{"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"} {
		data, err := os.ReadFile(filepath.Join(dejavuDir, name))
		if err != nil {
			clienttest.Missing(t, "DejaVu Serif", "fonts-dejavu-core", err)
		}
		fsys["templates/house/fonts/"+name] = &fstest.MapFile{Data: data}
	}
	fsys["templates/house/style.yaml"] = &fstest.MapFile{Data: []byte(
		"fonts:\n  regular: fonts/DejaVuSerif.ttf\n  bold: fonts/DejaVuSerif-Bold.ttf\n")}
	return fsys
}

// outputsOf builds fsys in the formats given and returns its English
// outputs by extension.
func outputsOf(t *testing.T, fsys fstest.MapFS, formats ...string) map[string][]byte {
	t.Helper()
	res, diags := Build(fsys, Options{Formats: formats})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	out := map[string][]byte{}
	for _, o := range res.Outputs {
		if strings.Contains(o.Name, ".en.") {
			out[filepath.Ext(o.Name)] = o.Data
		}
	}
	return out
}

// TestProjectFonts sets a document in fonts kept in the project: the PDF
// embeds them (pdffonts), the DOCX names them (w:rFonts in the styles, the
// font table), and the built-in Liberation Serif is not used for the faces
// the style names.
func TestProjectFonts(t *testing.T) {
	out := outputsOf(t, fontProject(t), "pdf", "docx")

	pdffonts := clienttest.Command(t, "pdffonts", "poppler-utils")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, out[".pdf"], 0o644); err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command(pdffonts, file).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var names []string
	for _, line := range strings.Split(string(list), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		names = append(names, f[0])
		// name type encoding emb sub uni object ID: "yes" in emb.
		if !strings.Contains(line, " yes ") {
			t.Errorf("font not embedded: %s", line)
		}
	}
	// A subset is named TAG+PostScriptName; the italic, which the style
	// does not name, is Liberation Serif's (if the text uses it).
	for i, n := range names {
		if _, after, ok := strings.Cut(n, "+"); ok {
			names[i] = after
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if !slices.Contains(names, "DejaVuSerif") || !slices.Contains(names, "DejaVuSerif-Bold") ||
		slices.Contains(names, "LiberationSerif") || slices.Contains(names, "LiberationSerif-Bold") {
		t.Errorf("pdffonts lists %q, want DejaVuSerif and DejaVuSerif-Bold, not Liberation Serif's regular or bold", names)
	}

	parts := zipParts(t, out[".docx"])
	if !strings.Contains(parts["word/styles.xml"], `<w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:eastAsia="DejaVu Serif" w:cs="DejaVu Serif"/>`) {
		t.Errorf("styles.xml does not name DejaVu Serif in w:rFonts")
	}
	if !strings.Contains(parts["word/fontTable.xml"], `<w:font w:name="DejaVu Serif">`) {
		t.Errorf("fontTable.xml does not name DejaVu Serif: %q", parts["word/fontTable.xml"])
	}
	if !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="fontTable.xml"`) {
		t.Errorf("the document has no relationship to fontTable.xml")
	}
}

// TestProjectFontGlyphs checks a document's characters against the
// project's font: U+02CE (modifier letter low grave accent) is in
// Liberation Serif but not in DejaVu Serif, so the same text builds in the
// built-in style and fails in the DejaVu style, at the character, naming
// the font.
func TestProjectFontGlyphs(t *testing.T) {
	const part = "clauses/agr/02-purpose.yaml"
	withChar := func(fsys fstest.MapFS) fstest.MapFS {
		data := bytes.Replace(fsys[part].Data, []byte("on the basis of equality"), []byte("on the basis of ˎequality"), 1)
		fsys[part] = &fstest.MapFile{Data: data}
		return fsys
	}
	builtin := withChar(projecttest.Copy(t, filepath.Join(repoRoot, "testdata", "agreement")))
	if _, diags := Build(builtin, Options{Formats: []string{"pdf"}}); diags.HasErrors() {
		t.Fatalf("built-in style: %v", diags)
	}
	_, diags := Build(withChar(fontProject(t)), Options{Formats: []string{"pdf"}})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	got := strings.Join(msgs, "\n")
	if !strings.Contains(got, part+":6:") || !strings.Contains(got, "U+02CE") || !strings.Contains(got, "DejaVu Serif") {
		t.Errorf("DejaVu style: diagnostics\n%s\nwant U+02CE at %s:6 naming DejaVu Serif", got, part)
	}
}

// TestProjectFontErrors: a font file that is missing, or that is not a
// font, stops the build at the line of style.yaml naming it.
func TestProjectFontErrors(t *testing.T) {
	for _, tt := range []struct {
		name, style string
		files       map[string]string
		want        string
	}{
		{"missing", "fonts:\n  regular: fonts/Ministry.ttf\n", nil,
			"templates/house/style.yaml:2:12: error: fonts.regular: font file templates/house/fonts/Ministry.ttf not found [missing-font]"},
		{"not a font", "type: {body: 12pt}\nfonts:\n  bold: Ministry-Bold.otf\n", map[string]string{"templates/house/Ministry-Bold.otf": "not a font"},
			"templates/house/style.yaml:3:9: error: fonts.bold: templates/house/Ministry-Bold.otf is not a font chancery can read: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := projecttest.Copy(t, filepath.Join(repoRoot, "testdata", "agreement"))
			fsys["templates/house/style.yaml"] = &fstest.MapFile{Data: []byte(tt.style)}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, diags := Build(fsys, Options{Formats: []string{"pdf"}})
			if !slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return strings.HasPrefix(d.String(), tt.want) }) {
				t.Errorf("diagnostics %v, want one starting %s", diags, tt.want)
			}
		})
	}
}
