package cache

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newslens/newslens/internal/safefile"
)

// Sentence splits
//
// The cache also keeps the sentences each article was split into, so a
// warm run needs neither the splitter's model nor its time. They live
// apart from replies, as <dir>/splits/<key[:2]>/<key>.json, each holding
// a format version, the key and the sentences. Keys come from
// sentence.Key, which covers the splitter's version and the text; the
// article package checks that a stored split matches its text before
// using it. Files and directories are as for replies, and writes are
// atomic too, but not synced to disk.

const splitsDir = "splits"

// splitVersion is the split entry format version.
const splitVersion = 1

type splitEntry struct {
	Version   int      `json:"version"`
	Key       string   `json:"key"`
	Sentences []string `json:"sentences"`
}

func (c *Cache) splitPath(key string) string {
	return filepath.Join(c.dir, splitsDir, key[:2], key+".json")
}

// LoadSplit returns the sentences stored under key, or false when there
// is no readable entry of this format for it.
func (c *Cache) LoadSplit(key string) ([]string, bool) {
	if !isKey(key) {
		return nil, false
	}
	b, err := os.ReadFile(c.splitPath(key))
	if err != nil {
		return nil, false
	}
	var e splitEntry
	if json.Unmarshal(b, &e) != nil || e.Version != splitVersion || e.Key != key || len(e.Sentences) == 0 {
		return nil, false
	}
	return e.Sentences, true
}

// StoreSplit stores sentences under key, replacing any entry there.
func (c *Cache) StoreSplit(key string, sentences []string) error {
	if !isKey(key) {
		return fmt.Errorf("store split: malformed key %q", key)
	}
	b, err := json.Marshal(splitEntry{Version: splitVersion, Key: key, Sentences: sentences})
	if err != nil {
		return fmt.Errorf("store split %s: %w", key, err)
	}
	path := c.splitPath(key)
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return fmt.Errorf("store split %s: %w", key, err)
	}
	// Unsynced: a split is checked against its text when read, and a
	// damaged one is made again, so a sync per article on the way to the
	// first request would buy nothing.
	if err := safefile.WriteFileUnsynced(path, append(b, '\n'), filePerm); err != nil {
		return fmt.Errorf("store split: %w", err)
	}
	return nil
}

// isKey reports whether key is a hex SHA-256, and so safe in a path.
func isKey(key string) bool { return isEntryName(key[:min(2, len(key))], key+".json") }
