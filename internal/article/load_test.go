package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeFile creates dir/name holding data and returns its path.
func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadArguments(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "reuters.txt", "From Reuters.")
	writeFile(t, dir, "feeds/a=b.txt", "From a file with an equals sign.")
	writeFile(t, dir, "x=y.txt", "From x=y.txt.")
	writeFile(t, dir, "both=reuters.txt", "From both=reuters.txt.")
	writeFile(t, dir, "titled.txt", "source: Yonhap\n\nFrom Yonhap.")

	tests := []struct {
		name      string
		arg       string
		stdin     string
		wantLabel string
		wantPath  string
		wantText  string
	}{
		{name: "file", arg: "reuters.txt", wantLabel: "reuters", wantPath: "reuters.txt", wantText: "From Reuters."},
		{name: "label prefix", arg: "wire=reuters.txt", wantLabel: "wire", wantPath: "reuters.txt", wantText: "From Reuters."},
		{name: "label with dots, digits, dash, underscore", arg: "a.B-9_z=reuters.txt", wantLabel: "a.B-9_z", wantPath: "reuters.txt", wantText: "From Reuters."},
		{name: "equals after a slash is part of the path", arg: "feeds/a=b.txt", wantLabel: "a=b", wantPath: "feeds/a=b.txt", wantText: "From a file with an equals sign."},
		{name: "dot slash path with equals", arg: "./x=y.txt", wantLabel: "x=y", wantPath: "./x=y.txt", wantText: "From x=y.txt."},
		{name: "label and path with equals", arg: "lbl=feeds/a=b.txt", wantLabel: "lbl", wantPath: "feeds/a=b.txt", wantText: "From a file with an equals sign."},
		{name: "existing file named like a label", arg: "x=y.txt", wantLabel: "x=y", wantPath: "x=y.txt", wantText: "From x=y.txt."},
		{name: "label wins when both files exist", arg: "both=reuters.txt", wantLabel: "both", wantPath: "reuters.txt", wantText: "From Reuters."},
		{name: "source header", arg: "titled.txt", wantLabel: "Yonhap", wantPath: "titled.txt", wantText: "From Yonhap."},
		{name: "label beats source header", arg: "yh=titled.txt", wantLabel: "yh", wantPath: "titled.txt", wantText: "From Yonhap."},
		{name: "stdin", arg: "-", stdin: "From stdin.", wantLabel: "stdin", wantPath: "-", wantText: "From stdin."},
		{name: "labelled stdin", arg: "kcna=-", stdin: "From stdin.", wantLabel: "kcna", wantPath: "-", wantText: "From stdin."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(t.Context(), tt.arg, Options{Stdin: strings.NewReader(tt.stdin)})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"Label", a.Label, tt.wantLabel},
				{"Path", a.Path, tt.wantPath},
				{"Text", a.Text, tt.wantText},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "empty.txt", "")
	writeFile(t, dir, "blank.txt", " \r\n\t\n\n")
	writeFile(t, dir, "image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	writeFile(t, dir, "latin1.txt", "Pyongyang caf\xe9.")
	writeFile(t, dir, "big.txt", strings.Repeat("word ", DefaultMaxBytes/5+1))
	writeFile(t, dir, "small.txt", strings.Repeat("x", 2048))
	writeFile(t, dir, "empty.html", "<html><head><title>T</title></head><body><script>render()</script></body></html>")
	if err := os.Mkdir("folder", 0o755); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/pdf":
			w.Header().Set("Content-Type", "application/pdf")
			io.WriteString(w, "%PDF-1.7")
		case "/json":
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			io.WriteString(w, `{"a":1}`)
		case "/big":
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, strings.Repeat("y", 4096))
		case "/chunked":
			w.Header().Set("Content-Type", "text/plain")
			for range 4 {
				io.WriteString(w, strings.Repeat("z", 1024))
				w.(http.Flusher).Flush()
			}
		case "/empty":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><head><title>T</title></head><body><script>render()</script></body></html>")
		case "/blank":
			w.Header().Set("Content-Type", "text/plain")
		}
	}))
	defer srv.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL, deadHost := dead.URL+"/", strings.TrimPrefix(dead.URL, "http://")
	dead.Close()

	tests := []struct {
		name string
		arg  string
		opt  Options
		want string
	}{
		{name: "missing file", arg: "missing.txt", want: "article missing.txt: no such file"},
		{name: "missing labelled file", arg: "bbc=missing.txt", want: "article bbc=missing.txt: no such file"},
		{name: "directory", arg: "folder", want: "article folder: is a directory, not a file"},
		{name: "empty file", arg: "empty.txt", want: "article empty.txt: empty or whitespace-only text"},
		{name: "whitespace-only file", arg: "blank.txt", want: "article blank.txt: empty or whitespace-only text"},
		{name: "binary file", arg: "image.png", want: "article image.png: binary content (NUL byte at offset 8), not text"},
		{name: "invalid UTF-8", arg: "latin1.txt", want: "article latin1.txt: invalid UTF-8 at byte 13; convert the file to UTF-8"},
		{name: "larger than default cap", arg: "big.txt", want: "article big.txt: larger than 2 MiB; raise --max-bytes"},
		{name: "larger than KiB cap", arg: "small.txt", opt: Options{MaxBytes: 1024}, want: "article small.txt: larger than 1 KiB; raise --max-bytes"},
		{name: "HTML file without text", arg: "empty.html", want: "article empty.html: no article text found in the HTML"},
		{name: "label without target", arg: "bbc=", want: `article bbc=: no file, "-" or URL after the label`},
		{name: "stdin not available", arg: "-", want: "article -: standard input is not available"},
		{name: "stdin empty", arg: "-", opt: Options{Stdin: strings.NewReader("")}, want: "article -: empty or whitespace-only text"},
		{name: "stdin too large", arg: "-", opt: Options{Stdin: strings.NewReader("0123456789A"), MaxBytes: 10}, want: "article -: larger than 10 bytes; raise --max-bytes"},
		{name: "unreachable host", arg: deadURL, want: fmt.Sprintf("article %s: cannot reach %s: dial tcp %s: connect: connection refused", deadURL, deadHost, deadHost)},
		{name: "HTTP 404", arg: srv.URL + "/missing", want: "article " + srv.URL + "/missing: server answered 404 Not Found"},
		{name: "HTTP 500 with label", arg: "x=" + srv.URL + "/broken", want: "article x=" + srv.URL + "/broken: server answered 500 Internal Server Error"},
		{name: "PDF", arg: srv.URL + "/pdf", want: "article " + srv.URL + `/pdf: content type "application/pdf" is not text; want text/html or text/plain`},
		{name: "JSON", arg: srv.URL + "/json", want: "article " + srv.URL + `/json: content type "application/json" is not text; want text/html or text/plain`},
		{name: "body over cap", arg: srv.URL + "/big", opt: Options{MaxBytes: 1024}, want: "article " + srv.URL + "/big: larger than 1 KiB; raise --max-bytes"},
		{name: "chunked body over cap", arg: srv.URL + "/chunked", opt: Options{MaxBytes: 1024}, want: "article " + srv.URL + "/chunked: larger than 1 KiB; raise --max-bytes"},
		{name: "HTML page without text", arg: srv.URL + "/empty", want: "article " + srv.URL + "/empty: no article text found in the HTML"},
		{name: "empty body", arg: srv.URL + "/blank", want: "article " + srv.URL + "/blank: empty or whitespace-only text"},
		{name: "URL without host", arg: "https://", want: "article https://: not a valid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(t.Context(), tt.arg, tt.opt)
			if err == nil {
				t.Fatalf("got article %q, want error %q", a.Text, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %T (%v), want *InputError", err, err)
			}
			if ie.Arg != tt.arg {
				t.Errorf("Arg: got %q, want %q", ie.Arg, tt.arg)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInputErrorUnwrap(t *testing.T) {
	cause := errors.New("cause")
	err := error(&InputError{Arg: "a.txt", Err: cause})
	if !errors.Is(err, cause) {
		t.Errorf("errors.Is(%v, cause) = false, want true", err)
	}
}

// request is what the test server saw of one request.
type request struct {
	path, userAgent, accept string
}

// recorder serves fixed responses and records the requests it received.
type recorder struct {
	mu   sync.Mutex
	reqs []request
}

func (rec *recorder) add(r *http.Request) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.reqs = append(rec.reqs, request{r.URL.Path, r.Header.Get("User-Agent"), r.Header.Get("Accept")})
}

func (rec *recorder) requests() []request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]request(nil), rec.reqs...)
}

