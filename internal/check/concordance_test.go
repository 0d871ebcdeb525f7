package check_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/check"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/projecttest"
)

// concordanceOf returns the concordance findings of the project, rendered.
func concordanceOf(t *testing.T, fsys fstest.MapFS, final bool) string {
	t.Helper()
	var l diag.List
	for _, d := range runAll(t, fsys, final) {
		if d.Code == check.Concordance {
			l = append(l, d)
		}
	}
	return render(l)
}

// TestConcordance edits one language version of the trilingual fixture
// (testdata/agreement) and expects exactly the finding that names the
// unit, both languages and what differs.
func TestConcordance(t *testing.T) {
	const (
		final    = "clauses/agr/08-final.yaml"
		data     = "clauses/agr/05-data.yaml"
		purpose  = "clauses/agr/02-purpose.yaml"
		auth     = "clauses/agr/03-authorities.yaml"
		defs     = "clauses/agr/01-definitions.yaml"
		preamble = "clauses/agr/preamble.yaml"
		hint     = "\tmake the %s text say what the en text says (or correct the en text)\n"
	)
	tests := []struct {
		name           string
		file, from, to string
		final          bool
		want           string
	}{
		{"clean fixture", "", "", "", false, ""},
		{"60 against 90", final, "за шестьдесят (60) дней", "за девяносто (90) дней", false,
			"clauses/agr/08-final.yaml:12:11: warning: final.duration: the en and ru texts differ in figures: en has 60, ru has 90 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
		{"60 against 90 in a final check", final, "за шестьдесят (60) дней", "за девяносто (90) дней", true,
			"clauses/agr/08-final.yaml:12:11: error: final.duration: the en and ru texts differ in figures: en has 60, ru has 90 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
		{"number word against its figure", final, "алпыс (60) күннен", "сексен (60) күннен", false,
			"clauses/agr/08-final.yaml:13:118: warning: final.duration (kk): \"сексен\" says 80 but the figure beside it is (60) [concordance]\n" +
				"\tmake the words and the figure say the same number\n"},
		{"Russian number word in the genitive", data, "девяноста (90)", "девяти (90)", false,
			"clauses/agr/05-data.yaml:12:114: warning: data.list (ru): \"девяти\" says 9 but the figure beside it is (90) [concordance]\n" +
				"\tmake the words and the figure say the same number\n"},
		{"a missing reference", auth, "{ref:authorities.designation|loc,poss} көзделген", "белгіленген", false,
			"clauses/agr/03-authorities.yaml:13:11: warning: authorities.change: the en and kk texts differ in references: en has authorities.designation, kk has none [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "kk")},
		{"a bracket left in one language", data, "в течение девяноста (90) дней", "в течение [девяноста (90)] дней", false,
			"clauses/agr/05-data.yaml:12:11: warning: data.list: the en and ru texts differ in passages in square brackets: en has 0, ru has 1 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
		{"a date changed in one language", purpose, "1998 жылғы 14 маусымда", "1998 жылғы 15 маусымда", false,
			"clauses/agr/02-purpose.yaml:14:11: warning: purpose.charter: the en and kk texts differ in dates: en has 1998-06-14, kk has 1998-06-15 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "kk")},
		{"a defined term not quoted", defs, "«гидрометеорологические данные»", "гидрометеорологические данные", false,
			"clauses/agr/01-definitions.yaml:18:15: warning: definitions.terms.data: the en and ru texts differ in quoted terms: en has 1, ru has 0 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
		{"a date in one language's closing clause", "clauses/agr/document.yaml", "причем все тексты", "совершено 1 января 2025 года, причем все тексты", false,
			"clauses/agr/document.yaml:54:7: warning: closing: the en and ru texts differ in dates: en has none, ru has 2025-01-01 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
		{"a placeholder in one language", preamble, "между двумя государствами,", "между {fill:названия государств},", false,
			"clauses/agr/preamble.yaml:7:11: warning: recital.relations: the en and ru texts differ in placeholders: en has 0, ru has 1 [concordance]\n" +
				strings.ReplaceAll(hint, "%s", "ru")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := projecttest.Copy(t, "../../testdata/agreement")
			if tt.file != "" {
				projecttest.Edit(t, fsys, tt.file, tt.from, tt.to)
			}
			if got := concordanceOf(t, fsys, tt.final); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
