package llm_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
)

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Sentence %d says the river rose %d centimetres.", i+1, i)
	}
	return out
}

func TestEmbed(t *testing.T) {
	const key = "testkey-embed-0123456789"
	s := llmtest.NewServer(t)
	s.RequireKey(key)
	c := newClient(t, s, func(c *llm.Config) { c.APIKey = key })
	in := texts(150)
	got, err := c.Embed(t.Context(), "embed-model", in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Requests != 3 || len(got.Vectors) != len(in) || got.Model != "embed-model" {
		t.Fatalf("got %d requests, %d vectors, model %q; want 3, %d, embed-model", got.Requests, len(got.Vectors), got.Model, len(in))
	}
	for i, v := range got.Vectors {
		if !slices.Equal(v, llmtest.Vector(in[i])) {
			t.Fatalf("vector %d is not the one for text %d", i, i)
		}
	}
	var sizes []int
	for _, r := range s.Requests() {
		var body struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(body.Input))
		if r.Path != "/v1/embeddings" || body.Model != "embed-model" || r.Header.Get("Authorization") != "Bearer "+key {
			t.Errorf("request %s model %q auth %q: want /v1/embeddings, embed-model, the Bearer key", r.Path, body.Model, r.Header.Get("Authorization"))
		}
		if strings.Contains(string(r.Body), key) {
			t.Errorf("the key is in the request body")
		}
	}
	if want := []int{64, 64, 22}; !slices.Equal(sizes, want) {
		t.Errorf("got batches of %v, want %v", sizes, want)
	}
	if got.PromptTokens == 0 {
		t.Errorf("usage was not added up")
	}
}

func TestEmbedFailures(t *testing.T) {
	tests := []struct {
		name     string
		replies  []llmtest.Reply
		wantKind llm.Kind // KindUnknown: want success
		wantMsg  string
		wantReqs int
	}{
		{name: "429 retried", replies: []llmtest.Reply{{Format: "embeddings", Status: 429, Times: 1, Header: map[string]string{"Retry-After-Ms": "1"}}},
			wantReqs: 2},
		{name: "401", replies: []llmtest.Reply{{Format: "embeddings", Status: 401}},
			wantKind: llm.KindAuth, wantMsg: "rejected the API key", wantReqs: 1},
		{name: "404 unknown model", replies: []llmtest.Reply{{Format: "embeddings", Status: 404, Message: "model not found"}},
			wantKind: llm.KindNotFound, wantMsg: "not found", wantReqs: 1},
		{name: "too few vectors", replies: []llmtest.Reply{{Format: "embeddings", Body: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1,0]}],"model":"m"}`}},
			wantKind: llm.KindBadResponse, wantMsg: "sent 1 vectors for 2 texts", wantReqs: 1},
		{name: "index out of range", replies: []llmtest.Reply{{Format: "embeddings", Body: `{"object":"list","data":[{"index":0,"embedding":[1,0]},{"index":5,"embedding":[0,1]}],"model":"m"}`}},
			wantKind: llm.KindBadResponse, wantMsg: "a vector for text 5 of 2", wantReqs: 1},
		{name: "uneven lengths", replies: []llmtest.Reply{{Format: "embeddings", Body: `{"object":"list","data":[{"index":0,"embedding":[1,0]},{"index":1,"embedding":[0,1,0]}],"model":"m"}`}},
			wantKind: llm.KindBadResponse, wantMsg: "vectors of different lengths", wantReqs: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			for _, r := range tt.replies {
				s.Add(r)
			}
			c := newClient(t, s, nil)
			got, err := c.Embed(t.Context(), "embed-model", texts(2))
			if n := len(s.Requests()); n != tt.wantReqs {
				t.Errorf("got %d requests, want %d", n, tt.wantReqs)
			}
			if tt.wantKind == llm.KindUnknown {
				if err != nil || len(got.Vectors) != 2 {
					t.Fatalf("got %v, %v; want two vectors", got, err)
				}
				return
			}
			e := asError(t, err)
			if e.Kind != tt.wantKind || !strings.Contains(e.Error(), tt.wantMsg) {
				t.Errorf("got kind %v %q, want %v containing %q", e.Kind, e.Error(), tt.wantKind, tt.wantMsg)
			}
		})
	}
}

func TestEmbedNoModel(t *testing.T) {
	s := llmtest.NewServer(t)
	c := newClient(t, s, nil)
	_, err := c.Embed(t.Context(), "", texts(1))
	if e := asError(t, err); e.Kind != llm.KindBadRequest || len(s.Requests()) != 0 {
		t.Errorf("got %v after %d requests, want a bad request and none sent", e, len(s.Requests()))
	}
}
