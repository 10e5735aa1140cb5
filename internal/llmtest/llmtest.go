// Package llmtest provides a mock OpenAI-compatible chat-completions endpoint
// for tests, in the way net/http/httptest provides test servers.
//
// A Server answers POST .../chat/completions, POST .../embeddings (with
// the deterministic vectors of Vector) and GET .../models on 127.0.0.1. Each request is matched against the Replies added with Add,
// in order, by the Newslens-Prompt and Newslens-Article headers the client
// sends and by the response_format the request asks for. Everything received
// is recorded for assertions, and Verify reports replies that were never used
// and requests that matched nothing, so a test cannot pass on a stub that
// silently stopped mattering.
//
// A replay directory (see Server.ReplayDir) answers requests no rule
// matched from files recorded earlier.
package llmtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Created is the fixed "created" timestamp of every mock completion
// (2024-06-19T00:00:00Z), so that recorded responses are byte-stable.
const Created = 1718755200

// Header names the client sets and the server matches on.
const (
	PromptHeader  = "Newslens-Prompt"
	ArticleHeader = "Newslens-Article"
)

// Reply is one canned answer and the requests it applies to.
type Reply struct {
	// Prompt, if set, must equal the request's Newslens-Prompt header
	// (for example "summarize@2").
	Prompt string
	// Article, if set, must be a prefix of the request's Newslens-Article
	// header (the article's sha256 in hex).
	Article string
	// Format, if set, must equal the request's response_format type:
	// "json_schema", "json_object" or "none"; or "embeddings" for a rule
	// that answers POST .../embeddings requests, which other rules never
	// answer.
	Format string
	// Times limits how many requests the reply answers; 0 is unlimited.
	// Every reply must be used at least once or Verify fails.
	Times int

	// Content is the assistant message content.
	Content string
	// Refusal, if set, is sent as message.refusal with null content.
	Refusal string
	// FinishReason defaults to "stop".
	FinishReason string
	// Status defaults to 200; 400 and above sends an OpenAI error body.
	Status int
	// Message is the error message for Status >= 400.
	Message string
	// Param is the error's param field, such as "response_format".
	Param string
	// Body, if set, is sent verbatim instead of any generated body, with
	// Status (such as an HTML 502 page from a proxy).
	Body string
	// Header holds extra response headers, such as Retry-After.
	Header map[string]string
	// Delay is waited before answering; a request whose client gives up
	// first gets no answer.
	Delay time.Duration
	// Drop closes the connection without answering.
	Drop bool
	// EmptyBody sends Status (default 200) with no body at all.
	EmptyBody bool
	// NoChoices sends an empty choices array.
	NoChoices bool
	// PromptTokens and CompletionTokens are reported in usage; zero means
	// a rough count from the text lengths.
	PromptTokens, CompletionTokens int
}

// Request is one request the server received.
type Request struct {
	Method, Path string
	Header       http.Header
	Body         []byte
	// Prompt and Article are the Newslens-Prompt and Newslens-Article
	// headers; Format is the response_format type ("none" when absent).
	Prompt, Article, Format string
}

type rule struct {
	Reply
	used int
}

// Server is a mock chat-completions endpoint. Its methods are safe for
// concurrent use.
type Server struct {
	// URL is the base URL including /v1, as a user would pass to --base-url.
	URL string

	ts *httptest.Server

	mu         sync.Mutex
	rules      []*rule
	requests   []Request
	unmatched  []string
	seq        int
	requireKey string
	replayDir  string
	models     []string
	bapi       batchAPI
	// arrived is closed, and cleared, when the next request arrives.
	arrived chan struct{}
}

// New starts a Server on 127.0.0.1 with a free port. Callers must Close it.
func New() *Server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		// Without a loopback listener no test can run; httptest panics
		// the same way.
		panic(fmt.Sprintf("llmtest: listen on 127.0.0.1: %v", err))
	}
	s := &Server{models: []string{"mock-model"}}
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.ts.Listener.Close()
	s.ts.Listener = l
	s.ts.Start()
	s.URL = s.ts.URL + "/v1"
	return s
}

