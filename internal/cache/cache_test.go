package cache_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/cache"
	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
)

const apiKey = "testkey-0123456789abcdefSECRET"

// fake is a Completer that answers every request with a fixed reply and
// counts the calls.
type fake struct {
	endpoint, model string
	resp            llm.Response
	err             error
	calls           atomic.Int64
}

func (f *fake) Endpoint() string { return f.endpoint }
func (f *fake) Model() string    { return f.model }
func (f *fake) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	f.calls.Add(1)
	if f.err != nil {
		return nil, f.err
	}
	r := f.resp
	r.Content = f.resp.Content + " for " + req.Tags["Article"]
	return &r, nil
}

func newFake() *fake {
	return &fake{
		endpoint: "api.example.com",
		model:    "gpt-4o-mini",
		resp: llm.Response{
			Content:          `{"headline":"Putin and Kim sign pact"}`,
			Model:            "gpt-4o-mini-2024-07-18",
			FinishReason:     "stop",
			PromptTokens:     1200,
			CompletionTokens: 150,
			Format:           "json_schema",
			Attempts:         1,
		},
	}
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// request builds a request shaped like the summarize engine's.
func request(article string) llm.Request {
	temp := float32(0.2)
	return llm.Request{
		Messages: []llm.Message{
			{Role: "system", Content: "You summarise news articles. Prompt summarize@2."},
			{Role: "user", Content: "Article:\n" + article},
		},
		Temperature: &temp,
		MaxTokens:   2048,
		Schema:      &llm.Schema{Name: "summary", JSON: json.RawMessage(`{"type":"object"}`)},
		Tags:        map[string]string{"Prompt": "summarize@2", "Article": sha(article)},
	}
}

func open(t *testing.T) *cache.Cache {
	t.Helper()
	c, err := cache.Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func client(t *testing.T, s *llmtest.Server, key string) *llm.Client {
	t.Helper()
	cl, err := llm.New(llm.Config{BaseURL: s.URL, APIKey: key, Model: "mock-model", BaseDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func complete(t *testing.T, c cache.Completer, req llm.Request) *llm.Response {
	t.Helper()
	resp, err := c.Complete(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func entryPath(c *cache.Cache, key string) string {
	return filepath.Join(c.Dir(), key[:2], key+".json")
}

func TestHitMiss(t *testing.T) {
	const article = "Putin and Kim signed a pact in Pyongyang."
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Prompt: "summarize@2", Article: sha(article)[:12], Content: `{"headline":"pact"}`, Times: 1})
	c := open(t)
	var log bytes.Buffer
	w := c.Wrap(client(t, s, apiKey), &log)
	req := request(article)
	key := c.Key(w.Endpoint(), w.Model(), req)

	first := complete(t, w, req)
	if first.Cached || first.Attempts != 1 {
		t.Errorf("first call: got Cached %v Attempts %d, want false 1", first.Cached, first.Attempts)
	}
	second := complete(t, w, req)
	if !second.Cached || second.Attempts != 0 {
		t.Errorf("second call: got Cached %v Attempts %d, want true 0", second.Cached, second.Attempts)
	}
	if n := len(s.Requests()); n != 1 {
		t.Errorf("got %d requests to the endpoint, want 1", n)
	}
	want := *first
	want.Cached, want.Attempts = true, 0
	if got := fmt.Sprintf("%+v", *second); got != fmt.Sprintf("%+v", want) {
		t.Errorf("cached response:\ngot  %q\nwant %q", got, fmt.Sprintf("%+v", want))
	}

	wantLog := fmt.Sprintf("cache miss %s summarize@2: no entry %s\ncache hit %s summarize@2 %s\n",
		sha(article)[:12], key[:10], sha(article)[:12], key[:10])
	if got := log.String(); got != wantLog {
		t.Errorf("log:\ngot  %q\nwant %q", got, wantLog)
	}
	if w.Endpoint() != strings.TrimPrefix(strings.TrimSuffix(s.URL, "/v1"), "http://") || w.Model() != "mock-model" {
		t.Errorf("got Endpoint %q Model %q, want the wrapped client's", w.Endpoint(), w.Model())
	}
}

func TestRepairLogged(t *testing.T) {
	c := open(t)
	var log bytes.Buffer
	w := c.Wrap(newFake(), &log)
	req := request("a")
	req.Tags["Repair"] = "1"
	req.Tags["Article"] = ""
	complete(t, w, req)
	key := c.Key("api.example.com", "gpt-4o-mini", req)
	if got, want := log.String(), "cache miss - summarize@2 repair: no entry "+key[:10]+"\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestKey(t *testing.T) {
	c := open(t)
	const endpoint, model = "api.openai.com", "gpt-4o-mini"
	base := c.Key(endpoint, model, request("the article"))
	if len(base) != 64 {
		t.Fatalf("got key %q, want 64 hex digits", base)
	}

	float := func(f float32) *float32 { return &f }
	changes := []struct {
		name     string
		endpoint string
		model    string
		edit     func(r *llm.Request)
	}{
		{name: "endpoint", endpoint: "localhost:11434"},
		{name: "endpoint port", endpoint: "api.openai.com:8443"},
		{name: "model", model: "gpt-4o"},
		{name: "article text", edit: func(r *llm.Request) { r.Messages[1].Content += "." }},
		{name: "system prompt", edit: func(r *llm.Request) { r.Messages[0].Content = "You summarise. Prompt summarize@3." }},
		{name: "role", edit: func(r *llm.Request) { r.Messages[0].Role = "developer" }},
		{name: "message boundary", edit: func(r *llm.Request) {
			r.Messages[0].Content += r.Messages[1].Content[:3]
			r.Messages[1].Content = r.Messages[1].Content[3:]
		}},
		{name: "repair turn", edit: func(r *llm.Request) {
			r.Messages = append(r.Messages, llm.Message{Role: "assistant", Content: "{}"}, llm.Message{Role: "user", Content: "fix it"})
		}},
		{name: "fewer messages", edit: func(r *llm.Request) { r.Messages = r.Messages[:1] }},
		{name: "schema name", edit: func(r *llm.Request) { r.Schema.Name = "summary2" }},
		{name: "schema bytes", edit: func(r *llm.Request) { r.Schema.JSON = json.RawMessage(`{"type": "object"}`) }},
		{name: "no schema", edit: func(r *llm.Request) { r.Schema = nil }},
		{name: "temperature", edit: func(r *llm.Request) { r.Temperature = float(0.3) }},
		{name: "temperature zero", edit: func(r *llm.Request) { r.Temperature = float(0) }},
		{name: "no temperature", edit: func(r *llm.Request) { r.Temperature = nil }},
		{name: "max tokens", edit: func(r *llm.Request) { r.MaxTokens = 4096 }},
		{name: "no max tokens", edit: func(r *llm.Request) { r.MaxTokens = 0 }},
		{name: "prompt tag", edit: func(r *llm.Request) { r.Tags["Prompt"] = "summarize@3" }},
		{name: "article tag", edit: func(r *llm.Request) { r.Tags["Article"] = sha("other") }},
		{name: "repair tag", edit: func(r *llm.Request) { r.Tags["Repair"] = "1" }},
		{name: "no tags", edit: func(r *llm.Request) { r.Tags = nil }},
	}
	seen := map[string]string{base: "base"}
	for _, tt := range changes {
		t.Run(tt.name, func(t *testing.T) {
			req := request("the article")
			if tt.edit != nil {
				tt.edit(&req)
			}
			ep, m := endpoint, model
			if tt.endpoint != "" {
				ep = tt.endpoint
			}
			if tt.model != "" {
				m = tt.model
			}
			got := c.Key(ep, m, req)
			if prev, dup := seen[got]; dup {
				t.Errorf("got key %q, the same as for %q", got, prev)
			}
			seen[got] = tt.name
		})
	}

	same := []struct {
		name     string
		endpoint string
		edit     func(r *llm.Request)
	}{
		{name: "endpoint case", endpoint: "API.OpenAI.com"},
		{name: "tags in another order", edit: func(r *llm.Request) {
			r.Tags = map[string]string{"Article": r.Tags["Article"], "Prompt": r.Tags["Prompt"]}
		}},
		{name: "copied schema", edit: func(r *llm.Request) { r.Schema = &llm.Schema{Name: "summary", JSON: []byte(`{"type":"object"}`)} }},
	}
	for _, tt := range same {
		t.Run("same/"+tt.name, func(t *testing.T) {
			req := request("the article")
			if tt.edit != nil {
				tt.edit(&req)
			}
			ep := endpoint
			if tt.endpoint != "" {
				ep = tt.endpoint
			}
			if got := c.Key(ep, model, req); got != base {
				t.Errorf("got %q, want %q", got, base)
			}
		})
	}

	// The recipe is pinned: changing it silently empties every cache.
	golden.Check(t, "testdata/key.golden", []byte(base+"\n"))
}

// TestAPIKey checks that the key plays no part in the cache key and is
// stored nowhere: a second client with another key gets the first
// client's reply without a request (the server would reject its key).
func TestAPIKey(t *testing.T) {
	const article = "Kim welcomed Putin at the airport."
	const otherKey = "testkey-other-9876543210ANOTHERSECRET"
	s := llmtest.NewServer(t)
	s.RequireKey(apiKey)
	s.Add(llmtest.Reply{Prompt: "summarize@2", Content: `{"headline":"welcome"}`, Times: 1})
	c := open(t)

	first := complete(t, c.Wrap(client(t, s, apiKey), nil), request(article))
	second := complete(t, c.Wrap(client(t, s, otherKey), nil), request(article))
	if !second.Cached || second.Content != first.Content {
		t.Errorf("other API key: got Cached %v content %q, want true %q", second.Cached, second.Content, first.Content)
	}
	reqs := s.Requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(reqs))
	}
	if got, want := reqs[0].Header.Get("Authorization"), "Bearer "+apiKey; got != want {
		t.Errorf("got Authorization %q, want %q", got, want)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}

	files := 0
	err := filepath.WalkDir(c.Dir(), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, secret := range []string{apiKey, otherKey, "SECRET", "Bearer", "Authorization"} {
			if bytes.Contains(bytes.ToLower(b), bytes.ToLower([]byte(secret))) {
				t.Errorf("%s contains %q", path, secret)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 2 {
		t.Errorf("got %d files in the cache, want 2 (entry and stats)", files)
	}
}

func TestPermissions(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b", "newslens")
	c, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	req := request("x")
	complete(t, c.Wrap(newFake(), nil), req)
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	key := c.Key("api.example.com", "gpt-4o-mini", req)
	tests := []struct {
		name string
		path string
		want fs.FileMode
	}{
		{"parent", filepath.Join(root, "a"), fs.ModeDir | 0o700},
		{"dir", dir, fs.ModeDir | 0o700},
		{"shard", filepath.Join(dir, key[:2]), fs.ModeDir | 0o700},
		{"entry", entryPath(c, key), 0o600},
		{"stats", filepath.Join(dir, "stats.json"), 0o600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi, err := os.Stat(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode(); got != tt.want {
				t.Errorf("%s: got mode %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestOpenDefault(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "xdg"))
	want := filepath.Join(home, "xdg", "newslens")
	if got, err := cache.DefaultDir(); err != nil || got != want {
		t.Errorf("DefaultDir: got %q, %v, want %q", got, err, want)
	}
	c, err := cache.Open("")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Dir(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if fi, err := os.Stat(want); err != nil || fi.Mode() != fs.ModeDir|0o700 {
		t.Errorf("default dir: got %v, %v, want a 0700 directory", fi, err)
	}
}

func TestOpenError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := cache.Open(filepath.Join(file, "cache")); err == nil || !strings.HasPrefix(err.Error(), "open cache: ") {
		t.Errorf("got %v, want an open cache error", err)
	}
}

func TestBadEntry(t *testing.T) {
	req := request("the article")
	f := newFake()
	key := open(t).Key(f.endpoint, f.model, req)
	otherKey := sha("other")
	tests := []struct {
		name    string
		content string
		why     string
	}{
		{"garbage", "not json at all", "corrupt entry"},
		{"empty", "", "corrupt entry"},
		{"truncated", `{"version":1,"key":"` + key + `","reply":{"content":"x"`, "corrupt entry"},
		{"old version", `{"version":0,"key":"` + key + `","reply":{"content":"old"}}`, "entry has version 0, want 1"},
		{"future version", `{"version":2,"key":"` + key + `","reply":{"content":"new"}}`, "entry has version 2, want 1"},
		{"other key", `{"version":1,"key":"` + otherKey + `","reply":{"content":"other"}}`, "entry holds another key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := open(t)
			f := newFake()
			var log bytes.Buffer
			w := c.Wrap(f, &log)
			path := entryPath(c, key)
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}

			resp := complete(t, w, req)
			if resp.Cached || f.calls.Load() != 1 {
				t.Errorf("bad entry: got Cached %v after %d calls, want a miss and 1 call", resp.Cached, f.calls.Load())
			}
			if want := "cache miss " + req.Tags["Article"][:12] + " summarize@2: " + tt.why + " " + key[:10] + "\n"; log.String() != want {
				t.Errorf("got log %q, want %q", log.String(), want)
			}
			// The miss replaced the bad entry.
			resp = complete(t, w, req)
			if !resp.Cached || f.calls.Load() != 1 {
				t.Errorf("after replacement: got Cached %v after %d calls, want a hit and 1 call", resp.Cached, f.calls.Load())
			}
		})
	}
}

func TestUnreadableEntry(t *testing.T) {
	c := open(t)
	f := newFake()
	req := request("x")
	w := c.Wrap(f, nil)
	complete(t, w, req)
	path := entryPath(c, c.Key(f.endpoint, f.model, req))
	// A symlink to itself cannot be read, even by root, and the rename of
	// the next store replaces it.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Base(path), path); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	w = c.Wrap(f, &log)
	if resp := complete(t, w, req); resp.Cached {
		t.Error("unreadable entry: got a hit, want a miss")
	}
	if !strings.Contains(log.String(), ": unreadable entry (") {
		t.Errorf("got log %q, want an unreadable entry", log.String())
	}
	if resp := complete(t, w, req); !resp.Cached {
		t.Error("after replacement: got a miss, want a hit")
	}
}

func TestErrorsNotStored(t *testing.T) {
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Status: 400, Message: "bad request", Times: 2})
	c := open(t)
	w := c.Wrap(client(t, s, apiKey), nil)
	for i := range 2 {
		_, err := w.Complete(t.Context(), request("x"))
		var le *llm.Error
		if !errors.As(err, &le) {
			t.Fatalf("call %d: got %v, want an *llm.Error", i+1, err)
		}
	}
	st, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 0 {
		t.Errorf("got %d entries, want 0", st.Entries)
	}
	if n := len(s.Requests()); n != 2 {
		t.Errorf("got %d requests, want 2: an error must not be replayed", n)
	}
}

func TestStoreFailureStillAnswers(t *testing.T) {
	c := open(t)
	var log bytes.Buffer
	f := newFake()
	w := c.Wrap(f, &log)
	req := request("x")
	// A file where the shard directory belongs makes the store fail, even
	// for root.
	key := c.Key(f.endpoint, f.model, req)
	if err := os.WriteFile(filepath.Join(c.Dir(), key[:2]), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	resp := complete(t, w, req)
	if resp.Content == "" {
		t.Error("got an empty reply, want the endpoint's")
	}
	if !strings.Contains(log.String(), "cache: store cache entry") {
		t.Errorf("got log %q, want a store failure", log.String())
	}
}

func TestStatsAndFlush(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	c, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 6, 19, 12, 0, 0, 0, time.UTC)
	c.SetNow(func() time.Time { return now })
	w := c.Wrap(newFake(), nil)
	for _, a := range []string{"one", "two", "one", "one"} {
		complete(t, w, request(a))
	}
	st, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 2 || st.Hits != 0 || st.Misses != 0 {
		t.Errorf("before Flush: got %+v, want 2 entries and no last run", st)
	}
	var size int64
	for _, a := range []string{"one", "two"} {
		fi, err := os.Stat(entryPath(c, c.Key("api.example.com", "gpt-4o-mini", request(a))))
		if err != nil {
			t.Fatal(err)
		}
		size += fi.Size()
	}
	if st.Bytes != size {
		t.Errorf("got Bytes %d, want %d", st.Bytes, size)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}

	// A later run sees the counts; a run that made no calls keeps them.
	c2, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := c2.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err = c2.Stats()
	if err != nil {
		t.Fatal(err)
	}
	want := cache.Stats{Entries: 2, Bytes: size, Hits: 2, Misses: 2, LastRun: now}
	if st != want {
		t.Errorf("got %+v, want %+v", st, want)
	}

	// A damaged stats file loses only the counters.
	if err := os.WriteFile(filepath.Join(dir, "stats.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = c2.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if want := (cache.Stats{Entries: 2, Bytes: size}); st != want {
		t.Errorf("damaged stats: got %+v, want %+v", st, want)
	}
}

func TestClear(t *testing.T) {
	c := open(t)
	f := newFake()
	w := c.Wrap(f, nil)
	for _, a := range []string{"one", "two", "three"} {
		complete(t, w, request(a))
	}
	key := c.Key(f.endpoint, f.model, request("one"))
	keep := []string{
		filepath.Join(c.Dir(), "README"),
		filepath.Join(c.Dir(), "zz", "notes.json"),
		filepath.Join(c.Dir(), key[:2], "notes.txt"),
	}
	for _, p := range keep {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stray := filepath.Join(c.Dir(), key[:2], "."+key+".json.tmp-123")
	if err := os.WriteFile(stray, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}

	removed, err := c.Clear()
	if err != nil {
		t.Fatal(err)
	}
	if removed != 3 {
		t.Errorf("got %d removed, want 3", removed)
	}
	if st, err := c.Stats(); err != nil || st.Entries != 0 || st.Bytes != 0 {
		t.Errorf("after Clear: got %+v, %v, want no entries", st, err)
	}
	for _, p := range keep {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("Clear removed a file it does not own: %v", err)
		}
	}
	if _, err := os.Stat(stray); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stray temporary file: got %v, want it removed", err)
	}
	if resp := complete(t, w, request("one")); resp.Cached {
		t.Error("after Clear: got a hit, want a miss")
	}
	if removed, err := c.Clear(); err != nil || removed != 1 {
		t.Errorf("second Clear: got %d, %v, want 1, nil", removed, err)
	}
}

// TestConcurrent shares one cache between workers; run it with -race.
func TestConcurrent(t *testing.T) {
	c := open(t)
	f := newFake()
	articles := []string{"a", "b", "c", "d"}
	const workers, rounds = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*len(articles))
	for i := range workers {
		w := c.Wrap(f, nil)
		if i%2 == 0 {
			w = c.Wrap(f, &syncBuffer{})
		}
		wg.Go(func() {
			for range rounds {
				for _, a := range articles {
					req := request(a)
					resp, err := w.Complete(t.Context(), req)
					switch {
					case err != nil:
						errs <- err
					case resp.Content != f.resp.Content+" for "+req.Tags["Article"]:
						errs <- fmt.Errorf("article %s: got %q", a, resp.Content)
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	total := int64(workers * rounds * len(articles))
	if st.Entries != len(articles) || st.Hits+st.Misses != total || st.Misses != f.calls.Load() {
		t.Errorf("got %+v with %d calls, want %d entries, %d lookups, misses = calls",
			st, f.calls.Load(), len(articles), total)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// TestReplay records replies from an endpoint through a real client into a
// cache, then serves the recorded entries from a fresh mock endpoint and
// checks that a client without the cache gets the same content.
func TestReplay(t *testing.T) {
	articles := []string{
		"Putin arrived in Pyongyang before dawn on 19 June 2024.",
		"Kim Jong Un hugged Putin at the airport.",
		"The two leaders signed a comprehensive strategic partnership treaty.",
	}
	rec := llmtest.NewServer(t)
	for i, a := range articles {
		rec.Add(llmtest.Reply{Prompt: "summarize@2", Article: sha(a)[:12], Content: fmt.Sprintf(`{"headline":"part %d"}`, i+1), Times: 1})
	}
	c := open(t)
	w := c.Wrap(client(t, rec, apiKey), nil)
	var want []string
	for _, a := range articles {
		want = append(want, complete(t, w, request(a)).Content)
	}

	entries, err := c.Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(articles) {
		t.Fatalf("got %d entries, want %d", len(entries), len(articles))
	}
	play := llmtest.NewServer(t)
	for _, e := range entries {
		if e.Prompt != "summarize@2" || len(e.Article) != 64 || e.Endpoint == "" || e.Model != "mock-model" {
			t.Errorf("entry %s: got prompt %q article %q endpoint %q model %q", e.Key, e.Prompt, e.Article, e.Endpoint, e.Model)
		}
		play.Add(llmtest.Reply{Prompt: e.Prompt, Article: e.Article, Content: e.Content, Times: 1})
	}
	cl := client(t, play, apiKey)
	for i, a := range articles {
		resp := complete(t, cl, request(a))
		if resp.Cached {
			t.Errorf("article %d: got a cached reply from a plain client", i+1)
		}
		if resp.Content != want[i] {
			t.Errorf("article %d: got %q, want %q", i+1, resp.Content, want[i])
		}
	}
}

// TestEntryFormat pins the on-disk layout of an entry.
func TestEntryFormat(t *testing.T) {
	c := open(t)
	c.SetNow(func() time.Time { return time.Date(2024, 6, 19, 9, 30, 15, 123, time.FixedZone("KST", 9*3600)) })
	f := newFake()
	f.endpoint = "API.Example.com"
	f.resp.Warnings = []string{"the endpoint rejected json_schema response_format; fell back to json_object"}
	f.resp.Format = "json_object"
	req := request("the article")
	req.Tags["Repair"] = "1"
	complete(t, c.Wrap(f, nil), req)
	got, err := os.ReadFile(entryPath(c, c.Key(f.endpoint, f.model, req)))
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/entry.golden", got)

	entries, err := c.Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("got %d entries, want 1", len(entries))
	}
	resp := entries[0].Response()
	want := llm.Response{
		Content:          f.resp.Content + " for " + sha("the article"),
		Model:            f.resp.Model,
		FinishReason:     "stop",
		PromptTokens:     1200,
		CompletionTokens: 150,
		Format:           "json_object",
		Warnings:         f.resp.Warnings,
		Cached:           true,
	}
	if g, w := fmt.Sprintf("%+v", *resp), fmt.Sprintf("%+v", want); g != w {
		t.Errorf("got %q, want %q", g, w)
	}
}

func TestCancelled(t *testing.T) {
	c := open(t)
	f := newFake()
	w := c.Wrap(f, nil)
	complete(t, w, request("x"))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := w.Complete(ctx, request("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestAccept checks that a request's Accept function keeps unusable
// replies out of the cache, and that a stored reply it rejects is a miss.
func TestAccept(t *testing.T) {
	usable := func(r *llm.Response) bool { return strings.HasPrefix(r.Content, "{") }
	tests := []struct {
		name       string
		content    string
		wantStored bool
	}{
		{"usable reply stored", `{"headline":"pact"}`, true},
		{"unusable reply not stored", "Sorry, I cannot help.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := open(t)
			f := newFake()
			f.resp.Content = tt.content
			var log bytes.Buffer
			w := c.Wrap(f, &log)
			req := request("x")
			req.Accept = usable
			complete(t, w, req)
			second := complete(t, w, req)
			wantCalls := int64(2)
			if tt.wantStored {
				wantCalls = 1
			}
			if got := f.calls.Load(); got != wantCalls {
				t.Errorf("got %d calls to the endpoint, want %d; log:\n%s", got, wantCalls, log.String())
			}
			if second.Cached != tt.wantStored {
				t.Errorf("second reply: got Cached %v, want %v", second.Cached, tt.wantStored)
			}
			if !tt.wantStored && !strings.Contains(log.String(), "the reply is not usable") {
				t.Errorf("log %q does not say why the reply was not stored", log.String())
			}
		})
	}
}

// TestAcceptRejectsStored checks that an entry stored before (by an older
// version, or without a check) that the check now rejects is replaced.
func TestAcceptRejectsStored(t *testing.T) {
	c := open(t)
	f := newFake()
	f.resp.Content = "prose, not JSON"
	w := c.Wrap(f, nil)
	req := request("x")
	complete(t, w, req) // stored: no Accept

	f.resp.Content = `{"headline":"pact"}`
	var log bytes.Buffer
	w = c.Wrap(f, &log)
	req.Accept = func(r *llm.Response) bool { return strings.HasPrefix(r.Content, "{") }
	got := complete(t, w, req)
	if got.Cached || !strings.HasPrefix(got.Content, "{") {
		t.Errorf("got %+v, want a fresh usable reply", got)
	}
	if !strings.Contains(log.String(), "stored reply is not usable") {
		t.Errorf("log %q does not say why the entry missed", log.String())
	}
	if again := complete(t, w, req); !again.Cached {
		t.Errorf("third call: got Cached false, want the usable reply replacing the stored one")
	}
	if n := f.calls.Load(); n != 2 {
		t.Errorf("got %d calls, want 2", n)
	}
}

func TestWrapEmbedder(t *testing.T) {
	s := llmtest.NewServer(t)
	c := open(t)
	var log bytes.Buffer
	w := c.WrapEmbedder(client(t, s, apiKey), &log)
	in := []string{"The river rose.", "Crews pumped water.", "The river rose."}
	first, err := w.Embed(t.Context(), "embed-model", in)
	if err != nil {
		t.Fatal(err)
	}
	if first.Requests != 1 || first.Cached != 0 {
		t.Errorf("first call: got %d requests, %d cached; want 1, 0", first.Requests, first.Cached)
	}
	reqs := s.Requests()
	if len(reqs) != 1 || strings.Count(string(reqs[0].Body), "The river rose.") != 1 {
		t.Fatalf("got %d requests, want 1 asking for each distinct text once: %s", len(reqs), reqs[0].Body)
	}
	// Another key, same endpoint and model: the same vectors.
	w2 := c.WrapEmbedder(client(t, s, "testkey-another-0123456789"), nil)
	second, err := w2.Embed(t.Context(), "embed-model", in)
	if err != nil {
		t.Fatal(err)
	}
	if second.Requests != 0 || second.Cached != 3 || len(s.Requests()) != 1 {
		t.Errorf("second call: got %d requests, %d cached; want 0, 3", second.Requests, second.Cached)
	}
	for i := range in {
		if !slices.Equal(second.Vectors[i], llmtest.Vector(in[i])) || !slices.Equal(first.Vectors[i], second.Vectors[i]) {
			t.Errorf("vector %d differs between the endpoint and the cache", i)
		}
	}
	// Another model is another entry.
	if third, err := w.Embed(t.Context(), "other-model", in[:1]); err != nil || third.Requests != 1 {
		t.Errorf("other model: got %+v, %v; want a request", third, err)
	}
	var files int
	filepath.WalkDir(filepath.Join(c.Dir(), "embeddings"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, _ := os.ReadFile(path)
		if strings.Contains(string(b), apiKey) || strings.Contains(string(b), "river") {
			t.Errorf("%s holds the API key or the text: %s", path, b)
		}
		if fi, _ := d.Info(); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", path, fi.Mode().Perm())
		}
		return nil
	})
	if files != 3 {
		t.Errorf("got %d embedding files, want 3", files)
	}
	if !strings.Contains(log.String(), "cache embeddings embed-model: 0 hits, 2 to fetch") {
		t.Errorf("log: %q", log.String())
	}
	if _, err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(c.Dir(), "embeddings")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("embeddings left after Clear: %v", err)
	}
}

func TestEmbedKey(t *testing.T) {
	c := open(t)
	base := c.EmbedKey("api.example.com", "m", "text")
	tests := []struct {
		name, endpoint, model, text string
		same                        bool
	}{
		{"same", "api.example.com", "m", "text", true},
		{"host case", "API.example.com", "m", "text", true},
		{"other host", "localhost:11434", "m", "text", false},
		{"other model", "api.example.com", "m2", "text", false},
		{"other text", "api.example.com", "m", "text.", false},
		{"fields do not run together", "api.example.com", "mt", "ext", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.EmbedKey(tt.endpoint, tt.model, tt.text) == base; got != tt.same {
				t.Errorf("got same key %v, want %v", got, tt.same)
			}
		})
	}
}

func TestPut(t *testing.T) {
	c := open(t)
	f := newFake()
	req := request("from a batch file")
	req.Accept = func(r *llm.Response) bool { return strings.HasPrefix(r.Content, "{") }
	if err := c.Put(f.Endpoint(), f.Model(), req, &llm.Response{Content: "prose"}); err == nil {
		t.Errorf("an unusable reply was stored")
	}
	want := &llm.Response{Content: `{"headline":"pact"}`, Model: "m", FinishReason: "stop", Format: "json_schema"}
	if err := c.Put(f.Endpoint(), f.Model(), req, want); err != nil {
		t.Fatal(err)
	}
	got := complete(t, c.Wrap(f, nil), req)
	if !got.Cached || got.Content != want.Content || f.calls.Load() != 0 {
		t.Errorf("got %+v after %d calls, want the stored reply and no call", got, f.calls.Load())
	}
}
