// Package llm is newslens's client for OpenAI-compatible chat-completions
// and embeddings endpoints (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp
// and the like), built on github.com/sashabaranov/go-openai. It imports
// nothing of newslens: the packages above it bring prompts and schemas.
//
// It adds what a batch tool needs on top: retries with shared back-off,
// per-attempt timeouts, structured output that degrades gracefully on
// endpoints without json_schema support, request tags the mock endpoint
// and logs can key on, and errors translated once, here, into messages and
// hints a user can act on. The API key is sent only in the Authorization
// (or Azure api-key) header; it never appears in errors or logs.
package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultBaseURL   = "https://api.openai.com/v1"
	DefaultTimeout   = 2 * time.Minute
	DefaultBaseDelay = 500 * time.Millisecond
	DefaultMaxDelay  = 8 * time.Second
)

// azureAPIVersion is the Azure OpenAI API version sent to Azure endpoints:
// the first GA version with json_schema structured outputs.
const azureAPIVersion = "2024-10-21"

// Config configures a Client.
type Config struct {
	// BaseURL is the API root, such as "https://api.openai.com/v1" (the
	// default) or "http://localhost:11434/v1". A host ending in
	// ".openai.azure.com" selects Azure OpenAI, where Model names the
	// deployment.
	BaseURL string
	// APIKey may be empty for local servers. It is sent only as
	// "Authorization: Bearer" (or Azure's api-key header).
	APIKey string
	// Model is the model name sent with each request (for Azure, the
	// deployment name).
	Model string
	// Timeout bounds each attempt, including reading the reply; default 2m.
	Timeout time.Duration
	// Retries is the number of extra attempts after the first; 0 is none.
	Retries int
	// HTTPClient is the base client; nil uses http.DefaultTransport. Its
	// Transport is wrapped, not replaced.
	HTTPClient *http.Client
	// Log, if non-nil, receives every request and response (method, URL,
	// status, headers with secrets redacted, bodies).
	Log io.Writer
	// Gate is shared back-off across clients; nil gives a private Gate.
	Gate *Gate
	// BaseDelay is the first retry back-off (default 500ms), doubling up
	// to MaxDelay (default 8s).
	BaseDelay time.Duration
	MaxDelay  time.Duration
}

// Message is one chat message; Role is "system", "user" or "assistant".
type Message struct {
	Role, Content string
}

// Schema is a JSON schema the reply must follow (structured output).
type Schema struct {
	// Name identifies the schema to the endpoint, such as "summary".
	Name string
	JSON json.RawMessage
}

// Request is one chat completion request.
type Request struct {
	Messages []Message
	// Temperature, if non-nil, is sent. Zero is sent too, although
	// go-openai v1.43 drops a zero temperature as empty: the transport
	// adds it back to the request body.
	Temperature *float32
	// MaxTokens, if non-zero, limits the reply's length.
	MaxTokens int
	// Schema, if non-nil, asks for JSON following it; see Client.Complete.
	Schema *Schema
	// Tags are sent as "Newslens-<Key>" headers (Newslens-Prompt:
	// summarize@2, Newslens-Article: <sha256>) for the mock endpoint and
	// logs to key on; real endpoints ignore them.
	Tags map[string]string
	// Accept, if set, tells a response cache which replies to this
	// request may be kept: one it rejects is not stored, and a stored one
	// it rejects counts as a miss. It is not sent, and is no part of the
	// cache key.
	Accept func(*Response) bool
}

// Response is a successful completion.
type Response struct {
	Content string
	// Model is the model the endpoint reports having used.
	Model                          string
	FinishReason                   string
	PromptTokens, CompletionTokens int
	// Format is the response_format that worked: "json_schema",
	// "json_object" or "none".
	Format string
	// Warnings describe degradations, such as a response_format fallback.
	Warnings []string
	// Attempts counts HTTP attempts, fallbacks and retries included.
	Attempts int
	// Cached is true when the reply came from a response cache and no
	// request was made.
	Cached bool
}

// Structured-output levels, from strictest to none.
const (
	levelSchema = iota
	levelObject
	levelNone
)

var levelNames = [...]string{levelSchema: "json_schema", levelObject: "json_object", levelNone: "none"}

// Client sends chat completions to one endpoint and model. It is safe for
// concurrent use.
type Client struct {
	cfg     Config
	api     *openai.Client
	host    string // host[:port] of the base URL
	baseURL string // base URL with any user info redacted
	tr      *transport

	mu    sync.Mutex
	level int // the strictest structured-output level the endpoint accepts
	// legacyTokens is set once the endpoint has rejected
	// max_completion_tokens; from then on the cap is sent as max_tokens.
	legacyTokens bool
}

