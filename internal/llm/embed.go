package llm

import (
	"context"
	"fmt"
	"math"
	"net/http"

	openai "github.com/sashabaranov/go-openai"
)

// EmbedBatch is the most texts sent in one embeddings request. OpenAI takes
// up to 2,048; local servers often take fewer, and 64 keeps each request
// small enough for them while a few hundred sentences still need only a
// handful of requests.
const EmbedBatch = 64

// Embeddings are the vectors for a list of texts.
type Embeddings struct {
	// Vectors holds one vector per text, in the order of the texts.
	Vectors [][]float32
	// Model is the model the endpoint reports having used.
	Model string
	// PromptTokens adds up the usage the endpoint reported.
	PromptTokens int
	// Requests counts the embeddings requests sent.
	Requests int
	// Cached counts the vectors a response cache answered.
	Cached int
}

// Embed returns a vector for each of texts from the endpoint's
// /embeddings API (OpenAI's, and Ollama's, vLLM's and llama.cpp's
// OpenAI-compatible ones), using model, such as "text-embedding-3-small".
// Texts go EmbedBatch to a request; requests are retried, time-limited and
// share the rate-limit gate as chat completions are. Failures are returned
// as *Error; a reply without exactly one vector per text, or with vectors
// of different lengths, is a KindBadResponse.
func (c *Client) Embed(ctx context.Context, model string, texts []string) (*Embeddings, error) {
	if model == "" {
		return nil, &Error{Kind: KindBadRequest, Message: "no embedding model given", Hint: "Try: --embed-model text-embedding-3-small"}
	}
	out := &Embeddings{Vectors: make([][]float32, 0, len(texts))}
	for from := 0; from < len(texts); from += EmbedBatch {
		batch := texts[from:min(from+EmbedBatch, len(texts))]
		vecs, err := c.embedBatch(ctx, model, batch, out)
		if err != nil {
			return nil, err
		}
		if len(out.Vectors) > 0 && len(vecs) > 0 && len(vecs[0]) != len(out.Vectors[0]) {
			return nil, c.badEmbeddings(model, fmt.Sprintf("vectors of %d and %d dimensions in one run", len(out.Vectors[0]), len(vecs[0])))
		}
		out.Vectors = append(out.Vectors, vecs...)
	}
	return out, nil
}

// embedBatch sends one request and returns its vectors in input order.
func (c *Client) embedBatch(ctx context.Context, model string, texts []string, out *Embeddings) ([][]float32, error) {
	cl := &call{header: make(http.Header)}
	ctx = withCall(ctx, cl)
	resp, err := c.api.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: texts, Model: openai.EmbeddingModel(model)})
	attempts := int(cl.attempts.Load())
	if err != nil {
		e := c.translate(ctx, err, attempts)
		if !cl.retryAt.IsZero() && (e.Kind == KindRateLimit || e.Kind == KindServer) {
			retryLater(e, cl.retryAt)
		}
		return nil, e
	}
	out.Requests++
	out.PromptTokens += resp.Usage.PromptTokens
	if out.Model == "" {
		out.Model = string(resp.Model)
	}
	if len(resp.Data) != len(texts) {
		return nil, c.badEmbeddings(model, fmt.Sprintf("%d vectors for %d texts", len(resp.Data), len(texts)))
	}
	vecs := make([][]float32, len(texts))
	for _, d := range resp.Data {
		switch {
		case d.Index < 0 || d.Index >= len(texts):
			return nil, c.badEmbeddings(model, fmt.Sprintf("a vector for text %d of %d", d.Index, len(texts)))
		case vecs[d.Index] != nil:
			return nil, c.badEmbeddings(model, fmt.Sprintf("two vectors for text %d", d.Index))
		case len(d.Embedding) == 0 || len(d.Embedding) != len(resp.Data[0].Embedding):
			return nil, c.badEmbeddings(model, "vectors of different lengths")
		}
		for _, x := range d.Embedding {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, c.badEmbeddings(model, fmt.Sprintf("a vector for text %d that is not finite", d.Index))
			}
		}
		vecs[d.Index] = d.Embedding
	}
	return vecs, nil
}

func (c *Client) badEmbeddings(model, what string) *Error {
	return &Error{
		Kind:    KindBadResponse,
		Status:  http.StatusOK,
		Message: fmt.Sprintf("the endpoint at %s sent %s (model %q)", c.host, what, model),
		Hint:    "Try: an --embed-model the endpoint serves for embeddings",
	}
}
