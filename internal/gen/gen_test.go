package gen

import (
	"bytes"
	"strings"
	"testing"
)

func TestTreatyIsDeterministicAndSized(t *testing.T) {
	a, b := Treaty(25), Treaty(25)
	if len(a) != 4 { // document.yaml and three sections
		t.Fatalf("%d files, want 4", len(a))
	}
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two generations", name)
		}
	}
	n := 0
	for name, f := range a {
		if name != "clauses/treaty/document.yaml" {
			n += strings.Count(string(f.Data), "\n  - id: ")
		}
	}
	if n != 25 {
		t.Errorf("%d paragraphs, want 25", n)
	}
}
