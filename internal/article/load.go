package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newslens/newslens/internal/sentence"
)

// DefaultMaxBytes is the size cap used when Options.MaxBytes is 0.
const DefaultMaxBytes = 2 << 20

// DefaultFetchTimeout bounds a URL fetch when Options.FetchTimeout is 0.
const DefaultFetchTimeout = 20 * time.Second

// Options controls loading. The zero value caps input at 2 MiB, has no
// standard input, and fetches URLs with a 20 s timeout.
type Options struct {
	// FetchTimeout bounds a whole URL fetch: connecting, waiting for the
	// answer and reading it; 0 means DefaultFetchTimeout.
	FetchTimeout time.Duration
	// MaxBytes caps the size of a file, standard input or URL body;
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the "-" argument.
	Stdin io.Reader
	// HTTPClient fetches URLs; nil means http.DefaultClient. Its own
	// Timeout, if any, applies besides FetchTimeout.
	HTTPClient *http.Client
	// UserAgent is sent with URL requests; empty means UserAgent of the
	// module version.
	UserAgent string
	// Splits, if set, keeps sentence splits between runs: Load takes an
	// article's sentences from it when it holds a split of the same text
	// by the same splitter, and stores the ones it makes.
	Splits sentence.Store
}

// UserAgent returns the User-Agent header newslens sends for the given
// program version.
func UserAgent(version string) string {
	return "newslens/" + version + " (+https://github.com/newslens/newslens)"
}

// InputError reports an article argument that cannot be used: a missing,
// empty, binary or oversized file, an unreachable URL, and the like. The
// command line maps it to exit code 2.
type InputError struct {
	// Arg is the ARTICLE argument as given, LABEL= prefix included.
	Arg string
	// Err is the cause.
	Err error
}

