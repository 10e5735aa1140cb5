package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// maxRetryAfter is the longest a server's Retry-After can make us wait.
// A server that asks for longer gets no retry: the run fails at once,
// saying when the server will take requests again.
const maxRetryAfter = 60 * time.Second

// maxBody bounds how much of a response is read into memory.
const maxBody = 32 << 20

// call carries per-Complete data through go-openai, which neither lets a
// caller set headers per request nor send a zero temperature, down to the
// transport. It travels in the request's context.
type call struct {
	header   http.Header
	zeroTemp bool
	// legacyTokens renames max_completion_tokens to max_tokens.
	legacyTokens bool
	// raw marks a download whose body is not one JSON value (a batch
	// result file is JSON Lines).
	raw      bool
	attempts atomic.Int32
	// retryAt is set when the server asked to be retried later than
	// maxRetryAfter: when it asked to be retried.
	retryAt time.Time
}

type callKey struct{}

func withCall(ctx context.Context, c *call) context.Context {
	return context.WithValue(ctx, callKey{}, c)
}

func callFrom(ctx context.Context) *call {
	c, _ := ctx.Value(callKey{}).(*call)
	return c
}

// timeoutError reports that one attempt exceeded the per-attempt timeout.
type timeoutError struct{ d time.Duration }

func (e *timeoutError) Error() string   { return fmt.Sprintf("attempt timed out after %s", e.d) }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }

// bodyError reports that the response body broke off while being read.
type bodyError struct{ err error }

func (e *bodyError) Error() string { return "read response body: " + e.err.Error() }
func (e *bodyError) Unwrap() error { return e.err }

// transport retries requests, bounds each attempt with a timeout, shares
// 429 back-off through a Gate, and logs traffic with secrets redacted.
// It reads each response body fully inside the attempt, so the timeout
// covers the body and a connection dropped mid-body is retried.
type transport struct {
	base      http.RoundTripper
	retries   int
	timeout   time.Duration
	baseDelay time.Duration
	maxDelay  time.Duration
	gate      *Gate
	log       io.Writer
	logMu     *sync.Mutex
	secret    string
	// maxBody caps a response body; 0 means the package's maxBody.
	maxBody int64
	// afterFunc starts an attempt's timer: time.AfterFunc, except in
	// tests, which fire it when they choose.
	afterFunc func(d time.Duration, f func()) (stop func() bool)
}

// errAttemptTimeout is the cause an attempt's context is cancelled with
// when its timer fires.
var errAttemptTimeout = errors.New("attempt timed out")

func realAfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	c := callFrom(ctx)
	body, err := requestBody(req)
	if err != nil {
		return nil, err
	}
	if c != nil && c.zeroTemp {
		body = setZeroTemperature(body)
	}
	if c != nil && c.legacyTokens {
		body = legacyMaxTokens(body)
	}
	for attempt := 1; ; attempt++ {
		if err := t.gate.Wait(ctx); err != nil {
			return nil, err
		}
		if c != nil {
			c.attempts.Add(1)
		}
		resp, err := t.attempt(ctx, req, body, c, attempt)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		retry, wait := t.shouldRetry(resp, err, attempt)
		if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
			t.gate.Hold(wait)
		}
		if retry && wait > maxRetryAfter {
			if c != nil {
				c.retryAt = time.Now().Add(wait)
			}
			return resp, err
		}
		if !retry || attempt > t.retries {
			return resp, err
		}
		if t.log != nil {
			t.write(fmt.Appendf(nil, "... retrying in %s\n\n", wait.Round(time.Millisecond)))
		}
		if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
			if err := sleep(ctx, wait); err != nil {
				return nil, err
			}
		}
	}
}

