package importer

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/xref"
)

// maxPairs bounds the two-unit references ("paragraphs 1 and 2") tried in
// one text.
const maxPairs = 400

// candidate is a reference chancery could write, and its words. A
// candidate with rel holds "above" or "below" where the language puts it
// ("пункте 2 выше", "жоғарыдағы 3-тармаққа"): it stands only where that
// is what chancery would say of its targets.
type candidate struct {
	words string
	ref   *model.Ref
	rel   lang.Relative
}

// refOptions lists the options a reference may take in l, simplest first,
// so that of two options giving the same words the simpler is kept.
func refOptions(l *lang.Language) []lang.RefOptions {
	var out []lang.RefOptions
	cases := append([]lang.Case{""}, l.Cases()...)
	for _, poss := range []bool{false, true} {
		for _, contnom := range []bool{false, true} {
			for _, capital := range []bool{false, true} {
				for _, c := range cases {
					out = append(out, lang.RefOptions{Case: c, Capital: capital, Possessed: poss, ContainerNominative: contnom})
				}
			}
		}
	}
	return out
}

type ownedText struct {
	text  model.Text
	owner *model.Unit // nil outside units
	order int         // document order of the owner; 0 before the units, max after
	where string
}

func (in *inferrer) texts() []ownedText {
	var out []ownedText
	add := func(t model.Text, u *model.Unit, order int, where string) {
		if t != nil && t[in.tag] != nil {
			out = append(out, ownedText{t, u, order, where})
		}
	}
	for _, t := range in.doc.Title {
		add(t, nil, 0, "title")
	}
	add(in.doc.PartiesIntro, nil, 0, "parties")
	for _, p := range in.doc.Parties {
		add(p.Description, nil, 0, "party "+p.ID)
	}
	add(in.doc.PartiesOutro, nil, 0, "parties")
	for _, r := range in.doc.Recitals {
		add(r.Text, nil, 0, "recital "+r.ID)
	}
	add(in.doc.Transition, nil, 0, "transition")
	n := 0
	in.doc.Walk(func(u *model.Unit) {
		n++
		add(u.Heading, u, n, in.where[u])
		add(u.Text, u, n, in.where[u])
	})
	add(in.doc.Closing, nil, n+1, "closing")
	return out
}

// recognizer finds references written as words in the texts of one
// numbered document.
type recognizer struct {
	in           *inferrer
	ix           *xref.Index
	units        []*model.Unit
	order        map[*model.Unit]int
	above, below string
	opts         []lang.RefOptions
}

func (in *inferrer) recognizer() *recognizer {
	ix, _ := xref.NewIndex(in.doc, nil)
	rc := &recognizer{in: in, ix: ix, order: map[*model.Unit]int{}, opts: refOptions(in.l)}
	in.doc.Walk(func(u *model.Unit) {
		rc.units = append(rc.units, u)
		rc.order[u] = len(rc.units)
	})
	rc.above, _ = in.l.Word("above")
	rc.below, _ = in.l.Word("below")
	return rc
}

// refs turns the references written as words into {ref:...}.
func (in *inferrer) refs() {
	texts := in.texts()
	var plain []string
	for _, t := range texts {
		plain = append(plain, model.PlainText(t.text[in.tag].Runs))
	}
	in.terms(plain)
	rc := in.recognizer()
	for _, t := range texts {
		rc.recognize(t)
	}
	in.leftAsText(texts)
}

// recognize replaces the references in the plain runs of one text.
func (rc *recognizer) recognize(t ownedText) {
	in := rc.in
	text := model.PlainText(t.text[in.tag].Runs)
	var present []*model.Unit
	for _, u := range rc.units {
		if u.Numbered && u.RefNumber != "" && u != t.owner && strings.Contains(text, strings.TrimSuffix(u.RefNumber, ".")) {
			present = append(present, u)
		}
	}
	if len(present) == 0 {
		return
	}
	var cands []candidate
	seen := map[string]bool{}
	try := func(ids []string) {
		for _, o := range rc.opts {
			for _, rel := range []lang.Relative{lang.NotRelative, lang.Above, lang.Below} {
				o.Rel = rel
				var diags diag.List
				words, _, ok := rc.ix.Phrase(in.l, ids, o, diag.Pos{}, t.owner, &diags)
				if !ok || words == "" || seen[words] {
					continue
				}
				seen[words] = true
				r := &model.Ref{IDs: ids, Case: string(o.Case), Capital: o.Capital, Possessed: o.Possessed, ContainerNominative: o.ContainerNominative}
				cands = append(cands, candidate{words: words, ref: r, rel: rel})
				// chancery ties a term to its number with a no-break
				// space; a typed text has an ordinary one.
				if spaced := strings.ReplaceAll(words, lang.NoBreakSpace, " "); spaced != words && !seen[spaced] {
					seen[spaced] = true
					cands = append(cands, candidate{words: spaced, ref: r, rel: rel})
				}
			}
		}
	}
	for _, u := range present {
		try([]string{u.ID})
	}
	pairs := 0
	for i, a := range present {
		for _, b := range present[i+1:] {
			if a.Scheme == b.Scheme && a.Depth == b.Depth && pairs < maxPairs {
				pairs++
				try([]string{a.ID, b.ID})
			}
		}
	}
	in.replaceRefs(t, cands, rc.order, rc.above, rc.below)
}

type match struct {
	start, end int
	c          candidate
	rel        string
}

