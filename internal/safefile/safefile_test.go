package safefile

import (
	"os"
	"path/filepath"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

// writers are the two entry points; every test runs against both.
var writers = map[string]func(string, []byte, os.FileMode) error{
	"WriteFile":         WriteFile,
	"WriteFileUnsynced": WriteFileUnsynced,
}

func TestWriteFileReplacesWhole(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) { testReplacesWhole(t, write) })
	}
}

func testReplacesWhole(t *testing.T, write func(string, []byte, os.FileMode) error) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old content that is longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "new" {
		t.Errorf("got %q, want %q", got, "new")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("got mode %v, want 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("got %d files in the directory, want 1 (no temporary left)", len(entries))
	}
}

func TestWriteFileMissingDirLeavesNothing(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) { testMissingDir(t, write) })
	}
}

func testMissingDir(t *testing.T, write func(string, []byte, os.FileMode) error) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no", "such", "out.json")
	if err := write(path, []byte("x"), 0o644); err == nil {
		t.Fatal("got nil error writing into a missing directory, want one")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("got %d entries, want 0", len(entries))
	}
}
