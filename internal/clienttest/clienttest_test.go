package clienttest

import (
	"os"
	"testing"
)

// fakeTB records what Missing does instead of stopping a real test.
type fakeTB struct {
	testing.TB
	failed, skipped string
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Fatal(args ...any) { f.failed = args[0].(string) }
func (f *fakeTB) Skip(args ...any)  { f.skipped = args[0].(string) }

func TestMissingFailsUnderCI(t *testing.T) {
	t.Setenv("CI", "true")
	var f fakeTB
	Command(&f, "no-such-client-xyz", "no-such-package")
	if f.failed == "" || f.skipped != "" {
		t.Fatalf("under CI=true a missing client must fail: failed=%q skipped=%q", f.failed, f.skipped)
	}
	if want := "no-such-client-xyz is not installed (apt-get install no-such-package)"; len(f.failed) < len(want) || f.failed[:len(want)] != want {
		t.Errorf("message %q does not start with %q", f.failed, want)
	}
}

func TestMissingSkipsOnALaptop(t *testing.T) {
	os.Unsetenv("CI")
	t.Setenv("CI", "")
	var f fakeTB
	Command(&f, "no-such-client-xyz", "no-such-package")
	if f.skipped == "" || f.failed != "" {
		t.Fatalf("without CI a missing client must skip: failed=%q skipped=%q", f.failed, f.skipped)
	}
}

// Tool names the Debian package of a client it knows; a missing client
// under CI=true fails with that package's name.
func TestToolNamesTheDebianPackage(t *testing.T) {
	t.Setenv("CI", "true")
	t.Setenv("PATH", t.TempDir()) // nothing is installed here
	for tool, pkg := range map[string]string{"pdftotext": "poppler-utils", "soffice": "libreoffice-writer", "qpdf": "qpdf", "xmllint": "libxml2-utils"} {
		var f fakeTB
		Tool(&f, tool)
		if want := tool + " is not installed (apt-get install " + pkg + ")"; len(f.failed) < len(want) || f.failed[:len(want)] != want {
			t.Errorf("Tool(%s): message %q does not start with %q", tool, f.failed, want)
		}
	}
}