// Error returns "article ARG: cause".
func (e *InputError) Error() string {
	return "article " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// labelPrefix matches "LABEL=rest". A path such as "dir/a=b.txt" does not
// match because '/' cannot occur in a label.
var labelPrefix = regexp.MustCompile(`^([A-Za-z0-9_.-]+)=(.*)$`)

// Load loads one ARTICLE argument: a file path, "-" for opt.Stdin, or an
// http(s) URL, any of them optionally prefixed "LABEL=". When a file name
// itself looks like LABEL=path ("a=b.txt") and exists while "b.txt" does
// not, the whole argument is taken as the path.
//
// Bad input yields an *InputError; a cancelled ctx yields ctx's error.
func Load(ctx context.Context, arg string, opt Options) (*Article, error) {
	label, target := splitLabel(arg)
	if target == "" {
		return nil, &InputError{Arg: arg, Err: errors.New("no file, \"-\" or URL after the label")}
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	var (
		a   *Article
		err error
	)
	switch {
	case target == "-":
		a, err = loadStdin(label, opt.Stdin, limit)
	case isURL(target):
		a, err = loadURL(ctx, label, target, opt, limit)
	default:
		a, err = loadFile(label, target, limit)
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("load article %s: %w", arg, ctxErr)
		}
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, &InputError{Arg: arg, Err: err}
	}
	a.Sentences = sentence.SplitWith(opt.Splits, a.Text)
	a.Kinds = sentenceKinds(a.Text, a.Sentences, a.marked)
	return a, nil
}

// splitLabel separates an optional LABEL= prefix from the target.
func splitLabel(arg string) (label, target string) {
	m := labelPrefix.FindStringSubmatch(arg)
	if m == nil {
		return "", arg
	}
	label, target = m[1], m[2]
	if target != "-" && target != "" && !isURL(target) {
		if _, err := os.Stat(target); err != nil {
			if _, err := os.Stat(arg); err == nil {
				return "", arg
			}
		}
	}
	return label, target
}

// isURL reports whether s is an http or https URL.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// loadStdin reads the "-" argument.
func loadStdin(label string, r io.Reader, limit int64) (*Article, error) {
	if r == nil {
		return nil, errors.New("standard input is not available")
	}
	data, err := readCapped(r, limit, 0)
	if err != nil {
		return nil, err
	}
	return parse(label, "-", "", data, kindAuto)
}

// loadFile reads a file argument.
func loadFile(label, path string, limit int64) (*Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
	if st.Mode().IsRegular() && st.Size() > limit {
		return nil, tooLarge(limit)
	}
	var sizeHint int64
	if st.Mode().IsRegular() {
		sizeHint = st.Size()
	}
	data, err := readCapped(f, limit, sizeHint)
	if err != nil {
		return nil, err
	}
	return parse(label, path, "", data, kindAuto)
}

// fileError turns an os error into a short cause; the path is already in
// InputError.Arg.
func fileError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readCapped reads r up to limit bytes and fails when there is more.
// sizeHint, when positive, is the expected size, so the buffer is made
// once instead of grown.
func readCapped(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 {
		buf.Grow(int(min(sizeHint, limit)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// tooLarge names the limit and the flag that raises it.
func tooLarge(limit int64) error {
	return fmt.Errorf("larger than %s; raise --max-bytes", formatBytes(limit))
}

// formatBytes prints n in the largest binary unit that divides it.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// allowedTypes are the content types an article URL may return.
var allowedTypes = map[string]kind{
	"text/html":             kindHTML,
	"application/xhtml+xml": kindHTML,
	"text/plain":            kindPlain,
}

// loadURL fetches and parses an http(s) argument.
func loadURL(ctx context.Context, label, rawURL string, opt Options, limit int64) (*Article, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("not a valid URL")
	}
	client := opt.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	timeout := opt.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// Whether a connection was made tells a server that never answered
	// from one that could not be reached.
	var connected atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = UserAgent(moduleVersion())
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, text/plain;q=0.9")

	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(u.Host, err, connected.Load(), timeout)
	}
	defer resp.Body.Close()

	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("server answered %s", resp.Status)
	}
	k := kindAuto
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, fmt.Errorf("unreadable content type %q", ct)
		}
		var ok bool
		if k, ok = allowedTypes[mt]; !ok {
			return nil, fmt.Errorf("content type %q is not text; want text/html or text/plain", mt)
		}
	}
	if k == kindAuto && isHTMLPath(u.Path) {
		k = kindHTML // no content type: the address names the page as a file would
	}
	if resp.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	data, err := readCapped(resp.Body, limit, 0)
	if err != nil {
		if isTimeout(err) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("no complete answer from %s within %s; raise --fetch-timeout", u.Host, formatDuration(timeout))
		}
		return nil, err
	}
	// Readability resolves relative links against the final address,
	// which differs from rawURL after a redirect.
	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	return parse(label, "", final, data, k)
}

// fetchError describes a failed request without Go's "Get URL:" prefix,
// which would repeat the argument. A timeout after the connection was made
// means the server accepted it and did not answer: the host is reachable.
func fetchError(host string, err error, connected bool, timeout time.Duration) error {
	if isTimeout(err) {
		if connected {
			return fmt.Errorf("no answer from %s within %s; raise --fetch-timeout", host, formatDuration(timeout))
		}
		return fmt.Errorf("cannot reach %s: no connection within %s", host, formatDuration(timeout))
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("cannot reach %s: %w", host, err)
}

// isTimeout reports whether err is a deadline passing, ours or the HTTP
// client's.
func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

// formatDuration prints d as a flag would take it, without Go's trailing
// zero units: "2s", "1m", "1m30s", "500ms".
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// moduleVersion is the version of the running binary's main module, for
// the default User-Agent.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// LoadAll loads every argument with at most n loads at once (n < 1 means
// one per processor). Results and errors keep the order of args; a failed
// load leaves a nil article and its error at that index. Standard input is
// read by at most one argument, so loading in parallel is safe.
func LoadAll(ctx context.Context, args []string, opt Options, n int) ([]*Article, []error) {
	if n < 1 {
		n = runtime.GOMAXPROCS(0)
	}
	arts := make([]*Article, len(args))
	errs := make([]error, len(args))
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for i, arg := range args {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			arts[i], errs[i] = Load(ctx, arg, opt)
		}()
	}
	wg.Wait()
	return arts, errs
}