// NewServer starts a Server that is closed and verified when the test
// ends: a reply never used or a request that matched nothing fails t.
func NewServer(t testing.TB) *Server {
	t.Helper()
	s := New()
	t.Cleanup(func() {
		s.Close()
		if err := s.Verify(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// Close shuts the server down, closing any connections still open.
func (s *Server) Close() {
	s.ts.CloseClientConnections()
	s.ts.Close()
}

// Add appends a reply rule; rules are tried in the order they were added.
func (s *Server) Add(r Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = append(s.rules, &rule{Reply: r})
}

// RequireKey makes the server answer 401 to any request that does not
// carry "Authorization: Bearer key". An empty key turns the check off.
func (s *Server) RequireKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requireKey = key
}

// SetModels sets the model IDs listed by GET /v1/models.
func (s *Server) SetModels(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = slices.Clone(ids)
}

// ReplayDir makes requests that match no rule look for a recorded reply:
// the file dir/<prompt>/<prefix>.json, where <prompt> is the
// Newslens-Prompt header (such as "summarize@2") and <prefix> is any
// prefix of the Newslens-Article hash (the first 12 hex digits are
// conventional). The file's bytes are sent as the assistant content; if
// several files match, the longest name wins. An empty dir turns replay off.
func (s *Server) ReplayDir(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replayDir = dir
}

// Requests returns a copy of every request received, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// WaitRequests blocks until the server has received at least n requests
// in all, or ctx is done. Tests use it to act once a request is in
// flight, rather than after a guessed delay.
func (s *Server) WaitRequests(ctx context.Context, n int) error {
	for {
		s.mu.Lock()
		if len(s.requests) >= n {
			s.mu.Unlock()
			return nil
		}
		if s.arrived == nil {
			s.arrived = make(chan struct{})
		}
		ch := s.arrived
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("llmtest: waiting for request %d: %w", n, ctx.Err())
		}
	}
}

// Verify reports replies that were never used and requests that matched
// no reply.
func (s *Server) Verify() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for i, r := range s.rules {
		if r.used == 0 {
			errs = append(errs, fmt.Errorf("llmtest: reply %d (%s) was never used", i+1, r.describe()))
		}
	}
	for _, u := range s.unmatched {
		errs = append(errs, fmt.Errorf("llmtest: request matched no reply: %s", u))
	}
	return errors.Join(errs...)
}

// Reset forgets all rules, recorded requests and unmatched requests, and
// restarts the completion ID counter. RequireKey, SetModels and ReplayDir
// settings are kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = nil
	s.requests = nil
	s.unmatched = nil
	s.seq = 0
}

func (r *Reply) describe() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("prompt", r.Prompt)
	add("article", r.Article)
	add("format", r.Format)
	if r.Status != 0 {
		add("status", fmt.Sprint(r.Status))
	}
	if r.Times != 0 {
		add("times", fmt.Sprint(r.Times))
	}
	if r.Drop {
		parts = append(parts, "drop")
	}
	if len(parts) == 0 {
		return "any request"
	}
	return strings.Join(parts, " ")
}

func (r *Reply) matches(req *Request) bool {
	if r.Prompt != "" && r.Prompt != req.Prompt {
		return false
	}
	if r.Article != "" && !strings.HasPrefix(req.Article, r.Article) {
		return false
	}
	if r.Format != "" && r.Format != req.Format {
		return false
	}
	// Rules for chat completions never answer embeddings requests.
	return req.Format != embeddingsFormat || r.Format == embeddingsFormat
}

