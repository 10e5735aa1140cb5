package summarize

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/prompts"
)

// partReply is a short valid summary citing sentence 1.
const partReply = `{"headline":"A long report","summary":"Officials described the day.","key_points":[{"text":"Officials spoke.","evidence":[1]}],"entities":[],"quotes":[],"figures":[]}`

// sizeCompleter answers every request with partReply and records each
// request's size in tokens and how many were in flight at once.
type sizeCompleter struct {
	tokens   func(string) int
	gate     chan struct{} // if non-nil, each request waits for it to close
	arrived  chan struct{}
	mu       sync.Mutex
	sizes    map[string][]int // by prompt
	inFlight atomic.Int64
	maxIn    atomic.Int64
}

func (c *sizeCompleter) Endpoint() string { return "mock" }
func (c *sizeCompleter) Model() string    { return "mock-model" }

func (c *sizeCompleter) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	n := c.inFlight.Add(1)
	defer c.inFlight.Add(-1)
	for {
		m := c.maxIn.Load()
		if n <= m || c.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	size := 16
	for _, m := range req.Messages {
		size += c.tokens(m.Content)
	}
	c.mu.Lock()
	c.sizes[req.Tags["Prompt"]] = append(c.sizes[req.Tags["Prompt"]], size)
	c.mu.Unlock()
	if c.arrived != nil {
		c.arrived <- struct{}{}
	}
	if c.gate != nil {
		select {
		case <-c.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return &llm.Response{Content: partReply, Model: "mock-model", PromptTokens: size, CompletionTokens: 10}, nil
}

// longArticle makes an article of n distinct sentences.
func longArticle(n int) *article.Article {
	a := &article.Article{Label: "long", Title: "A long report"}
	for i := range n {
		a.Sentences = append(a.Sentences, fmt.Sprintf("Officials in district %d said the river rose by %d centimetres overnight and crews worked until dawn.", i+1, 10+i))
	}
	a.Text = strings.Join(a.Sentences, " ")
	h := sha256.Sum256([]byte(a.Text))
	a.SHA256 = hex.EncodeToString(h[:])
	return a
}

func quarterTokens(s string) int { return (len(s) + 3) / 4 }

func longEngine(t *testing.T, c Completer, window, parallel int) *LLM {
	t.Helper()
	p, err := prompts.Get("summarize", 2)
	if err != nil {
		t.Fatal(err)
	}
	merge, err := prompts.Get("merge", 1)
	if err != nil {
		t.Fatal(err)
	}
	return &LLM{Client: c, Prompt: p, Merge: merge, MaxTokens: 200, ContextTokens: window, Tokens: quarterTokens, Parallel: parallel}
}

// overhead is the larger of the two prompts' sizes with no article text
// and no partials, in quarterTokens.
func overhead(t *testing.T, e *LLM) int {
	t.Helper()
	empty := &article.Article{Label: "long", Title: "A long report"}
	system, user, err := e.Prompt.Render(promptVars(empty, span{index: 1, from: 1, to: 0}, 1))
	if err != nil {
		t.Fatal(err)
	}
	vars := mergeVars(empty, nil)
	vars["partials"] = ""
	ms, mu, err := e.Merge.Render(vars)
	if err != nil {
		t.Fatal(err)
	}
	return max(quarterTokens(system)+quarterTokens(user), quarterTokens(ms)+quarterTokens(mu)) + 16
}

// TestLongMergeFits checks that every request, merges included, fits
// the context budget, merging in several levels when the partials of all
// parts would not fit one merge request.
func TestLongMergeFits(t *testing.T) {
	tests := []struct {
		name       string
		sentences  int
		extra      int // room beyond the prompt and the reply, in tokens
		wantLevels int
	}{
		{name: "one merge", sentences: 20, extra: 400, wantLevels: 1},
		{name: "hierarchical", sentences: 200, extra: 120, wantLevels: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &sizeCompleter{tokens: quarterTokens, sizes: map[string][]int{}}
			e := longEngine(t, c, 0, 4)
			e.ContextTokens = overhead(t, e) + e.MaxTokens + tt.extra
			s, err := e.Summarize(t.Context(), longArticle(tt.sentences))
			if err != nil {
				t.Fatal(err)
			}
			for prompt, sizes := range c.sizes {
				for i, n := range sizes {
					if n+e.MaxTokens > e.ContextTokens {
						t.Errorf("%s request %d: %d tokens and %d for the reply exceed the budget of %d", prompt, i+1, n, e.MaxTokens, e.ContextTokens)
					}
				}
			}
			parts, merges := len(c.sizes["summarize@2"]), len(c.sizes["merge@1"])
			if parts < 2 || merges < tt.wantLevels {
				t.Fatalf("got %d parts and %d merges, want several parts and at least %d merges", parts, merges, tt.wantLevels)
			}
			want := fmt.Sprintf("it was summarised in %d parts", parts)
			if tt.wantLevels > 1 {
				want = fmt.Sprintf("and merged with merge@1 in %d levels, so that every merge request fits", tt.wantLevels)
			}
			if len(s.Warnings) == 0 || !strings.Contains(s.Warnings[0], want) {
				t.Errorf("got warnings %q, want the first to contain %q", s.Warnings, want)
			}
			if tt.wantLevels == 1 && strings.Contains(s.Warnings[0], "levels") {
				t.Errorf("one merge level: got %q", s.Warnings[0])
			}
			if got, want := s.Provenance.Usage.CompletionTokens, 10*(parts+merges); got != want {
				t.Errorf("completion tokens: got %d, want %d (every request counted once)", got, want)
			}
		})
	}
}

// TestLongPartsConcurrent checks that the parts of one long article are
// in flight together, up to Parallel and no more, and that progress is
// reported for each request.
func TestLongPartsConcurrent(t *testing.T) {
	const parallel = 3
	c := &sizeCompleter{tokens: quarterTokens, sizes: map[string][]int{}, gate: make(chan struct{}), arrived: make(chan struct{}, 64)}
	e := longEngine(t, c, 0, parallel)
	e.ContextTokens = overhead(t, e) + e.MaxTokens + 400
	var mu sync.Mutex
	var progress []string
	e.Progress = func(a *article.Article, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		progress = append(progress, fmt.Sprintf("%d/%d", done, total))
	}
	done := make(chan error, 1)
	go func() {
		_, err := e.Summarize(t.Context(), longArticle(30))
		done <- err
	}()
	for i := range parallel {
		select {
		case <-c.arrived:
		case <-time.After(10 * time.Second):
			t.Fatalf("only %d requests in flight at once, want %d", i, parallel)
		}
	}
	if n := c.inFlight.Load(); n != parallel {
		t.Errorf("got %d requests in flight, want %d", n, parallel)
	}
	close(c.gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if m := c.maxIn.Load(); m != parallel {
		t.Errorf("got at most %d requests in flight, want %d", m, parallel)
	}
	parts := len(c.sizes["summarize@2"])
	requests := parts + len(c.sizes["merge@1"])
	if len(progress) != requests || progress[len(progress)-1] != fmt.Sprintf("%d/%d", requests, requests) {
		t.Errorf("got progress %q, want one step per request ending at %d/%d", progress, requests, requests)
	}
}

// TestLongPartFails checks that a failing part fails the article with
// the part named, whatever the others were doing.
func TestLongPartFails(t *testing.T) {
	c := &failingCompleter{failPart: "2/"}
	p, _ := prompts.Get("summarize", 2)
	merge, _ := prompts.Get("merge", 1)
	e := &LLM{Client: c, Prompt: p, Merge: merge, MaxTokens: 200, Tokens: quarterTokens, Parallel: 4}
	e.ContextTokens = overhead(t, e) + e.MaxTokens + 400
	_, err := e.Summarize(t.Context(), longArticle(30))
	if err == nil || !strings.HasPrefix(err.Error(), "part 2 of ") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("got %v, want the failure of part 2", err)
	}
}

type failingCompleter struct{ failPart string }

func (c *failingCompleter) Endpoint() string { return "mock" }
func (c *failingCompleter) Model() string    { return "mock-model" }
func (c *failingCompleter) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	if strings.HasPrefix(req.Tags["Part"], c.failPart) {
		return nil, fmt.Errorf("boom")
	}
	return &llm.Response{Content: partReply}, nil
}
