package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/importer"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/spf13/cobra"
)

// ImportOptions are the options of chancery import.
type ImportOptions struct {
	Env      Env
	File     string // the draft, or the returned DOCX with --changes
	Out      string // -o: the project to create the document in
	Into     string // --into: the project that has the document (language versions)
	Lang     string
	ID       string // document id of a new import
	Document string // document id in the project (--into, --changes)
	Changes  bool
	DryRun   bool
}

// maxDraftSize bounds a draft read into memory.
const maxDraftSize = 64 << 20

// NewCmdImport returns chancery import; runF runs it (runImport unless a
// test passes its own).
func NewCmdImport(env Env, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{Env: env}
	var changes string
	cmd := &cobra.Command{
		Use:   "import FILE -o DIR | FILE --lang L --into DIR | --changes RETURNED.docx",
		Short: "Start a project from a Word or text draft, or take in a counterpart's tracked changes",
		Long: `Import reads a draft written elsewhere and writes it as clause YAML.

  chancery import draft.docx -o DIR      a new document in the project DIR
  chancery import draft.txt -o DIR       the same from plain text or Markdown
  chancery import draft.ru.docx --lang ru --into DIR
                                         the Russian version of a document DIR has
  chancery import --changes returned.docx [--dry-run]
                                         the counterpart's tracked changes, applied
                                         to the clauses of the project here

A new import infers the title block, the parties, the recitals and their
lead words, the transition, the sections, numbered paragraphs and items
with their numbering (1:, 1.1, i., a., (a), (i), Article 1, and inserts such
as "(ii) (bis)"), the closing and the signature table; gives every unit a
readable id; and turns cross-references written as words ("paragraph 4",
"подпункту iii. пункта 2.1") into {ref:...} with the options that print the
same words. It prints a report: what it recognised, each reference it left
as text and why, and each paragraph whose numbering it could not place.
Nothing is written unless the new document builds.

--changes reads a DOCX that came back with tracked changes (w:ins, w:del,
inserted, deleted and moved paragraphs, by any author) and writes them into
the clause files, leaving every untouched byte as it was; the counterpart's
comments are listed with the unit they are anchored to. --dry-run shows the
changes as chancery diff --summary would, and writes nothing.

Only .docx, .txt and .md are read: convert .doc, .odt and .rtf to DOCX with
LibreOffice first (soffice --headless --convert-to docx FILE).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if changes != "" {
				if len(args) > 0 {
					return &exitError{code: ExitUsage, msg: "--changes takes the returned DOCX; give no other file"}
				}
				opts.File, opts.Changes = changes, true
			} else {
				if len(args) != 1 {
					return &exitError{code: ExitUsage, msg: "import needs a FILE (or --changes RETURNED.docx)"}
				}
				opts.File = args[0]
				switch {
				case opts.Out == "" && opts.Into == "":
					return &exitError{code: ExitUsage, msg: "import FILE needs -o DIR (a new document) or --into DIR with --lang (a language version)"}
				case opts.Out != "" && opts.Into != "":
					return &exitError{code: ExitUsage, msg: "give either -o DIR or --into DIR, not both"}
				case opts.Into != "" && opts.Lang == "":
					return &exitError{code: ExitUsage, msg: "--into needs --lang, the language of the version imported"}
				}
				if opts.DryRun {
					return &exitError{code: ExitUsage, msg: "--dry-run goes with --changes"}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runImport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "project directory to write the new document into")
	cmd.Flags().StringVar(&opts.Into, "into", "", "project directory whose document gets the language version")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the draft: en, ru or kk (default: guessed from its letters)")
	cmd.Flags().StringVar(&opts.ID, "id", "", "id of the new document (default: from the file name)")
	cmd.Flags().StringVar(&opts.Document, "document", "", "document id in the project (default: its only document)")
	cmd.Flags().StringVar(&changes, "changes", "", "a returned DOCX whose tracked changes to take into the project")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "with --changes: show the changes, write nothing")
	return cmd
}

func (o *ImportOptions) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(o.Env.Dir, p)
}

// readDraft reads the input file, bounded.
func (o *ImportOptions) readDraft() ([]byte, error) {
	f, err := os.Open(o.abs(o.File))
	if err != nil {
		return nil, failed("cannot read %s: %v", o.File, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDraftSize+1))
	if err != nil {
		return nil, failed("cannot read %s: %v", o.File, err)
	}
	if len(data) > maxDraftSize {
		return nil, failed("%s is larger than %d MiB; chancery does not import drafts that large", o.File, maxDraftSize>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readError prints why a draft cannot be read, as a diagnostic.
func (o *ImportOptions) readError(err error) error {
	var diags diag.List
	var ue *importer.UnsupportedError
	switch {
	case errors.As(err, &ue):
		diags.Errorf(diag.Pos{File: o.File}, "unsupported-input", "%v", err).Hint = ue.Hint
	case importer.IsDOCXError(err):
		diags.Errorf(diag.Pos{File: o.File}, "docx", "%v", err).Hint = "open the file in Word or LibreOffice and save it again as .docx"
	default:
		diags.Errorf(diag.Pos{File: o.File}, "import", "%v", err)
	}
	diag.WriteText(o.Env.Stderr, diags)
	return failed("nothing imported")
}

func runImport(o *ImportOptions) error {
	if o.Changes {
		return runImportChanges(o)
	}
	data, err := o.readDraft()
	if err != nil {
		return err
	}
	paras, err := importer.ReadFile(o.File, data)
	if err != nil {
		return o.readError(err)
	}
	if o.Into != "" {
		return runImportVersion(o, paras)
	}
	id := o.ID
	if id == "" {
		id = documentID(o.File)
	}
	res, err := importer.Infer(paras, importer.Options{Lang: o.Lang, ID: id})
	if err != nil {
		return o.readError(err)
	}
	files, err := importer.Write(res.Doc, filepath.Base(o.File))
	if err != nil {
		return failed("writing the document: %v", err)
	}
	dir := o.abs(o.Out)
	docDir := filepath.Join(dir, "clauses", id)
	if entries, err := os.ReadDir(docDir); err == nil && len(entries) > 0 {
		return failed("%s already exists; import under another --id, or remove it first", displayPath(o.Env.Dir, docDir))
	}
	// The new document must build on its own before anything is written.
	mem := fstest.MapFS{}
	var out []output.File
	for _, f := range files {
		mem["clauses/"+id+"/"+f.Name] = &fstest.MapFile{Data: f.Data}
		out = append(out, output.File{Name: f.Name, Data: f.Data})
	}
	_, diags := build.Assemble(mem, build.Options{})
	if diags.HasErrors() {
		diag.WriteText(o.Env.Stderr, diags)
		return failed("the imported document does not build; nothing written (please report this draft)")
	}
	if _, err := output.WriteAll(docDir, out); err != nil {
		return failed("writing %s: %v", docDir, err)
	}
	w := o.Env.Stdout
	fmt.Fprintf(w, "imported %s (%s) into %s: %d files\n", o.File, res.Report.Lang, displayPath(o.Env.Dir, docDir), len(files))
	writeReport(w, res.Report)
	if len(diags) > 0 {
		fmt.Fprintln(w, "chancery check says:")
		diag.WriteText(w, diags)
	}
	return nil
}

// documentID makes a document id from a file name: "Draft MoU v3.docx"
// gives "draft-mou-v3".
func documentID(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		id = "draft-" + id
	}
	return strings.TrimSuffix(id, "-")
}

func writeReport(w io.Writer, r *importer.Report) {
	section := func(title string, notes []importer.Note, format func(importer.Note) string) {
		if len(notes) == 0 {
			return
		}
		fmt.Fprintf(w, "%s (%d):\n", title, len(notes))
		for _, n := range notes {
			fmt.Fprintf(w, "  %s\n", format(n))
		}
	}
	if len(r.Recognised) > 0 {
		fmt.Fprintln(w, "recognised:")
		for _, s := range r.Recognised {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	section("references turned into {ref:}", r.Refs, func(n importer.Note) string {
		return fmt.Sprintf("%s: %q -> %s", n.Where, n.What, n.Why)
	})
	section("references left as text", r.LeftAsText, func(n importer.Note) string {
		return fmt.Sprintf("%s: %q: %s", n.Where, n.What, n.Why)
	})
	section("not placed", r.Unplaced, func(n importer.Note) string {
		return fmt.Sprintf("%s: %q: %s", n.Where, n.What, n.Why)
	})
	section("to check", r.Notes, func(n importer.Note) string {
		return fmt.Sprintf("%s: %q: %s", n.Where, n.What, n.Why)
	})
}
