package interrupttest

import (
	"os"
	"testing"

	"github.com/chancery-dev/chancery/internal/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes this test binary the chancery command when it is run as
// "chancery" (testscript puts it on PATH under that name).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"chancery": func() { os.Exit(cli.Main(os.Args[1:])) },
	})
}
