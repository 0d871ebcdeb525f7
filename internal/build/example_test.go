package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chancery-dev/chancery/internal/projecttest"
	"go.yaml.in/yaml/v3"
)

// The tests of the repository's example do not name it: they read its
// ids from the project (example), what they compare with its note from
// the note itself (exampleNote), and expectations in its own wording from
// testdata/example (readExampleData).

// example reads the example's note, enclosure and other documents.
func example(t testing.TB) projecttest.Example {
	t.Helper()
	return projecttest.ReadExample(t, repoRoot)
}

// noteFacts are the fields of the example's note that its built editions
// and their metadata carry, by language.
type noteFacts struct {
	Number string `yaml:"number"`
	Issuer struct {
		Letterhead map[string][]string `yaml:"letterhead"`
		Name       map[string]string   `yaml:"name"`
	} `yaml:"issuer"`
	Subject map[string]string `yaml:"subject"`
}

// exampleNote reads the example's note file.
func exampleNote(t testing.TB) noteFacts {
	t.Helper()
	var n noteFacts
	readYAML(t, filepath.Join(repoRoot, example(t).NoteFile()), &n)
	if n.Number == "" {
		t.Fatalf("%s has no number", example(t).NoteFile())
	}
	return n
}

// readExampleData reads the YAML file testdata/example/name into v.
func readExampleData(t testing.TB, name string, v any) {
	t.Helper()
	readYAML(t, filepath.Join(repoRoot, "testdata", "example", name), v)
}

func readYAML(t testing.TB, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
