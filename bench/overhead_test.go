// Package bench holds newslens's batch benchmarks: an in-process Go
// benchmark of the summarise path here, and in this folder batch.sh and
// diff.sh, which time the built binary (see README.md).
package bench

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newslens/newslens/internal/article"
	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
	"github.com/newslens/newslens/internal/tokens"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

// batchSize is the number of articles per benchmark operation, as in
// batch.sh.
const batchSize = 16

// replyFile is a valid summary for every summit article: the sentences it
// cites (up to 15) exist in each of them.
const replyFile = "../testdata/replies/seed-summarize@2.json"

// batch returns batchSize distinct articles: the summit set, cycled, each
// with a closing line of its own so that their bodies and sha256 differ,
// built the same way as batch.sh builds its files.
func batch(tb testing.TB) []*article.Article {
	tb.Helper()
	paths, err := filepath.Glob("../testdata/articles/summit/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("find summit articles: %v (%d found)", err, len(paths))
	}
	arts := make([]*article.Article, batchSize)
	for i := range arts {
		p := paths[i%len(paths)]
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		data = fmt.Appendf(data, "\n\nThis is benchmark copy %d of the report.\n", i+1)
		label := fmt.Sprintf("copy%02d", i+1)
		a, err := article.Load(tb.Context(), label+"=-", article.Options{Stdin: bytes.NewReader(data)})
		if err != nil {
			tb.Fatalf("load %s: %v", p, err)
		}
		a.Path = p
		arts[i] = a
	}
	return arts
}

// newEngine returns a mock endpoint answering every request with the
// reply file at no latency, and the LLM engine the CLI builds for model
// with --no-cache, pointed at it.
func newEngine(tb testing.TB, model string) (*llmtest.Server, *summarize.LLM) {
	tb.Helper()
	reply, err := os.ReadFile(replyFile)
	if err != nil {
		tb.Fatal(err)
	}
	srv := llmtest.NewServer(tb)
	srv.Add(llmtest.Reply{Content: string(reply)})
	client, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: "bench", Model: model, Retries: 0})
	if err != nil {
		tb.Fatal(err)
	}
	p, err := prompts.Embedded().Lookup("summarize")
	if err != nil {
		tb.Fatal(err)
	}
	merge, err := prompts.Embedded().Get("merge", 0)
	if err != nil {
		tb.Fatal(err)
	}
	return srv, &summarize.LLM{
		Client:        client,
		Prompt:        p,
		Merge:         merge,
		ContextTokens: tokens.ContextWindow(model),
		Tokens:        func(text string) int { return tokens.Count(model, text) },
	}
}

// summarizeBatch runs one batch through summarize.All one article at a
// time, as `newslens summarize -j 1` does, and fails on any error.
func summarizeBatch(tb testing.TB, e summarize.Engine, arts []*article.Article) []*summarize.Summary {
	tb.Helper()
	sums, errs := summarize.All(tb.Context(), arts, e, 1, nil)
	for i, err := range errs {
		if err != nil {
			tb.Fatalf("summarise %s: %v", arts[i].Label, err)
		}
	}
	return sums
}

// TestBatch checks what the benchmarks rely on: the articles are distinct,
// and the reply is valid for each of them, so every article costs exactly
// one request and no repair.
func TestBatch(t *testing.T) {
	arts := batch(t)
	seen := map[string]string{}
	for _, a := range arts {
		if prev, ok := seen[a.SHA256]; ok {
			t.Fatalf("articles %s and %s have the same sha256 %s", prev, a.Label, a.SHA256)
		}
		seen[a.SHA256] = a.Label
	}
	// A model without an exact tokenizer keeps the test quick; the
	// request count does not depend on it.
	srv, e := newEngine(t, "mock-model")
	sums := summarizeBatch(t, e, arts)
	reqs := srv.Requests()
	if got, want := len(reqs), len(arts); got != want {
		t.Errorf("got %d requests, want %d (one per article, no repairs)", got, want)
	}
	for i, r := range reqs {
		if r.Header.Get("Newslens-Repair") != "" {
			t.Errorf("request %d is a repair request", i+1)
		}
	}
	for i, s := range sums {
		if got, want := s.Source.SHA256, arts[i].SHA256; got != want {
			t.Errorf("summary %d: got sha256 %q, want %q", i+1, got, want)
		}
	}
}

// BenchmarkSummarizeOverhead measures what newslens itself spends per
// article on the `summarize -j 1 --no-cache` path: prompt rendering, token
// counting, the HTTP round trip through llm.Client, reply parsing and the
// grounding checks. The mock endpoint answers at once and runs in the same
// process, so its own work is included. The gpt-4o-mini case counts tokens
// exactly with the model's BPE encoding, as the CLI's default model does;
// the other uses the estimate applied to models without a known tokenizer.
func BenchmarkSummarizeOverhead(b *testing.B) {
	for _, bc := range []struct {
		name  string
		model string
	}{
		{name: "model=gpt-4o-mini", model: "gpt-4o-mini"},
		{name: "model=other", model: "mock-model"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			arts := batch(b)
			_, e := newEngine(b, bc.model)
			// Load the tokenizer outside the timed loop: it is a once-per-process
			// start-up cost, which batch.sh reports separately.
			tokens.Count(bc.model, "warm up")
			b.ReportAllocs()
			for b.Loop() {
				summarizeBatch(b, e, arts)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*batchSize), "ns/article")
		})
	}
}
