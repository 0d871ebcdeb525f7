package scaffold

import (
	"io/fs"
	"path"
	"testing"

	house "github.com/chancery-dev/chancery/internal/style"
)

// TestShippedStylesAreHouseStyles reads every style chancery init ships
// with package style: the two are one format (numbering fields beside the
// page and type), so a shipped style is also a valid templates/<style>/
// style.yaml.
func TestShippedStylesAreHouseStyles(t *testing.T) {
	entries, err := fs.ReadDir(files, "styles")
	if err != nil || len(entries) == 0 {
		t.Fatalf("no shipped styles: %v", err)
	}
	for _, e := range entries {
		file := path.Join("styles", e.Name(), "style.yaml")
		data, err := fs.ReadFile(files, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := house.Parse(file, data, nil); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}
