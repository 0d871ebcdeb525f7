package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// projectMarker is the directory that makes a directory a chancery
// project.
const projectMarker = "clauses"

// findRoot returns dir, or its nearest parent, that holds a clauses/
// directory — the project root — as git finds the top of a work tree.
func findRoot(dir string) (string, bool) {
	for d := filepath.Clean(dir); ; {
		if info, err := os.Stat(filepath.Join(d, projectMarker)); err == nil && info.IsDir() {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

// project finds the project that the working directory is in and opens
// it; outside any project it is a usage error with a hint.
func project(env Env) (root string, fsys fs.FS, err error) {
	root, ok := findRoot(env.Dir)
	if !ok {
		return "", nil, &exitError{code: ExitUsage, msg: "not in a chancery project: no clauses/ directory here or in any parent directory\n" +
			"\tcd into a project, or start one here with chancery init"}
	}
	fsys, err = openProject(root)
	return root, fsys, err
}

// projectPath shows p, a file of the project at root, relative to the
// working directory cwd (inside the project, as git does: ../../out/x.pdf);
// other files by their absolute path.
func projectPath(cwd, root, p string) string {
	if displayPath(root, p) == p {
		return p
	}
	if rel, err := filepath.Rel(cwd, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return p
}

// openProject opens the project directory so that nothing read through it,
// symbolic links included, can leave the directory.
func openProject(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("cannot open project directory: %v", err)}
	}
	return root.FS(), nil
}
