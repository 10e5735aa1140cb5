package llm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
)

const (
	prompt  = "summarize@2"
	article = "3fa2c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345"
)

var schema = &llm.Schema{Name: "summary", JSON: json.RawMessage(`{"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"],"additionalProperties":false}`)}

// newClient returns a client for s with fast retries; edit adjusts the
// config first.
func newClient(t *testing.T, s *llmtest.Server, edit func(*llm.Config)) *llm.Client {
	t.Helper()
	cfg := llm.Config{
		BaseURL:   s.URL,
		Model:     "mock-model",
		Retries:   3,
		BaseDelay: time.Millisecond,
		MaxDelay:  2 * time.Millisecond,
	}
	if edit != nil {
		edit(&cfg)
	}
	c, err := llm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func request(content string) llm.Request {
	return llm.Request{
		Messages: []llm.Message{
			{Role: "system", Content: "You summarise news articles."},
			{Role: "user", Content: content},
		},
		Tags: map[string]string{"Prompt": prompt, "Article": article},
	}
}

func ptr[T any](v T) *T { return &v }

// asError returns err as *llm.Error, failing the test otherwise.
func asError(t *testing.T, err error) *llm.Error {
	t.Helper()
	var e *llm.Error
	if !errors.As(err, &e) {
		t.Fatalf("got error %v (%T), want *llm.Error", err, err)
	}
	return e
}

func TestCompleteRequest(t *testing.T) {
	tests := []struct {
		name        string
		temperature *float32
		maxTokens   int
		wantInBody  []string
		wantNotBody []string
	}{
		{name: "defaults", wantNotBody: []string{`"temperature"`, `"max_tokens"`, `"max_completion_tokens"`, `"response_format"`}},
		{name: "zero temperature", temperature: ptr[float32](0), wantInBody: []string{`"temperature":0`}},
		{name: "temperature", temperature: ptr[float32](0.5), wantInBody: []string{`"temperature":0.5`}},
		{name: "max tokens", maxTokens: 800, wantInBody: []string{`"max_completion_tokens":800`}, wantNotBody: []string{`"max_tokens"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(llmtest.Reply{Prompt: prompt, Article: article[:8], Content: "Putin and Kim signed a pact.", PromptTokens: 30, CompletionTokens: 7})
			c := newClient(t, s, nil)
			req := request("Article text.")
			req.Temperature = tt.temperature
			req.MaxTokens = tt.maxTokens
			resp, err := c.Complete(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			want := llm.Response{Content: "Putin and Kim signed a pact.", Model: "mock-model", FinishReason: "stop",
				PromptTokens: 30, CompletionTokens: 7, Format: "none", Attempts: 1}
			if got := *resp; got.Content != want.Content || got.Model != want.Model || got.FinishReason != want.FinishReason ||
				got.PromptTokens != want.PromptTokens || got.CompletionTokens != want.CompletionTokens ||
				got.Format != want.Format || got.Attempts != want.Attempts || len(got.Warnings) != 0 {
				t.Errorf("got %+v, want %+v", got, want)
			}
			reqs := s.Requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if got, want := r.Path, "/v1/chat/completions"; got != want {
				t.Errorf("path: got %q, want %q", got, want)
			}
			if r.Prompt != prompt || r.Article != article {
				t.Errorf("tags: got prompt %q article %q, want %q %q", r.Prompt, r.Article, prompt, article)
			}
			if got := r.Header.Get("Authorization"); got != "" {
				t.Errorf("authorization with no key: got %q, want none", got)
			}
			if !json.Valid(r.Body) {
				t.Errorf("request body is not JSON: %s", r.Body)
			}
			for _, w := range tt.wantInBody {
				if !bytes.Contains(r.Body, []byte(w)) {
					t.Errorf("body %s: want it to contain %s", r.Body, w)
				}
			}
			for _, w := range tt.wantNotBody {
				if bytes.Contains(r.Body, []byte(w)) {
					t.Errorf("body %s: want no %s", r.Body, w)
				}
			}
		})
	}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name         string
		replies      []llmtest.Reply
		wantRequests int
		wantKind     llm.Kind // KindUnknown: want success
		wantStatus   int
		wantMsg      string
	}{
		{name: "429 retry-after-ms then ok",
			replies: []llmtest.Reply{
				{Status: 429, Times: 2, Header: map[string]string{"Retry-After-Ms": "1"}},
				{Content: "ok"}},
			wantRequests: 3},
		{name: "503 retry-after seconds then ok",
			replies:      []llmtest.Reply{{Status: 503, Times: 1, Header: map[string]string{"Retry-After": "0"}}, {Content: "ok"}},
			wantRequests: 2},
		{name: "408 then ok", replies: []llmtest.Reply{{Status: 408, Times: 1}, {Content: "ok"}}, wantRequests: 2},
		{name: "409 then ok", replies: []llmtest.Reply{{Status: 409, Times: 1}, {Content: "ok"}}, wantRequests: 2},
		{name: "html 502 then ok",
			replies:      []llmtest.Reply{{Status: 502, Times: 1, Body: "<html><h1>502 Bad Gateway</h1></html>"}, {Content: "ok"}},
			wantRequests: 2},
		{name: "dropped connection then ok", replies: []llmtest.Reply{{Drop: true, Times: 2}, {Content: "ok"}}, wantRequests: 3},
		{name: "400 not retried",
			replies:      []llmtest.Reply{{Status: 400, Message: "Invalid value for 'messages'."}},
			wantRequests: 1, wantKind: llm.KindBadRequest, wantStatus: 400, wantMsg: "the endpoint rejected the request (400): invalid value for 'messages'."},
		{name: "401 not retried",
			replies:      []llmtest.Reply{{Status: 401, Message: "Incorrect API key provided."}},
			wantRequests: 1, wantKind: llm.KindAuth, wantStatus: 401, wantMsg: "the endpoint rejected the api key (openai_api_key)"},
		{name: "403 not retried", replies: []llmtest.Reply{{Status: 403}},
			wantRequests: 1, wantKind: llm.KindForbidden, wantStatus: 403, wantMsg: `model "mock-model" (403 forbidden)`},
		{name: "404 not retried", replies: []llmtest.Reply{{Status: 404, Message: "The model `mock-model` does not exist"}},
			wantRequests: 1, wantKind: llm.KindNotFound, wantStatus: 404, wantMsg: `model or endpoint not found: model "mock-model" at http://127.0.0.1:`},
		{name: "422 not retried", replies: []llmtest.Reply{{Status: 422, Message: "Unprocessable"}},
			wantRequests: 1, wantKind: llm.KindBadRequest, wantStatus: 422, wantMsg: "(422): unprocessable"},
		{name: "insufficient quota not retried",
			replies:      []llmtest.Reply{{Status: 429, Body: `{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`}},
			wantRequests: 1, wantKind: llm.KindRateLimit, wantStatus: 429, wantMsg: "quota is used up"},
		{name: "429 until retries run out",
			replies:      []llmtest.Reply{{Status: 429, Message: "Rate limit reached.", Header: map[string]string{"Retry-After-Ms": "1"}}},
			wantRequests: 4, wantKind: llm.KindRateLimit, wantStatus: 429, wantMsg: "rate limited by the endpoint (429) after 4 attempts: rate limit reached."},
		{name: "html 502 until retries run out",
			replies:      []llmtest.Reply{{Status: 502, Body: "<html><head><title>502</title><style>h1{}</style></head>\n<body><h1>502 Bad   Gateway</h1>\n<p>nginx</p></body></html>"}},
			wantRequests: 4, wantKind: llm.KindServer, wantStatus: 502, wantMsg: "failed with 502 bad gateway after 4 attempts: 502 bad gateway nginx"},
		{name: "dropped until retries run out", replies: []llmtest.Reply{{Drop: true}},
			wantRequests: 4, wantKind: llm.KindNetwork, wantMsg: "cannot reach the endpoint at 127.0.0.1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			for _, r := range tt.replies {
				s.Add(r)
			}
			c := newClient(t, s, nil)
			resp, err := c.Complete(t.Context(), request("text"))
			if got := len(s.Requests()); got != tt.wantRequests {
				t.Errorf("requests: got %d, want %d", got, tt.wantRequests)
			}
			if tt.wantKind == llm.KindUnknown {
				if err != nil {
					t.Fatal(err)
				}
				if resp.Content != "ok" || resp.Attempts != tt.wantRequests {
					t.Errorf("got content %q after %d attempts, want %q after %d", resp.Content, resp.Attempts, "ok", tt.wantRequests)
				}
				return
			}
			e := asError(t, err)
			if e.Kind != tt.wantKind || e.Status != tt.wantStatus {
				t.Errorf("got kind %v status %d, want %v %d (%v)", e.Kind, e.Status, tt.wantKind, tt.wantStatus, e)
			}
			if e.Attempts != tt.wantRequests {
				t.Errorf("attempts: got %d, want %d", e.Attempts, tt.wantRequests)
			}
			if !strings.Contains(strings.ToLower(e.Error()), tt.wantMsg) {
				t.Errorf("got %q, want it to contain %q", e.Error(), tt.wantMsg)
			}
			checkMessage(t, e)
		})
	}
}

// checkMessage checks that an error reads as one lowercase line.
func checkMessage(t *testing.T, e *llm.Error) {
	t.Helper()
	msg := e.Error()
	if msg == "" || strings.ContainsAny(msg, "\r\n") || unicode.IsUpper([]rune(msg)[0]) {
		t.Errorf("error %q: want one line starting lowercase", msg)
	}
	if e.Hint != "" && !strings.HasPrefix(e.Hint, "Try: ") {
		t.Errorf("hint %q: want it to start with %q", e.Hint, "Try: ")
	}
}

func TestErrorHints(t *testing.T) {
	tests := []struct {
		name     string
		reply    llmtest.Reply
		wantHint string
	}{
		{name: "401", reply: llmtest.Reply{Status: 401}, wantHint: "OPENAI_API_KEY"},
		{name: "404", reply: llmtest.Reply{Status: 404}, wantHint: "--base-url ending in /v1"},
		{name: "429", reply: llmtest.Reply{Status: 429}, wantHint: "Try: run again later"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(tt.reply)
			c := newClient(t, s, func(c *llm.Config) { c.Retries = 0 })
			_, err := c.Complete(t.Context(), request("text"))
			e := asError(t, err)
			if !strings.Contains(e.Hint, tt.wantHint) {
				t.Errorf("hint: got %q, want it to contain %q", e.Hint, tt.wantHint)
			}
		})
	}
}

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := llm.New(llm.Config{BaseURL: "http://" + addr + "/v1", Model: "m", Retries: 2, BaseDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(t.Context(), request("text"))
	e := asError(t, err)
	if got, want := e.Error(), "cannot reach the endpoint at "+addr+": connection refused"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := e.Hint, "Try: newslens summarize --base-url http://localhost:11434/v1"; !strings.HasPrefix(got, want) {
		t.Errorf("hint: got %q, want it to start with %q", got, want)
	}
	if e.Kind != llm.KindNetwork || e.Attempts != 3 {
		t.Errorf("got kind %v after %d attempts, want %v after 3", e.Kind, e.Attempts, llm.KindNetwork)
	}
	if got, want := c.Endpoint(), addr; got != want {
		t.Errorf("Endpoint: got %q, want %q", got, want)
	}
}

func TestStructuredOutputFallback(t *testing.T) {
	rejectSchema := llmtest.Reply{Format: "json_schema", Status: 400, Param: "response_format",
		Message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."}
	rejectObject := llmtest.Reply{Format: "json_object", Status: 400,
		Message: "response_format json_object is not supported"}
	tests := []struct {
		name         string
		replies      []llmtest.Reply
		wantFormat   string
		wantWarnings int
		wantFormats  []string // response_format of each request, both calls
	}{
		{name: "json_schema accepted",
			replies:    []llmtest.Reply{{Format: "json_schema", Content: `{"summary":"x"}`}},
			wantFormat: "json_schema", wantFormats: []string{"json_schema", "json_schema"}},
		{name: "fall back to json_object",
			replies:    []llmtest.Reply{rejectSchema, {Format: "json_object", Content: `{"summary":"x"}`}},
			wantFormat: "json_object", wantWarnings: 1, wantFormats: []string{"json_schema", "json_object", "json_object"}},
		{name: "fall back to none",
			replies:    []llmtest.Reply{rejectSchema, rejectObject, {Format: "none", Content: `{"summary":"x"}`}},
			wantFormat: "none", wantWarnings: 2, wantFormats: []string{"json_schema", "json_object", "none", "none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			for _, r := range tt.replies {
				s.Add(r)
			}
			c := newClient(t, s, nil)
			req := request("text")
			req.Schema = schema
			resp, err := c.Complete(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Format != tt.wantFormat || len(resp.Warnings) != tt.wantWarnings {
				t.Errorf("got format %q warnings %q, want %q and %d warnings", resp.Format, resp.Warnings, tt.wantFormat, tt.wantWarnings)
			}
			if tt.wantWarnings > 0 && !strings.Contains(resp.Warnings[0], "the endpoint rejected json_schema response_format; fell back to") {
				t.Errorf("warning: got %q", resp.Warnings[0])
			}
			if resp.Attempts != tt.wantWarnings+1 {
				t.Errorf("attempts: got %d, want %d", resp.Attempts, tt.wantWarnings+1)
			}
			// The client remembers the level that worked.
			resp, err = c.Complete(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Format != tt.wantFormat || len(resp.Warnings) != 0 || resp.Attempts != 1 {
				t.Errorf("second call: got format %q warnings %q attempts %d, want %q, none, 1", resp.Format, resp.Warnings, resp.Attempts, tt.wantFormat)
			}

			reqs := s.Requests()
			var formats []string
			for _, r := range reqs {
				formats = append(formats, r.Format)
			}
			if strings.Join(formats, ",") != strings.Join(tt.wantFormats, ",") {
				t.Errorf("request formats: got %q, want %q", formats, tt.wantFormats)
			}
			first := decodeBody(t, reqs[0].Body)
			rf := first.ResponseFormat
			if rf == nil || rf.JSONSchema == nil || rf.JSONSchema.Name != "summary" || !rf.JSONSchema.Strict || !bytes.Contains(rf.JSONSchema.Schema, []byte(`"additionalProperties":false`)) {
				t.Errorf("first response_format: got %+v, want strict json_schema named summary with the schema", rf)
			}
			last := decodeBody(t, reqs[len(reqs)-1].Body)
			sys := last.Messages[0]
			hasInstruction := sys.Role == "system" && strings.Contains(sys.Content, "Reply with one JSON object only") && strings.HasPrefix(sys.Content, "You summarise news articles.")
			if want := tt.wantFormat != "json_schema"; hasInstruction != want {
				t.Errorf("system message %q: JSON-only instruction present %v, want %v", sys.Content, hasInstruction, want)
			}
			if len(last.Messages) != 2 {
				t.Errorf("got %d messages, want 2", len(last.Messages))
			}
		})
	}
}

// TestMaxTokensFallback checks that an endpoint refusing
// max_completion_tokens is sent max_tokens instead, and keeps getting it.
func TestMaxTokensFallback(t *testing.T) {
	tests := []struct {
		name       string
		reject     llmtest.Reply
		wantBodies []string
	}{
		{
			name:       "unsupported parameter",
			reject:     llmtest.Reply{Status: 400, Times: 1, Message: "Unrecognized request argument supplied: max_completion_tokens"},
			wantBodies: []string{`"max_completion_tokens":800`, `"max_tokens":800`, `"max_tokens":800`},
		},
		{
			name:       "extra field in a 422",
			reject:     llmtest.Reply{Status: 422, Times: 1, Param: "max_completion_tokens", Message: "Extra inputs are not permitted"},
			wantBodies: []string{`"max_completion_tokens":800`, `"max_tokens":800`, `"max_tokens":800`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(tt.reject)
			s.Add(llmtest.Reply{Content: "ok"})
			c := newClient(t, s, nil)
			req := request("text")
			req.MaxTokens = 800
			resp, err := c.Complete(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(resp.Warnings, "|"); got != "the endpoint rejected max_completion_tokens; sent the cap as max_tokens" {
				t.Errorf("warnings: got %q", got)
			}
			resp, err = c.Complete(t.Context(), req)
			if err != nil || len(resp.Warnings) != 0 || resp.Attempts != 1 {
				t.Fatalf("second call: got %+v, %v; want one attempt and no warning", resp, err)
			}
			reqs := s.Requests()
			if len(reqs) != len(tt.wantBodies) {
				t.Fatalf("got %d requests, want %d", len(reqs), len(tt.wantBodies))
			}
			for i, want := range tt.wantBodies {
				if !bytes.Contains(reqs[i].Body, []byte(want)) || !json.Valid(reqs[i].Body) {
					t.Errorf("request %d: body %s, want valid JSON containing %s", i+1, reqs[i].Body, want)
				}
			}
		})
	}
}

func TestUnrelated400DoesNotFallBack(t *testing.T) {
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Status: 400, Message: "This model's maximum context length is 8192 tokens.", Param: "messages"})
	c := newClient(t, s, nil)
	req := request("text")
	req.Schema = schema
	_, err := c.Complete(t.Context(), req)
	e := asError(t, err)
	if e.Kind != llm.KindBadRequest || len(s.Requests()) != 1 {
		t.Errorf("got kind %v after %d requests, want %v after 1", e.Kind, len(s.Requests()), llm.KindBadRequest)
	}
	if want := "(param messages)"; !strings.Contains(e.Error(), want) {
		t.Errorf("got %q, want it to contain %q", e.Error(), want)
	}
}

type chatBody struct {
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Name   string          `json:"name"`
			Strict bool            `json:"strict"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
}

func decodeBody(t *testing.T, b []byte) chatBody {
	t.Helper()
	var cb chatBody
	if err := json.Unmarshal(b, &cb); err != nil {
		t.Fatalf("decode request body %s: %v", b, err)
	}
	return cb
}

func TestReplyErrors(t *testing.T) {
	tests := []struct {
		name     string
		reply    llmtest.Reply
		wantKind llm.Kind
		wantMsg  string
		wantHint string
	}{
		{name: "refusal", reply: llmtest.Reply{Refusal: "I can't help with that."},
			wantKind: llm.KindRefusal, wantMsg: `the model refused: "I can't help with that."`},
		{name: "content filter", reply: llmtest.Reply{FinishReason: "content_filter"},
			wantKind: llm.KindRefusal, wantMsg: "the endpoint's content filter stopped the reply (finish_reason content_filter)"},
		{name: "length", reply: llmtest.Reply{Content: `{"summary":"Putin and`, FinishReason: "length", CompletionTokens: 256},
			wantKind: llm.KindLength, wantMsg: "the reply was cut off at the token limit after 256 tokens (finish_reason length); raise --max-tokens",
			wantHint: "Try: newslens summarize --max-tokens"},
		{name: "no choices", reply: llmtest.Reply{NoChoices: true},
			wantKind: llm.KindNoChoices, wantMsg: `returned no choices for model "mock-model"`},
		{name: "not json", reply: llmtest.Reply{Body: "<html>hello</html>"},
			wantKind: llm.KindBadResponse, wantMsg: `answered 200 with a body that is not JSON (18 bytes, text/html; charset=utf-8, beginning "<html>hello</html>"), not a chat completion`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(tt.reply)
			c := newClient(t, s, nil)
			_, err := c.Complete(t.Context(), request("text"))
			e := asError(t, err)
			if e.Kind != tt.wantKind {
				t.Errorf("kind: got %v, want %v", e.Kind, tt.wantKind)
			}
			if !strings.Contains(e.Error(), tt.wantMsg) {
				t.Errorf("got %q, want it to contain %q", e.Error(), tt.wantMsg)
			}
			if !strings.HasPrefix(e.Hint, tt.wantHint) {
				t.Errorf("hint: got %q, want it to start with %q", e.Hint, tt.wantHint)
			}
			if got := len(s.Requests()); got != 1 {
				t.Errorf("requests: got %d, want 1 (not retried)", got)
			}
			checkMessage(t, e)
		})
	}
}

