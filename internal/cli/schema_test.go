package cli

import (
	"encoding/json"
	"testing"

	"github.com/chancery-dev/chancery/internal/schema"
)

func TestSchemaCmd(t *testing.T) {
	for _, name := range schema.Names() {
		code, stdout, stderr := runIn(t.TempDir(), "schema", name)
		if code != ExitOK || stderr != "" {
			t.Errorf("schema %s: exit %d, stderr %q", name, code, stderr)
		}
		var s map[string]any
		if err := json.Unmarshal([]byte(stdout), &s); err != nil {
			t.Fatalf("schema %s: stdout is not JSON: %v", name, err)
		}
		k, _ := schema.Lookup(name)
		want, err := k.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if stdout != string(want) {
			t.Errorf("schema %s printed something else than the package's schema", name)
		}
	}
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"schema", "clause"}, "chancery: unknown kind \"clause\" (kinds: document, section, preamble, source, note, style)\n"},
		{[]string{"schema"}, "chancery: name one kind of file: document, section, preamble, source, note, style\n"},
		{[]string{"schema", "section", "source"}, "chancery: name one kind of file: document, section, preamble, source, note, style\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runIn(t.TempDir(), tt.args...)
		if code != ExitUsage || stdout != "" || stderr != tt.stderr {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, %q", tt.args, code, stdout, stderr, tt.stderr)
		}
	}
}
