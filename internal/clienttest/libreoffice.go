package clienttest

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// ConvertWithLibreOffice converts files, given by name with their
// extension ("memo.docx"), to format — a --convert-to target such as
// "pdf", "odt", "docx" or "txt:Text (encoded):UTF8" — in one run of
// LibreOffice headless with a private profile, and returns the path of
// each converted file by the name it was given. It fails the test when
// LibreOffice fails or leaves a file unconverted, and calls Missing when
// soffice is not installed.
func ConvertWithLibreOffice(t testing.TB, files map[string][]byte, format string) map[string]string {
	t.Helper()
	soffice := Command(t, "soffice", "libreoffice-writer")
	dir := t.TempDir()
	out := filepath.Join(dir, "converted")
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", format, "--outdir", out}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		in := filepath.Join(dir, name)
		if err := os.WriteFile(in, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, in)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	log, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}
	ext, _, _ := strings.Cut(format, ":")
	converted := map[string]string{}
	for name := range files {
		path := filepath.Join(out, strings.TrimSuffix(name, filepath.Ext(name))+"."+ext)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("LibreOffice did not convert %s to %s:\n%s", name, format, log)
		}
		converted[name] = path
	}
	return converted
}
