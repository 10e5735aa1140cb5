package llm_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
)

// TestBodyIsWhatCompleteSends checks that Body gives, byte for byte, the
// body Complete sends for the same request, zero temperature included.
func TestBodyIsWhatCompleteSends(t *testing.T) {
	zero := float32(0)
	tests := []struct {
		name string
		req  llm.Request
	}{
		{name: "schema and zero temperature", req: llm.Request{
			Messages:    []llm.Message{{Role: "system", Content: "s"}, {Role: "user", Content: "u <b>"}},
			Temperature: &zero,
			MaxTokens:   100,
			Schema:      &llm.Schema{Name: "summary", JSON: json.RawMessage(`{"type":"object"}`)},
		}},
		{name: "plain", req: llm.Request{Messages: []llm.Message{{Role: "user", Content: "hello"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.NewServer(t)
			srv.Add(llmtest.Reply{Content: `{}`, Times: 1})
			c, err := llm.New(llm.Config{BaseURL: srv.URL, Model: "m", APIKey: "k"})
			if err != nil {
				t.Fatal(err)
			}
			body, err := c.Body(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Complete(t.Context(), tt.req); err != nil {
				t.Fatal(err)
			}
			if got, want := string(body), string(srv.Requests()[0].Body); got != want {
				t.Errorf("got body %q, want %q", got, want)
			}
		})
	}
}

// TestReplyJudgesAsComplete checks that a completion received in a
// batch result is judged as Complete judges one.
func TestReplyJudgesAsComplete(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     string
		wantKind llm.Kind
	}{
		{name: "ok", body: `{"model":"m1","choices":[{"message":{"role":"assistant","content":"{\"a\":1}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}`, want: `{"a":1}`},
		{name: "refusal", body: `{"choices":[{"message":{"role":"assistant","refusal":"no"},"finish_reason":"stop"}]}`, wantKind: llm.KindRefusal},
		{name: "cut off", body: `{"choices":[{"message":{"role":"assistant","content":"{"},"finish_reason":"length"}]}`, wantKind: llm.KindLength},
		{name: "no choices", body: `{"choices":[]}`, wantKind: llm.KindNoChoices},
		{name: "not a completion", body: `[1]`, wantKind: llm.KindBadResponse},
	}
	c, err := llm.New(llm.Config{BaseURL: "http://127.0.0.1:9/v1", Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := c.Reply([]byte(tt.body))
			if tt.wantKind != 0 {
				var e *llm.Error
				if !errors.As(err, &e) || e.Kind != tt.wantKind {
					t.Fatalf("got %v, want an error of kind %v", err, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Content != tt.want || r.Model != "m1" || r.PromptTokens != 3 || r.CompletionTokens != 2 {
				t.Errorf("got %+v, want content %q from m1 with 3+2 tokens", r, tt.want)
			}
		})
	}
}
