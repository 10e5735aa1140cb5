// Mockllm is a standalone mock OpenAI-compatible chat-completions endpoint
// for the batch benchmarks in bench/batch.sh. It answers every request with
// the same reply after a fixed latency, counts chat-completion requests, and
// listens on 127.0.0.1 only.
//
// Usage:
//
//	mockllm [-latency 300ms] [-reply FILE] [-addr 127.0.0.1:0]
//	        [-max-requests N] [-lifetime 10m]
//
// The first line on standard output is the base URL to use as
// OPENAI_BASE_URL (it ends in /v1). GET /stats answers with the request
// count as JSON, {"requests": N}. On SIGINT or SIGTERM, after -max-requests
// chat completions, or when -lifetime has passed, mockllm prints
// "requests N" on standard output and exits.
//
// Exit codes: 0 on a clean stop, 1 on a runtime failure, 2 on bad flags.
//
// It imports internal/llmtest, whose mock endpoint it serves, and nothing
// else of the module.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newslens/newslens/internal/llmtest"
)

// defaultReply is a minimal valid summary, used when -reply is not given.
// Its key point cites sentence 1, which every article has.
const defaultReply = `{"headline":"Summit","summary":"Two leaders met.","key_points":[{"text":"The leaders met.","evidence":[1]}],"entities":[],"quotes":[],"figures":[]}`

func main() {
	os.Exit(run())
}

// run exists so deferred calls finish before the process exits.
func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
}

// usageError marks bad flags or arguments (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Main runs mockllm with the given arguments until ctx is done or a limit
// is reached, and returns the exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	err := serve(ctx, args, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "mockllm: %v\n", err)
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		fmt.Fprintf(stderr, "mockllm: %v\n", err)
		return 1
	}
}

type options struct {
	latency     time.Duration
	reply       string
	addr        string
	maxRequests int64
	lifetime    time.Duration
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("mockllm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.DurationVar(&o.latency, "latency", 300*time.Millisecond, "delay before each chat completion is answered")
	fs.StringVar(&o.reply, "reply", "", "`FILE` whose content is the assistant reply to every request (default: a minimal summary)")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "listen address; the host must be 127.0.0.1")
	fs.Int64Var(&o.maxRequests, "max-requests", 0, "exit after this many chat completions (0: no limit)")
	fs.DurationVar(&o.lifetime, "lifetime", 10*time.Minute, "exit after this long")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{err}
	}
	if fs.NArg() > 0 {
		return nil, usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return nil, usageError{fmt.Errorf("-addr %q: %w", o.addr, err)}
	}
	if host != "127.0.0.1" {
		return nil, usageError{fmt.Errorf("-addr %q: only 127.0.0.1 is allowed", o.addr)}
	}
	if o.latency < 0 || o.maxRequests < 0 || o.lifetime <= 0 {
		return nil, usageError{errors.New("-latency and -max-requests must not be negative, and -lifetime must be positive")}
	}
	return o, nil
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	content := defaultReply
	if o.reply != "" {
		b, err := os.ReadFile(o.reply)
		if err != nil {
			return usageError{fmt.Errorf("read reply: %w", err)}
		}
		content = string(b)
	}

	backend := llmtest.New()
	defer backend.Close()
	backend.Add(llmtest.Reply{Content: content, Delay: o.latency})
	target, err := url.Parse(backend.URL)
	if err != nil {
		return fmt.Errorf("parse mock URL %s: %w", backend.URL, err)
	}

	ctx, cancel := context.WithTimeout(ctx, o.lifetime)
	defer cancel()
	var count atomic.Int64
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(&url.URL{Scheme: target.Scheme, Host: target.Host})
		},
		// Latency is the point of the mock; nothing here should add more.
		Transport: &http.Transport{MaxIdleConnsPerHost: 256},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]int64{"requests": count.Load()})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		chat := r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/chat/completions")
		proxy.ServeHTTP(w, r)
		if chat {
			if n := count.Add(1); o.maxRequests > 0 && n >= o.maxRequests {
				cancel()
			}
		}
	})

	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "http://%s/v1\n", l.Addr())
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Let the reply that reached -max-requests finish writing.
	shutdown, done := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer done()
	srv.Shutdown(shutdown)
	fmt.Fprintf(stdout, "requests %d\n", count.Load())
	return nil
}
