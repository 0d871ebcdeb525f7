package projecttest

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoGoCodeKnowsTheExample reads every Go file of the repository for
// the words of testdata/example/names.txt, case-insensitively: the
// example lives in clauses/, templates/ and testdata/, and Go code — the
// tests included — reads what it needs of it from there.
func TestNoGoCodeKnowsTheExample(t *testing.T) {
	const root = "../.."
	data, err := os.ReadFile(filepath.Join(root, "testdata", "example", "names.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for line := range strings.Lines(string(data)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, strings.ToLower(line))
		}
	}
	if len(names) < 5 {
		t.Fatalf("only %d names in names.txt", len(names))
	}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "clauses" || name == "templates") {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".go" {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.ToLower(sc.Text())
			for _, name := range names {
				if strings.Contains(line, name) {
					t.Errorf("%s:%d names the example (%q): read it from the project or from testdata instead", path, n, name)
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("only %d Go files read", files)
	}
}