// manualTimers makes c's attempt timers fire only when the test calls
// the functions it receives from the returned channel, one per attempt.
func manualTimers(c *llm.Client) <-chan func() {
	fires := make(chan func(), 8)
	c.SetAfterFunc(func(d time.Duration, fire func()) func() bool {
		fires <- fire
		return func() bool { return true }
	})
	return fires
}

type completion struct {
	resp *llm.Response
	err  error
}

// completeAsync runs c.Complete in a goroutine.
func completeAsync(ctx context.Context, c *llm.Client, req llm.Request) <-chan completion {
	done := make(chan completion, 1)
	go func() {
		resp, err := c.Complete(ctx, req)
		done <- completion{resp, err}
	}()
	return done
}

// expire fires the timer of attempt n once the mock has its request.
func expire(t *testing.T, s *llmtest.Server, fires <-chan func(), n int) {
	t.Helper()
	fire := <-fires
	if err := s.WaitRequests(t.Context(), n); err != nil {
		t.Fatal(err)
	}
	fire()
}

// TestOddBodies checks the messages for replies that are not what an
// OpenAI-compatible endpoint sends: each says what arrived, keeps the
// status, and is not mistaken for a broken connection.
func TestOddBodies(t *testing.T) {
	tests := []struct {
		name     string
		path     string // the base URL's path
		status   int
		body     string
		maxBody  int64
		wantKind llm.Kind
		wantMsg  string
		wantHint string
	}{
		{name: "empty 200", path: "/v1", status: 200, body: "",
			wantKind: llm.KindBadResponse, wantMsg: "answered 200 with an empty body, not a chat completion",
			wantHint: "Try: a --base-url ending in /v1"},
		{name: "plain text 200", path: "/api", status: 200, body: "OK",
			wantKind: llm.KindBadResponse, wantMsg: `answered 200 with a body that is not JSON (2 bytes, text/plain; charset=utf-8, beginning "OK")`,
			wantHint: "/api/v1 (an OpenAI-compatible base URL usually ends in /v1)"},
		{name: "over the size cap", path: "/v1", status: 200, body: `{"choices":[` + strings.Repeat(" ", 4096) + `]}`, maxBody: 1024,
			wantKind: llm.KindBadResponse, wantMsg: "sent a reply larger than 1.0 KiB",
			wantHint: "a smaller --max-tokens"},
		{name: "404 with a non-OpenAI body", path: "", status: 404, body: `{"error":"Not Found"}`,
			wantKind: llm.KindNotFound, wantMsg: `(404): Not Found`,
			wantHint: "/v1 (an OpenAI-compatible base URL usually ends in /v1) and a --model the endpoint serves"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.body != "" && tt.body[0] == '{' {
					w.Header().Set("Content-Type", "application/json")
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			c, err := llm.New(llm.Config{BaseURL: srv.URL + tt.path, Model: "m", Retries: 2, BaseDelay: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			if tt.maxBody > 0 {
				c.SetMaxBody(tt.maxBody)
			}
			_, err = c.Complete(t.Context(), request("text"))
			e := asError(t, err)
			if e.Kind != tt.wantKind || e.Status != tt.status {
				t.Errorf("got kind %v status %d, want %v %d", e.Kind, e.Status, tt.wantKind, tt.status)
			}
			if e.Attempts != 1 {
				t.Errorf("got %d attempts, want 1: retrying cannot help", e.Attempts)
			}
			if !strings.Contains(e.Error(), tt.wantMsg) || strings.Contains(e.Error(), "connection closed") {
				t.Errorf("got %q, want it to contain %q", e.Error(), tt.wantMsg)
			}
			if !strings.Contains(e.Hint, tt.wantHint) {
				t.Errorf("hint: got %q, want it to contain %q", e.Hint, tt.wantHint)
			}
		})
	}
}

func TestPerAttemptTimeout(t *testing.T) {
	t.Run("slow first attempt is retried", func(t *testing.T) {
		s := llmtest.NewServer(t)
		s.Add(llmtest.Reply{Delay: time.Hour, Times: 1})
		s.Add(llmtest.Reply{Content: "ok"})
		c := newClient(t, s, func(c *llm.Config) { c.Timeout = 50 * time.Millisecond })
		fires := manualTimers(c)
		done := completeAsync(t.Context(), c, request("text"))
		expire(t, s, fires, 1)
		got := <-done
		if got.err != nil {
			t.Fatal(got.err)
		}
		if got.resp.Content != "ok" || got.resp.Attempts != 2 {
			t.Errorf("got %q after %d attempts, want %q after 2", got.resp.Content, got.resp.Attempts, "ok")
		}
	})
	t.Run("every attempt slow", func(t *testing.T) {
		s := llmtest.NewServer(t)
		s.Add(llmtest.Reply{Delay: time.Hour})
		c := newClient(t, s, func(c *llm.Config) { c.Timeout = 20 * time.Millisecond; c.Retries = 1 })
		fires := manualTimers(c)
		done := completeAsync(t.Context(), c, request("text"))
		expire(t, s, fires, 1)
		expire(t, s, fires, 2)
		e := asError(t, (<-done).err)
		if e.Kind != llm.KindTimeout || e.Attempts != 2 {
			t.Errorf("got kind %v after %d attempts, want %v after 2", e.Kind, e.Attempts, llm.KindTimeout)
		}
		if want := "within --timeout 20ms (2 attempts)"; !strings.Contains(e.Error(), want) {
			t.Errorf("got %q, want it to contain %q", e.Error(), want)
		}
		if !strings.Contains(e.Hint, "--timeout") {
			t.Errorf("hint: got %q, want it to name --timeout", e.Hint)
		}
	})
	t.Run("timeout covers reading the body", func(t *testing.T) {
		// The mock answers whole replies; this server sends headers and
		// then stalls mid-body until the client gives up.
		srv, stalled := newStallingServer(t)
		c, err := llm.New(llm.Config{BaseURL: srv + "/v1", Model: "m", Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		fires := manualTimers(c)
		done := completeAsync(t.Context(), c, request("text"))
		fire := <-fires
		<-stalled
		fire()
		if e := asError(t, (<-done).err); e.Kind != llm.KindTimeout {
			t.Errorf("got kind %v (%v), want %v", e.Kind, e, llm.KindTimeout)
		}
	})
}

// newStallingServer starts a server on 127.0.0.1 that sends a 200 with
// half a body and then waits for the client to hang up.
func newStallingServer(t *testing.T) (url string, stalled <-chan struct{}) {
	t.Helper()
	ch := make(chan struct{}, 1)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"id":"x","choices":[`))
		w.(http.Flusher).Flush()
		ch <- struct{}{}
		<-r.Context().Done()
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return "http://" + l.Addr().String(), ch
}

func TestCancel(t *testing.T) {
	tests := []struct {
		name  string
		reply llmtest.Reply
	}{
		{name: "in flight", reply: llmtest.Reply{Delay: time.Hour}},
		{name: "during back-off", reply: llmtest.Reply{Status: 503, Header: map[string]string{"Retry-After": "60"}}},
		{name: "waiting at the gate", reply: llmtest.Reply{Status: 429, Header: map[string]string{"Retry-After": "60"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(tt.reply)
			c := newClient(t, s, nil)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			go func() {
				s.WaitRequests(ctx, 1)
				cancel()
			}()
			_, err := c.Complete(ctx, request("text"))
			e := asError(t, err)
			if e.Kind != llm.KindCanceled || !errors.Is(err, context.Canceled) {
				t.Errorf("got kind %v (%v), want %v wrapping context.Canceled", e.Kind, err, llm.KindCanceled)
			}
			if got := len(s.Requests()); got != 1 {
				t.Errorf("requests: got %d, want 1", got)
			}
		})
	}
}

func TestGateSharedBetweenClients(t *testing.T) {
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Prompt: "a", Status: 429, Message: "Rate limit reached.", Header: map[string]string{"Retry-After": "30"}})
	gate := llm.NewGate()
	a := newClient(t, s, func(c *llm.Config) { c.Gate = gate; c.Retries = 0 })
	b := newClient(t, s, func(c *llm.Config) { c.Gate = gate })

	reqA := request("text")
	reqA.Tags = map[string]string{"Prompt": "a"}
	_, err := a.Complete(t.Context(), reqA)
	if e := asError(t, err); e.Kind != llm.KindRateLimit {
		t.Fatalf("client a: got kind %v (%v), want %v", e.Kind, e, llm.KindRateLimit)
	}
	// The hold is as long as Retry-After asks, and shared.
	if until := time.Until(gate.Until()); until < 20*time.Second || until > 31*time.Second {
		t.Errorf("gate held for %v, want about 30s", until)
	}

	// Client b gives up once it is waiting at the held gate.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	gate.SetOnWait(cancel)
	reqB := request("text")
	reqB.Tags = map[string]string{"Prompt": "b"}
	_, err = b.Complete(ctx, reqB)
	if e := asError(t, err); e.Kind != llm.KindCanceled || !errors.Is(err, context.Canceled) {
		t.Errorf("client b: got kind %v (%v), want %v from its own context", e.Kind, e, llm.KindCanceled)
	}
	for _, r := range s.Requests() {
		if r.Prompt == "b" {
			t.Errorf("client b sent a request while the shared gate was held")
		}
	}
}

// TestRetryAfterBeyondCap checks that a server asking to be retried
// later than newslens waits fails the run at once, saying when, and that
// other clients sharing the gate fail without sending.
func TestRetryAfterBeyondCap(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header map[string]string
		kind   llm.Kind
	}{
		{"429 Retry-After", 429, map[string]string{"Retry-After": "3600"}, llm.KindRateLimit},
		{"429 retry-after-ms", 429, map[string]string{"Retry-After-Ms": "7200000"}, llm.KindRateLimit},
		{"503 Retry-After", 503, map[string]string{"Retry-After": "600"}, llm.KindServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.Add(llmtest.Reply{Prompt: "a", Status: tt.status, Message: "Slow down.", Header: tt.header})
			gate := llm.NewGate()
			a := newClient(t, s, func(c *llm.Config) { c.Gate = gate; c.Retries = 3 })
			reqA := request("text")
			reqA.Tags = map[string]string{"Prompt": "a"}
			_, err := a.Complete(t.Context(), reqA)
			e := asError(t, err)
			if e.Kind != tt.kind || e.Attempts != 1 {
				t.Errorf("got kind %v after %d attempts, want %v after 1", e.Kind, e.Attempts, tt.kind)
			}
			if want := "; the endpoint asked to be retried in "; !strings.Contains(e.Error(), want) || !strings.Contains(e.Error(), "longer than the 1m0s newslens waits") {
				t.Errorf("got %q, want it to say when the endpoint asked to be retried", e.Error())
			}
			if !strings.HasPrefix(e.Hint, "Try: run again after ") {
				t.Errorf("hint: got %q", e.Hint)
			}
			if tt.status != 429 {
				return
			}
			b := newClient(t, s, func(c *llm.Config) { c.Gate = gate })
			reqB := request("text")
			reqB.Tags = map[string]string{"Prompt": "b"}
			_, err = b.Complete(t.Context(), reqB)
			e = asError(t, err)
			if e.Kind != llm.KindRateLimit || !strings.Contains(e.Error(), "no request was sent") {
				t.Errorf("client b: got kind %v (%v), want a rate limit with no request sent", e.Kind, e)
			}
			if n := len(s.Requests()); n != 1 {
				t.Errorf("got %d requests, want 1", n)
			}
		})
	}
}

func TestKeyRedaction(t *testing.T) {
	const key = "testkey-newslens-9f8e7d6c5b4a-SECRET"
	tests := []struct {
		name  string
		reply llmtest.Reply
		ok    bool
	}{
		{name: "success", reply: llmtest.Reply{Content: "fine"}, ok: true},
		{name: "server echoes key in content", reply: llmtest.Reply{Content: "your key is " + key}, ok: true},
		{name: "server echoes key in error", reply: llmtest.Reply{Status: 400, Message: "Bad key " + key + " for this org"}},
		{name: "server echoes key in html", reply: llmtest.Reply{Status: 502, Body: "<p>upstream rejected " + key + "</p>"}},
		{name: "server echoes key in refusal", reply: llmtest.Reply{Refusal: "not with " + key}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.NewServer(t)
			s.RequireKey(key)
			s.Add(tt.reply)
			var log bytes.Buffer
			c := newClient(t, s, func(c *llm.Config) { c.APIKey = key; c.Log = &log; c.Retries = 1 })
			resp, err := c.Complete(t.Context(), request("text"))
			if tt.ok != (err == nil) {
				t.Fatalf("got error %v, want success %v", err, tt.ok)
			}
			if resp != nil && strings.Contains(resp.Content, key) {
				t.Errorf("reply content contains the key: %q", resp.Content)
			}
			if err != nil {
				e := asError(t, err)
				for _, text := range []string{e.Error(), e.Hint, errorChain(err)} {
					if strings.Contains(text, key) {
						t.Errorf("error text contains the key: %q", text)
					}
				}
			}
			for _, r := range s.Requests() {
				if got, want := r.Header.Get("Authorization"), "Bearer "+key; got != want {
					t.Errorf("authorization: got %q, want %q", got, want)
				}
				for name, vs := range r.Header {
					if name != "Authorization" && strings.Contains(strings.Join(vs, " "), key) {
						t.Errorf("header %s carries the key", name)
					}
				}
				if bytes.Contains(r.Body, []byte(key)) {
					t.Errorf("request body carries the key")
				}
			}
			if strings.Contains(log.String(), key) {
				t.Errorf("log contains the key:\n%s", log.String())
			}
			for _, want := range []string{"--> POST " + s.URL + "/chat/completions (attempt 1)", "Authorization: REDACTED", "Newslens-Prompt: summarize@2", `"messages":`, "<-- "} {
				if !strings.Contains(log.String(), want) {
					t.Errorf("log does not contain %q:\n%s", want, log.String())
				}
			}
		})
	}
}

// errorChain joins the text of err and everything it wraps.
func errorChain(err error) string {
	var parts []string
	for ; err != nil; err = errors.Unwrap(err) {
		parts = append(parts, err.Error())
	}
	return strings.Join(parts, " | ")
}

func TestAzure(t *testing.T) {
	const key = "azure-key-0123456789"
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Content: "ok"})
	addr := strings.TrimSuffix(strings.TrimPrefix(s.URL, "http://"), "/v1")
	// Resolve the Azure host name to the mock, so nothing leaves 127.0.0.1.
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	defer tr.CloseIdleConnections()
	var log bytes.Buffer
	c, err := llm.New(llm.Config{
		BaseURL:    "http://newslens-test.openai.azure.com",
		APIKey:     key,
		Model:      "gpt-4o",
		HTTPClient: &http.Client{Transport: tr},
		Log:        &log,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Endpoint(), "newslens-test.openai.azure.com"; got != want {
		t.Errorf("Endpoint: got %q, want %q", got, want)
	}
	if _, err := c.Complete(t.Context(), request("text")); err != nil {
		t.Fatal(err)
	}
	r := s.Requests()[0]
	if got, want := r.Path, "/openai/deployments/gpt-4o/chat/completions"; got != want {
		t.Errorf("path: got %q, want %q", got, want)
	}
	if got, want := r.Header.Get("Api-Key"), key; got != want {
		t.Errorf("api-key: got %q, want %q", got, want)
	}
	if got := r.Header.Get("Authorization"); got != "" {
		t.Errorf("authorization: got %q, want none for Azure", got)
	}
	if !strings.Contains(log.String(), "api-version=") || !strings.Contains(log.String(), "Api-Key: REDACTED") || strings.Contains(log.String(), key) {
		t.Errorf("log: want the api-version and a redacted Api-Key header, no key:\n%s", log.String())
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name         string
		cfg          llm.Config
		wantEndpoint string
		wantErr      string
	}{
		{name: "default base URL", cfg: llm.Config{Model: "gpt-4o-mini"}, wantEndpoint: "api.openai.com"},
		{name: "ollama", cfg: llm.Config{BaseURL: "http://localhost:11434/v1", Model: "llama3"}, wantEndpoint: "localhost:11434"},
		{name: "no scheme", cfg: llm.Config{BaseURL: "localhost:11434/v1", Model: "m"}, wantErr: `invalid base URL "localhost:11434/v1"`},
		{name: "user info redacted", cfg: llm.Config{BaseURL: "ftp://user:hunter2@host/v1", Model: "m"}, wantErr: "invalid base URL"},
		{name: "no model", cfg: llm.Config{BaseURL: "http://localhost/v1"}, wantErr: "no model given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := llm.New(tt.cfg)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "hunter2") {
					t.Fatalf("got error %v, want one containing %q and no password", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Endpoint(); got != tt.wantEndpoint {
				t.Errorf("Endpoint: got %q, want %q", got, tt.wantEndpoint)
			}
			if got := c.Model(); got != tt.cfg.Model {
				t.Errorf("Model: got %q, want %q", got, tt.cfg.Model)
			}
		})
	}
}

func TestConcurrentFallback(t *testing.T) {
	s := llmtest.NewServer(t)
	s.Add(llmtest.Reply{Format: "json_schema", Status: 400, Param: "response_format", Message: "json_schema unsupported"})
	s.Add(llmtest.Reply{Format: "json_object", Content: `{"summary":"x"}`})
	c := newClient(t, s, nil)
	req := request("text")
	req.Schema = schema
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			resp, err := c.Complete(t.Context(), req)
			if err != nil {
				t.Error(err)
				return
			}
			if resp.Format != "json_object" {
				t.Errorf("format: got %q, want %q", resp.Format, "json_object")
			}
		})
	}
	wg.Wait()
}

func BenchmarkComplete(b *testing.B) {
	s := llmtest.New()
	defer s.Close()
	s.Add(llmtest.Reply{Content: `{"summary":"Putin and Kim signed a mutual-defence pact in Pyongyang."}`})
	c, err := llm.New(llm.Config{BaseURL: s.URL, Model: "mock-model"})
	if err != nil {
		b.Fatal(err)
	}
	req := request(strings.Repeat("Putin and Kim met in Pyongyang on 19 June 2024. ", 100))
	req.Schema = schema
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Complete(b.Context(), req); err != nil {
			b.Fatal(err)
		}
	}
}
