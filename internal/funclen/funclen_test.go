package funclen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

// limit is the longest a non-test function may be, counted from the line
// of its func keyword to the line of its closing brace.
const limit = 80

// allowed lists functions let off the limit, with their length: each may
// shrink but not grow. It is empty, and a new entry needs a reason.
var allowed = map[string]int{}

func TestFunctionLength(t *testing.T) {
	root := moduleRoot(t)
	funcs := longFunctions(t, root)
	names := make([]string, 0, len(funcs))
	for name := range funcs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		n := funcs[name]
		was, ok := allowed[name]
		switch {
		case !ok:
			t.Errorf("%s is %d lines, over the limit of %d: split it so it reads on one screen", name, n, limit)
		case n > was:
			t.Errorf("%s grew from %d to %d lines; it is over the limit of %d and may only shrink: split it", name, was, n, limit)
		case n < was:
			t.Logf("%s is down from %d to %d lines: lower its entry in allowed", name, was, n)
		}
	}
	for name := range allowed {
		if _, ok := funcs[name]; !ok {
			t.Logf("%s is no longer over %d lines (or is gone): delete its entry in allowed", name, limit)
		}
	}
}

// longFunctions returns the functions and methods over limit in the
// module's non-test Go files, by qualified name (see funcName), with their
// length in lines.
func longFunctions(t *testing.T, root string) map[string]int {
	t.Helper()
	fset := token.NewFileSet()
	long := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			if n > limit {
				long[funcName(filepath.ToSlash(dir), fd)] = n
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return long
}

// funcName names fd by its package directory relative to the module root,
// its receiver's type if it is a method, and its name: "compare.align",
// "compare.Report.WriteText", "cmd/newslens.run".
func funcName(dir string, fd *ast.FuncDecl) string {
	name := fd.Name.Name
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		name = recvType(fd.Recv.List[0].Type) + "." + name
	}
	return dir + "." + name
}

// recvType returns the name of a receiver's type without pointer or type
// parameters.
func recvType(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return recvType(x.X)
	case *ast.IndexExpr:
		return recvType(x.X)
	case *ast.IndexListExpr:
		return recvType(x.X)
	case *ast.Ident:
		return x.Name
	}
	return fmt.Sprintf("%T", e)
}

// moduleRoot returns the directory holding go.mod, above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

func TestFuncName(t *testing.T) {
	const src = `package p
func plain() {}
func (r *T) ptr() {}
func (r T) value() {}
func (l *List[E]) generic() {}
func (m Map[K, V]) generic2() {}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/p.plain", "a/p.T.ptr", "a/p.T.value", "a/p.List.generic", "a/p.Map.generic2"}
	for i, decl := range f.Decls {
		fd := decl.(*ast.FuncDecl)
		t.Run(fd.Name.Name, func(t *testing.T) {
			if got := funcName("a/p", fd); got != want[i] {
				t.Errorf("got %q, want %q", got, want[i])
			}
		})
	}
}
