package cli

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/format"
	"github.com/chancery-dev/chancery/internal/lower"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/chancery-dev/chancery/internal/redline"
	"github.com/spf13/cobra"
)

// DiffOptions are the options of chancery diff.
type DiffOptions struct {
	Env Env
	// Old and New are the versions compared: project directories, or git
	// revisions when Git is set or when they end in ":" (HEAD~1:).
	Old, New string
	Git      bool // Old and New are git revisions
	// Output is the redline file to write, its format chosen by its
	// extension; empty to write none (Summary must then be set).
	Output   string
	Summary  bool   // print the changed ids per document
	Lang     string // the redline's language; empty for the document's only one
	Document string // the document compared; empty for every document
	Author   string // who the changes are attributed to
	// Date dates the changes and the file: --date, else SOURCE_DATE_EPOCH,
	// else lower.DefaultTime.
	Date time.Time
}

// NewCmdDiff returns chancery diff; runF runs it (runDiff unless a test
// passes its own).
func NewCmdDiff(env Env, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{Env: env}
	var date string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Redline between two versions of the project",
		Long: `Diff builds two versions of the project and shows what changed in each
document. OLD and NEW are project directories, or git revisions of the
repository in the current directory when --git is given or when they are
written REV: (e.g. HEAD~1: or v1.0:).

With -o FILE it writes a redline of one document in one language: FILE's
extension chooses the format. Units are matched by id: a paragraph
inserted in the middle of a section is one addition plus the renumbering
of the paragraphs after it; a renumbered unit shows its new number.

  .txt   plain text, deletions as [-old words-], insertions as {+new words+}
  .docx  Word tracked changes, word by word, attributed to --author at
         --date, that an officer can accept or reject one by one; a summary
         of changes by id at the end
  .pdf   deletions struck through in red, insertions underlined in blue;
         the same summary at the end

--date (RFC 3339, e.g. 2024-05-13T09:30:00Z) dates the changes and the
file; it defaults to SOURCE_DATE_EPOCH, or to a fixed date (2000-01-01),
never the clock, so that two runs give the same bytes.

With --summary it prints, per document, the ids added, removed, changed and
renumbered, and the aligned clauses touched, for a CI job to post on a
pull request.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if opts.Output == "" && !opts.Summary {
				return &exitError{code: ExitUsage, msg: "diff needs -o FILE or --summary"}
			}
			stamp, err := redlineTime(env, date)
			if err != nil {
				return err
			}
			opts.Date = stamp
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "redline file to write (.txt, .docx or .pdf)")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the redline (default: the document's only language)")
	cmd.Flags().StringVar(&opts.Document, "document", "", "document id (default: every document)")
	cmd.Flags().BoolVar(&opts.Summary, "summary", false, "print the changed ids per document")
	cmd.Flags().BoolVar(&opts.Git, "git", false, "OLD and NEW are git revisions")
	cmd.Flags().StringVar(&opts.Author, "author", lower.DefaultAuthor, "who the changes are attributed to (.docx tracked changes, .pdf author)")
	cmd.Flags().StringVar(&date, "date", "", "date of the changes and the file, RFC 3339 (default: SOURCE_DATE_EPOCH or 2000-01-01)")
	return cmd
}

func runDiff(opts *DiffOptions) error {
	env := opts.Env
	oldFS, err := projectFS(env, opts.Old, opts.Git)
	if err != nil {
		return err
	}
	newFS, err := projectFS(env, opts.New, opts.Git)
	if err != nil {
		return err
	}
	oldRes, diags := build.Assemble(oldFS, build.Options{})
	if err := reportDiffSide(env, oldRes, diags, opts.Old); err != nil {
		return err
	}
	newRes, diags := build.Assemble(newFS, build.Options{})
	if err := reportDiffSide(env, newRes, diags, opts.New); err != nil {
		return err
	}
	found := findings([]string{opts.Old, opts.New}, oldRes, newRes)
	checkErrors := oldRes.Checks.HasErrors() || newRes.Checks.HasErrors()
	docs, err := pairDocuments(oldRes.Project, newRes.Project, opts.Document)
	if err != nil {
		return err
	}
	for _, p := range docs {
		if opts.Lang != "" && !slices.Contains(p[1].Languages, opts.Lang) {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("--lang %s: document %s is written in %s", opts.Lang, p[1].ID, strings.Join(p[1].Languages, ", "))}
		}
	}
	var f format.Format
	if opts.Output != "" {
		if len(docs) != 1 {
			return &exitError{code: ExitUsage, msg: "the project has several documents: choose one with --document"}
		}
		var ok bool
		f, ok = format.ByExt(strings.TrimPrefix(filepath.Ext(opts.Output), "."))
		if !ok || f.Redline == nil {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("unknown redline format %q: use .%s", filepath.Ext(opts.Output), strings.Join(format.Redlines(), ", ."))}
		}
		if langs := languages(docs[0][1], opts.Lang); len(langs) != 1 {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("document %s is in %s: choose one with --lang", docs[0][1].ID, strings.Join(langs, ", "))}
		}
	}
	compare := func(p [2]*model.Document, tag string) (*redline.Document, error) {
		l, err := newRes.Engine.Language(tag)
		if err != nil {
			return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("--lang %s: %v", tag, err)}
		}
		d, err := redline.Compare(p[0], p[1], l)
		if err != nil {
			return nil, failed("comparing %s (%s): %v", p[1].ID, tag, err)
		}
		d.Findings = found
		return d, nil
	}
	if opts.Summary {
		for _, p := range docs {
			for _, l := range languages(p[1], opts.Lang) {
				d, err := compare(p, l)
				if err != nil {
					return err
				}
				redline.WriteSummary(env.Stdout, d)
			}
		}
	}
	if opts.Output == "" {
		return checkStatus(checkErrors)
	}
	lang := languages(docs[0][1], opts.Lang)[0]
	d, err := compare(docs[0], lang)
	if err != nil {
		return err
	}
	l, _ := newRes.Engine.Language(lang)
	// The redline is laid out in the new version's house style, as its
	// instrument is.
	opt := lower.Options{Lang: l, Author: opts.Author, Time: opts.Date, Style: newRes.Styles[docs[0][1].ID]}
	m, err := redline.MarkedFor(d, opt)
	if err != nil {
		return failed("redline: %v", err)
	}
	var buf bytes.Buffer
	if _, err := f.Redline(&buf, m, opt); err != nil {
		return failed("redline: %v", err)
	}
	path := opts.Output
	if !filepath.IsAbs(path) {
		path = filepath.Join(env.Dir, path)
	}
	if _, err := writeOutputs(env, filepath.Dir(path), []output.File{{Name: filepath.Base(path), Data: buf.Bytes()}}); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, opts.Output)
	return checkStatus(checkErrors)
}

// redlineTime is the date of a redline: --date when given (RFC 3339),
// else the build's time (SOURCE_DATE_EPOCH or the fixed default).
func redlineTime(env Env, date string) (time.Time, error) {
	if date == "" {
		return buildTime(env)
	}
	t, err := time.Parse(time.RFC3339, date)
	if err != nil {
		return time.Time{}, &exitError{code: ExitUsage, msg: fmt.Sprintf("--date %q is not an RFC 3339 date such as 2024-05-13T09:30:00Z", date)}
	}
	return t.UTC(), nil
}

// reportAs prints the errors of a version of the project, and refuses it
// when there are any.
func reportAs(env Env, diags diag.List, side string) error {
	if !diags.HasErrors() {
		return nil
	}
	diag.WriteText(env.Stderr, diags)
	return failed("%s does not build; run chancery check there", side)
}

// reportDiffSide refuses a side of a diff that does not assemble (load,
// number, resolve). Check findings do not stop a diff: they are listed
// with the summary (see findings).
func reportDiffSide(env Env, res *build.Result, diags diag.List, side string) error {
	if !diags.HasErrors() || !structuralErrors(diags, res.Checks) {
		return nil
	}
	diag.WriteText(env.Stderr, diags)
	return failed("%s does not build; run chancery check there", side)
}

// structuralErrors tells whether diags has errors besides the check
// findings.
func structuralErrors(diags, checks diag.List) bool {
	all, _ := diags.Count()
	found, _ := checks.Count()
	return all > found
}

// findings lists the check errors of both sides of a diff, each once,
// named after the versions that have it as the command was given them
// ("old", "new", "old, new"). Warnings are for chancery check: they
// neither fail a diff nor clutter its summary.
func findings(sides []string, results ...*build.Result) []redline.Finding {
	var out []redline.Finding
	at := map[string]int{}
	for i, res := range results {
		for _, d := range res.Checks {
			if d.Severity != diag.Error {
				continue
			}
			s := d.String()
			if k, ok := at[s]; ok {
				out[k].Version += ", " + sides[i]
				continue
			}
			at[s] = len(out)
			out = append(out, redline.Finding{Version: sides[i], Diagnostic: s, Error: true})
		}
	}
	return out
}

// checkStatus is the exit status of a diff: 1 when either version has
// check errors, else 0 (changes alone never fail).
func checkStatus(checkErrors bool) error {
	if checkErrors {
		return &exitError{code: ExitErrors, msg: "a version has check errors (listed in the summary of changes)"}
	}
	return nil
}

func languages(doc *model.Document, tag string) []string {
	if tag != "" {
		return []string{tag}
	}
	return doc.Languages
}

// pairDocuments matches the documents of both versions by id.
func pairDocuments(old, new *model.Project, only string) ([][2]*model.Document, error) {
	var out [][2]*model.Document
	for _, d := range new.Documents {
		if only != "" && d.ID != only {
			continue
		}
		if o := old.Document(d.ID); o != nil {
			out = append(out, [2]*model.Document{o, d})
		}
	}
	if len(out) == 0 && only != "" {
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("document %q is not in both versions", only)}
	}
	if len(out) == 0 {
		return nil, &exitError{code: ExitUsage, msg: "no document is in both versions"}
	}
	return out, nil
}

// projectFS opens one side of a diff: a directory, or a git revision read
// with git archive into memory.
func projectFS(env Env, arg string, useGit bool) (fs.FS, error) {
	rev, isRev := strings.CutSuffix(arg, ":")
	if !useGit && !isRev {
		dir := arg
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(env.Dir, dir)
		}
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("%s is not a directory (write REV: or --git for a git revision)", arg)}
		}
		return openProject(dir)
	}
	if !isRev {
		rev = arg
	}
	cmd := exec.Command("git", "archive", "--format=tar", rev, "--", "clauses", "templates")
	cmd.Dir = env.Dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		// templates/ may not exist at that revision: retry with clauses only.
		cmd = exec.Command("git", "archive", "--format=tar", rev, "--", "clauses")
		cmd.Dir = env.Dir
		stderr.Reset()
		cmd.Stderr = &stderr
		if data, err = cmd.Output(); err != nil {
			return nil, failed("git archive %s: %s", rev, strings.TrimSpace(stderr.String()))
		}
	}
	return tarFS(data)
}

// tarFS reads a tar archive into an in-memory file system.
func tarFS(data []byte) (fs.FS, error) {
	m := fstest.MapFS{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return m, nil
		}
		if err != nil {
			return nil, failed("reading git archive: %v", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		body, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return nil, failed("reading git archive: %v", err)
		}
		m[strings.TrimPrefix(h.Name, "./")] = &fstest.MapFile{Data: body, Mode: 0o644}
	}
}
