// Package cache keeps chat-completion replies on disk, keyed by everything
// that determines them, so that re-running newslens over the same articles
// with the same prompt and model costs nothing and gives the same answer.
//
// # Key
//
// An entry's key is the hex SHA-256 of a canonical encoding of everything
// that determines the reply. The encoding is the line
// "newslens-cache-key/1", then a sequence of fields, each written as its
// name, a space, the value's length in bytes in decimal, a newline, the
// value and a newline, so that no two requests encode alike. The fields
// are, in order:
//
//   - endpoint: the endpoint's host[:port], in lower case
//   - model: the model name
//   - for each message in order, role then content
//   - schema.name then schema.json (the schema bytes as sent), only for a
//     request with a schema
//   - temperature (the shortest decimal form of the float32), only if set
//   - max_tokens, in decimal
//   - for each tag, sorted by name, tag (the name) then value
//
// The messages carry the rendered prompt, which names the prompt version
// and embeds the article, and any repair turn; the tags carry the prompt's
// name@version (Prompt), the article's SHA-256 (Article) and whether the
// request is a repair (Repair). The API key is not part of the key and is
// never stored: the same request with another key is the same request.
//
// # Layout
//
// Each entry is a JSON file <dir>/<key[:2]>/<key>.json holding a format
// version, the key inputs that are safe to keep (endpoint host, model,
// tags), the reply and the time it was stored. Files are 0600 and
// directories 0700, since replies echo article text. Entries are written to
// a temporary file and renamed into place, so a crash leaves the old entry
// or the new one, never half of one; an entry that cannot be read or
// parsed, or has another version, counts as a miss and is replaced by the
// next successful reply. The file stats.json records the hit and miss
// counts of the last run that called Flush. Sentence splits are kept
// beside the replies, under splits/ (see LoadSplit), and embedding vectors
// under embeddings/ (see WrapEmbedder).
//
// It imports internal/llm (for the request and reply types it keys and
// stores) and internal/safefile; the engines and commands import it, never
// the other way round.
package cache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/safefile"
)

// Version is the entry format version. Entries with another version are
// ignored.
const Version = 1

// keyVersion is mixed into every key; bumping it invalidates all entries.
const keyVersion = 1

const (
	dirPerm   = 0o700
	filePerm  = 0o600
	statsName = "stats.json"
)

// Completer is a chat-completions client; *llm.Client is one, and so is
// what Wrap returns.
type Completer interface {
	Complete(ctx context.Context, req llm.Request) (*llm.Response, error)
	Endpoint() string
	Model() string
}

// Cache is an on-disk cache of chat completions in one directory. It is
// safe for concurrent use, including by several Completers from Wrap.
type Cache struct {
	dir          string
	hits, misses atomic.Int64
	now          func() time.Time
}

// DefaultDir returns the default cache directory, newslens under the
// user's cache directory (such as ~/.cache/newslens).
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache directory: %w", err)
	}
	return filepath.Join(d, "newslens"), nil
}

// Open returns the cache in dir, creating dir and its parents (mode 0700)
// if needed. An empty dir means DefaultDir.
func Open(dir string) (*Cache, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, fmt.Errorf("open cache: %w", err)
	}
	return &Cache{dir: dir, now: time.Now}, nil
}

// Dir returns the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Entry is one stored reply with the request details safe to keep.
type Entry struct {
	Version  int    `json:"version"`
	Key      string `json:"key"`
	Endpoint string `json:"endpoint"`
	Model    string `json:"model"`
	// Prompt and Article are the request's Prompt and Article tags: the
	// prompt name@version and the article's SHA-256.
	Prompt  string `json:"prompt,omitempty"`
	Article string `json:"article,omitempty"`
	// Tags are all of the request's tags, Prompt and Article included.
	Tags  map[string]string `json:"tags,omitempty"`
	Reply `json:"reply"`
	// Created is when the entry was stored.
	Created time.Time `json:"created"`
}

