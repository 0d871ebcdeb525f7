package cli

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"chancery": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// TestScript runs the command-level scripts in testdata/script: each
// builds a small project in its work directory and runs chancery on it.
// Scripts may copy the repository's example with the "example" setup:
// $EXAMPLE is the repository root.
func TestScript(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLE", root+"/../..")
			return nil
		},
		UpdateScripts: *update,
	})
}