func TestLoadURL(t *testing.T) {
	page, err := os.ReadFile("testdata/summit.html")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		switch r.URL.Path {
		case "/summit":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/xhtml":
			w.Header().Set("Content-Type", "application/xhtml+xml")
			w.Write(page)
		case "/sniffed":
			w.Header()["Content-Type"] = nil // stop net/http from sniffing
			w.Write(page)
		case "/plain":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, "title: Pact\n\n<p>Angle brackets stay text.</p> Putin arrived.")
		case "/old":
			http.Redirect(w, r, "/summit", http.StatusMovedPermanently)
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	hostname, _, _ := strings.Cut(host, ":")

	tests := []struct {
		name      string
		arg       string
		ua        string
		wantLabel string
		wantURL   string
		wantTitle string
		wantDate  string
		wantFirst string
		wantUA    string
	}{
		{
			name:      "HTML page",
			arg:       srv.URL + "/summit",
			ua:        "test-agent/1",
			wantLabel: "Example Wire",
			wantURL:   srv.URL + "/summit",
			wantTitle: "Putin and Kim sign mutual defence pact",
			wantDate:  "2024-06-19",
			wantFirst: "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement in Pyongyang on Wednesday, pledging mutual aid if either country is attacked.",
			wantUA:    "test-agent/1",
		},
		{
			name:      "XHTML with label",
			arg:       "wire=" + srv.URL + "/xhtml",
			wantLabel: "wire",
			wantURL:   srv.URL + "/xhtml",
			wantTitle: "Putin and Kim sign mutual defence pact",
			wantDate:  "2024-06-19",
			wantFirst: "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement in Pyongyang on Wednesday, pledging mutual aid if either country is attacked.",
			wantUA:    UserAgent(moduleVersion()),
		},
		{
			name:      "no content type is sniffed",
			arg:       srv.URL + "/sniffed",
			wantLabel: "Example Wire",
			wantURL:   srv.URL + "/sniffed",
			wantTitle: "Putin and Kim sign mutual defence pact",
			wantDate:  "2024-06-19",
			wantFirst: "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement in Pyongyang on Wednesday, pledging mutual aid if either country is attacked.",
			wantUA:    UserAgent(moduleVersion()),
		},
		{
			name:      "plain text is never read as HTML",
			arg:       srv.URL + "/plain",
			wantLabel: hostname,
			wantURL:   srv.URL + "/plain",
			wantTitle: "Pact",
			wantFirst: "<p>Angle brackets stay text.</p> Putin arrived.",
			wantUA:    UserAgent(moduleVersion()),
		},
		{
			name:      "equals sign in a URL is no label",
			arg:       srv.URL + "/plain?id=7",
			wantLabel: hostname,
			wantURL:   srv.URL + "/plain?id=7",
			wantTitle: "Pact",
			wantFirst: "<p>Angle brackets stay text.</p> Putin arrived.",
			wantUA:    UserAgent(moduleVersion()),
		},
		{
			name:      "redirect records the final address",
			arg:       srv.URL + "/old",
			wantLabel: "Example Wire",
			wantURL:   srv.URL + "/summit",
			wantTitle: "Putin and Kim sign mutual defence pact",
			wantDate:  "2024-06-19",
			wantFirst: "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership agreement in Pyongyang on Wednesday, pledging mutual aid if either country is attacked.",
			wantUA:    UserAgent(moduleVersion()),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(rec.requests())
			a, err := Load(t.Context(), tt.arg, Options{UserAgent: tt.ua, HTTPClient: srv.Client()})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"Label", a.Label, tt.wantLabel},
				{"URL", a.URL, tt.wantURL},
				{"Path", a.Path, ""},
				{"Title", a.Title, tt.wantTitle},
				{"Date", a.Date, tt.wantDate},
				{"Sentence(1)", a.Sentence(1), tt.wantFirst},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
				}
			}
			reqs := rec.requests()[before:]
			if len(reqs) == 0 {
				t.Fatal("server got no request")
			}
			for _, r := range reqs {
				if r.userAgent != tt.wantUA {
					t.Errorf("User-Agent of %s: got %q, want %q", r.path, r.userAgent, tt.wantUA)
				}
				if !strings.Contains(r.accept, "text/html") {
					t.Errorf("Accept of %s: got %q, want it to include text/html", r.path, r.accept)
				}
			}
		})
	}
}

