package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	openai "github.com/sashabaranov/go-openai"
)

// Body returns the JSON body Complete would send first for req, without
// sending it: the model, messages, parameters and the response_format the
// Client currently uses. It is what a batch input file carries for req.
func (c *Client) Body(req Request) ([]byte, error) {
	if len(req.Messages) == 0 {
		return nil, &Error{Kind: KindBadRequest, Message: "chat completion request has no messages"}
	}
	level := levelNone
	c.mu.Lock()
	if req.Schema != nil {
		level = c.level
	}
	legacy := c.legacyTokens
	c.mu.Unlock()
	b, err := json.Marshal(c.chatRequest(req, level))
	if err != nil {
		return nil, fmt.Errorf("encode chat request: %w", err)
	}
	if req.Temperature != nil && *req.Temperature == 0 {
		b = setZeroTemperature(b)
	}
	if legacy {
		b = legacyMaxTokens(b)
	}
	return b, nil
}

// Reply turns a chat completion body that arrived some other way, such
// as a line of a batch result file, into a Response as Complete would
// return it for a request sent with Body: refusals, content filters and
// cut-off replies are *Error, and the API key is scrubbed from the text.
func (c *Client) Reply(body []byte) (*Response, error) {
	var resp openai.ChatCompletionResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, &Error{Kind: KindBadResponse, Message: fmt.Sprintf("the result is not a chat completion: %v", err)}
	}
	c.mu.Lock()
	level := c.level
	c.mu.Unlock()
	return c.response(&resp, level, nil, 0)
}

// Batch is the state of one batch job of the Batch API.
type Batch struct {
	ID, Status                             string
	InputFileID, OutputFileID, ErrorFileID string
	Total, Completed, Failed               int
	// CreatedAt and ExpiresAt are Unix seconds; ExpiresAt is 0 when the
	// endpoint does not say.
	CreatedAt, ExpiresAt int64
	// Errors are the reasons a batch failed validation, if any.
	Errors []string
}

// Finished reports whether the batch has reached a final state.
func (b *Batch) Finished() bool {
	switch b.Status {
	case "completed", "failed", "expired", "cancelled":
		return true
	}
	return false
}

// UploadBatchFile uploads a batch input file (the Files API, purpose
// batch) and returns its file ID.
func (c *Client) UploadBatchFile(ctx context.Context, name string, data []byte) (string, error) {
	cl := &call{header: make(http.Header)}
	f, err := c.api.CreateFileBytes(withCall(ctx, cl), openai.FileBytesRequest{Name: name, Bytes: data, Purpose: openai.PurposeBatch})
	if err != nil {
		return "", c.translate(ctx, err, int(cl.attempts.Load()))
	}
	return f.ID, nil
}

// CreateBatch starts a batch of chat completions from an uploaded input
// file, with the 24-hour completion window.
func (c *Client) CreateBatch(ctx context.Context, fileID string) (*Batch, error) {
	cl := &call{header: make(http.Header)}
	resp, err := c.api.CreateBatch(withCall(ctx, cl), openai.CreateBatchRequest{
		InputFileID:      fileID,
		Endpoint:         openai.BatchEndpointChatCompletions,
		CompletionWindow: "24h",
	})
	if err != nil {
		return nil, c.translate(ctx, err, int(cl.attempts.Load()))
	}
	return batchOf(&resp.Batch), nil
}

// RetrieveBatch returns the batch's current state.
func (c *Client) RetrieveBatch(ctx context.Context, id string) (*Batch, error) {
	cl := &call{header: make(http.Header)}
	resp, err := c.api.RetrieveBatch(withCall(ctx, cl), id)
	if err != nil {
		return nil, c.translate(ctx, err, int(cl.attempts.Load()))
	}
	return batchOf(&resp.Batch), nil
}

// FileContent downloads a file, such as a batch's output or error file.
func (c *Client) FileContent(ctx context.Context, id string) ([]byte, error) {
	cl := &call{header: make(http.Header), raw: true}
	raw, err := c.api.GetFileContent(withCall(ctx, cl), id)
	if err != nil {
		return nil, c.translate(ctx, err, int(cl.attempts.Load()))
	}
	defer raw.Close()
	b, err := io.ReadAll(raw)
	if err != nil {
		return nil, c.translate(ctx, err, int(cl.attempts.Load()))
	}
	return b, nil
}

func batchOf(b *openai.Batch) *Batch {
	out := &Batch{
		ID:          b.ID,
		Status:      b.Status,
		InputFileID: b.InputFileID,
		Total:       b.RequestCounts.Total,
		Completed:   b.RequestCounts.Completed,
		Failed:      b.RequestCounts.Failed,
		CreatedAt:   int64(b.CreatedAt),
	}
	if b.OutputFileID != nil {
		out.OutputFileID = *b.OutputFileID
	}
	if b.ErrorFileID != nil {
		out.ErrorFileID = *b.ErrorFileID
	}
	if b.ExpiresAt != nil {
		out.ExpiresAt = int64(*b.ExpiresAt)
	}
	if b.Errors != nil {
		for _, e := range b.Errors.Data {
			out.Errors = append(out.Errors, e.Message)
		}
	}
	return out
}
