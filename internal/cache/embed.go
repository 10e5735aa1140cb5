package cache

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/safefile"
)

// Embeddings
//
// The cache also keeps embedding vectors, one file per text, as
// <dir>/embeddings/<key[:2]>/<key>.json. The key is the hex SHA-256 of
// the line "newslens-embed-key/1" and the fields endpoint (host[:port],
// lower case), model and text, encoded as for replies. An entry holds a
// format version, the key, the endpoint host, the model and the vector
// (little-endian float32s in base64), not the text and never the API key.
// Files, directories and atomic writes are as for replies.

const embeddingsDir = "embeddings"

// embedVersion is the embedding entry format version.
const embedVersion = 1

type embedEntry struct {
	Version  int       `json:"version"`
	Key      string    `json:"key"`
	Endpoint string    `json:"endpoint"`
	Model    string    `json:"model"`
	Dims     int       `json:"dims"`
	Vector   string    `json:"vector"`
	Created  time.Time `json:"created"`
}

// EmbedKey returns the key of text's vector from model at endpoint.
func (c *Cache) EmbedKey(endpoint, model, text string) string {
	h := sha256.New()
	h.Write([]byte("newslens-embed-key/1\n"))
	for _, f := range [][2]string{{"endpoint", strings.ToLower(endpoint)}, {"model", model}, {"text", text}} {
		fmt.Fprintf(h, "%s %d\n%s\n", f[0], len(f[1]), f[1])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) embedPath(key string) string {
	return filepath.Join(c.dir, embeddingsDir, key[:2], key+".json")
}

// loadVector returns the vector stored under key, or nil when there is no
// readable, well-formed entry for it.
func (c *Cache) loadVector(key string) []float32 {
	b, err := os.ReadFile(c.embedPath(key))
	if err != nil {
		return nil
	}
	var e embedEntry
	if json.Unmarshal(b, &e) != nil || e.Version != embedVersion || e.Key != key || e.Dims <= 0 {
		return nil
	}
	raw, err := base64.StdEncoding.DecodeString(e.Vector)
	if err != nil || len(raw) != 4*e.Dims {
		return nil
	}
	v := make([]float32, e.Dims)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return v
}

func (c *Cache) storeVector(key, endpoint, model string, v []float32) error {
	raw := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(x))
	}
	e := embedEntry{Version: embedVersion, Key: key, Endpoint: strings.ToLower(endpoint), Model: model,
		Dims: len(v), Vector: base64.StdEncoding.EncodeToString(raw), Created: c.now().UTC().Truncate(time.Second)}
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("store embedding %s: %w", key, err)
	}
	path := c.embedPath(key)
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return fmt.Errorf("store embedding %s: %w", key, err)
	}
	if err := safefile.WriteFileUnsynced(path, append(b, '\n'), filePerm); err != nil {
		return fmt.Errorf("store embedding: %w", err)
	}
	return nil
}

// Embedder gets embedding vectors; *llm.Client is one, and so is what
// WrapEmbedder returns.
type Embedder interface {
	Embed(ctx context.Context, model string, texts []string) (*llm.Embeddings, error)
	Endpoint() string
}

// WrapEmbedder returns an Embedder that answers each text from the cache
// when it can and asks next for the rest, in one call, each distinct text
// once; it stores what next returns. The result's Requests counts only
// next's requests, and Cached the vectors read from the cache. If log is
// non-nil it gets one line per call with the hit and miss counts.
func (c *Cache) WrapEmbedder(next Embedder, log io.Writer) Embedder {
	return &embedWrapped{c: c, next: next, log: log}
}

type embedWrapped struct {
	c     *Cache
	next  Embedder
	log   io.Writer
	logMu sync.Mutex
}

func (w *embedWrapped) Endpoint() string { return w.next.Endpoint() }

func (w *embedWrapped) Embed(ctx context.Context, model string, texts []string) (*llm.Embeddings, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	endpoint := w.next.Endpoint()
	out := &llm.Embeddings{Vectors: make([][]float32, len(texts))}
	keys := make([]string, len(texts))
	missing := map[string][]int{} // text -> positions
	var ask []string
	for i, t := range texts {
		keys[i] = w.c.EmbedKey(endpoint, model, t)
		if v := w.c.loadVector(keys[i]); v != nil {
			out.Vectors[i] = v
			out.Cached++
			continue
		}
		if _, ok := missing[t]; !ok {
			ask = append(ask, t)
		}
		missing[t] = append(missing[t], i)
	}
	w.c.hits.Add(int64(out.Cached))
	w.c.misses.Add(int64(len(texts) - out.Cached))
	w.logf("cache embeddings %s: %d hits, %d to fetch", model, out.Cached, len(ask))
	if len(ask) == 0 {
		return out, nil
	}
	got, err := w.next.Embed(ctx, model, ask)
	if err != nil {
		return nil, err
	}
	out.Model, out.PromptTokens, out.Requests = got.Model, got.PromptTokens, got.Requests
	for j, t := range ask {
		for _, i := range missing[t] {
			out.Vectors[i] = got.Vectors[j]
		}
		if err := w.c.storeVector(keys[missing[t][0]], endpoint, model, got.Vectors[j]); err != nil {
			w.logf("cache: %v", err)
		}
	}
	return out, nil
}

func (w *embedWrapped) logf(format string, args ...any) {
	if w.log == nil {
		return
	}
	w.logMu.Lock()
	defer w.logMu.Unlock()
	fmt.Fprintf(w.log, format+"\n", args...)
}