func TestLoadURLDefaultUserAgent(t *testing.T) {
	want := "newslens/dev (+https://github.com/newslens/newslens)"
	if got := UserAgent("dev"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestLoadURLTimeout checks that FetchTimeout bounds a fetch, and that a
// server that accepted the connection and then said nothing, or stopped
// half-way through its answer, is not reported as unreachable.
func TestLoadURLTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/partial" {
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Length", "1000")
			w.Write([]byte("The first words of an answer that never ends."))
			w.(http.Flusher).Flush()
		}
		<-r.Context().Done()
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		name string
		path string
		want string
	}{
		{name: "no answer", path: "/silent", want: "no answer from " + host + " within 100ms; raise --fetch-timeout"},
		{name: "answer cut short", path: "/partial", want: "no complete answer from " + host + " within 100ms; raise --fetch-timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(t.Context(), srv.URL+tt.path, Options{HTTPClient: srv.Client(), FetchTimeout: 100 * time.Millisecond})
			want := "article " + srv.URL + tt.path + ": " + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("got %v, want %q", err, want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("got %T, want *InputError", err)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{name: "seconds", d: 2 * time.Second, want: "2s"},
		{name: "minutes", d: time.Minute, want: "1m"},
		{name: "minutes and seconds", d: 90 * time.Second, want: "1m30s"},
		{name: "hours", d: time.Hour, want: "1h"},
		{name: "milliseconds", d: 250 * time.Millisecond, want: "250ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatDuration(tt.d); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadCancelled(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		<-started
		cancel()
	}()
	_, err := Load(ctx, srv.URL, Options{HTTPClient: srv.Client()})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		t.Errorf("got *InputError %q; cancellation is not bad input", err)
	}
}

// TestLoadURLWithoutContentType checks that a page served without a
// content type is HTML by its address's extension, as a file is by its
// name, and otherwise by its content.
func TestLoadURLWithoutContentType(t *testing.T) {
	page := "Saved from the harbour website\n<html><head><title>Ferry back</title></head>" + ferryBody
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // stop net/http from sniffing
		io.WriteString(w, page)
	}))
	defer srv.Close()
	tests := []struct {
		name      string
		path      string
		wantTitle string
	}{
		{name: ".html address", path: "/news/ferry.html", wantTitle: "Ferry back"},
		{name: ".xhtml address", path: "/news/ferry.XHTML", wantTitle: "Ferry back"},
		{name: "no extension, not HTML by content", path: "/news/ferry", wantTitle: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(t.Context(), srv.URL+tt.path, Options{HTTPClient: srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", a.Title, tt.wantTitle)
			}
		})
	}
}

// timeoutErr is a network error that says it timed out.
type timeoutErr struct{}

func (timeoutErr) Error() string { return "i/o timeout" }
func (timeoutErr) Timeout() bool { return true }

func TestFetchError(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		connected bool
		want      string
	}{
		{name: "timeout before a connection", err: &url.Error{Op: "Get", URL: "http://example.com/", Err: timeoutErr{}}, want: "cannot reach example.com: no connection within 2s"},
		{name: "timeout after the connection", err: &url.Error{Op: "Get", URL: "http://example.com/", Err: context.DeadlineExceeded}, connected: true, want: "no answer from example.com within 2s; raise --fetch-timeout"},
		{name: "refused", err: &url.Error{Op: "Get", URL: "http://example.com/", Err: errors.New("connection refused")}, want: "cannot reach example.com: connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fetchError("example.com", tt.err, tt.connected, 2*time.Second).Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
