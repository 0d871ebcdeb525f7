// Package clienttest lets tests that check an output with a real client
// (pdftotext, qpdf, LibreOffice, python3-docx, tidy, chromium …) skip when
// the client is missing on a developer's machine, and fail instead under
// CI=true, where a failed install must not turn the test into a silent pass.
package clienttest

import (
	"os"
	"os/exec"
	"testing"
)

// Missing reports that a client the test needs is not installed: it skips
// the test, or fails it when the environment variable CI is "true", naming
// the Debian package that provides the client.
func Missing(t testing.TB, client, debianPackage string, err error) {
	t.Helper()
	msg := client + " is not installed (apt-get install " + debianPackage + ")"
	if err != nil {
		msg += ": " + err.Error()
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
		return
	}
	t.Skip(msg)
}

// Command requires that the command name is on PATH and returns its path;
// otherwise it calls Missing with the Debian package debianPackage.
func Command(t testing.TB, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, debianPackage, err)
	}
	return path
}

// Python requires that /usr/bin/python3 can import module (Debian's
// python3 packages install there, not into a pyenv interpreter first on
// PATH) and returns the interpreter's path.
func Python(t testing.TB, module, debianPackage string) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import "+module).CombinedOutput(); err != nil {
		Missing(t, "python module "+module, debianPackage, errWithOutput{err, out})
	}
	return python
}

type errWithOutput struct {
	err error
	out []byte
}

func (e errWithOutput) Error() string { return e.err.Error() + ": " + string(e.out) }

// debianPackages names the Debian package of each client the tests use.
func debianPackages() map[string]string {
	return map[string]string{
		"pdftotext": "poppler-utils",
		"pdfinfo":   "poppler-utils",
		"pdftoppm":  "poppler-utils",
		"pdffonts":  "poppler-utils",
		"qpdf":      "qpdf",
		"soffice":   "libreoffice-writer",
		"tidy":      "tidy",
		"xmllint":   "libxml2-utils",
		"chromium":  "chromium",
		"pandoc":    "pandoc",
		"typst":     "typst",
	}
}

// Tool is Command for a client whose Debian package this package knows
// (pdftotext, pdfinfo, pdftoppm, pdffonts, qpdf, soffice, tidy, xmllint,
// chromium, pandoc, typst); for any other name the package is the name.
func Tool(t testing.TB, name string) string {
	t.Helper()
	pkg, ok := debianPackages()[name]
	if !ok {
		pkg = name
	}
	return Command(t, name, pkg)
}
