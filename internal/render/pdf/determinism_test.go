package pdf_test

import (
	"bytes"
	"os"
	"os/user"
	"path/filepath"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/render/pdf"
)

func TestSameTimeSameBytes(t *testing.T) {
	doc, e := assemble(t, repoRoot, example(t).Enclosure, false)
	l := language(t, e, "en")
	first, _ := render(t, doc, l)
	// A second assembly, as a second build would make.
	doc2, e2 := assemble(t, repoRoot, example(t).Enclosure, false)
	second, _ := render(t, doc2, language(t, e2, "en"))
	if !bytes.Equal(first, second) {
		t.Fatalf("two renders differ (%d and %d bytes)", len(first), len(second))
	}
	var later bytes.Buffer
	if _, err := pdf.Write(&later, doc, pdf.Options{Lang: l, Time: stamp().Add(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first, later.Bytes()) {
		t.Error("a render at another time is identical")
	}
	if !bytes.Contains(later.Bytes(), []byte("(D:20240514103000)")) {
		t.Error("the creation date is not the one given")
	}
}

func TestZeroTimeIsTheDefaultDate(t *testing.T) {
	doc, e := assemble(t, repoRoot, example(t).Enclosure, false)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if _, err := pdf.Write(buf, doc, pdf.Options{Lang: language(t, e, "en")}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("renders without a time differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("/CreationDate (D:20000101000000)")) {
		t.Error("the zero time is not written as the default date, 2000-01-01")
	}
}

// TestNoPathsOrNames checks that the file says nothing of the machine it
// was made on.
func TestNoPathsOrNames(t *testing.T) {
	data, _ := mou(t)
	var leaks []string
	if wd, err := os.Getwd(); err == nil {
		leaks = append(leaks, wd, filepath.Dir(filepath.Dir(filepath.Dir(wd))))
	}
	if home, err := os.UserHomeDir(); err == nil && len(home) > 1 {
		leaks = append(leaks, home)
	}
	if u, err := user.Current(); err == nil && len(u.Username) > 2 {
		leaks = append(leaks, u.Username)
	}
	if h, err := os.Hostname(); err == nil && len(h) > 2 {
		leaks = append(leaks, h)
	}
	leaks = append(leaks, "/usr/share/fonts", ".ttf")
	for _, s := range leaks {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("the PDF contains %q", s)
		}
	}
}
