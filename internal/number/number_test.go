package number

import (
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/model"
)

func TestRomanAndAlpha(t *testing.T) {
	roman := map[int]string{1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 9: "ix", 14: "xiv", 40: "xl", 49: "xlix", 90: "xc", 400: "cd", 1999: "mcmxcix", 0: "0", 4000: "4000"}
	for n, want := range roman {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
	alpha := map[int]string{1: "a", 2: "b", 26: "z", 27: "aa", 28: "bb", 52: "zz", 53: "aaa"}
	for n, want := range alpha {
		if got := Alpha(n); got != want {
			t.Errorf("Alpha(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name, pattern string
		n             int
		up, x, want   string
	}{
		{"section colon", "{n}:", 1, "", "", "1:"},
		{"paragraph under section", "{up}.{n}", 7, "2", "", "2.7"},
		{"roman item", "{n:i}.", 4, "2.1", "", "iv."},
		{"letter item", "{n:a}.", 3, "9.2", "", "c."},
		{"UN letter", "({n:a})", 2, "", "", "(b)"},
		{"UN roman", "({n:i})", 3, "", "", "(iii)"},
		{"article", "Article {n}", 12, "", "", "Article 12"},
		{"upper roman", "{n:I}", 3, "", "", "III"},
		{"upper letters", "{n:A}.", 28, "", "", "BB."},
		{"insert", "({n:i}) ({x})", 2, "", "bis", "(ii) (bis)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.pattern, tt.n, tt.up, tt.x); got != tt.want {
				t.Errorf("Format(%q, %d) = %q, want %q", tt.pattern, tt.n, got, tt.want)
			}
		})
	}
}

// outline builds a document from a compact description: each line is
// "depth id [flags]" with flags insert, insert=ter, unnumbered, alpha
// (children use the alpha scheme).
func outline(t *testing.T, numbering model.Numbering, spec string) *model.Document {
	t.Helper()
	doc := &model.Document{Numbering: numbering}
	var stack []*model.Unit
	for line := range strings.SplitSeq(strings.TrimSpace(spec), "\n") {
		f := strings.Fields(line)
		depth := len(f[0])
		u := &model.Unit{ID: f[1], Depth: depth - 1, Numbered: true}
		for _, flag := range f[2:] {
			switch {
			case flag == "insert":
				u.Inserted = true
			case strings.HasPrefix(flag, "insert="):
				u.Inserted, u.Insert = true, strings.TrimPrefix(flag, "insert=")
			case flag == "unnumbered":
				u.Numbered = false
			case strings.HasPrefix(flag, "scheme="):
				u.ChildScheme = strings.TrimPrefix(flag, "scheme=")
			}
		}
		stack = stack[:depth-1]
		if depth == 1 {
			doc.Sections = append(doc.Sections, u)
		} else {
			u.Parent = stack[depth-2]
			u.Parent.Children = append(u.Parent.Children, u)
		}
		stack = append(stack, u)
	}
	return doc
}

func labels(doc *model.Document) string {
	var b strings.Builder
	doc.Walk(func(u *model.Unit) {
		b.WriteString(u.ID + "=" + u.Label + "|" + u.RefNumber + "\n")
	})
	return b.String()
}

func TestDocumentNumbering(t *testing.T) {
	un := model.Numbering{
		Schemes: map[string]*model.Scheme{
			"article": {Label: "Article {n}", Ref: "{n}", Term: "article"},
			"para":    {Label: "{n}.", Ref: "{n}", Term: "paragraph"},
			"letter":  {Label: "({n:a})", Term: "subparagraph"},
			"roman":   {Label: "({n:i})", Term: "subparagraph"},
		},
		Levels: []string{"article", "para", "letter", "roman"},
	}
	tests := []struct {
		name      string
		numbering model.Numbering
		final     bool
		spec      string
		want      string
	}{
		{
			name:      "MoU scheme with a bis insert",
			numbering: model.DefaultNumbering(),
			spec: `
. areas
.. areas.basis
... i1
... i2
... i2b insert=bis
... i3
.. areas.next`,
			want: "areas=1:|1\nareas.basis=1.1|1.1\ni1=i.|i.\ni2=ii.|ii.\ni2b=(ii) (bis)|(ii) (bis)\ni3=iii.|iii.\nareas.next=1.2|1.2\n",
		},
		{
			name:      "final folds the insert and moves the rest on",
			numbering: model.DefaultNumbering(),
			final:     true,
			spec: `
. areas
.. areas.basis
... i1
... i2
... i2b insert
... i3`,
			want: "areas=1:|1\nareas.basis=1.1|1.1\ni1=i.|i.\ni2=ii.|ii.\ni2b=iii.|iii.\ni3=iv.|iv.\n",
		},
		{
			name:      "bis ter quater after one unit",
			numbering: model.DefaultNumbering(),
			spec: `
. s
.. p1
.. p1b insert
.. p1t insert
.. p1q insert=quater
.. p2`,
			want: "s=1:|1\np1=1.1|1.1\np1b=1.1 bis|1.1 bis\np1t=1.1 ter|1.1 ter\np1q=1.1 quater|1.1 quater\np2=1.2|1.2\n",
		},
		{
			name:      "unnumbered paragraph takes no number",
			numbering: model.DefaultNumbering(),
			spec: `
. a
.. a.p1
. b
.. b.free unnumbered
. c
.. c.p1`,
			want: "a=1:|1\na.p1=1.1|1.1\nb=2:|2\nb.free=|\nc=3:|3\nc.p1=3.1|3.1\n",
		},
		{
			name:      "items scheme override to letters",
			numbering: model.DefaultNumbering(),
			spec: `
. s
.. s.p scheme=alpha
... x
... y
.. s.q
... z`,
			want: "s=1:|1\ns.p=1.1|1.1\nx=a.|a.\ny=b.|b.\ns.q=1.2|1.2\nz=i.|i.\n",
		},
		{
			name:      "UN Editorial Manual articles, (a) and (i)",
			numbering: un,
			spec: `
. art1
. art2
.. art2.p1
... art2.p1.a
.... art2.p1.a.i
.... art2.p1.a.ii
... art2.p1.b`,
			want: "art1=Article 1|1\nart2=Article 2|2\nart2.p1=1.|1\nart2.p1.a=(a)|(a)\nart2.p1.a.i=(i)|(i)\nart2.p1.a.ii=(ii)|(ii)\nart2.p1.b=(b)|(b)\n",
		},
		{
			name:      "items deeper than the levels repeat the last scheme",
			numbering: model.DefaultNumbering(),
			spec: `
. s
.. p
... i
.... a
..... deep`,
			want: "s=1:|1\np=1.1|1.1\ni=i.|i.\na=a.|a.\ndeep=a.|a.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := outline(t, tt.numbering, tt.spec)
			if diags := Document(doc, Options{Final: tt.final}); len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got := labels(doc); got != tt.want {
				t.Errorf("labels:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestNumberingErrors(t *testing.T) {
	tests := []struct {
		name, spec, want string
	}{
		{"insert first", ". s\n.. p insert", "insert p has no numbered unit before it [insert-first]"},
		{"wrong suffix", ". s\n.. p\n.. q insert=bis\n.. r insert=bis", "insert r is marked bis but is insert number 2 after its predecessor, so it is ter [insert-suffix]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := outline(t, model.DefaultNumbering(), tt.spec)
			diags := Document(doc, Options{})
			if len(diags) != 1 || !strings.Contains(diags[0].String(), tt.want) {
				t.Fatalf("diagnostics = %v, want one containing %q", diags, tt.want)
			}
		})
	}
}

func TestRenumberingIsRepeatable(t *testing.T) {
	doc := outline(t, model.DefaultNumbering(), ". s\n.. p\n.. q insert\n.. r")
	Document(doc, Options{Final: true})
	Document(doc, Options{})
	if got, want := labels(doc), "s=1:|1\np=1.1|1.1\nq=1.1 bis|1.1 bis\nr=1.2|1.2\n"; got != want {
		t.Errorf("draft after final:\n%s\nwant:\n%s", got, want)
	}
}