// requestBody returns the request body without consuming req.Body when
// req.GetBody can produce a fresh copy.
func requestBody(req *http.Request) ([]byte, error) {
	var rc io.ReadCloser
	switch {
	case req.Body == nil || req.Body == http.NoBody:
		return nil, nil
	case req.GetBody != nil:
		var err error
		if rc, err = req.GetBody(); err != nil {
			return nil, fmt.Errorf("rewind request body: %w", err)
		}
		req.Body.Close()
	default:
		rc = req.Body
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	return b, nil
}

// setZeroTemperature adds "temperature":0 to a JSON object body that has
// no temperature (go-openai drops a zero float as empty).
func setZeroTemperature(body []byte) []byte {
	b := bytes.TrimRight(body, " \t\r\n")
	if len(b) < 2 || b[len(b)-1] != '}' || bytes.Contains(b, []byte(`"temperature":`)) {
		return body
	}
	out := slices.Clip(b[:len(b)-1])
	if len(bytes.TrimSpace(out)) > 1 {
		out = append(out, ',')
	}
	return append(out, `"temperature":0}`...)
}

// legacyMaxTokens renames the body's max_completion_tokens to max_tokens.
// Inside JSON strings a quote is escaped, so the first occurrence of the
// quoted name followed by a colon is the top-level key go-openai wrote.
func legacyMaxTokens(body []byte) []byte {
	return bytes.Replace(body, []byte(`"max_completion_tokens":`), []byte(`"max_tokens":`), 1)
}

func (t *transport) attempt(ctx context.Context, req *http.Request, body []byte, c *call, n int) (*http.Response, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if t.timeout > 0 {
		after := t.afterFunc
		if after == nil {
			after = realAfterFunc
		}
		stop := after(t.timeout, func() { cancel(errAttemptTimeout) })
		defer stop()
	}
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	if c != nil {
		for k, v := range c.header {
			r.Header[k] = v
		}
	}
	t.logRequest(r, body, n)

	timedOut := func() bool {
		return ctx.Err() == nil && errors.Is(context.Cause(actx), errAttemptTimeout)
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		if timedOut() {
			err = &timeoutError{t.timeout}
		}
		t.logError(err, n)
		return nil, err
	}
	limit := t.maxBody
	if limit <= 0 {
		limit = maxBody
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	resp.Body.Close()
	if err != nil {
		if timedOut() {
			err = &timeoutError{t.timeout}
		} else {
			err = &bodyError{err}
		}
		t.logError(err, n)
		return nil, err
	}
	if int64(len(data)) > limit {
		err := &tooLargeError{status: resp.StatusCode, limit: limit}
		t.logError(err, n)
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	resp.Header.Del("Content-Length")
	t.logResponse(resp, data, n)
	// go-openai would report a body it cannot decode as a broken
	// connection or a decoding error; say what was sent instead.
	if resp.StatusCode/100 == 2 && (c == nil || !c.raw) && !json.Valid(data) {
		return nil, &notJSONError{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: data}
	}
	return resp, nil
}

// tooLargeError reports a response body over the size cap.
type tooLargeError struct {
	status int
	limit  int64
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("the reply is larger than %s", sizeText(e.limit))
}

// notJSONError reports a successful status whose body is not JSON.
type notJSONError struct {
	status      int
	contentType string
	body        []byte
}

func (e *notJSONError) Error() string {
	what := "an empty body"
	if len(bytes.TrimSpace(e.body)) > 0 {
		what = fmt.Sprintf("a body that is not JSON (%s", sizeText(int64(len(e.body))))
		if e.contentType != "" {
			what += ", " + e.contentType
		}
		what += fmt.Sprintf(", beginning %q)", truncate(oneLine(string(e.body)), 60))
	}
	return fmt.Sprintf("answered %d with %s", e.status, what)
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// shouldRetry reports whether an attempt's outcome is worth retrying and
// how long to wait first.
func (t *transport) shouldRetry(resp *http.Response, err error, attempt int) (bool, time.Duration) {
	backoff := t.backoff(attempt)
	if err != nil {
		return retryableError(err), backoff
	}
	switch code := resp.StatusCode; {
	case code == http.StatusRequestTimeout, code == http.StatusConflict, code >= 500:
	case code == http.StatusTooManyRequests:
		if quotaExhausted(resp) {
			return false, 0
		}
	default:
		return false, 0
	}
	if d, ok := retryAfter(resp.Header, time.Now()); ok {
		return true, d
	}
	return true, backoff
}

// backoff returns the wait before retry number attempt (1-based):
// BaseDelay doubling up to MaxDelay, with equal jitter, so that waits
// are never shorter than half the nominal delay yet workers spread out.
func (t *transport) backoff(attempt int) time.Duration {
	d := t.baseDelay
	for i := 1; i < attempt && d < t.maxDelay; i++ {
		d *= 2
	}
	d = min(d, t.maxDelay)
	if d <= 0 {
		return 0
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// retryableError reports whether a transport error is worth retrying:
// timeouts, refused or reset connections, and connections closed early.
func retryableError(err error) bool {
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return false
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ECONNABORTED):
		return true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &ne) && ne.Timeout():
		return true
	}
	var be *bodyError
	return errors.As(err, &be)
}

// quotaExhausted reports a 429 that waiting cannot fix: OpenAI's
// insufficient_quota.
func quotaExhausted(resp *http.Response) bool {
	data, err := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return err == nil && bytes.Contains(data, []byte(`"insufficient_quota"`))
}

// retryAfter parses the wait a response asks for: retry-after-ms (OpenAI),
// else Retry-After in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	var d time.Duration
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		ms, err := strconv.ParseFloat(v, 64)
		if err != nil || ms < 0 {
			return 0, false
		}
		d = time.Duration(ms * float64(time.Millisecond))
	} else if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil {
			if s < 0 {
				return 0, false
			}
			d = time.Duration(s * float64(time.Second))
		} else if at, err := http.ParseTime(v); err == nil {
			d = max(at.Sub(now), 0)
		} else {
			return 0, false
		}
	} else {
		return 0, false
	}
	return d, true
}
