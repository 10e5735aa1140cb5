// Package golden compares test output with golden files, byte for byte,
// and rewrites them when the tests run with -update. It is the one place
// the -update flag is declared: importing it registers the flag, so
// `go test ./... -update` works in every package. A package with no golden
// files imports it for that alone (import _ "…/internal/golden").
//
// It is imported only by tests and imports only the standard library.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Update reports whether the tests run with -update, for tests that keep
// a file of their own kind (a lock file, a model) up to date.
func Update() bool { return *update }

// Check compares got with the golden file at path. Any difference, down
// to one byte, is a test error showing a line diff and the command that
// refreshes the file. With -update it writes got to path instead,
// creating its directory.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if err := Match(path, got, t.Name()); err != nil {
		t.Error(err)
	}
}

// Match is Check for callers that hold no testing.TB, such as testscript
// commands: it returns the difference as an error. test names the test
// to rerun in the hint (a testing.T name, subtests included); it may be
// empty.
func Match(path string, got []byte, test string) error {
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("golden: %w", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			return fmt.Errorf("golden: %w", err)
		}
		return nil
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("golden file %s does not exist\nto create it: %s", path, refresh(test))
	}
	if err != nil {
		return fmt.Errorf("golden: %w", err)
	}
	if bytes.Equal(got, want) {
		return nil
	}
	return fmt.Errorf("output differs from %s (-want +got):\n%s%s\nif the change is intended: %s, then review git diff",
		path, Diff(want, got), firstDifference(want, got), refresh(test))
}

// refresh returns the go test command that rewrites the golden files of
// test, subtests included, in the current package.
func refresh(test string) string {
	cmd := "go test " + packageDir()
	if test != "" {
		parts := strings.Split(test, "/")
		for i, p := range parts {
			parts[i] = "^" + regexp.QuoteMeta(p) + "$"
		}
		cmd += " -run '" + strings.Join(parts, "/") + "'"
	}
	return cmd + " -update"
}

// packageDir returns the working directory (the package under test)
// relative to the module root, as go test takes it: "./compare".
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// firstDifference names the first differing byte, quoted, so that a
// difference a line diff cannot show (a tab for spaces, a missing final
// newline, a carriage return) is still visible.
func firstDifference(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	line := bytes.Count(want[:i], []byte("\n")) + 1
	return fmt.Sprintf("first difference at byte %d (line %d): want %q, got %q\n",
		i, line, excerpt(want, i), excerpt(got, i))
}

// excerpt returns up to 40 bytes of b from i, or "<end>" past its end.
func excerpt(b []byte, i int) string {
	if i >= len(b) {
		return "<end of file>"
	}
	return string(b[i:min(len(b), i+40)])
}