// chatRequest holds the fields of a chat-completions request the server
// looks at.
type chatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type string `json:"type"`
	} `json:"response_format"`
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "llmtest: read request body: "+err.Error(), "", nil)
		return
	}
	req := Request{
		Method:  r.Method,
		Path:    r.URL.Path,
		Header:  r.Header.Clone(),
		Body:    body,
		Prompt:  r.Header.Get(PromptHeader),
		Article: r.Header.Get(ArticleHeader),
		Format:  "none",
	}
	if strings.HasSuffix(r.URL.Path, "/embeddings") {
		req.Format = embeddingsFormat
	}
	var cr chatRequest
	if len(body) > 0 && req.Format != embeddingsFormat {
		if err := json.Unmarshal(body, &cr); err == nil && cr.ResponseFormat != nil && cr.ResponseFormat.Type != "" && cr.ResponseFormat.Type != "text" {
			req.Format = cr.ResponseFormat.Type
		}
	}

	s.mu.Lock()
	s.requests = append(s.requests, req)
	key := s.requireKey
	if s.arrived != nil {
		close(s.arrived)
		s.arrived = nil
	}
	s.mu.Unlock()

	if key != "" && r.Header.Get("Authorization") != "Bearer "+key {
		writeError(w, http.StatusUnauthorized, "Incorrect API key provided.", "", "invalid_api_key")
		return
	}

	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models"):
		s.serveModels(w)
	case strings.Contains(r.URL.Path, "/v1/files") || strings.Contains(r.URL.Path, "/v1/batches"):
		s.serveBatchAPI(w, r, body)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/embeddings"):
		s.serveEmbeddings(w, r, &req)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/chat/completions"):
		if err := json.Unmarshal(body, &cr); err != nil {
			writeError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "", nil)
			return
		}
		s.serveChat(w, r, &req, &cr)
	default:
		writeError(w, http.StatusNotFound, fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), "", nil)
	}
}

func (s *Server) serveModels(w http.ResponseWriter) {
	s.mu.Lock()
	ids := slices.Clone(s.models)
	s.mu.Unlock()
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string  `json:"object"`
		Data   []model `json:"data"`
	}{Object: "list", Data: []model{}}
	for _, id := range ids {
		list.Data = append(list.Data, model{ID: id, Object: "model", Created: Created, OwnedBy: "llmtest"})
	}
	writeJSON(w, http.StatusOK, list)
}

// fault does what reply asks besides a successful body: it waits Delay,
// drops the connection, sets Header, and sends Body, an empty body or an
// error for Status. It returns the status for a successful body, or
// done when it has answered.
func fault(w http.ResponseWriter, r *http.Request, reply *Reply) (status int, done bool) {
	if reply.Delay > 0 {
		t := time.NewTimer(reply.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return 0, true
		case <-t.C:
		}
	}
	if reply.Drop {
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("llmtest: response writer cannot be hijacked")
		}
		conn, _, err := hj.Hijack()
		if err == nil {
			conn.Close()
		}
		return 0, true
	}
	for k, v := range reply.Header {
		w.Header().Set(k, v)
	}
	status = reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	if reply.EmptyBody {
		w.WriteHeader(status)
		return 0, true
	}
	if reply.Body != "" {
		ct := "application/json"
		if strings.HasPrefix(strings.TrimSpace(reply.Body), "<") {
			ct = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		io.WriteString(w, reply.Body)
		return 0, true
	}
	if status >= 400 {
		msg := reply.Message
		if msg == "" {
			msg = http.StatusText(status)
		}
		writeError(w, status, msg, reply.Param, defaultCode(status))
		return 0, true
	}
	return status, false
}

// match returns the reply for req: the first rule that matches and has
// uses left, else a recorded reply from the replay directory, else nil.
func (s *Server) match(req *Request) *Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ru := range s.rules {
		if (ru.Times == 0 || ru.used < ru.Times) && ru.matches(req) {
			ru.used++
			rep := ru.Reply
			return &rep
		}
	}
	if s.replayDir != "" {
		if content, ok := replay(s.replayDir, req.Prompt, req.Article); ok {
			return &Reply{Content: content}
		}
	}
	return nil
}

func (s *Server) serveChat(w http.ResponseWriter, r *http.Request, req *Request, cr *chatRequest) {
	reply := s.match(req)
	if reply == nil {
		desc := fmt.Sprintf("model %q, prompt %q, article %q, format %q", cr.Model, req.Prompt, req.Article, req.Format)
		s.mu.Lock()
		s.unmatched = append(s.unmatched, desc)
		s.mu.Unlock()
		writeError(w, http.StatusInternalServerError, "llmtest: no reply matches this request ("+desc+")", "", nil)
		return
	}

	status, done := fault(w, r, reply)
	if done {
		return
	}
	s.mu.Lock()
	s.seq++
	id := fmt.Sprintf("chatcmpl-mock-%d", s.seq)
	s.mu.Unlock()
	writeJSON(w, status, completion(id, cr, reply))
}