// New returns a Client for cfg, with defaults filled in.
func New(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{
			Kind:    KindBadRequest,
			Message: fmt.Sprintf("invalid base URL %q: want http(s)://host[:port]/path", redactURL(cfg.BaseURL)),
			Hint:    "Try: newslens summarize --base-url http://localhost:11434/v1 ...",
		}
	}
	if cfg.Model == "" {
		return nil, &Error{Kind: KindBadRequest, Message: "no model given", Hint: "Try: newslens summarize --model gpt-4o-mini ..."}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.BaseDelay <= 0 {
		cfg.BaseDelay = DefaultBaseDelay
	}
	if cfg.MaxDelay <= 0 {
		cfg.MaxDelay = DefaultMaxDelay
	}
	cfg.MaxDelay = max(cfg.MaxDelay, cfg.BaseDelay)
	cfg.Retries = max(cfg.Retries, 0)
	if cfg.Gate == nil {
		cfg.Gate = NewGate()
	}

	base := http.DefaultTransport
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		*hc = *cfg.HTTPClient
		if hc.Transport != nil {
			base = hc.Transport
		}
	}
	tr := &transport{
		base:      base,
		retries:   cfg.Retries,
		timeout:   cfg.Timeout,
		baseDelay: cfg.BaseDelay,
		maxDelay:  cfg.MaxDelay,
		gate:      cfg.Gate,
		log:       cfg.Log,
		logMu:     new(sync.Mutex),
		secret:    cfg.APIKey,
	}
	hc.Transport = tr

	var oc openai.ClientConfig
	if strings.HasSuffix(strings.ToLower(u.Hostname()), ".openai.azure.com") {
		oc = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		oc.APIVersion = azureAPIVersion
	} else {
		oc = openai.DefaultConfig(cfg.APIKey)
		oc.BaseURL = cfg.BaseURL
	}
	oc.HTTPClient = hc

	return &Client{
		cfg:     cfg,
		api:     openai.NewClientWithConfig(oc),
		tr:      tr,
		host:    u.Host,
		baseURL: u.Redacted(),
	}, nil
}

func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return s
}

// Endpoint returns the host[:port] of the base URL, such as
// "api.openai.com".
func (c *Client) Endpoint() string { return c.host }

// Model returns the configured model name.
func (c *Client) Model() string { return c.cfg.Model }

// jsonOnly is appended to the system message when the endpoint cannot be
// asked for JSON through response_format (and with json_object, which does
// not carry the schema and which OpenAI only accepts when a message
// mentions JSON).
const jsonOnly = "Reply with one JSON object only: no prose, no Markdown code fences. It must follow this JSON schema: "

// Complete sends req and returns the first choice.
//
// With req.Schema set it asks for strict json_schema output. An endpoint
// that rejects that with a 400 about response_format is asked again with
// json_object, then with no response_format and a JSON-only instruction in
// the system message; each step adds a warning, and the Client remembers
// the level that worked for later calls.
//
// req.MaxTokens is sent as max_completion_tokens. An endpoint that rejects
// that parameter with a 400 naming it is asked again with max_tokens,
// with a warning, and the Client keeps sending max_tokens.
//
// Failures are returned as *Error.
func (c *Client) Complete(ctx context.Context, req Request) (*Response, error) {
	if len(req.Messages) == 0 {
		return nil, &Error{Kind: KindBadRequest, Message: "chat completion request has no messages"}
	}
	cl := &call{header: make(http.Header)}
	for k, v := range req.Tags {
		if k == "" || strings.ContainsAny(k, " \t\r\n:") || strings.ContainsAny(v, "\r\n\x00") {
			return nil, &Error{Kind: KindBadRequest, Message: fmt.Sprintf("request tag %q cannot be sent as an HTTP header", k)}
		}
		cl.header.Set("Newslens-"+k, v)
	}
	cl.zeroTemp = req.Temperature != nil && *req.Temperature == 0
	ctx = withCall(ctx, cl)

	level := levelNone
	c.mu.Lock()
	if req.Schema != nil {
		level = c.level
	}
	cl.legacyTokens = c.legacyTokens
	c.mu.Unlock()
	var warnings []string
	for {
		resp, err := c.api.CreateChatCompletion(ctx, c.chatRequest(req, level))
		attempts := int(cl.attempts.Load())
		if err == nil {
			return c.response(&resp, level, warnings, attempts)
		}
		switch {
		case ctx.Err() != nil:
		case req.MaxTokens > 0 && !cl.legacyTokens && rejectsParam(err, "max_completion_tokens"):
			cl.legacyTokens = true
			warnings = append(warnings, "the endpoint rejected max_completion_tokens; sent the cap as max_tokens")
			c.mu.Lock()
			c.legacyTokens = true
			c.mu.Unlock()
			continue
		case req.Schema != nil && level < levelNone && rejectsFormat(err):
			next := level + 1
			warnings = append(warnings, fallbackWarning(level, next))
			c.mu.Lock()
			c.level = max(c.level, next)
			c.mu.Unlock()
			level = next
			continue
		}
		e := c.translate(ctx, err, attempts)
		if !cl.retryAt.IsZero() && (e.Kind == KindRateLimit || e.Kind == KindServer) {
			retryLater(e, cl.retryAt)
		}
		return nil, e
	}
}

