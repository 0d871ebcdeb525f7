package translate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/projecttest"
	"github.com/chancery-dev/chancery/internal/xliff"
)

// toolkitScript reads the XLIFF file with translate-toolkit, prints what
// it sees, and saves two edited copies: one with a new translation of
// final.duration, and (with ElementTree, as a tool that flattens codes
// would) one where the reference code in the target of authorities.change
// has become typed text.
const toolkitScript = `
import sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
byid = {u.getid().split("\x04")[-1]: u for u in units}
print(len(units))
print(byid["authorities.change"].source)
print(byid["final.duration"].target)
print("fuzzy" if byid["final.duration"].isfuzzy() else "translated")
byid["final.duration"].target = "Осы Келісім жеті (7) жыл мерзімге жасалады."
byid["final.duration"].markfuzzy(False)
store.savefile(sys.argv[2])

# A tool that flattens codes: the reference becomes typed text.
import xml.etree.ElementTree as ET
ns = "{urn:oasis:names:tc:xliff:document:1.2}"
ET.register_namespace("", ns[1:-1])
tree = ET.parse(sys.argv[1])
for tu in tree.iter(ns + "trans-unit"):
    if tu.get("id") == "authorities.change":
        target = tu.find(ns + "target")
        ph = target.find(ns + "ph")
        target.text = (target.text or "") + ph.text + (ph.tail or "")
        target.remove(ph)
tree.write(sys.argv[3], encoding="UTF-8", xml_declaration=True)
`

// TestTranslateToolkit hands the fixture's Kazakh XLIFF to Debian's
// translate-toolkit: it reads the units and their codes, a translation
// edited with it comes back into the YAML and the build, and a target
// that lost its reference code is refused at its line and column.
func TestTranslateToolkit(t *testing.T) {
	python := clienttest.Python(t, "translate.storage.xliff", "translate-toolkit")
	fsys := projecttest.Copy(t, fixture)
	dir := t.TempDir()
	exportedFile := filepath.Join(dir, "agr.kk.xlf")
	if err := os.WriteFile(exportedFile, exported(t, fsys, "kk"), 0o644); err != nil {
		t.Fatal(err)
	}
	good, broken := filepath.Join(dir, "good.xlf"), filepath.Join(dir, "broken.xlf")
	out, err := exec.Command(python, "-c", toolkitScript, exportedFile, good, broken).CombinedOutput()
	if err != nil {
		t.Fatalf("translate-toolkit: %v\n%s", err, out)
	}
	want := "58\n" +
		"A Party that changes its competent authority shall notify the other Party thereof in the manner provided for in {ref:authorities.designation}.\n" +
		"Осы Келісім бес (5) жыл мерзімге жасалады және егер Тараптардың ешқайсысы ағымдағы кезең аяқталғанға дейін алпыс (60) күннен кешіктірмей екінші Тарапқа оның қолданылуын тоқтату ниеті туралы жазбаша хабарламаса, келесі бесжылдық кезеңдерге автоматты түрде ұзартылады.\n" +
		"translated\n"
	if string(out) != want {
		t.Errorf("translate-toolkit saw:\n%s\nwant:\n%s", out, want)
	}

	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	edits, diags := imported(t, fsys, data)
	if len(diags) != 0 || len(edits) != 1 {
		t.Fatalf("import: %v, %v", names(edits), diags)
	}
	apply(fsys, edits)
	res, bd := build.Build(fsys, build.Options{Formats: []string{"txt"}})
	if bd.HasErrors() {
		t.Fatalf("build: %v", bd)
	}
	var kk string
	for _, o := range res.Outputs {
		if o.Name == "agr.kk.txt" {
			kk = string(o.Data)
		}
	}
	if !strings.Contains(kk, "\n8.2 Осы Келісім жеті (7) жыл мерзімге жасалады.\n") {
		t.Errorf("agr.kk.txt lacks the new 8.2:\n%s", kk)
	}

	data, err = os.ReadFile(broken)
	if err != nil {
		t.Fatal(err)
	}
	x, err := xliff.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	edits, diags = Import(fsys, loadProject(t, fsys), x, "broken.xlf")
	text := string(data)
	unit := strings.Index(text, `id="authorities.change"`)
	off := unit + strings.Index(text[unit:], "<target")
	line := strings.Count(text[:off], "\n") + 1
	col := len([]rune(text[strings.LastIndex(text[:off], "\n")+1:off])) + 1
	wantDiag := "broken.xlf:" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": error: authorities.change: the target lacks the inline code 1 ({ref:authorities.designation}) of its source [xliff-code]"
	if edits != nil || len(diags) != 1 || diags[0].String() != wantDiag {
		t.Errorf("import of the broken file: %v, %v\nwant %s", names(edits), diags, wantDiag)
	}
}
