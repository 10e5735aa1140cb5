package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Kind classifies a failed completion by what the user can do about it.
type Kind int

// Kinds of Error.
const (
	KindUnknown     Kind = iota
	KindAuth             // 401: the API key is missing or wrong
	KindForbidden        // 403: the key may not use this model or endpoint
	KindNotFound         // 404: wrong model name or base URL
	KindBadRequest       // 400, 422 and other 4xx: the endpoint rejected the request
	KindRateLimit        // 429 after all retries, or quota exhausted
	KindServer           // 5xx, 408 or 409 after all retries
	KindTimeout          // every attempt exceeded the per-attempt timeout
	KindNetwork          // the endpoint could not be reached
	KindBadResponse      // the endpoint's reply could not be decoded
	KindRefusal          // the model refused, or a content filter stopped it
	KindLength           // the reply was cut off at the token limit
	KindNoChoices        // the reply held no choices
	KindCanceled         // the caller's context was canceled or expired
)

var kindNames = [...]string{
	KindUnknown:     "unknown",
	KindAuth:        "auth",
	KindForbidden:   "forbidden",
	KindNotFound:    "not found",
	KindBadRequest:  "bad request",
	KindRateLimit:   "rate limit",
	KindServer:      "server",
	KindTimeout:     "timeout",
	KindNetwork:     "network",
	KindBadResponse: "bad response",
	KindRefusal:     "refusal",
	KindLength:      "length",
	KindNoChoices:   "no choices",
	KindCanceled:    "canceled",
}

// String returns a short lowercase name for k.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// Error is a failed completion, translated from HTTP and transport
// failures into something a user can act on. Its Error text is one
// lowercase line and never contains the API key.
type Error struct {
	Kind Kind
	// Status is the final HTTP status, or 0 when there was none.
	Status int
	// Message is the one-line description returned by Error.
	Message string
	// Hint, if set, is advice for the user as complete lines beginning
	// "Try: ", for the CLI to print after the error.
	Hint string
	// Attempts is how many HTTP attempts were made.
	Attempts int
	// Err is the underlying error, if any.
	Err error
}

// Error returns e.Message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the underlying error, so errors.Is(err, context.Canceled)
// works for canceled completions.
func (e *Error) Unwrap() error { return e.Err }

// translate turns an error from go-openai and the transport into an *Error.
func (c *Client) translate(ctx context.Context, err error, attempts int) *Error {
	e := c.classify(ctx, err, attempts)
	e.Attempts = attempts
	e.Message = c.scrub(oneLine(e.Message))
	e.Hint = c.scrub(e.Hint)
	if e.Err != nil && len(c.cfg.APIKey) >= minSecret && strings.Contains(e.Err.Error(), c.cfg.APIKey) {
		e.Err = errors.New(c.scrub(e.Err.Error()))
	}
	return e
}

