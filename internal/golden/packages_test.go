package golden

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const importPath = "github.com/newslens/newslens/internal/golden"

// TestEveryTestPackageTakesUpdate keeps `go test ./... -update` working:
// a test binary that does not register -update fails on the flag, so
// every package with tests (other than this one) must import this
// package. (One that declared its own -update would panic at start.)
func TestEveryTestPackageTakesUpdate(t *testing.T) {
	root := filepath.Dir(filepath.Dir(mustWd(t))) // internal/golden -> module root
	imports := map[string]bool{}                  // package dir -> a test file imports golden
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		dir = filepath.ToSlash(dir)
		if _, seen := imports[dir]; !seen {
			imports[dir] = false
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
				imports[dir] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 2 {
		t.Fatalf("found test files in %d packages under %s; is this the module root?", len(imports), root)
	}
	for _, dir := range slices.Sorted(maps.Keys(imports)) {
		if !imports[dir] && dir != "internal/golden" {
			t.Errorf("%s has tests but none imports %s, so go test ./... -update fails there: add\n\t_ %q // for -update; no golden files here", dir, importPath, importPath)
		}
	}
}

func mustWd(t *testing.T) string {
	t.Helper()
	wd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
