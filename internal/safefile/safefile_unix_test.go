//go:build unix

package safefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// umask returns the process's umask without changing it for long.
func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

func TestWriteOutputModes(t *testing.T) {
	tests := []struct {
		name     string
		existing os.FileMode // 0: no file yet
		perm     os.FileMode
		want     os.FileMode
	}{
		{name: "new file follows the umask", perm: 0o666, want: 0o666 &^ umask()},
		{name: "new private file", perm: 0o600, want: 0o600 &^ umask()},
		{name: "existing file keeps its mode", existing: 0o600, perm: 0o666, want: 0o600},
		{name: "existing shared file keeps its mode", existing: 0o664, perm: 0o600, want: 0o664},
		{name: "read-only file is replaced, still read-only", existing: 0o444, perm: 0o666, want: 0o444},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.json")
			if tt.existing != 0 {
				if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tt.existing); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteOutput(path, []byte("new"), tt.perm); err != nil {
				t.Fatal(err)
			}
			assertFile(t, path, "new")
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.want {
				t.Errorf("got mode %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWriteOutputFollowsLinks checks that a link stays a link and the file
// it names gets the content, wherever the link points.
func TestWriteOutputFollowsLinks(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) (path, target string)
	}{
		{name: "absolute link", setup: func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "report.md")
			mkfile(t, target, 0o640)
			return link(t, target, filepath.Join(dir, "report.md")), target
		}},
		{name: "relative link into a linked directory", setup: func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "report.md")
			mkfile(t, target, 0o640)
			link(t, filepath.Join(dir, "real"), filepath.Join(dir, "alias"))
			return link(t, "../alias/report.md", filepath.Join(dir, "sub", "report.md")), target
		}},
		{name: "chain of links", setup: func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "report.md")
			mkfile(t, target, 0o640)
			link(t, "report.md", filepath.Join(dir, "b"))
			return link(t, "b", filepath.Join(dir, "a")), target
		}},
		{name: "dangling link creates its target", setup: func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "new.md")
			return link(t, "new.md", filepath.Join(dir, "a")), target
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path, target := tt.setup(t, dir)
			before, _ := os.Stat(target)
			if err := WriteOutput(path, []byte("new"), 0o666); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Errorf("got %v (err %v) at %s, want the link kept", fi.Mode(), err, path)
			}
			assertFile(t, target, "new")
			after, err := os.Stat(target)
			if err != nil {
				t.Fatal(err)
			}
			if before != nil && after.Mode().Perm() != before.Mode().Perm() {
				t.Errorf("got target mode %v, want %v kept", after.Mode().Perm(), before.Mode().Perm())
			}
		})
	}
}

func TestWriteOutputLinkLoop(t *testing.T) {
	dir := t.TempDir()
	link(t, "b", filepath.Join(dir, "a"))
	link(t, "a", filepath.Join(dir, "b"))
	if err := WriteOutput(filepath.Join(dir, "a"), []byte("x"), 0o666); err == nil {
		t.Fatal("got nil error for a link loop, want one")
	}
}

func TestWriteOutputDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := WriteOutput(dir, []byte("x"), 0o666); err == nil {
		t.Fatal("got nil error writing over a directory, want one")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Errorf("got %v, %v: want the directory left alone", fi, err)
	}
}

// TestWriteOutputFIFO checks that a FIFO is written to and stays a FIFO.
func TestWriteOutputFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			got <- err.Error()
			return
		}
		got <- string(b)
	}()
	if err := WriteOutput(path, []byte("through the pipe"), 0o666); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		// The reader waits on a FIFO that is gone; leave it.
		t.Fatalf("got %v (err %v), want the FIFO kept", fi.Mode(), err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q, want %q", s, "through the pipe")
	}
}

// TestWriteOutputDevice checks that a device is written to, not replaced.
// It makes its own null device rather than use the system's, which a
// regression would replace when the tests run as root.
func TestWriteOutputDevice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device node here: %v", err)
	}
	if err := WriteOutput(path, []byte("discarded"), 0o666); err != nil {
		t.Skipf("this file system does not allow writing to devices: %v", err)
	}
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("got %v, want %s still a character device", fi.Mode(), path)
	}
}

// TestWriteOutputOpenFile writes through /proc/self/fd, as -o /dev/stdout
// does when stdout is redirected to a file: the open file gets the data
// after what it holds, and is not replaced.
func TestWriteOutputOpenFile(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	path := filepath.Join(t.TempDir(), "log")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("first\n"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := WriteOutput(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), []byte("second\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "first\nsecond\n")
	after, _ := os.Stat(path)
	if !os.SameFile(before, after) {
		t.Error("got a new file, want the open file written in place")
	}
}

func mkfile(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("old"), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, oldname, newname string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(newname), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(oldname, newname); err != nil {
		t.Fatal(err)
	}
	return newname
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got %q in %s, want %q", got, path, want)
	}
}

func TestCheckOutput(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string) string
		wantErr  string // "" for no error; else a substring
		skipRoot bool
	}{
		{name: "new file", setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "out.json") }},
		{name: "existing file", setup: func(t *testing.T, dir string) string {
			mkfile(t, filepath.Join(dir, "out.json"), 0o444)
			return filepath.Join(dir, "out.json")
		}},
		{name: "missing directory", wantErr: "does not exist", setup: func(t *testing.T, dir string) string {
			return filepath.Join(dir, "no", "such", "out.json")
		}},
		{name: "parent is a file", wantErr: "is not a directory", setup: func(t *testing.T, dir string) string {
			mkfile(t, filepath.Join(dir, "file"), 0o644)
			return filepath.Join(dir, "file", "out.json")
		}},
		{name: "a directory", wantErr: "is a directory", setup: func(t *testing.T, dir string) string { return dir }},
		{name: "dangling link into a missing directory", wantErr: "does not exist", setup: func(t *testing.T, dir string) string {
			return link(t, "gone/out.json", filepath.Join(dir, "out.json"))
		}},
		{name: "read-only directory", wantErr: "no permission to write in", skipRoot: true, setup: func(t *testing.T, dir string) string {
			ro := filepath.Join(dir, "ro")
			if err := os.Mkdir(ro, 0o500); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(ro, "out.json")
		}},
		{name: "FIFO with no reader yet", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "pipe")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skipRoot && os.Geteuid() == 0 {
				t.Skip("root may write anywhere")
			}
			dir := t.TempDir()
			path := tt.setup(t, dir)
			before, _ := os.ReadDir(dir)
			err := CheckOutput(path)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("got %v, want an error containing %q", err, tt.wantErr)
			}
			after, _ := os.ReadDir(dir)
			if len(after) != len(before) {
				t.Errorf("got %d entries after the check, want %d: it must leave nothing", len(after), len(before))
			}
		})
	}
}

// TestWriteOutputFullDevice checks that a device's refusal is reported
// once, plainly, and the device is left in place.
func TestWriteOutputFullDevice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full")
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		t.Skipf("cannot make a device node here: %v", err)
	}
	if f, err := os.OpenFile(path, os.O_WRONLY, 0); err != nil {
		t.Skipf("this file system does not allow opening devices: %v", err)
	} else {
		f.Close()
	}
	err := WriteOutput(path, []byte("x"), 0o666)
	want := "write " + path + ": no space left on device"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("got %v (err %v), want the device kept", fi.Mode(), err)
	}
}
