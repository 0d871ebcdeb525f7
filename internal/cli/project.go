package cli

import (
	"fmt"
	"io/fs"
	"os"
)

// openProject opens the project directory so that nothing read through it,
// symbolic links included, can leave the directory.
func openProject(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("cannot open project directory: %v", err)}
	}
	return root.FS(), nil
}
