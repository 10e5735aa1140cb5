package structured

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// RawStore keeps replies that could not be used, for the user to read.
type RawStore struct {
	// Dir is where replies are written; "" means the system temporary
	// directory.
	Dir string
}

// Save writes content to a file named for the request's Article and
// Prompt tags, readable by its owner only since it may echo article text,
// and returns its path.
func (s *RawStore) Save(tags map[string]string, content string) (string, error) {
	dir := s.Dir
	if dir == "" {
		dir = os.TempDir()
	}
	h := sha256.Sum256([]byte(tags["Article"] + "\x00" + tags["Prompt"]))
	path := filepath.Join(dir, "newslens-reply-"+hex.EncodeToString(h[:6])+".txt")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return "", err
	}
	return path, nil
}