// replay finds a recorded reply for prompt and article under dir.
func replay(dir, prompt, article string) (string, bool) {
	if prompt == "" || article == "" || strings.ContainsAny(prompt, `/\`) || prompt == "." || prompt == ".." {
		return "", false
	}
	entries, err := os.ReadDir(filepath.Join(dir, prompt))
	if err != nil {
		return "", false
	}
	best := ""
	for _, e := range entries {
		stem, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || stem == "" || e.IsDir() || !strings.HasPrefix(article, stem) {
			continue
		}
		if len(e.Name()) > len(best) {
			best = e.Name()
		}
	}
	if best == "" {
		return "", false
	}
	b, err := os.ReadFile(filepath.Join(dir, prompt, best))
	if err != nil {
		return "", false
	}
	return string(b), true
}

type message struct {
	Role    string  `json:"role"`
	Content *string `json:"content"`
	Refusal *string `json:"refusal"`
}

type choice struct {
	Index        int     `json:"index"`
	Message      message `json:"message"`
	Logprobs     any     `json:"logprobs"`
	FinishReason string  `json:"finish_reason"`
}

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

type chatCompletion struct {
	ID                string   `json:"id"`
	Object            string   `json:"object"`
	Created           int64    `json:"created"`
	Model             string   `json:"model"`
	Choices           []choice `json:"choices"`
	Usage             usage    `json:"usage"`
	SystemFingerprint string   `json:"system_fingerprint"`
}

func completion(id string, cr *chatRequest, r *Reply) chatCompletion {
	finish := r.FinishReason
	if finish == "" {
		finish = "stop"
	}
	msg := message{Role: "assistant"}
	if r.Refusal != "" {
		msg.Refusal = &r.Refusal
	} else {
		content := r.Content
		msg.Content = &content
	}
	u := usage{PromptTokens: r.PromptTokens, CompletionTokens: r.CompletionTokens}
	if u.PromptTokens == 0 {
		n := 0
		for _, m := range cr.Messages {
			n += len(m.Content)
		}
		u.PromptTokens = roughTokens(n)
	}
	if u.CompletionTokens == 0 {
		u.CompletionTokens = roughTokens(len(r.Content) + len(r.Refusal))
	}
	u.TotalTokens = u.PromptTokens + u.CompletionTokens
	c := chatCompletion{
		ID:                id,
		Object:            "chat.completion",
		Created:           Created,
		Model:             cr.Model,
		Choices:           []choice{},
		Usage:             u,
		SystemFingerprint: "fp_llmtest",
	}
	if !r.NoChoices {
		c.Choices = append(c.Choices, choice{Index: 0, Message: msg, FinishReason: finish})
	}
	return c
}

// roughTokens estimates tokens as one per four bytes, at least one.
func roughTokens(n int) int {
	return max(1, (n+3)/4)
}

func defaultCode(status int) any {
	switch status {
	case http.StatusUnauthorized:
		return "invalid_api_key"
	case http.StatusNotFound:
		return "model_not_found"
	case http.StatusTooManyRequests:
		return "rate_limit_exceeded"
	}
	return nil
}

func errorType(status int) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "requests"
	case status >= 500:
		return "server_error"
	}
	return "invalid_request_error"
}

func writeError(w http.ResponseWriter, status int, msg, param string, code any) {
	e := struct {
		Message string  `json:"message"`
		Type    string  `json:"type"`
		Param   *string `json:"param"`
		Code    any     `json:"code"`
	}{Message: msg, Type: errorType(status), Code: code}
	if param != "" {
		e.Param = &param
	}
	writeJSON(w, status, map[string]any{"error": e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "llmtest: encode response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