// Reply is the stored part of an llm.Response.
type Reply struct {
	Content      string `json:"content"`
	Model        string `json:"model"`
	FinishReason string `json:"finish_reason"`
	Usage        Usage  `json:"usage"`
	// Format is the response_format that worked; see llm.Response.
	Format   string   `json:"format"`
	Warnings []string `json:"warnings,omitempty"`
}

// Usage is the token usage the endpoint reported for the stored reply.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Response returns the entry as a cached llm.Response: Cached is set and
// Attempts is zero, as no request was made.
func (e *Entry) Response() *llm.Response {
	return &llm.Response{
		Content:          e.Content,
		Model:            e.Reply.Model,
		FinishReason:     e.FinishReason,
		PromptTokens:     e.Usage.PromptTokens,
		CompletionTokens: e.Usage.CompletionTokens,
		Format:           e.Format,
		Warnings:         slices.Clone(e.Warnings),
		Cached:           true,
	}
}

// Key returns the cache key of req sent to model at endpoint (a host[:port]
// as Completer.Endpoint returns it): the hex SHA-256 described in the
// package documentation.
func (c *Cache) Key(endpoint, model string, req llm.Request) string {
	h := sha256.New()
	fmt.Fprintf(h, "newslens-cache-key/%d\n", keyVersion)
	field := func(name, value string) {
		fmt.Fprintf(h, "%s %d\n%s\n", name, len(value), value)
	}
	field("endpoint", strings.ToLower(endpoint))
	field("model", model)
	for _, m := range req.Messages {
		field("role", m.Role)
		field("content", m.Content)
	}
	if req.Schema != nil {
		field("schema.name", req.Schema.Name)
		field("schema.json", string(req.Schema.JSON))
	}
	if req.Temperature != nil {
		field("temperature", strconv.FormatFloat(float64(*req.Temperature), 'g', -1, 32))
	}
	field("max_tokens", strconv.Itoa(req.MaxTokens))
	for _, k := range slices.Sorted(maps.Keys(req.Tags)) {
		field("tag", k)
		field("value", req.Tags[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// lookup returns the entry for key, or nil and why there is none.
func (c *Cache) lookup(key string) (*Entry, string) {
	b, err := os.ReadFile(c.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "no entry"
	}
	if err != nil {
		return nil, fmt.Sprintf("unreadable entry (%v)", err)
	}
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, "corrupt entry"
	}
	switch {
	case e.Version != Version:
		return nil, fmt.Sprintf("entry has version %d, want %d", e.Version, Version)
	case e.Key != key:
		return nil, "entry holds another key"
	}
	return &e, ""
}

// store writes the reply to req under key.
func (c *Cache) store(key, endpoint, model string, req llm.Request, resp *llm.Response) error {
	e := Entry{
		Version:  Version,
		Key:      key,
		Endpoint: strings.ToLower(endpoint),
		Model:    model,
		Prompt:   req.Tags["Prompt"],
		Article:  req.Tags["Article"],
		Tags:     req.Tags,
		Reply: Reply{
			Content:      resp.Content,
			Model:        resp.Model,
			FinishReason: resp.FinishReason,
			Usage:        Usage{PromptTokens: resp.PromptTokens, CompletionTokens: resp.CompletionTokens},
			Format:       resp.Format,
			Warnings:     resp.Warnings,
		},
		Created: c.now().UTC().Truncate(time.Second),
	}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return fmt.Errorf("store cache entry %s: %w", key, err)
	}
	b = append(b, '\n')
	shard := filepath.Join(c.dir, key[:2])
	if err := os.MkdirAll(shard, dirPerm); err != nil {
		return fmt.Errorf("store cache entry %s: %w", key, err)
	}
	if err := safefile.WriteFile(c.path(key), b, filePerm); err != nil {
		return fmt.Errorf("store cache entry: %w", err)
	}
	return nil
}

// Put stores resp as the reply to req sent to model at endpoint (a
// host[:port]), as Wrap would have had it made the request: a reply that
// req.Accept rejects is not stored. Replies obtained some other way, such
// as from a batch result file, go in through Put so that a later run is a
// hit.
func (c *Cache) Put(endpoint, model string, req llm.Request, resp *llm.Response) error {
	if req.Accept != nil && !req.Accept(resp) {
		return fmt.Errorf("store cache entry: the reply is not usable")
	}
	return c.store(c.Key(endpoint, model, req), endpoint, model, req, resp)
}

// Wrap returns a Completer that answers from the cache when it can and
// otherwise asks next, storing successful replies (never errors). A hit
// makes no request and returns a Response with Cached set and Attempts 0.
// A request's Accept function, if set, decides which replies are kept: a
// reply it rejects is returned but not stored, and a stored reply it
// rejects is a miss, replaced by the next reply it accepts.
//
// If log is non-nil it gets one line per call, such as
// "cache hit 3fa2c1d9e0ab summarize@2 5d41402abc" or
// "cache miss 3fa2c1d9e0ab summarize@2: no entry 5d41402abc": the
// article's short hash, the prompt (with "repair" for a repair turn), why a
// miss missed, and the key's first ten hex digits. A reply that cannot be
// stored is logged and still returned.
func (c *Cache) Wrap(next Completer, log io.Writer) Completer {
	return &wrapped{c: c, next: next, log: log}
}

type wrapped struct {
	c     *Cache
	next  Completer
	log   io.Writer
	logMu sync.Mutex
}

func (w *wrapped) Endpoint() string { return w.next.Endpoint() }
func (w *wrapped) Model() string    { return w.next.Model() }

func (w *wrapped) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	// A cancelled run stops here too, not only at its next real request.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	endpoint, model := w.next.Endpoint(), w.next.Model()
	key := w.c.Key(endpoint, model, req)
	e, why := w.c.lookup(key)
	if e != nil {
		resp := e.Response()
		if req.Accept == nil || req.Accept(resp) {
			w.c.hits.Add(1)
			w.logf("cache hit %s %s", describe(req), key[:10])
			return resp, nil
		}
		why = "stored reply is not usable"
	}
	w.c.misses.Add(1)
	w.logf("cache miss %s: %s %s", describe(req), why, key[:10])
	resp, err := w.next.Complete(ctx, req)
	if err != nil {
		return nil, err
	}
	if req.Accept != nil && !req.Accept(resp) {
		w.logf("cache: not storing %s: the reply is not usable", key[:10])
		return resp, nil
	}
	if err := w.c.store(key, endpoint, model, req, resp); err != nil {
		w.logf("cache: %v", err)
	}
	return resp, nil
}

func (w *wrapped) logf(format string, args ...any) {
	if w.log == nil {
		return
	}
	w.logMu.Lock()
	defer w.logMu.Unlock()
	fmt.Fprintf(w.log, format+"\n", args...)
}

// describe names a request for the log: short article hash, prompt, and
// whether it is a repair turn.
func describe(req llm.Request) string {
	article := req.Tags["Article"]
	if len(article) > 12 {
		article = article[:12]
	}
	parts := []string{orDash(article), orDash(req.Tags["Prompt"])}
	if req.Tags["Repair"] != "" {
		parts = append(parts, "repair")
	}
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Stats describes the cache's contents and the last run that used it.
type Stats struct {
	// Entries is the number of stored replies and Bytes their total size.
	Entries int
	Bytes   int64
	// Splits is the number of stored sentence splits and SplitBytes their
	// total size.
	Splits     int
	SplitBytes int64
	// Hits and Misses are the counts of the last run that called Flush,
	// at the time LastRun.
	Hits, Misses int64
	LastRun      time.Time
}

type runStats struct {
	Hits    int64     `json:"hits"`
	Misses  int64     `json:"misses"`
	Updated time.Time `json:"updated"`
}

// Stats counts the stored entries and reads the last run's counters.
func (c *Cache) Stats() (Stats, error) {
	var s Stats
	err := c.walk(func(path string, d fs.DirEntry) error {
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.Entries++
		s.Bytes += info.Size()
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("cache stats: %w", err)
	}
	err = walkShards(filepath.Join(c.dir, splitsDir), func(path string, d fs.DirEntry) error {
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.Splits++
		s.SplitBytes += info.Size()
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("cache stats: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(c.dir, statsName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return Stats{}, fmt.Errorf("cache stats: %w", err)
	default:
		var r runStats
		// A damaged stats file only loses the last run's counters.
		if json.Unmarshal(b, &r) == nil {
			s.Hits, s.Misses, s.LastRun = r.Hits, r.Misses, r.Updated
		}
	}
	return s, nil
}

// Flush records this run's hit and miss counts (since Open) as the last
// run's, for Stats. A run that made no calls through the cache leaves the
// previous run's counts in place.
func (c *Cache) Flush() error {
	r := runStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Updated: c.now().UTC().Truncate(time.Second)}
	if r.Hits+r.Misses == 0 {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("flush cache stats: %w", err)
	}
	if err := safefile.WriteFile(filepath.Join(c.dir, statsName), append(b, '\n'), filePerm); err != nil {
		return fmt.Errorf("flush cache stats: %w", err)
	}
	return nil
}

// Clear removes every entry, stored sentence splits and embeddings
// included, and temporary files left by interrupted writes, and returns
// the number of reply entries removed. Files it does not recognise as its own are left
// alone.
func (c *Cache) Clear() (removed int, err error) {
	removed, err = clearShards(c.dir)
	if err != nil {
		return removed, fmt.Errorf("clear cache: %w", err)
	}
	for _, sub := range []string{splitsDir, embeddingsDir} {
		if _, err := clearShards(filepath.Join(c.dir, sub)); err != nil {
			return removed, fmt.Errorf("clear cache: %w", err)
		}
		os.Remove(filepath.Join(c.dir, sub)) // fails, harmlessly, if not empty
	}
	return removed, nil
}

// clearShards removes the entry and temporary files in the shards under
// root, and each shard it empties; a missing root has none.
func clearShards(root string) (removed int, err error) {
	var errs []error
	shards, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	for _, sh := range shards {
		if !sh.IsDir() || !isShard(sh.Name()) {
			continue
		}
		dir := filepath.Join(root, sh.Name())
		files, err := os.ReadDir(dir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			name := f.Name()
			entry := isEntryName(sh.Name(), name)
			if f.IsDir() || (!entry && !isTempName(name)) {
				continue
			}
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				errs = append(errs, err)
				continue
			}
			if entry {
				removed++
			}
		}
		// Fails, harmlessly, if something else is still in there.
		os.Remove(dir)
	}
	return removed, errors.Join(errs...)
}

// Entries returns every readable entry, oldest first (ties by key).
// Unreadable or corrupt entries are skipped, as lookups skip them.
func (c *Cache) Entries() ([]Entry, error) {
	var out []Entry
	err := c.walk(func(path string, _ fs.DirEntry) error {
		key := strings.TrimSuffix(filepath.Base(path), ".json")
		if e, _ := c.lookup(key); e != nil {
			out = append(out, *e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list cache entries: %w", err)
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if d := a.Created.Compare(b.Created); d != 0 {
			return d
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out, nil
}

// walk calls fn for every reply entry file.
func (c *Cache) walk(fn func(path string, d fs.DirEntry) error) error {
	return walkShards(c.dir, fn)
}

// walkShards calls fn for every entry file in the shards under root; a
// missing root has none.
func walkShards(root string, fn func(path string, d fs.DirEntry) error) error {
	shards, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, sh := range shards {
		if !sh.IsDir() || !isShard(sh.Name()) {
			continue
		}
		dir := filepath.Join(root, sh.Name())
		files, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, f := range files {
			if f.Type().IsRegular() && isEntryName(sh.Name(), f.Name()) {
				if err := fn(filepath.Join(dir, f.Name()), f); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func isShard(name string) bool { return len(name) == 2 && isHex(name) }

// isEntryName reports whether name is <key>.json for a key in shard.
func isEntryName(shard, name string) bool {
	key, ok := strings.CutSuffix(name, ".json")
	return ok && len(key) == 2*sha256.Size && isHex(key) && key[:2] == shard
}

// isTempName reports whether name is a temporary file of an interrupted
// safefile write of an entry.
func isTempName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".json.tmp-")
}

func isHex(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
