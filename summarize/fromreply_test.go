package summarize

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/llm"
)

// replyCompleter answers every request with content and counts them.
type replyCompleter struct {
	content string
	sent    []llm.Request
}

func (c *replyCompleter) Endpoint() string { return "mock" }
func (c *replyCompleter) Model() string    { return "mock-model" }
func (c *replyCompleter) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	c.sent = append(c.sent, req)
	return &llm.Response{Content: c.content, Model: "mock-model", PromptTokens: 100, CompletionTokens: 10}, nil
}

func jsonOf(t *testing.T, s *Summary) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, []*Summary{s}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFromReply checks that a reply obtained without sending the request
// (from a batch file, say) gives the summary Article would have given.
func TestFromReply(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1718755200")
	a := longArticle(6)
	tests := []struct {
		name        string
		first       string
		wantRepairs int
	}{
		{name: "valid reply", first: partReply, wantRepairs: 0},
		{name: "reply needing a repair", first: "Here you go: not JSON", wantRepairs: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			direct := &replyCompleter{content: partReply}
			e := longEngine(t, direct, 0, 1)
			want, err := Article(t.Context(), a, e)
			if err != nil {
				t.Fatal(err)
			}
			req, err := e.Request(a)
			if err != nil {
				t.Fatal(err)
			}
			if len(direct.sent) != 1 || !bytes.Equal(requestKey(req), requestKey(direct.sent[0])) {
				t.Errorf("Request differs from what Summarize sends")
			}
			later := &replyCompleter{content: partReply}
			e.Client = later
			got, err := e.FromReply(t.Context(), a, &llm.Response{Content: tt.first, Model: "mock-model", PromptTokens: 100, CompletionTokens: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(later.sent) != tt.wantRepairs {
				t.Fatalf("got %d requests, want %d", len(later.sent), tt.wantRepairs)
			}
			if tt.wantRepairs > 0 {
				return
			}
			if g, w := jsonOf(t, got), jsonOf(t, want); !bytes.Equal(g, w) {
				t.Errorf("FromReply:\n%s\nwant what Article gave:\n%s", g, w)
			}
		})
	}
}

func requestKey(r llm.Request) []byte {
	var b bytes.Buffer
	for _, m := range r.Messages {
		b.WriteString(m.Role + "\x00" + m.Content + "\x00")
	}
	for _, k := range slices.Sorted(maps.Keys(r.Tags)) {
		b.WriteString(k + "=" + r.Tags[k] + "\x00")
	}
	return b.Bytes()
}

func TestRequestLongArticle(t *testing.T) {
	e := longEngine(t, &replyCompleter{content: partReply}, 0, 1)
	e.ContextTokens = overhead(t, e) + e.MaxTokens + 200
	if _, err := e.Request(longArticle(40)); err == nil {
		t.Errorf("got a single request for an article that needs parts")
	}
}
