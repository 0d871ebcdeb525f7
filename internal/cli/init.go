package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chancery-dev/chancery/internal/lazyre"
	"github.com/chancery-dev/chancery/internal/scaffold"
	"github.com/spf13/cobra"
)

// InitOptions are the options of chancery init.
type InitOptions struct {
	Env       Env
	Dir       string // the project directory, absolute
	Kind      string
	Style     string
	Languages []string
	Force     bool
	Date      time.Time // the date of a note or letter
}

// initLong is init's help: what it writes, then the kinds and the shipped
// house styles, read from the scaffold only when the help is shown.
func initLong() string {
	var b strings.Builder
	b.WriteString(`Init writes a small project that chancery build and chancery check accept
at once: clauses/<id>/document.yaml with one part per section, a source
that a clause quotes (clauses/sources/), the note or letter that forwards
the document when the kind has one (clauses/notes/, its style and
templates in templates/<style>/style.yaml and templates/<style>/<form>/), the JSON
Schemas of the files (schema/) with the yaml-language-server comments that
point at them, a .gitignore that keeps out/ out of git, and a GitHub
Actions workflow running chancery check --format github.

DIR defaults to the current directory; the document id is its name. Init
refuses a directory that is not empty unless --force, which writes over
the files it creates and leaves the others alone. Wording still to be
written is marked {fill:...} or [in brackets]: chancery check lists it.

Kinds:
`)
	for _, k := range scaffold.Kinds() {
		fmt.Fprintf(&b, "  %-10s %s\n", k.Name, k.Summary)
	}
	b.WriteString("\nHouse styles:\n")
	if ss, err := scaffold.Styles(); err == nil {
		for _, s := range ss {
			fmt.Fprintf(&b, "  %-10s %s (default for %s)\n", s.Name, s.Description, strings.Join(s.DefaultFor, ", "))
		}
	}
	return b.String()
}

// NewCmdInit returns chancery init; runF runs it (runInit unless a test
// passes its own).
func NewCmdInit(env Env, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new project: clauses, schemas, .gitignore and a CI workflow",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = env.Dir
			if len(args) == 1 {
				opts.Dir = args[0]
				if !filepath.IsAbs(opts.Dir) {
					opts.Dir = filepath.Join(env.Dir, opts.Dir)
				}
			}
			stamp, err := initDate(env)
			if err != nil {
				return err
			}
			opts.Date = stamp
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		},
	}
	// The help lists the shipped styles, which takes reading them: done
	// when the help is asked for, not each time chancery starts.
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		c.Long = initLong()
		c.Flags().Lookup("style").Usage = "house style: " + strings.Join(scaffold.StyleNames(), ", ") + " (default: the kind's)"
		c.Parent().HelpFunc()(c, args)
	})
	cmd.Flags().StringVar(&opts.Kind, "kind", "mou", "kind of project: "+strings.Join(scaffold.KindNames(), ", "))
	cmd.Flags().StringSliceVar(&opts.Languages, "languages", []string{"en"}, "languages of the editions, comma-separated: "+strings.Join(scaffold.Languages(), ", "))
	cmd.Flags().StringVar(&opts.Style, "style", "", "house style (default: the kind's)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "write into a directory that is not empty")
	return cmd
}

// initDate is the date a new note or letter carries: SOURCE_DATE_EPOCH
// when set (so that tests and reproducible set-ups get a fixed date),
// today otherwise.
func initDate(env Env) (time.Time, error) {
	if env.Getenv("SOURCE_DATE_EPOCH") != "" {
		return buildTime(env)
	}
	return time.Now().UTC(), nil
}

func runInit(opts *InitOptions) error {
	env := opts.Env
	files, err := scaffold.Project(scaffold.Options{
		Kind:      opts.Kind,
		Style:     opts.Style,
		Languages: opts.Languages,
		ID:        projectID(opts.Dir, opts.Kind),
		Date:      opts.Date,
	})
	var ue *scaffold.UsageError
	if errors.As(err, &ue) {
		return &exitError{code: ExitUsage, msg: ue.Msg}
	}
	if err != nil {
		return failed("%v", err)
	}
	entries, err := os.ReadDir(opts.Dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("cannot read %s: %v", opts.Dir, err)}
	case len(entries) > 0 && !opts.Force:
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("%s is not empty (it holds %s); choose an empty directory, or pass --force to write the project's files over what is there", displayPath(env.Dir, opts.Dir), entries[0].Name())}
	}
	for _, f := range files {
		p := filepath.Join(opts.Dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return failed("%v", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return failed("%v", err)
		}
		fmt.Fprintln(env.Stdout, displayPath(env.Dir, p))
	}
	fmt.Fprintf(env.Stderr, "chancery: wrote the project (kind %s); run chancery build in %s\n", opts.Kind, displayPath(env.Dir, opts.Dir))
	return nil
}

// projectID makes the document id from the directory's name: lower case,
// runs of other characters turned into hyphens; the kind when nothing of
// the name is left.
func projectID(dir, kind string) string {
	name := strings.ToLower(filepath.Base(filepath.Clean(dir)))
	id := strings.Trim(nonID().ReplaceAllString(name, "-"), "-")
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		if id == "" {
			return kind
		}
		id = kind + "-" + id
	}
	return id
}

var nonID = lazyre.New(`[^a-z0-9]+`)
