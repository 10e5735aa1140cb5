package cache_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/cache"
	"github.com/newslens/newslens/internal/sentence"
)

var _ sentence.Store = (*cache.Cache)(nil)

func TestSplits(t *testing.T) {
	c := open(t)
	text := "Putin met Kim. They signed a pact."
	key := sentence.Key(text)
	want := []string{"Putin met Kim.", "They signed a pact."}

	if _, ok := c.LoadSplit(key); ok {
		t.Fatal("empty cache has a split")
	}
	if err := c.StoreSplit(key, want); err != nil {
		t.Fatal(err)
	}
	got, ok := c.LoadSplit(key)
	if !ok || !slices.Equal(got, want) {
		t.Fatalf("LoadSplit = %q, %t; want %q", got, ok, want)
	}

	path := filepath.Join(c.Dir(), "splits", key[:2], key+".json")
	for p, perm := range map[string]os.FileMode{
		path:                             0o600,
		filepath.Dir(path):               0o700 | os.ModeDir,
		filepath.Dir(filepath.Dir(path)): 0o700 | os.ModeDir,
	} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != perm {
			t.Errorf("%s has mode %v, want %v", p, st.Mode(), perm)
		}
	}

	// A split is not a reply: it is counted apart, and a split and a
	// reply never share a file.
	st, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 0 || st.Splits != 1 || st.SplitBytes == 0 {
		t.Errorf("Stats = %+v; want 0 replies and 1 split", st)
	}
	entries, err := c.Entries()
	if err != nil || len(entries) != 0 {
		t.Errorf("Entries = %v, %v; want none", entries, err)
	}

	// Damaged or foreign entries are misses.
	for name, body := range map[string]string{
		"truncated":     `{"version": 1, "key": "` + key + `", "sentences": ["Putin`,
		"other version": `{"version": 2, "key": "` + key + `", "sentences": ["x"]}`,
		"other key":     `{"version": 1, "key": "` + sentence.Key("x") + `", "sentences": ["x"]}`,
		"no sentences":  `{"version": 1, "key": "` + key + `", "sentences": []}`,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			if got, ok := c.LoadSplit(key); ok {
				t.Errorf("LoadSplit = %q, want a miss", got)
			}
		})
	}

	// Keys that are not hex SHA-256s never reach the file system.
	for _, bad := range []string{"", "ab", "../../etc/passwd", key[:63] + "g"} {
		if _, ok := c.LoadSplit(bad); ok {
			t.Errorf("LoadSplit(%q) hit", bad)
		}
		if err := c.StoreSplit(bad, want); err == nil {
			t.Errorf("StoreSplit(%q) succeeded", bad)
		}
	}

	if err := c.StoreSplit(key, want); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.LoadSplit(key); ok {
		t.Error("split survived Clear")
	}
	if _, err := os.Stat(filepath.Join(c.Dir(), "splits")); !os.IsNotExist(err) {
		t.Errorf("splits directory survived Clear (%v)", err)
	}
}

// TestSplitsThroughLoad runs article.Load with the cache as its split
// store: the first load stores the split, the second serves it.
func TestSplitsThroughLoad(t *testing.T) {
	c := open(t)
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("Putin met Kim on Wednesday. They signed a pact.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := article.Options{Splits: c}
	first, err := article.Load(t.Context(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	key := sentence.Key(first.Text)
	stored, ok := c.LoadSplit(key)
	if !ok || !slices.Equal(stored, first.Sentences) {
		t.Fatalf("stored %q, %t; want %q", stored, ok, first.Sentences)
	}
	// Mark the entry so that a served split is told from a fresh one: a
	// different but content-preserving split.
	joined := []string{first.Sentences[0] + " " + first.Sentences[1]}
	if err := c.StoreSplit(key, joined); err != nil {
		t.Fatal(err)
	}
	second, err := article.Load(t.Context(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(second.Sentences, joined) {
		t.Errorf("second load split %q, want the stored %q", second.Sentences, joined)
	}
}