func (c *Client) classify(ctx context.Context, err error, attempts int) *Error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return &Error{Kind: KindCanceled, Message: "request canceled: " + ctxErr.Error(), Err: ctxErr}
	}
	// A body go-openai could not read as an OpenAI error object, such as
	// {"error":"Not Found"}, is a RequestError wrapping an APIError with
	// no status: the RequestError has the status and the body.
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return c.statusError(reqErr.HTTPStatusCode, bodySnippet(reqErr.Body), "", "", attempts, err)
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		param := ""
		if apiErr.Param != nil {
			param = *apiErr.Param
		}
		code, _ := apiErr.Code.(string)
		return c.statusError(apiErr.HTTPStatusCode, apiErr.Message, param, code, attempts, err)
	}
	if e := c.replyError(err); e != nil {
		return e
	}
	var te *timeoutError
	if errors.As(err, &te) {
		return &Error{
			Kind:    KindTimeout,
			Message: fmt.Sprintf("the endpoint at %s did not answer within --timeout %s (%s)", c.host, te.d, plural(attempts, "attempt")),
			Hint:    "Try: a longer --timeout, e.g. newslens summarize --timeout 5m ...",
			Err:     err,
		}
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syn) || errors.As(err, &typ) {
		return &Error{
			Kind:    KindBadResponse,
			Message: fmt.Sprintf("the endpoint at %s sent a reply that is not a chat completion: %v", c.host, err),
			Hint:    "Try: a --base-url for an OpenAI-compatible API, usually ending in /v1",
			Err:     err,
		}
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return &Error{
			Kind:    KindNetwork,
			Message: fmt.Sprintf("cannot reach the endpoint at %s: connection refused", c.host),
			Hint:    "Try: newslens summarize --base-url http://localhost:11434/v1 ... (is the server running?)",
			Err:     err,
		}
	}
	var dnsErr *net.DNSError
	var netErr net.Error
	if errors.As(err, &dnsErr) || errors.As(err, &netErr) || retryableError(err) {
		return &Error{
			Kind:    KindNetwork,
			Message: fmt.Sprintf("cannot reach the endpoint at %s: %s", c.host, networkCause(err)),
			Hint:    "Try: check --base-url and your network, e.g. newslens summarize --base-url http://localhost:11434/v1 ...",
			Err:     err,
		}
	}
	for _, v := range []error{openai.ErrReasoningModelMaxTokensDeprecated, openai.ErrReasoningModelLimitationsOther,
		openai.ErrReasoningModelLimitationsLogprobs, openai.ErrReasoningSamplingUnsupported, openai.ErrChatCompletionInvalidModel} {
		if errors.Is(err, v) {
			return &Error{Kind: KindBadRequest, Message: fmt.Sprintf("invalid request for model %q: %v", c.cfg.Model, err), Err: err}
		}
	}
	return &Error{Kind: KindUnknown, Message: fmt.Sprintf("chat completion at %s failed: %v", c.host, err), Err: err}
}

// replyError translates the failures newslens itself finds in a reply,
// or in the wait before one, or returns nil.
func (c *Client) replyError(err error) *Error {
	var closed *GateClosedError
	if errors.As(err, &closed) {
		e := &Error{Kind: KindRateLimit, Message: "rate limited by the endpoint (429); no request was sent", Err: err}
		retryLater(e, closed.Until)
		return e
	}
	var big *tooLargeError
	if errors.As(err, &big) {
		return &Error{
			Kind:    KindBadResponse,
			Status:  big.status,
			Message: fmt.Sprintf("the endpoint at %s sent a reply larger than %s, more than any chat completion needs", c.host, sizeText(big.limit)),
			Hint:    "Try: a --base-url for an OpenAI-compatible API, usually ending in /v1, and a smaller --max-tokens",
			Err:     err,
		}
	}
	var nj *notJSONError
	if errors.As(err, &nj) {
		return &Error{
			Kind:    KindBadResponse,
			Status:  nj.status,
			Message: fmt.Sprintf("the endpoint at %s %s, not a chat completion", c.host, nj.Error()),
			Hint:    c.baseURLHint(),
			Err:     err,
		}
	}
	return nil
}

func (c *Client) statusError(status int, msg, param, code string, attempts int, err error) *Error {
	detail := ""
	if msg = oneLine(msg); msg != "" {
		detail = ": " + msg
	}
	e := &Error{Status: status, Err: err}
	tried := ""
	if attempts > 1 {
		tried = " after " + plural(attempts, "attempt")
	}
	switch {
	case status == http.StatusUnauthorized:
		e.Kind = KindAuth
		e.Message = "the endpoint rejected the API key (OPENAI_API_KEY)" + detail
		e.Hint = "Try: export OPENAI_API_KEY with a valid key for " + c.host + ", or leave it unset for a local server that needs none"
	case status == http.StatusForbidden:
		e.Kind = KindForbidden
		e.Message = fmt.Sprintf("the endpoint refused access to model %q (403 forbidden)%s", c.cfg.Model, detail)
		e.Hint = "Try: check that the API key may use this model, or pick another with --model"
	case status == http.StatusNotFound:
		e.Kind = KindNotFound
		e.Message = fmt.Sprintf("model or endpoint not found: model %q at %s (404)%s", c.cfg.Model, c.baseURL, detail)
		e.Hint = c.baseURLHint() + " and a --model the endpoint serves"
	case status == http.StatusTooManyRequests && code == "insufficient_quota":
		e.Kind = KindRateLimit
		e.Message = "the endpoint reports the account's quota is used up (429 insufficient_quota)" + detail
		e.Hint = "Try: check the account's plan and billing, or use another --base-url"
	case status == http.StatusTooManyRequests:
		e.Kind = KindRateLimit
		e.Message = "rate limited by the endpoint (429)" + tried + detail
		e.Hint = "Try: run again later, with fewer articles at once or more --retries"
	case status >= 500 || status == http.StatusRequestTimeout || status == http.StatusConflict:
		e.Kind = KindServer
		e.Message = fmt.Sprintf("the endpoint at %s failed with %d %s%s%s", c.host, status, strings.ToLower(http.StatusText(status)), tried, detail)
		e.Hint = "Try: run again later; the server or a proxy in front of it is failing"
	default:
		e.Kind = KindBadRequest
		if param != "" {
			detail += " (param " + param + ")"
		}
		e.Message = fmt.Sprintf("the endpoint rejected the request (%d)%s", status, detail)
	}
	return e
}

