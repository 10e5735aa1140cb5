package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/newslens/newslens/internal/cache"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/sentence"
	"github.com/newslens/newslens/internal/tokens"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

// backend is what a run needs to reach a language model: the client, and
// the response cache in front of it unless --no-cache. Both are built once
// per run; the cache also keeps the run's sentence splits, so a warm rerun
// skips the splitter. An offline run has no backend and writes nothing to
// the cache.
type backend struct {
	// Completer is the client, behind the cache when there is one.
	Completer summarize.Completer
	// Embedder is the client's embeddings API, behind the cache too.
	Embedder cache.Embedder
	// client is the endpoint client itself, not behind the cache.
	client  *llm.Client
	cache   *cache.Cache
	stdio   stdio
	verbose bool
}

// useLLM resolves --engine: whether the run uses a language model. An
// auto engine with no endpoint configured runs offline.
func useLLM(e engineOptions, ep endpointOptions) (bool, error) {
	switch e.Engine {
	case "extractive":
		return false, nil
	case "auto":
		return ep.configured(), nil
	case "llm":
		if !ep.configured() {
			return false, usagef("export OPENAI_API_KEY=... (OpenAI), or pass --base-url http://localhost:11434/v1 (Ollama)",
				"--engine llm needs an endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL, or pass --api-key / --base-url")
		}
		return true, nil
	}
	return false, usagef("--engine auto", "unknown engine %q; use auto, llm or extractive", e.Engine)
}

// openBackend builds the client and opens the cache. close must be called
// when the run ends, to persist the cache's counters.
func openBackend(ep endpointOptions, s stdio) (*backend, error) {
	cfg := llm.Config{
		BaseURL: ep.BaseURL,
		APIKey:  ep.APIKey,
		Model:   ep.Model,
		Timeout: ep.Timeout,
		Retries: ep.Retries,
	}
	var log io.Writer
	if ep.Verbose {
		log = s.Err
		cfg.Log = log
	}
	if cfg.Retries < 0 {
		return nil, usagef("--retries 2", "--retries must be 0 or more")
	}
	client, err := llm.New(cfg)
	if err != nil {
		return nil, err
	}
	b := &backend{Completer: client, Embedder: client, client: client, stdio: s, verbose: ep.Verbose}
	if ep.NoCache {
		return b, nil
	}
	cc, err := cache.Open(ep.CacheDir)
	if err != nil {
		return nil, fmt.Errorf("open the response cache (or pass --no-cache): %w", err)
	}
	b.cache = cc
	b.Completer = cc.Wrap(client, log)
	b.Embedder = cc.WrapEmbedder(client, log)
	return b, nil
}

// splits is where articles keep their sentence splits: the cache, or none.
func (b *backend) splits() sentence.Store {
	if b == nil || b.cache == nil {
		return nil
	}
	return b.cache
}

// close persists the cache's counters; a failure matters only to someone
// watching with --verbose.
func (b *backend) close() {
	if b == nil || b.cache == nil {
		return
	}
	if err := b.cache.Flush(); err != nil && b.verbose {
		b.stdio.notice("cache: %v", err)
	}
}

// llmEngine builds the LLM summariser the flags describe and the backend
// it sends through. The caller must close the backend.
func llmEngine(ep endpointOptions, po promptOptions, s stdio) (*summarize.LLM, *backend, error) {
	p, err := lookupPrompt(po.Dir, po.Prompt)
	if err != nil {
		return nil, nil, err
	}
	if p.Name != "summarize" && p.Schema != "summary" {
		return nil, nil, usagef("newslens prompts list", "prompt %s is not a summarize prompt", p.ID())
	}
	merge, err := prompts.Get("merge", 0)
	if err != nil {
		return nil, nil, err
	}
	b, err := openBackend(ep, s)
	if err != nil {
		return nil, nil, err
	}
	model := ep.Model
	window := ep.ContextTokens
	if window == 0 {
		window = tokens.ContextWindow(model)
	}
	if window < 0 {
		b.close()
		return nil, nil, usagef("--context-tokens 8192", "--context-tokens must be positive")
	}
	e := &summarize.LLM{
		Client:        b.Completer,
		Prompt:        p,
		Temperature:   ep.Temperature,
		MaxTokens:     ep.MaxTokens,
		Merge:         merge,
		ContextTokens: window,
		Tokens:        func(text string) int { return tokens.Count(model, text) },
		Parallel:      ep.Concurrency,
		RawDir:        rawDir(ep.CacheDir),
	}
	return e, b, nil
}

// rawDir is where replies that could not be used are kept: replies/ in
// the cache directory the user chose, or "" for the default one. It does
// not depend on --no-cache, which only stops replies being reused.
func rawDir(cacheDir string) string {
	if cacheDir == "" {
		return ""
	}
	return filepath.Join(cacheDir, "replies")
}

// lookupPrompt finds ref among the embedded prompts and those in dir.
func lookupPrompt(dir, ref string) (*prompts.Prompt, error) {
	reg, err := prompts.Load(dir)
	if err != nil {
		return nil, usagef("", "%v", err)
	}
	p, err := reg.Lookup(ref)
	if err != nil {
		return nil, usagef("newslens prompts list", "%v", err)
	}
	return p, nil
}
