package llmtest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/llmtest"
)

const chatBody = `{"model":"mock-model","messages":[{"role":"system","content":"You summarise."},{"role":"user","content":"Putin and Kim signed a pact."}]}`

// post sends body to the server's chat endpoint with the given headers.
func post(t *testing.T, s *llmtest.Server, body string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.URL+"/chat/completions", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestWireFormat(t *testing.T) {
	tests := []struct {
		name   string
		reply  *llmtest.Reply
		body   string
		header map[string]string
	}{
		{name: "completion", reply: &llmtest.Reply{Content: `{"summary":"A pact."}`, PromptTokens: 40, CompletionTokens: 6}},
		{name: "default_tokens", reply: &llmtest.Reply{Content: "A mutual-defence pact."}},
		{name: "refusal", reply: &llmtest.Reply{Refusal: "I can't help with that."}},
		{name: "length", reply: &llmtest.Reply{Content: "A mutual", FinishReason: "length"}},
		{name: "no_choices", reply: &llmtest.Reply{NoChoices: true}},
		{name: "error_400", reply: &llmtest.Reply{Status: 400, Message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", Param: "response_format"}},
		{name: "error_429", reply: &llmtest.Reply{Status: 429, Message: "Rate limit reached.", Header: map[string]string{"Retry-After": "1"}}},
		{name: "raw_502", reply: &llmtest.Reply{Status: 502, Body: "<html><body><h1>502 Bad Gateway</h1></body></html>\n"}},
		{name: "unmatched", header: map[string]string{llmtest.PromptHeader: "summarize@2", llmtest.ArticleHeader: "3fa2c0"}},
		{name: "bad_json", body: `{"model":`, reply: &llmtest.Reply{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.New()
			defer s.Close()
			if tt.reply != nil {
				s.Add(*tt.reply)
			}
			body := tt.body
			if body == "" {
				body = chatBody
			}
			resp, b := post(t, s, body, tt.header)
			var out bytes.Buffer
			fmt.Fprintf(&out, "%s\n", resp.Status)
			for _, k := range []string{"Content-Type", "Retry-After"} {
				if v := resp.Header.Get(k); v != "" {
					fmt.Fprintf(&out, "%s: %s\n", k, v)
				}
			}
			out.WriteString("\n")
			out.Write(b)
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), out.Bytes())
		})
	}
}

func TestGoOpenAIClient(t *testing.T) {
	s := llmtest.NewServer(t)
	s.RequireKey("sk-test-123")
	s.Add(llmtest.Reply{Format: "json_schema", Content: `{"ok":true}`, Times: 1})
	s.Add(llmtest.Reply{Content: "plain", FinishReason: "stop"})

	cfg := openai.DefaultConfig("sk-test-123")
	cfg.BaseURL = s.URL
	c := openai.NewClientWithConfig(cfg)

	resp, err := c.CreateChatCompletion(t.Context(), openai.ChatCompletionRequest{
		Model:    "gpt-test",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hello"}},
		ResponseFormat: &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name: "x", Schema: jsonRaw(`{"type":"object"}`), Strict: true,
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := resp.Choices[0].Message.Content, `{"ok":true}`; got != want {
		t.Errorf("content: got %q, want %q", got, want)
	}
	if got, want := resp.ID, "chatcmpl-mock-1"; got != want {
		t.Errorf("id: got %q, want %q", got, want)
	}
	if got, want := resp.Model, "gpt-test"; got != want {
		t.Errorf("model: got %q, want %q", got, want)
	}
	if got, want := resp.Created, int64(llmtest.Created); got != want {
		t.Errorf("created: got %d, want %d", got, want)
	}
	if resp.Usage.TotalTokens != resp.Usage.PromptTokens+resp.Usage.CompletionTokens || resp.Usage.PromptTokens == 0 {
		t.Errorf("usage: got %+v, want non-zero prompt tokens adding up to total", resp.Usage)
	}

	resp, err = c.CreateChatCompletion(t.Context(), openai.ChatCompletionRequest{
		Model:    "gpt-test",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hello"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := resp.Choices[0].Message.Content, "plain"; got != want {
		t.Errorf("second content: got %q, want %q", got, want)
	}
	if got, want := resp.ID, "chatcmpl-mock-2"; got != want {
		t.Errorf("second id: got %q, want %q", got, want)
	}

	models, err := c.ListModels(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(models.Models) != 1 || models.Models[0].ID != "mock-model" {
		t.Errorf("models: got %+v, want one mock-model", models.Models)
	}

	reqs := s.Requests()
	if len(reqs) != 3 {
		t.Fatalf("got %d requests, want 3", len(reqs))
	}
	if got, want := reqs[0].Format, "json_schema"; got != want {
		t.Errorf("first request format: got %q, want %q", got, want)
	}
	if got, want := reqs[1].Format, "none"; got != want {
		t.Errorf("second request format: got %q, want %q", got, want)
	}
	if got, want := reqs[0].Header.Get("Authorization"), "Bearer sk-test-123"; got != want {
		t.Errorf("authorization: got %q, want %q", got, want)
	}

	bad := openai.DefaultConfig("sk-wrong")
	bad.BaseURL = s.URL
	_, err = openai.NewClientWithConfig(bad).CreateChatCompletion(t.Context(), openai.ChatCompletionRequest{
		Model:    "gpt-test",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hello"}},
	})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong key: got %v, want a 401 APIError", err)
	}
	if strings.Contains(apiErr.Message, "sk-wrong") {
		t.Errorf("401 message echoes the key: %q", apiErr.Message)
	}
}

type jsonRaw string

func (j jsonRaw) MarshalJSON() ([]byte, error) { return []byte(j), nil }

func TestMatching(t *testing.T) {
	s := llmtest.New()
	defer s.Close()
	s.Add(llmtest.Reply{Prompt: "summarize@2", Article: "3fa2", Content: "first", Times: 1})
	s.Add(llmtest.Reply{Prompt: "summarize@2", Content: "second"})
	s.Add(llmtest.Reply{Prompt: "compare@1", Format: "json_object", Content: "third"})
	s.Add(llmtest.Reply{Prompt: "never", Content: "unused"})

	tests := []struct {
		name    string
		prompt  string
		article string
		body    string
		want    string
	}{
		{name: "article prefix", prompt: "summarize@2", article: "3fa2c0ffee", want: "first"},
		{name: "times exhausted", prompt: "summarize@2", article: "3fa2c0ffee", want: "second"},
		{name: "other article", prompt: "summarize@2", article: "beef", want: "second"},
		{name: "format", prompt: "compare@1", body: `{"model":"m","messages":[],"response_format":{"type":"json_object"}}`, want: "third"},
		{name: "format mismatch", prompt: "compare@1", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			if body == "" {
				body = chatBody
			}
			resp, b := post(t, s, body, map[string]string{llmtest.PromptHeader: tt.prompt, llmtest.ArticleHeader: tt.article})
			if tt.want == "" {
				if resp.StatusCode != http.StatusInternalServerError {
					t.Errorf("status: got %d, want 500", resp.StatusCode)
				}
				return
			}
			var cc openai.ChatCompletionResponse
			if err := json.Unmarshal(b, &cc); err != nil {
				t.Fatal(err)
			}
			if got := cc.Choices[0].Message.Content; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	err := s.Verify()
	if err == nil {
		t.Fatal("Verify: got nil, want errors for the unused reply and the unmatched request")
	}
	for _, want := range []string{`reply 4 (prompt=never) was never used`, `request matched no reply: model "mock-model", prompt "compare@1"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Verify: got %q, want it to contain %q", err, want)
		}
	}
	if got, want := len(s.Requests()), len(tests); got != want {
		t.Errorf("requests: got %d, want %d", got, want)
	}

	s.Reset()
	if err := s.Verify(); err != nil {
		t.Errorf("Verify after Reset: got %v, want nil", err)
	}
	if got := len(s.Requests()); got != 0 {
		t.Errorf("requests after Reset: got %d, want 0", got)
	}
}

func TestDrop(t *testing.T) {
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Drop: true, Times: 1})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.URL+"/chat/completions", strings.NewReader(chatBody))
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	resp, err := tr.RoundTrip(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got status %s, want a connection error", resp.Status)
	}
}

func TestReplayDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "summarize@2"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"3fa2.json": "short", "3fa2c0ffee12.json": "long", "beef.json": "other"} {
		if err := os.WriteFile(filepath.Join(dir, "summarize@2", name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := llmtest.New()
	defer s.Close()
	s.ReplayDir(dir)
	s.Add(llmtest.Reply{Prompt: "summarize@2", Article: "dead", Content: "rule"})

	tests := []struct {
		name, prompt, article, want string
		status                      int
	}{
		{name: "longest prefix wins", prompt: "summarize@2", article: "3fa2c0ffee12aa", want: "long", status: 200},
		{name: "short prefix", prompt: "summarize@2", article: "3fa2aa", want: "short", status: 200},
		{name: "rule before replay", prompt: "summarize@2", article: "deadbeef", want: "rule", status: 200},
		{name: "no file", prompt: "summarize@2", article: "0000", status: 500},
		{name: "path escape", prompt: "..", article: "3fa2", status: 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := post(t, s, chatBody, map[string]string{llmtest.PromptHeader: tt.prompt, llmtest.ArticleHeader: tt.article})
			if resp.StatusCode != tt.status {
				t.Fatalf("status: got %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.status != 200 {
				return
			}
			var cc openai.ChatCompletionResponse
			if err := json.Unmarshal(b, &cc); err != nil {
				t.Fatal(err)
			}
			if got := cc.Choices[0].Message.Content; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if err := s.Verify(); err == nil || !strings.Contains(err.Error(), `article "0000"`) {
		t.Errorf("Verify: got %v, want the unmatched request for article 0000", err)
	}
}

func TestParseReply(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.html"), []byte("<h1>502</h1>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    llmtest.Reply
		wantErr string
	}{
		{name: "rate limit", args: []string{"status=429", "retry-after=1", "times=1"},
			want: llmtest.Reply{Status: 429, Times: 1, Header: map[string]string{"Retry-After": "1"}}},
		{name: "retry-after-ms", args: []string{"status=503", "retry-after-ms=5"},
			want: llmtest.Reply{Status: 503, Header: map[string]string{"Retry-After-Ms": "5"}}},
		{name: "file body", args: []string{"body=@bad.html", "status=502"},
			want: llmtest.Reply{Status: 502, Body: "<h1>502</h1>"}},
		{name: "drop", args: []string{"drop", "times=1"}, want: llmtest.Reply{Drop: true, Times: 1}},
		{name: "quoted split", args: []string{`refusal="I`, "can't", "help", `that"`},
			want: llmtest.Reply{Refusal: "I can't help that"}},
		{name: "quoted whole", args: []string{`message="bad \"format\""`, "param=response_format", "status=400"},
			want: llmtest.Reply{Message: `bad "format"`, Param: "response_format", Status: 400}},
		{name: "pre-split value", args: []string{"content=two words"}, want: llmtest.Reply{Content: "two words"}},
		{name: "matching", args: []string{"prompt=summarize@2", "article=3fa2", "format=json_object", "finish=length"},
			want: llmtest.Reply{Prompt: "summarize@2", Article: "3fa2", Format: "json_object", FinishReason: "length"}},
		{name: "delay and tokens", args: []string{"delay=300ms", "prompt-tokens=7", "completion-tokens=3", "no-choices"},
			want: llmtest.Reply{Delay: 300 * time.Millisecond, PromptTokens: 7, CompletionTokens: 3, NoChoices: true}},
		{name: "header", args: []string{"header=X-Request-Id: abc"}, want: llmtest.Reply{Header: map[string]string{"X-Request-Id": "abc"}}},
		{name: "unknown key", args: []string{"colour=red"}, wantErr: `unknown key "colour"`},
		{name: "bad flag", args: []string{"dorp"}, wantErr: `"dorp" is not key=value`},
		{name: "bad status", args: []string{"status=abc"}, wantErr: "status=abc"},
		{name: "bad format", args: []string{"format=xml"}, wantErr: "format=xml"},
		{name: "missing file", args: []string{"content=@nope.json"}, wantErr: "content=@nope.json"},
		{name: "unterminated quote", args: []string{`refusal="no end`}, wantErr: "bad quoted value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := llmtest.ParseReply(dir, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
