package cli

import (
	"bytes"
	"strings"
	"testing"
)

// chanceryForms runs chancery forms with args in an empty directory.
func chanceryForms(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(append([]string{"forms"}, args...), Env{Dir: t.TempDir(), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// row returns the fields of the output line starting with first.
func row(t *testing.T, out, first string) []string {
	t.Helper()
	for line := range strings.SplitSeq(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == first {
			return f
		}
	}
	t.Fatalf("no row %q in:\n%s", first, out)
	return nil
}

func TestFormsKazakhTerm(t *testing.T) {
	code, out, errs := chanceryForms(t, "kk", "paragraph")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := map[string]string{
		"nom":  "nom тармақ тармақтар тармағы тармақтары 2.1-тармақ 2.1-тармағы 3-тармақ 3-тармағы",
		"gen":  "gen тармақтың тармақтардың тармағының тармақтарының 2.1-тармақтың 2.1-тармағының 3-тармақтың 3-тармағының",
		"dat":  "dat тармаққа тармақтарға тармағына тармақтарына 2.1-тармаққа 2.1-тармағына 3-тармаққа 3-тармағына",
		"abl":  "abl тармақтан тармақтардан тармағынан тармақтарынан 2.1-тармақтан 2.1-тармағынан 3-тармақтан 3-тармағынан",
		"attr": "attr тармақтағы тармақтардағы тармағындағы тармақтарындағы 2.1-тармақтағы 2.1-тармағындағы 3-тармақтағы 3-тармағындағы",
	}
	for c, w := range want {
		if got := strings.Join(row(t, out, c), " "); got != w {
			t.Errorf("row %s:\n%s\nwant\n%s", c, got, w)
		}
	}
	if n := strings.Count(out, "\n"); n != 9 {
		t.Errorf("%d lines, want a header and 8 cases:\n%s", n, out)
	}
}

func TestFormsRussianTerm(t *testing.T) {
	_, out, _ := chanceryForms(t, "ru", "pillar")
	if got := strings.Join(row(t, out, "gen"), " "); got != "gen Компонента Компонентов Компонента 2.1 Компонента 3" {
		t.Errorf("gen row: %s", got)
	}
}

// TestFormsEnglishTerm: English has no case, so one row stands for all.
func TestFormsEnglishTerm(t *testing.T) {
	_, out, _ := chanceryForms(t, "en", "subparagraph")
	want := "case   singular      plural         2.1               3\n(any)  subparagraph  subparagraphs  subparagraph\u00a02.1  subparagraph\u00a03\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestFormsDate(t *testing.T) {
	tests := []struct{ lang, date, want string }{
		// The day and the month are tied by a no-break space.
		{"kk", "2024-04-18", "attr  2024 жылғы 18\u00a0сәуірдегі"},
		{"kk", "2024-05-27", "abl   2024 жылғы 27\u00a0мамырдан"},
		{"kk", "2024-05-13", "nom   2024 жылғы 13\u00a0мамыр"},
		{"ru", "2024-05-27", "(any)  27\u00a0мая 2024 года"},
		{"en", "2024-04-18", "(any)  18\u00a0April 2024"},
	}
	for _, tc := range tests {
		code, out, _ := chanceryForms(t, tc.lang, "--date", tc.date)
		if code != ExitOK || !strings.Contains(out, tc.want+"\n") {
			t.Errorf("forms %s --date %s: exit %d\n%s\nlacks %q", tc.lang, tc.date, code, out, tc.want)
		}
	}
}

func TestFormsUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"xx", "paragraph"}, "chancery: unknown language \"xx\" (languages: en, kk, ru)\n"},
		{[]string{"kk", "paragrph"}, "chancery: unknown term \"paragrph\" for kk (terms: annex, article, item, memorandum, note, page, page-abbr, paragraph, pillar, section, sub-paragraph, subparagraph)\n"},
		{[]string{"ru", "--date", "2024-02-30"}, "chancery: --date \"2024-02-30\" is not a date written YYYY-MM-DD\n"},
		{[]string{"ru", "paragraph", "--date", "2024-05-27"}, "chancery: accepts 1 arg(s), received 2\nRun 'chancery --help' for usage.\n"},
	}
	for _, tc := range tests {
		code, out, errs := chanceryForms(t, tc.args...)
		if code != ExitUsage || out != "" || errs != tc.want {
			t.Errorf("forms %v: exit %d, stdout %q, stderr %q; want exit 2, stderr %q", tc.args, code, out, errs, tc.want)
		}
	}
}
