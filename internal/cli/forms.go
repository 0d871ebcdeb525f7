package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/lang"
	"github.com/spf13/cobra"
)

// formsNumbers are the numbers a term is shown attached to: a dotted one
// and a plain one, whose Kazakh suffixes follow different last words
// ("2.1" ends in бір, "3" is үш).
func formsNumbers() []string { return []string{"2.1", "3"} }

// FormsOptions are the options of chancery forms.
type FormsOptions struct {
	Env  Env
	Lang string // the language's tag
	Term string // the structural term ("paragraph"); empty with Date
	// Date, YYYY-MM-DD, asks for the forms of this date instead of a
	// term's. It is parsed once the language is known, so that an unknown
	// language is reported first.
	Date string
}

// NewCmdForms returns chancery forms; runF runs it (runForms unless a test
// passes its own).
func NewCmdForms(env Env, runF func(*FormsOptions) error) *cobra.Command {
	opts := &FormsOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "forms LANG [TERM]",
		Short: "Print every form the language engine gives a term or a date",
		Long: `Forms prints, for a structural term of the language engine ("paragraph",
"subparagraph", "pillar", ...), every form it gives: each case of the
language in the singular and plural, possessed (Kazakh), and attached to
the numbers 2.1 and 3 as in a reference. With --date YYYY-MM-DD it prints
the date in every case instead. It reads no project.`,
		Example: "  chancery forms kk paragraph\n  chancery forms ru --date 2024-05-27",
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Date != "" {
				return cobra.ExactArgs(1)(cmd, args)
			}
			return cobra.ExactArgs(2)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Lang = args[0]
			if len(args) == 2 {
				opts.Term = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return runForms(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Date, "date", "", "print the forms of this date (YYYY-MM-DD) instead of a term's")
	return cmd
}

func runForms(opts *FormsOptions) error {
	env := opts.Env
	// Terms of the project, if there is one around.
	dir := env.Dir
	if root, ok := findRoot(env.Dir); ok {
		dir = root
	}
	fsys, err := openProject(dir)
	if err != nil {
		return err
	}
	engine, diags := build.Engine(fsys)
	if err := report(env, diags); err != nil {
		return err
	}
	l, err := engine.Language(opts.Lang)
	if err != nil {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown language %q (languages: %s)", opts.Lang, strings.Join(engine.Tags(), ", "))}
	}
	if opts.Date != "" {
		d, err := time.Parse(time.DateOnly, opts.Date)
		if err != nil {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("--date %q is not a date written YYYY-MM-DD", opts.Date)}
		}
		return dateForms(env.Stdout, l, d)
	}
	if !slices.Contains(l.TermKeys(), opts.Term) {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown term %q for %s (terms: %s)", opts.Term, l.Tag(), strings.Join(l.TermKeys(), ", "))}
	}
	return termForms(env.Stdout, l, opts.Term)
}

// termForms writes one row per case: the plain forms, then the forms with
// each of formsNumbers. A language with possessed forms (Kazakh) adds them. Cases whose
// rows are all the same (English has no case) collapse into one row.
func termForms(w io.Writer, l *lang.Language, key string) error {
	possessive := l.Facts().Possessive
	header := []string{"case", "singular", "plural"}
	if possessive {
		header = append(header, "possessed", "possessed plural")
	}
	for _, n := range formsNumbers() {
		header = append(header, n)
		if possessive {
			header = append(header, n+" possessed")
		}
	}
	var rows [][]string
	for _, c := range l.Cases() {
		row := []string{string(c)}
		add := func(s string, err error) {
			if err != nil {
				s = "(" + err.Error() + ")"
			}
			row = append(row, s)
		}
		add(l.Term(key, c, false))
		add(l.Term(key, c, true))
		if possessive {
			add(l.TermPossessed(key, c, false))
			add(l.TermPossessed(key, c, true))
		}
		for _, n := range formsNumbers() {
			step := []lang.Step{{Term: key, Number: n}}
			add(l.Ref(step, lang.RefOptions{Case: c}))
			if possessive {
				add(l.Ref(step, lang.RefOptions{Case: c, Possessed: true}))
			}
		}
		rows = append(rows, row)
	}
	if allSame(rows) {
		rows = [][]string{append([]string{"(any)"}, rows[0][1:]...)}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n", strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\n", strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// allSame reports whether the rows differ only in their first column.
func allSame(rows [][]string) bool {
	for _, r := range rows[1:] {
		if !slices.Equal(r[1:], rows[0][1:]) {
			return false
		}
	}
	return true
}

// dateForms writes the date in every case of the language.
func dateForms(w io.Writer, l *lang.Language, d time.Time) error {
	var rows [][]string
	for _, c := range l.Cases() {
		s, err := l.Date(d.Year(), d.Month(), d.Day(), c)
		if err != nil {
			return failed("%v", err)
		}
		rows = append(rows, []string{string(c), s})
	}
	if allSame(rows) {
		rows = [][]string{{"(any)", rows[0][1]}}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\n", strings.Join(r, "\t"))
	}
	return tw.Flush()
}