// replaceRefs replaces, in the plain runs of t, every occurrence of a
// candidate's words by the reference.
func (in *inferrer) replaceRefs(t ownedText, cands []candidate, order map[*model.Unit]int, above, below string) {
	loc := t.text[in.tag]
	var out []model.Inline
	for _, run := range loc.Runs {
		p, ok := run.(*model.Plain)
		if !ok || p.Field != "" {
			out = append(out, run)
			continue
		}
		s := p.Text
		var ms []match
		for _, c := range cands {
			for off := 0; off < len(s); {
				i := strings.Index(s[off:], c.words)
				if i < 0 {
					break
				}
				start, end := off+i, off+i+len(c.words)
				off = end
				if !boundaryBefore(s, start) || !boundaryAfter(s, end) {
					continue
				}
				m := match{start: start, end: end, c: c}
				if c.rel != lang.NotRelative {
					if !relHolds(c.ref, c.rel == lang.Above, t.order, order, in.doc) {
						continue
					}
					m.rel = "rel"
				}
				for _, w := range []string{above, below} {
					if w != "" && m.rel == "" && strings.HasPrefix(s[end:], " "+w) && boundaryAfter(s, end+1+len(w)) && relHolds(c.ref, w == above, t.order, order, in.doc) {
						m.end, m.rel = end+1+len(w), w
					}
				}
				ms = append(ms, m)
			}
		}
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].start != ms[j].start {
				return ms[i].start < ms[j].start
			}
			return ms[i].end > ms[j].end
		})
		last := 0
		for _, m := range ms {
			if m.start < last {
				continue
			}
			if m.start > last {
				out = append(out, &model.Plain{Text: s[last:m.start]})
			}
			r := *m.c.ref
			r.Rel = m.rel != ""
			r.Resolved = s[m.start:m.end]
			out = append(out, &r)
			in.report.Refs = append(in.report.Refs, Note{Where: t.where, What: r.Resolved, Why: refMarkup(&r)})
			last = m.end
		}
		if last < len(s) {
			out = append(out, &model.Plain{Text: s[last:]})
		}
	}
	loc.Runs = out
}

// relHolds reports whether "above" (or "below") is what chancery would
// say for the reference's targets seen from a text at order at.
func relHolds(r *model.Ref, isAbove bool, at int, order map[*model.Unit]int, doc *model.Document) bool {
	for _, id := range r.IDs {
		var target *model.Unit
		doc.Walk(func(u *model.Unit) {
			if u.ID == id {
				target = u
			}
		})
		if target == nil || (order[target] < at) != isAbove {
			return false
		}
	}
	return true
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	if r == '.' && i > size {
		// "1" in "3.1" is not a number of its own.
		prev, _ := utf8.DecodeLastRuneInString(s[:i-size])
		return !unicode.IsDigit(prev)
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	if (r == '.' || r == '-') && i+size < len(s) {
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		if unicode.IsDigit(next) || unicode.IsLetter(next) {
			return false
		}
	}
	return true
}

// refMarkup writes a reference as chancery markup: {ref:a,b|dat,cap,rel}.
func refMarkup(r *model.Ref) string {
	var flags []string
	if r.Case != "" {
		flags = append(flags, r.Case)
	}
	if r.Capital {
		flags = append(flags, "cap")
	}
	if r.Rel {
		flags = append(flags, "rel")
	}
	if r.Possessed {
		flags = append(flags, "poss")
	}
	if r.ContainerNominative {
		flags = append(flags, "contnom")
	}
	s := "{ref:" + strings.Join(r.IDs, ",")
	if len(flags) > 0 {
		s += "|" + strings.Join(flags, ",")
	}
	return s + "}"
}

// leftAsText reports the words that look like references (a term of the
// language and a number) but were not turned into one.
func (in *inferrer) leftAsText(texts []ownedText) {
	var forms []string
	for _, key := range in.l.TermKeys() {
		for _, c := range append([]lang.Case{""}, in.l.Cases()...) {
			for _, pl := range []bool{false, true} {
				if f, err := in.l.Term(key, c, pl); err == nil && len([]rune(f)) > 2 && !slices.Contains(forms, f) {
					forms = append(forms, f)
				}
			}
		}
	}
	if len(forms) == 0 {
		return
	}
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	quoted := make([]string, len(forms))
	for i, f := range forms {
		quoted[i] = regexp.QuoteMeta(f)
	}
	alt := strings.Join(quoted, "|")
	num := `(\d+(?:\.\d+)*|[ivxlcdm]+\.|\([a-z]+\))`
	re := regexp.MustCompile(`(?i)(?:^|[^\pL])((?:` + alt + `)\s+` + num + `|\d+(?:\.\d+)*-(?:` + alt + `))`)
	numbers := map[string]bool{}
	in.doc.Walk(func(u *model.Unit) { numbers[strings.TrimSuffix(u.RefNumber, ".")] = true })
	for _, t := range texts {
		for _, run := range t.text[in.tag].Runs {
			p, ok := run.(*model.Plain)
			if !ok {
				continue
			}
			for _, m := range re.FindAllStringSubmatch(p.Text, -1) {
				why := "chancery does not write these words for any unit"
				n := strings.TrimSuffix(m[2], ".")
				if m[2] == "" {
					n = strings.SplitN(m[1], "-", 2)[0]
				}
				if !numbers[n] {
					why = fmt.Sprintf("no unit is numbered %s", n)
				}
				in.report.LeftAsText = append(in.report.LeftAsText, Note{Where: t.where, What: m[1], Why: why})
			}
		}
	}
}
