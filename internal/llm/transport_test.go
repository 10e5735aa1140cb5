package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 6, 19, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
		wantOK bool
	}{
		{name: "none", wantOK: false},
		{name: "seconds", header: map[string]string{"Retry-After": "3"}, want: 3 * time.Second, wantOK: true},
		{name: "fractional seconds", header: map[string]string{"Retry-After": "0.5"}, want: 500 * time.Millisecond, wantOK: true},
		{name: "milliseconds win", header: map[string]string{"Retry-After": "3", "Retry-After-Ms": "250"}, want: 250 * time.Millisecond, wantOK: true},
		{name: "http date", header: map[string]string{"Retry-After": "Wed, 19 Jun 2024 12:00:07 GMT"}, want: 7 * time.Second, wantOK: true},
		{name: "date in the past", header: map[string]string{"Retry-After": "Wed, 19 Jun 2024 11:00:00 GMT"}, want: 0, wantOK: true},
		{name: "beyond the cap", header: map[string]string{"Retry-After": "3600"}, want: time.Hour, wantOK: true},
		{name: "beyond the cap in ms", header: map[string]string{"Retry-After-Ms": "120000"}, want: 2 * time.Minute, wantOK: true},
		{name: "garbage", header: map[string]string{"Retry-After": "soon"}, wantOK: false},
		{name: "negative", header: map[string]string{"Retry-After": "-1"}, wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := make(http.Header)
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got, ok := retryAfter(h, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("got %v, %v, want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	tr := &transport{baseDelay: 500 * time.Millisecond, maxDelay: 8 * time.Second}
	tests := []struct {
		attempt int
		nominal time.Duration
	}{
		{1, 500 * time.Millisecond},
		{2, time.Second},
		{3, 2 * time.Second},
		{5, 8 * time.Second},
		{40, 8 * time.Second},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("attempt ", tt.attempt), func(t *testing.T) {
			for range 200 {
				got := tr.backoff(tt.attempt)
				if got < tt.nominal/2 || got > tt.nominal {
					t.Fatalf("got %v, want within [%v, %v]", got, tt.nominal/2, tt.nominal)
				}
			}
		})
	}
}

func TestSetZeroTemperature(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "adds", in: `{"model":"m","stream":false}`, want: `{"model":"m","stream":false,"temperature":0}`},
		{name: "trailing newline", in: "{\"model\":\"m\"}\n", want: `{"model":"m","temperature":0}`},
		{name: "empty object", in: `{}`, want: `{"temperature":0}`},
		{name: "already set", in: `{"temperature":0.2}`, want: `{"temperature":0.2}`},
		{name: "not an object", in: `[1]`, want: `[1]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(setZeroTemperature([]byte(tt.in))); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBodySnippet(t *testing.T) {
	long := strings.Repeat("é", 300)
	tests := []struct {
		name, body, want string
	}{
		{name: "html page", body: "<html><head><title>502</title></head><body>\n<h1>Bad&nbsp;Gateway</h1><script>x()</script><p>cloudflare</p></body></html>",
			want: "Bad\u00a0Gateway cloudflare"},
		{name: "json string error", body: `{"error":"model 'llama9' not found"}`, want: "model 'llama9' not found"},
		{name: "json detail", body: `{"detail":"Not Found"}`, want: "Not Found"},
		{name: "plain text", body: "upstream connect error\nor disconnect", want: "upstream connect error or disconnect"},
		{name: "truncated on a rune boundary", body: long, want: strings.Repeat("é", 100) + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bodySnippet([]byte(tt.body)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGate(t *testing.T) {
	g := NewGate()
	if err := g.Wait(t.Context()); err != nil {
		t.Fatalf("open gate: got %v, want nil", err)
	}
	g.Hold(time.Hour)
	first := g.Until()
	g.Hold(time.Minute)
	if got := g.Until(); !got.Equal(first) {
		t.Errorf("a shorter Hold moved the gate from %v to %v", first, got)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := g.Wait(ctx); err != context.Canceled {
		t.Errorf("held gate, canceled ctx: got %v, want %v", err, context.Canceled)
	}
	var zero Gate
	if err := zero.Wait(t.Context()); err != nil {
		t.Errorf("zero Gate: got %v, want nil", err)
	}
}

// TestBodyCutOffIsRetried checks that a reply whose body breaks off after
// the headers is retried like a dropped connection.
func TestBodyCutOffIsRetried(t *testing.T) {
	var n atomic.Int32
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1) == 1 {
			w.Header().Set("Content-Length", "500")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte(`{"id":"x","choices":[`))
			w.(http.Flusher).Flush()
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		fmt.Fprint(w, `{"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"whole"},"finish_reason":"stop"}]}`)
	})}
	go srv.Serve(l)
	defer srv.Close()

	c, err := New(Config{BaseURL: "http://" + l.Addr().String() + "/v1", Model: "m", Retries: 2, BaseDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Complete(t.Context(), Request{Messages: []Message{{Role: "user", Content: "hi"}}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Content != "whole" || resp.Attempts != 2 {
		t.Errorf("got %q after %d attempts, want %q after 2", resp.Content, resp.Attempts, "whole")
	}
}

func TestGateSpread(t *testing.T) {
	tests := []struct {
		name string
		hold time.Duration
		want time.Duration
	}{
		{"short hold", 20 * time.Millisecond, 100 * time.Millisecond},
		{"one second", time.Second, 500 * time.Millisecond},
		{"long hold", 50 * time.Second, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGate()
			g.Hold(tt.hold)
			if g.spread != tt.want {
				t.Errorf("got spread %v, want %v", g.spread, tt.want)
			}
		})
	}
}

// fakeClock is a Gate clock whose sleeps return at once, moving it on.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	return ctx.Err()
}

// TestGateJitter checks that only callers that found the Gate held take
// a random extra delay when it opens, drawn over the Gate's spread.
func TestGateJitter(t *testing.T) {
	clock := &fakeClock{t: time.Date(2024, 6, 19, 12, 0, 0, 0, time.UTC)}
	var draws []time.Duration
	g := NewGate()
	g.now, g.sleep = clock.now, clock.sleep
	g.jitter = func(n time.Duration) time.Duration {
		draws = append(draws, n)
		return n / time.Duration(len(draws)+1)
	}
	if err := g.Wait(t.Context()); err != nil || len(draws)+len(clock.sleeps) != 0 {
		t.Fatalf("open gate: got %v after %d draws and %d sleeps, want nil and none", err, len(draws), len(clock.sleeps))
	}
	g.Hold(2 * time.Second)
	// The first sleep runs out the hold; the clock then moves past it.
	g.sleep = func(ctx context.Context, d time.Duration) error {
		clock.sleep(ctx, d)
		clock.mu.Lock()
		clock.t = clock.t.Add(d)
		clock.mu.Unlock()
		return nil
	}
	if err := g.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{2 * time.Second, 500 * time.Millisecond}
	if fmt.Sprint(clock.sleeps) != fmt.Sprint(want) || fmt.Sprint(draws) != fmt.Sprint([]time.Duration{time.Second}) {
		t.Errorf("got sleeps %v and draws %v; want sleeps %v, one draw over the 1s spread", clock.sleeps, draws, want)
	}
}

func TestGateClosed(t *testing.T) {
	g := NewGate()
	g.Hold(time.Hour)
	err := g.Wait(t.Context())
	var ce *GateClosedError
	if !errors.As(err, &ce) || time.Until(ce.Until) < 59*time.Minute {
		t.Errorf("got %v, want a *GateClosedError until about an hour from now", err)
	}
}
