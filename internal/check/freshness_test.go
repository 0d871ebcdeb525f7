package check_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/fingerprint"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

func freshnessOf(t *testing.T, fsys fstest.MapFS, opt check.Options) string {
	t.Helper()
	var l diag.List
	for _, d := range runOpts(t, fsys, opt) {
		if d.Code == check.Freshness {
			l = append(l, d)
		}
	}
	return render(l)
}

// TestFreshness marks the Russian translation of final.duration as
// translating the current English text, then changes the English text:
// exactly one warning, with the English word diff when the old text can be
// found.
func TestFreshness(t *testing.T) {
	const (
		file = "clauses/agr/08-final.yaml"
		old  = "This Agreement is concluded for a period of five (5) years and shall be automatically extended for successive five-year periods unless either Party notifies the other Party in writing of its intention to terminate it not later than sixty (60) days before the expiry of the current period."
	)
	fsys := projecttest.Copy(t, "../../testdata/agreement")
	projecttest.Edit(t, fsys, file, "  - id: final.duration\n", "  - id: final.duration\n    translated: {ru: "+fingerprint.Of(old)+", kk: "+fingerprint.Of(old)+"}\n")
	if got := freshnessOf(t, fsys, check.Options{}); got != "" {
		t.Fatalf("fresh translations: %s", got)
	}
	projecttest.Edit(t, fsys, file, "not later than sixty (60) days", "not later than ninety (90) days")
	projecttest.Edit(t, fsys, file, "kk: "+fingerprint.Of(old), "kk: "+fingerprint.Of(old[:len(old)-1]))
	history := func(u *model.Unit, lang, fp string) (string, bool) {
		if u.ID == "final.duration" && lang == "en" && fp == fingerprint.Of(old) {
			return old, true
		}
		return "", false
	}
	want := "clauses/agr/08-final.yaml:10:22: warning: ru text of final.duration translates an older en text: -sixty -(60) +ninety +(90) [freshness]\n" +
		"\tbring the ru text up to date, then record it: chancery translate confirm final.duration --lang ru\n" +
		"clauses/agr/08-final.yaml:10:36: warning: kk text of final.duration translates an older en text [freshness]\n" +
		"\tbring the kk text up to date, then record it: chancery translate confirm final.duration --lang kk\n"
	if got := freshnessOf(t, fsys, check.Options{BaseText: history}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// A layout change of the base text is no change.
	fsys = projecttest.Copy(t, "../../testdata/agreement")
	projecttest.Edit(t, fsys, file, "  - id: final.duration\n", "  - id: final.duration\n    translated: {ru: "+fingerprint.Of(old)+"}\n")
	projecttest.Edit(t, fsys, file, "en: This Agreement is concluded for a period", "en: This  Agreement is concluded\n        for a period")
	if got := freshnessOf(t, fsys, check.Options{}); got != "" {
		t.Errorf("re-wrapped base text: %s", got)
	}
}

// TestFreshnessMarks reports a mark for the base language.
func TestFreshnessMarks(t *testing.T) {
	fsys := projecttest.Copy(t, "../../testdata/agreement")
	projecttest.Edit(t, fsys, "clauses/agr/07-disputes.yaml", "  - id: disputes.settlement\n", "  - id: disputes.settlement\n    translated: {en: 00000000}\n")
	want := "clauses/agr/07-disputes.yaml:5:22: warning: translated: names en, the base language of agr [freshness]\n" +
		"\ttranslated: records the translations of the en text; remove en: from it\n"
	var l diag.List
	for _, d := range runOpts(t, fsys, check.Options{}) {
		if d.Code == check.Freshness {
			l = append(l, d)
		}
	}
	if got := render(l); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestVerbatimUnverified aligns a trilingual clause to a source without
// its Kazakh text: a warning naming the language, an error in a final
// check, nothing when suppressed with a reason.
func TestVerbatimUnverified(t *testing.T) {
	const source = "clauses/sources/water-charter.yaml"
	strip := func(fsys fstest.MapFS) {
		projecttest.Edit(t, fsys, source, "\n  kk: Солтүстік Дала су кеңесінің Жарғысы", "")
		s := string(fsys[source].Data)
		i := strings.Index(s, "          kk: ")
		fsys[source] = &fstest.MapFile{Data: []byte(s[:i])}
	}
	only := func(l diag.List) string {
		var out diag.List
		for _, d := range l {
			if d.Code == check.VerbatimUnverified || d.Code == "suppress-unused" {
				out = append(out, d)
			}
		}
		return render(out)
	}
	const msg = "clauses/agr/02-purpose.yaml:14:11: %s: purpose.charter (kk) cannot be verified: water-charter 5.1 has no kk text [verbatim-unverified]\n" +
		"\tadd the kk text of 5.1 to the source, or say why it cannot be had: suppress: [{check: verbatim-unverified, reason: \"...\"}]\n"
	fsys := projecttest.Copy(t, "../../testdata/agreement")
	if got := only(runAll(t, fsys, false)); got != "" {
		t.Fatalf("trilingual source: %s", got)
	}
	strip(fsys)
	if got, want := only(runAll(t, fsys, false)), strings.Replace(msg, "%s", "warning", 1); got != want {
		t.Errorf("draft:\n%s\nwant:\n%s", got, want)
	}
	if got, want := only(runAll(t, fsys, true)), strings.Replace(msg, "%s", "error", 1); got != want {
		t.Errorf("final:\n%s\nwant:\n%s", got, want)
	}
	projecttest.Edit(t, fsys, "clauses/agr/02-purpose.yaml", "  - id: purpose.charter\n", "  - id: purpose.charter\n    suppress:\n      - check: verbatim-unverified\n        reason: the Charter has no official Kazakh text\n")
	if got := only(runAll(t, fsys, true)); got != "" {
		t.Errorf("suppressed: %s", got)
	}
}
