package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/load"
	"github.com/chancery-dev/chancery/internal/model"
	"github.com/chancery-dev/chancery/internal/output"
	"github.com/chancery-dev/chancery/internal/translate"
	"github.com/chancery-dev/chancery/internal/xliff"
	"github.com/spf13/cobra"
)

// TranslateOptions are the options of chancery translate's subcommands.
type TranslateOptions struct {
	Env      Env
	Action   string   // confirm, export or import
	IDs      []string // confirm: the units
	Lang     string   // confirm: --lang; export: --to
	Output   string   // export: -o, "" for stdout
	Document string   // export: --document, "" for every document in Lang
	File     string   // import: the XLIFF file
}

// NewCmdTranslate returns chancery translate; runF runs a subcommand
// (runTranslate unless a test passes its own).
func NewCmdTranslate(env Env, runF func(*TranslateOptions) error) *cobra.Command {
	run := func(opts *TranslateOptions) error {
		if runF != nil {
			return runF(opts)
		}
		return runTranslate(opts)
	}
	cmd := &cobra.Command{
		Use:   "translate",
		Short: "Keep the language versions of instruments in step: confirm, export and import translations",
		Long: `The first language of a document is its base language; the others are
translations of it. A unit records which version of the base text its
translation translates with a fingerprint per language:

  translated: {ru: 3f9a61c2}

chancery check warns when the base text has changed since (and shows how,
when git has the old text). After bringing the translation up to date,
chancery translate confirm records the current fingerprint.

chancery translate export writes an XLIFF 1.2 file for a CAT tool, one unit
per text (unit ids, title.1, party.<id>.name, recital.2, closing ...);
chancery translate import writes the translated targets back into the
clause YAML, changing only the lines of the texts it changes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}

	confirm := &TranslateOptions{Env: env, Action: "confirm"}
	confirmCmd := &cobra.Command{
		Use:   "confirm ID... --lang LANG",
		Short: "Record that the LANG texts of these units translate their current base text",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			confirm.IDs = args
			return run(confirm)
		},
	}
	confirmCmd.Flags().StringVar(&confirm.Lang, "lang", "", "the language of the translations (ru, kk)")
	_ = confirmCmd.MarkFlagRequired("lang")

	export := &TranslateOptions{Env: env, Action: "export"}
	exportCmd := &cobra.Command{
		Use:   "export --to LANG [-o FILE] [--document ID]",
		Short: "Write the texts of the documents as XLIFF 1.2 for translation into LANG",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return run(export) },
	}
	exportCmd.Flags().StringVar(&export.Lang, "to", "", "the target language (ru, kk)")
	exportCmd.Flags().StringVarP(&export.Output, "output", "o", "", "the XLIFF file to write (default: standard output)")
	exportCmd.Flags().StringVar(&export.Document, "document", "", "only this document")
	_ = exportCmd.MarkFlagRequired("to")

	imp := &TranslateOptions{Env: env, Action: "import"}
	importCmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Write the translations of an XLIFF file into the clause YAML",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			imp.File = args[0]
			return run(imp)
		},
	}
	cmd.AddCommand(confirmCmd, exportCmd, importCmd)
	return cmd
}

func runTranslate(opts *TranslateOptions) error {
	fsys, err := openProject(opts.Env.Dir)
	if err != nil {
		return err
	}
	proj, diags := load.Project(fsys)
	if diags.HasErrors() {
		return reportDiags(opts.Env, diags)
	}
	switch opts.Action {
	case "confirm":
		edits, err := translate.Confirm(fsys, proj, opts.IDs, opts.Lang)
		if err != nil {
			return translateError(err)
		}
		return writeEdits(opts.Env, edits)
	case "export":
		return runExport(opts, proj)
	case "import":
		data, err := os.ReadFile(resolve(opts.Env.Dir, opts.File))
		if err != nil {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("cannot read %s: %v", opts.File, err)}
		}
		x, err := xliff.Read(data)
		if err != nil {
			var se *xliff.SyntaxError
			if errors.As(err, &se) {
				var l diag.List
				l.Errorf(diag.Pos{File: opts.File, Line: se.Pos.Line, Col: se.Pos.Col}, "xliff-syntax", "%s", se.Msg)
				return reportDiags(opts.Env, l)
			}
			return failed("%s: %v", opts.File, err)
		}
		edits, diags := translate.Import(fsys, proj, x, opts.File)
		if diags.HasErrors() {
			return reportDiags(opts.Env, diags)
		}
		return writeEdits(opts.Env, edits)
	}
	return &exitError{code: ExitUsage, msg: "unknown translate action " + opts.Action}
}

func runExport(opts *TranslateOptions, proj *model.Project) error {
	var doc xliff.Doc
	for _, d := range proj.Documents {
		if opts.Document != "" && d.ID != opts.Document {
			continue
		}
		if opts.Document == "" && (!slices.Contains(d.Languages, opts.Lang) || d.Languages[0] == opts.Lang) {
			continue
		}
		f, err := translate.Export(d, opts.Lang)
		if err != nil {
			return translateError(err)
		}
		doc.Files = append(doc.Files, f)
	}
	if len(doc.Files) == 0 {
		if opts.Document != "" {
			return &exitError{code: ExitUsage, msg: fmt.Sprintf("no document %q", opts.Document)}
		}
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("no document is translated into %s", opts.Lang)}
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, &doc); err != nil {
		return failed("writing XLIFF: %v", err)
	}
	if opts.Output == "" {
		_, err := opts.Env.Stdout.Write(b.Bytes())
		return err
	}
	out := resolve(opts.Env.Dir, opts.Output)
	if _, err := output.WriteAll(filepath.Dir(out), []output.File{{Name: filepath.Base(out), Data: b.Bytes()}}); err != nil {
		return failed("%v", err)
	}
	fmt.Fprintln(opts.Env.Stdout, opts.Output)
	return nil
}

// writeEdits writes the changed clause files, each replaced whole and at
// once, and prints their names.
func writeEdits(env Env, edits []translate.Edited) error {
	for _, e := range edits {
		dir, name := path.Split(e.Name)
		if _, err := output.WriteAll(filepath.Join(env.Dir, filepath.FromSlash(dir)), []output.File{{Name: name, Data: e.Data}}); err != nil {
			return failed("%v", err)
		}
		fmt.Fprintln(env.Stdout, e.Name)
	}
	return nil
}

func translateError(err error) error {
	var ue *translate.UsageError
	if errors.As(err, &ue) {
		return &exitError{code: ExitUsage, msg: ue.Msg}
	}
	return failed("%v", err)
}

// reportDiags prints diagnostics and fails with exit 1 when there are
// errors.
func reportDiags(env Env, l diag.List) error {
	l.Sort()
	if err := diag.WriteText(env.Stderr, l); err != nil {
		return failed("writing diagnostics: %v", err)
	}
	if l.HasErrors() {
		e, w := l.Count()
		return failed("%s, %s", plural(e, "error"), plural(w, "warning"))
	}
	return nil
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}
