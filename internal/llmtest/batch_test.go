package llmtest_test

import (
	"io"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/newslens/newslens/internal/llmtest"
)

// TestBatchProgression drives the mock's Files and Batch API with
// go-openai: a batch follows its plan one step per retrieve, and on
// expiry its output file holds the first K answers and its error file
// the rest, each answered through the chat replies.
func TestBatchProgression(t *testing.T) {
	srv := llmtest.NewServer(t)
	srv.Add(llmtest.Reply{Prompt: "summarize@2", Article: "aaaa", Content: `{"ok":1}`})
	srv.Add(llmtest.Reply{Prompt: "summarize@2", Article: "bbbb", Status: 500, Message: "boom"})
	srv.PlanBatch("validating", "in_progress", "expired:2")
	cfg := openai.DefaultConfig("")
	cfg.BaseURL = srv.URL
	c := openai.NewClientWithConfig(cfg)
	input := strings.Join([]string{
		`{"custom_id":"nl-aaaa-11111111-summarize@2","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"x"}]}}`,
		`{"custom_id":"nl-bbbb-22222222-summarize@2","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"y"}]}}`,
		`{"custom_id":"nl-aaaa-33333333-summarize@2","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"z"}]}}`,
	}, "\n") + "\n"
	f, err := c.CreateFileBytes(t.Context(), openai.FileBytesRequest{Name: "in.jsonl", Bytes: []byte(input), Purpose: openai.PurposeBatch})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateBatch(t.Context(), openai.CreateBatchRequest{InputFileID: f.ID, Endpoint: openai.BatchEndpointChatCompletions})
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	states = append(states, b.Status)
	for range 3 {
		r, err := c.RetrieveBatch(t.Context(), b.ID)
		if err != nil {
			t.Fatal(err)
		}
		states = append(states, r.Status)
		b = r
	}
	if got, want := strings.Join(states, " "), "validating in_progress expired expired"; got != want {
		t.Fatalf("got states %q, want %q", got, want)
	}
	if b.RequestCounts != (openai.BatchRequestCounts{Total: 3, Completed: 1, Failed: 2}) {
		t.Errorf("got counts %+v, want 3 total, 1 completed, 2 failed", b.RequestCounts)
	}
	out := content(t, c, b.OutputFileID)
	errs := content(t, c, b.ErrorFileID)
	if !strings.Contains(out, `"custom_id":"nl-aaaa-11111111-summarize@2"`) || !strings.Contains(out, `\"ok\":1`) || strings.Count(out, "\n") != 1 {
		t.Errorf("got output file %q, want the one answer to nl-aaaa-1111", out)
	}
	if !strings.Contains(errs, `"status_code":500`) || !strings.Contains(errs, `"code":"batch_expired"`) || strings.Count(errs, "\n") != 2 {
		t.Errorf("got error file %q, want the 500 and one batch_expired", errs)
	}
}

func content(t *testing.T, c *openai.Client, id *string) string {
	t.Helper()
	if id == nil {
		t.Fatal("got no file ID")
	}
	r, err := c.GetFileContent(t.Context(), *id)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
