// Package safefile writes files so that readers see the old content or
// the complete new content, never a partial write, and a failed or
// cancelled run leaves no stray file behind.
//
// WriteFile and WriteFileUnsynced replace the path itself, which suits
// files a program keeps for itself, such as a cache. WriteOutput writes
// where a user pointed: it follows symbolic links, and writes a FIFO, a
// device or /dev/stdout in place instead of replacing it with a regular
// file.
//
// It imports only the standard library.
package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteFile writes data to path through a temporary file in the same
// directory, synced and renamed into place, with mode perm. Whatever was
// at path, a link included, is replaced.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return wrap(path, replace(path, data, perm, &perm, true))
}

// WriteFileUnsynced is WriteFile without the sync, which costs about a
// millisecond a file. Readers still never see a partial write, but after a
// system crash the file may be empty or damaged, so it suits only data
// that is checked when read and can be made again, such as a cache.
func WriteFileUnsynced(path string, data []byte, perm os.FileMode) error {
	return wrap(path, replace(path, data, perm, &perm, false))
}

// WriteOutput writes data to the file a user named with path:
//
//   - A regular file, or a symbolic link to one, is replaced atomically
//     through a temporary file in the target's directory, synced and
//     renamed into place. It keeps its permission bits; the link stays.
//   - A path that does not exist (or a link to one) is created the same
//     way with perm less the umask, as os.WriteFile does.
//   - Anything else (a FIFO, a character or block device, or a file
//     reached through /proc, as /dev/stdout is) cannot be replaced
//     atomically and is written directly: opened for writing without
//     truncation, appending where the file allows it.
//   - A directory is refused.
func WriteOutput(path string, data []byte, perm os.FileMode) error {
	t, err := resolve(path)
	if err != nil {
		return wrap(path, err)
	}
	switch {
	case t.direct:
		err = writeDirect(t.path, data)
	case t.info != nil:
		keep := t.info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		err = replace(t.path, data, perm, &keep, true)
	default:
		err = replace(t.path, data, perm, nil, true)
	}
	return wrap(path, err)
}

func wrap(path string, err error) error {
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// target is what a path names once its links are followed.
type target struct {
	path   string
	info   fs.FileInfo // nil when nothing exists there yet
	direct bool        // written in place rather than replaced
}

// maxLinks bounds the links followed, as the kernel's limit does.
const maxLinks = 40

// resolve follows symbolic links from path to the file they name. It
// stops at /proc, whose links (/dev/stdout leads to /proc/self/fd/1) name
// open files rather than paths, so the file must be written through them.
func resolve(path string) (target, error) {
	p := path
	for range maxLinks {
		dir, err := filepath.EvalSymlinks(filepath.Dir(p))
		if err != nil {
			return target{}, dirError(filepath.Dir(p), err)
		}
		p = filepath.Join(dir, filepath.Base(p))
		if p == "/proc" || strings.HasPrefix(p, "/proc/") {
			return target{path: p, direct: true}, nil
		}
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return target{path: p}, nil
		}
		if err != nil {
			return target{}, dirError(filepath.Dir(p), err)
		}
		switch {
		case fi.Mode().IsRegular():
			return target{path: p, info: fi}, nil
		case fi.IsDir():
			return target{}, fmt.Errorf("%s is a directory", p)
		case fi.Mode()&fs.ModeSymlink == 0:
			return target{path: p, info: fi, direct: true}, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return target{}, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return target{}, fmt.Errorf("more than %d symbolic links", maxLinks)
}

// problem is an error with a plainer message than the system's.
type problem struct {
	msg string
	err error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.err }

// dirError says in words why dir cannot hold a file.
func dirError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &problem{"directory " + dir + " does not exist", err}
	case errors.Is(err, syscallENOTDIR):
		return &problem{dir + " is not a directory", err}
	}
	return err
}

// writeDirect writes to a file that cannot be replaced: a FIFO, a device,
// or an open file reached through /proc. It appends to a regular file, so
// "-o /dev/stdout >> log" adds to log as the shell's redirection asks.
func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return bare(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return bare(err)
}

// bare drops the operation and path from err, which the caller's message
// already names.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// replace writes data to a new file beside path, created with perm less
// the umask, and renames it over path. A non-nil mode is set exactly
// (chmod is not subject to the umask) before the rename.
func replace(path string, data []byte, perm os.FileMode, mode *os.FileMode, sync bool) error {
	f, err := createTemp(path, perm)
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if mode != nil {
		if err := f.Chmod(*mode); err != nil {
			return err
		}
	}
	if sync {
		if err := f.Sync(); err != nil {
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}

// createTemp creates a new file beside path with mode perm; the kernel
// applies the umask, as it would to the file os.WriteFile creates.
func createTemp(path string, perm os.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 10 {
		var r [6]byte
		rand.Read(r[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// CheckOutput reports whether WriteOutput could write to path, without
// writing it, so that a command can refuse a bad output path before doing
// any work. It creates and removes a temporary file where one would be
// made, which answers for permissions, read-only file systems and
// missing directories alike; a FIFO, device or /proc file is opened for
// writing without blocking and closed.
func CheckOutput(path string) error {
	t, err := resolve(path)
	if err != nil {
		return checkError(path, err)
	}
	if t.direct {
		return checkDirect(t)
	}
	f, err := createTemp(t.path, 0o600)
	if err != nil {
		return checkError(t.path, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// checkDirect checks a file that is written in place. A FIFO with no
// reader yet is fine (the reader may come later), so only its
// permissions are checked.
func checkDirect(t target) error {
	if t.info != nil && t.info.Mode()&fs.ModeNamedPipe != 0 {
		if t.info.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("%s: no write permission", t.path)
		}
		return nil
	}
	f, err := os.OpenFile(t.path, os.O_WRONLY|syscallNonblock, 0)
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("no permission to write %s", t.path)
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// checkError says in words what stops a file being created at path.
func checkError(path string, err error) error {
	var p *problem
	if errors.As(err, &p) {
		return p
	}
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("no permission to write in %s", filepath.Dir(path))
	}
	return dirError(filepath.Dir(path), err)
}