// retryLater adds to e that the endpoint asked to be retried at a time
// further off than newslens waits, and when to run again.
func retryLater(e *Error, at time.Time) {
	in := time.Until(at).Round(time.Second)
	e.Message += fmt.Sprintf("; the endpoint asked to be retried in %s, at %s, longer than the %s newslens waits",
		in, at.UTC().Format("15:04:05 MST"), maxRetryAfter)
	e.Hint = "Try: run again after " + at.UTC().Format("15:04 MST") + ", or use another --base-url"
}

// baseURLHint suggests a base URL ending in /v1, naming the user's own
// with /v1 added when it lacks it.
func (c *Client) baseURLHint() string {
	if u, err := url.Parse(c.baseURL); err == nil && !strings.HasSuffix(strings.TrimRight(u.Path, "/"), "/v1") {
		u.Path = strings.TrimRight(u.Path, "/") + "/v1"
		return "Try: --base-url " + u.String() + " (an OpenAI-compatible base URL usually ends in /v1)"
	}
	return "Try: a --base-url ending in /v1 (e.g. --base-url http://localhost:11434/v1)"
}

var (
	tagRE   = regexp.MustCompile(`(?is)<(head|script|style)\b.*?</(head|script|style)\s*>|<!--.*?-->|<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// bodySnippet makes a short readable text from an error body that is not
// an OpenAI error object, such as a proxy's HTML error page.
func bodySnippet(body []byte) string {
	var obj struct {
		Error   any    `json:"error"`
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	if json.Unmarshal(body, &obj) == nil {
		switch v := obj.Error.(type) {
		case string:
			return truncate(oneLine(v), 200)
		case map[string]any:
			if m, ok := v["message"].(string); ok {
				return truncate(oneLine(m), 200)
			}
		}
		if obj.Message != "" {
			return truncate(oneLine(obj.Message), 200)
		}
		if obj.Detail != "" {
			return truncate(oneLine(obj.Detail), 200)
		}
	}
	s := tagRE.ReplaceAllString(string(body), " ")
	return truncate(oneLine(html.UnescapeString(s)), 200)
}

// oneLine collapses all runs of white space, newlines included, to one
// space.
func oneLine(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// networkCause describes a transport error for a user.
func networkCause(err error) string {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the connection closed before a complete reply"
	case errors.Is(err, syscall.ECONNRESET):
		return "the connection was reset"
	}
	return rootCause(err)
}

// rootCause returns the innermost error's text, dropping the URL that
// *url.Error adds (the host is already named).
func rootCause(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		err = u
	}
}

// scrub removes the API key from s.
func (c *Client) scrub(s string) string {
	return scrubSecret(s, c.cfg.APIKey)
}

// minSecret is the shortest key scrubbed from text: shorter ones would
// mangle ordinary words, and are not real API keys.
const minSecret = 8

func scrubSecret(s, secret string) string {
	if len(secret) < minSecret {
		return s
	}
	return strings.ReplaceAll(s, secret, redacted)
}
