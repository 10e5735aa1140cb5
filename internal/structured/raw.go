package structured

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// RawStore keeps replies that could not be used, for the user to read.
// They may echo article text, so they are kept private: in a directory of
// mode 0700 in the user's own cache directory, each in a new file of mode
// 0600 that no one else can have made or linked beforehand.
type RawStore struct {
	// Dir is where replies are written; "" means DefaultRawDir.
	Dir string
}

// DefaultRawDir is newslens/replies under the user's cache directory,
// such as ~/.cache/newslens/replies.
func DefaultRawDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache directory: %w", err)
	}
	return filepath.Join(d, "newslens", "replies"), nil
}

// RawPrefix and RawSuffix frame the name of every file a RawStore
// writes, so that other code can tell them from anything else in the
// directory.
const (
	RawPrefix = "newslens-reply-"
	RawSuffix = ".txt"
)

// maxRawNames bounds the names tried for one request's replies.
const maxRawNames = 1000

// Save writes content to a new file named for the request's Article and
// Prompt tags, newslens-reply-<hash>.txt, or newslens-reply-<hash>-2.txt
// and so on when that name is taken, and returns its path. It never
// follows or reuses an existing file.
func (s *RawStore) Save(tags map[string]string, content string) (string, error) {
	dir := s.Dir
	if dir == "" {
		d, err := DefaultRawDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	if err := privateDir(dir); err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(tags["Article"] + "\x00" + tags["Prompt"]))
	base := RawPrefix + hex.EncodeToString(h[:6])
	for i := 1; i <= maxRawNames; i++ {
		name := base + RawSuffix
		if i > 1 {
			name = base + "-" + strconv.Itoa(i) + RawSuffix
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.WriteString(content)
		if err := errors.Join(werr, f.Close()); err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s: %d replies named %s*.txt already; remove old ones", dir, maxRawNames, base)
}

// privateDir makes dir, and its parents, with mode 0700, and refuses a
// dir that is a symbolic link or not a directory. A directory others
// may read is made private.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}
