package llm

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
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
		{name: "capped", header: map[string]string{"Retry-After": "3600"}, want: 60 * time.Second, wantOK: true},
		{name: "capped ms", header: map[string]string{"Retry-After-Ms": "120000"}, want: 60 * time.Second, wantOK: true},
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
