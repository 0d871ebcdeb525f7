package importer

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// relativeFixture is the trilingual fixture (testdata/agreement) with
// references that say "above" or "below": in Russian after the reference
// ("пунктом 3.1 ниже"), in Kazakh before it ("төмендегі 3.1-тармаққа",
// and before a genitive "жоғарыда көрсетілген 5.3-тармақтың").
func relativeFixture(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := projecttest.Copy(t, repoRoot+"/testdata/agreement")
	for _, e := range []struct{ file, from, to string }{
		{"01-definitions.yaml", "{ref:authorities.designation|ins}", "{ref:authorities.designation|ins,rel}"},
		{"01-definitions.yaml", "{ref:authorities.designation|dat,poss}", "{ref:authorities.designation|dat,rel}"},
		{"05-data.yaml", "{ref:data.use|pre}", "{ref:data.use|pre,rel}"},
		{"05-data.yaml", "{ref:data.use|loc,poss} көрсетілген", "{ref:data.use|gen,rel} ережелерінде көрсетілген"},
		{"06-costs.yaml", "{ref:areas.forms.research|ins}", "{ref:areas.forms.research|ins,rel}"},
		{"06-costs.yaml", "{ref:areas.forms.research|dat,poss}", "{ref:areas.forms.research|dat,rel}"},
	} {
		projecttest.Edit(t, fsys, "clauses/agr/"+e.file, e.from, e.to)
	}
	return fsys
}

// citedRefs lists the references of a built document's texts in language
// tag: the words printed, the numbers of the units cited and whether the
// reference says above or below — what survives a change of ids.
func citedRefs(t *testing.T, res *build.Result, tag string) []string {
	t.Helper()
	doc := res.Project.Documents[0]
	byID := map[string]*model.Unit{}
	doc.Walk(func(u *model.Unit) { byID[u.ID] = u })
	var out []string
	doc.Texts(func(text model.Text) {
		loc := text[tag]
		if loc == nil {
			return
		}
		model.WalkInline(loc.Runs, func(in model.Inline) {
			r, ok := in.(*model.Ref)
			if !ok {
				return
			}
			var nums []string
			for _, id := range r.IDs {
				if u := byID[id]; u != nil {
					nums = append(nums, strings.TrimSuffix(u.RefNumber, "."))
				} else {
					nums = append(nums, "?"+id)
				}
			}
			out = append(out, fmt.Sprintf("%s -> %s rel=%v", r.Resolved, strings.Join(nums, ","), r.Rel))
		})
	})
	return out
}

// TestImportRoundTripsRelativeReferences builds the fixture with above and
// below references, imports its Russian and Kazakh editions (DOCX and
// text) and finds every reference again as a {ref:} to the same unit, with
// rel where the draft says above or below.
func TestImportRoundTripsRelativeReferences(t *testing.T) {
	built := buildFS(t, relativeFixture(t), "txt", "docx")
	for _, tag := range []string{"ru", "kk"} {
		want := citedRefs(t, built, tag)
		rels := 0
		for _, w := range want {
			if strings.HasSuffix(w, "rel=true") {
				rels++
			}
		}
		if len(want) != 6 || rels != 3 {
			t.Fatalf("%s: the fixture cites %d references, %d relative: %q", tag, len(want), rels, want)
		}
		words := map[string][]string{"ru": {" ниже ->", " выше ->"}, "kk": {"төмендегі ", "жоғарыдағы ", "жоғарыда көрсетілген "}}
		for _, w := range words[tag] {
			if !strings.Contains(strings.Join(want, "\n"), w) {
				t.Errorf("%s: no reference reads %q: %q", tag, w, want)
			}
		}
		for _, ext := range []string{"docx", "txt"} {
			name := "agr." + tag + "." + ext
			paras, err := ReadFile(name, output(t, built, "."+tag+"."+ext))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Infer(paras, Options{ID: "imported", Lang: tag})
			if err != nil {
				t.Fatal(err)
			}
			files, err := Write(res.Doc, name)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range files {
				fsys["clauses/imported/"+f.Name] = &fstest.MapFile{Data: f.Data}
			}
			got := citedRefs(t, buildFS(t, fsys, "txt"), tag)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s imports the references\n%s\nwant\n%s\nleft as text: %v", name, strings.Join(got, "\n"), strings.Join(want, "\n"), res.Report.LeftAsText)
			}
		}
	}
}