func fallbackWarning(from, to int) string {
	w := fmt.Sprintf("the endpoint rejected %s response_format; fell back to ", levelNames[from])
	if to == levelNone {
		return w + "asking for JSON in the system message"
	}
	return w + levelNames[to]
}

// rejectsFormat reports whether err is the endpoint refusing the
// response_format it was sent.
func rejectsFormat(err error) bool {
	return rejectsParam(err, "response_format", "json_schema", "json_object", "response format", "structured output")
}

// rejectsParam reports whether err is a 400 or 422 whose message or param
// names one of words: the endpoint refusing a parameter it was sent.
func rejectsParam(err error, words ...string) bool {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var status int
	var text string
	switch {
	case errors.As(err, &reqErr):
		status, text = reqErr.HTTPStatusCode, string(reqErr.Body)
	case errors.As(err, &apiErr):
		status, text = apiErr.HTTPStatusCode, apiErr.Message
		if apiErr.Param != nil {
			text += " " + *apiErr.Param
		}
	default:
		return false
	}
	if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return false
	}
	text = strings.ToLower(text)
	for _, s := range words {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

func (c *Client) chatRequest(req Request, level int) openai.ChatCompletionRequest {
	cr := openai.ChatCompletionRequest{Model: c.cfg.Model}
	if req.Temperature != nil {
		cr.Temperature = *req.Temperature
	}
	// The cap goes out as max_completion_tokens, OpenAI's name since
	// go-openai deprecated MaxTokens; the transport renames it max_tokens
	// for an endpoint that rejected it.
	cr.MaxCompletionTokens = req.MaxTokens
	msgs := make([]openai.ChatCompletionMessage, 0, len(req.Messages)+1)
	for _, m := range req.Messages {
		msgs = append(msgs, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	if req.Schema != nil {
		switch level {
		case levelSchema:
			cr.ResponseFormat = &openai.ChatCompletionResponseFormat{
				Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
				JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
					Name:   req.Schema.Name,
					Schema: req.Schema.JSON,
					Strict: true,
				},
			}
		case levelObject:
			cr.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
		}
		if level != levelSchema {
			msgs = appendSystem(msgs, jsonOnly+string(compactJSON(req.Schema.JSON)))
		}
	}
	cr.Messages = msgs
	return cr
}

// appendSystem adds line to the first system message, or prepends a system
// message holding it.
func appendSystem(msgs []openai.ChatCompletionMessage, line string) []openai.ChatCompletionMessage {
	for i := range msgs {
		if msgs[i].Role == openai.ChatMessageRoleSystem {
			msgs[i].Content = strings.TrimRight(msgs[i].Content, "\n") + "\n\n" + line
			return msgs
		}
	}
	return append([]openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleSystem, Content: line}}, msgs...)
}

func compactJSON(raw json.RawMessage) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

func (c *Client) response(resp *openai.ChatCompletionResponse, level int, warnings []string, attempts int) (*Response, error) {
	fail := func(kind Kind, msg, hint string) (*Response, error) {
		return nil, &Error{Kind: kind, Status: http.StatusOK, Message: c.scrub(oneLine(msg)), Hint: hint, Attempts: attempts}
	}
	if len(resp.Choices) == 0 {
		return fail(KindNoChoices, fmt.Sprintf("the endpoint at %s returned no choices for model %q", c.host, c.cfg.Model), "")
	}
	ch := resp.Choices[0]
	switch {
	case ch.Message.Refusal != "":
		return fail(KindRefusal, fmt.Sprintf("the model refused: %q", truncate(oneLine(ch.Message.Refusal), 200)), "")
	case ch.FinishReason == openai.FinishReasonContentFilter:
		msg := "the endpoint's content filter stopped the reply (finish_reason content_filter)"
		if s := oneLine(ch.Message.Content); s != "" {
			msg += fmt.Sprintf(": %q", truncate(s, 200))
		}
		return fail(KindRefusal, msg, "")
	case ch.FinishReason == openai.FinishReasonLength:
		return fail(KindLength,
			fmt.Sprintf("the reply was cut off at the token limit after %d tokens (finish_reason length); raise --max-tokens", resp.Usage.CompletionTokens),
			"Try: newslens summarize --max-tokens 4096 ...")
	}
	return &Response{
		// An endpoint that echoes the key back must not put it in output,
		// the cache or a saved reply.
		Content:          c.scrub(ch.Message.Content),
		Model:            resp.Model,
		FinishReason:     string(ch.FinishReason),
		PromptTokens:     resp.Usage.PromptTokens,
		CompletionTokens: resp.Usage.CompletionTokens,
		Format:           levelNames[level],
		Warnings:         warnings,
		Attempts:         attempts,
	}, nil
}
