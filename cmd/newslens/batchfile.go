package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/summarize"
)

// BatchOptions is everything the batch subcommands need.
type BatchOptions struct {
	IO       stdio
	Endpoint endpointOptions
	Prompt   promptOptions
	Input    inputOptions
	Output   outputOptions
	Engine   engineOptions
	// From is a batch result file made elsewhere, for collect.
	From string
	// State is the job's state file, for submit, status and collect.
	State    string
	Articles []string
}

func batchCommand() *cli.Command {
	flags := func(extra ...cli.Flag) []cli.Flag {
		return concat(endpointFlags(), promptFlags("summarize"), inputFlags(), []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no notices or progress on stderr"},
		}, extra)
	}
	sub := func(name, usage, args string, run func(context.Context, *BatchOptions) error, extra ...cli.Flag) *cli.Command {
		return &cli.Command{
			Name:         name,
			Usage:        usage,
			ArgsUsage:    args,
			Flags:        flags(extra...),
			OnUsageError: onUsageError,
			Action: func(c *cli.Context) error {
				return run(c.Context, batchFrom(c))
			},
		}
	}
	return &cli.Command{
		Name:         "batch",
		Usage:        "summarise many articles through a batch engine (OpenAI Batch API, vLLM run_batch)",
		OnUsageError: onUsageError,
		Action:       groupAction("batch", "file, submit, status or collect"),
		Subcommands: []*cli.Command{
			sub("file", "write the summarize requests as batch input JSONL, without sending them", "ARTICLE...", runBatchFile),
			sub("submit", "write the requests, upload them and start batches on the Batch API", "ARTICLE...", runBatchSubmit, stateFlag()),
			sub("status", "show each batch's state, counts and time left", "[STATE]", runBatchStatus, stateFlag()),
			sub("collect", "turn a job's (or a result file's) replies into summaries, as summarize --format jsonl writes them", "[STATE] | --from RESULTS ARTICLE...", runBatchCollect,
				stateFlag(),
				&cli.StringFlag{Name: "from", Usage: "batch result `FILE` (OpenAI output format, e.g. from vLLM run_batch)"},
				&cli.BoolFlag{Name: "strict", Usage: "exit 1 when any grounding check fails (the output is still written)"}),
		},
	}
}

func stateFlag() cli.Flag {
	return &cli.StringFlag{Name: "state", Value: defaultState, Usage: "the job's state `FILE`, written by submit (no API key in it)"}
}

func batchFrom(c *cli.Context) *BatchOptions {
	return &BatchOptions{
		IO:       stdioFrom(c),
		Endpoint: endpointFrom(c),
		Prompt:   promptFrom(c),
		Input:    inputFrom(c),
		Output:   outputOptions{Format: "jsonl", Path: c.String("output")},
		Engine:   engineOptions{Engine: "llm", Strict: c.Bool("strict")},
		From:     c.String("from"),
		State:    c.String("state"),
		Articles: c.Args().Slice(),
	}
}

// batchLine is one line of a batch input file.
type batchLine struct {
	CustomID string          `json:"custom_id"`
	Method   string          `json:"method"`
	URL      string          `json:"url"`
	Body     json.RawMessage `json:"body"`
}

// Why an article has no line in a batch file.
var (
	errCaptured = errors.New("request captured")
	errTooLong  = errors.New("the article is too long for one request: it would be summarised in parts and merged, which a batch cannot do; summarise it with newslens summarize")
	errInCache  = errors.New("in the response cache")
)

// customID names an article's request in a batch: the article's digest
// (so a result can be traced back by eye), a digest of the request body
// (so the same text under another label, or with other parameters, is
// another request) and the prompt.
func customID(req llm.Request, body []byte) string {
	h := sha256.Sum256(body)
	art := req.Tags["Article"]
	if len(art) > 16 {
		art = art[:16]
	}
	return fmt.Sprintf("nl-%s-%s-%s", art, hex.EncodeToString(h[:4]), req.Tags["Prompt"])
}

// capture is a Completer that sends nothing: it keeps the first request
// summarize makes for an article and stops it there.
type capture struct {
	*llm.Client
	req llm.Request
}

func (c *capture) Complete(_ context.Context, req llm.Request) (*llm.Response, error) {
	switch {
	case req.Tags["Part"] != "":
		return nil, errTooLong
	case req.Tags["Repair"] != "":
		// The first reply is cached; only its repair is missing, which
		// summarize will send.
		return nil, errInCache
	}
	c.req = req
	return nil, errCaptured
}

// capturing points e at a capture in front of b's client (behind the
// cache, if any), so that summarising an article with e makes its first
// request and sends nothing. Articles must then be summarised one at a
// time.
func capturing(e *summarize.LLM, b *backend) *capture {
	cp := &capture{Client: b.client}
	e.Client = cp
	if b.cache != nil {
		e.Client = b.cache.Wrap(cp, nil)
	}
	return cp
}

// firstRequest is the request summarize would send first for a, or
// errInCache when the reply to it is in the response cache, or errTooLong.
// It runs summarize itself through cp, so the request is exactly
// summarize's.
func firstRequest(ctx context.Context, e *summarize.LLM, cp *capture, a *article.Article) (llm.Request, error) {
	cp.req = llm.Request{}
	_, err := e.Summarize(ctx, a)
	switch {
	case err == nil:
		return llm.Request{}, errInCache
	case errors.Is(err, errCaptured):
		return cp.req, nil
	}
	return llm.Request{}, err
}

func runBatchFile(ctx context.Context, opts *BatchOptions) error {
	if len(opts.Articles) == 0 {
		return usagef("newslens batch file -o requests.jsonl article.txt...", "no articles given")
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	e, b, err := llmEngine(opts.Endpoint, opts.Prompt, opts.IO)
	if err != nil {
		return err
	}
	defer b.close()
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, b.splits())
	if err != nil {
		return err
	}
	var st fileStats
	err = streamOutput(opts.IO, opts.Output.Path, func(w io.Writer) error {
		return writeBatchFile(ctx, w, e, b, arts, &st)
	})
	if err != nil {
		return err
	}
	st.report(opts.IO, opts.Output.Path)
	return nil
}

// fileStats counts what writeBatchFile did.
type fileStats struct {
	written, cached int
	long            []string
}

func (st *fileStats) report(s stdio, path string) {
	if toStdout(path) {
		path = "stdout"
	}
	s.notice("wrote %s to %s; %s already in the response cache %s left out", plural(st.written, "request"), path, plural(st.cached, "article"), map[bool]string{true: "was", false: "were"}[st.cached == 1])
	for _, l := range st.long {
		s.notice("left out %s: %v", l, errTooLong)
	}
}

// writeBatchFile writes one batch line per article not in the cache, as
// it goes: nothing is held but the set of custom_ids written, so the same
// request given twice is sent once.
func writeBatchFile(ctx context.Context, w io.Writer, e *summarize.LLM, b *backend, arts []*article.Article, st *fileStats) error {
	cp := capturing(e, b)
	seen := make(map[string]bool)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		req, err := firstRequest(ctx, e, cp, a)
		switch {
		case errors.Is(err, errInCache):
			st.cached++
			continue
		case errors.Is(err, errTooLong):
			st.long = append(st.long, a.Label)
			continue
		case err != nil:
			return err
		}
		body, err := b.client.Body(req)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Label, err)
		}
		id := customID(req, body)
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := enc.Encode(batchLine{CustomID: id, Method: "POST", URL: "/v1/chat/completions", Body: body}); err != nil {
			return err
		}
		st.written++
	}
	return nil
}

// streamOutput lets write stream to stdout, or to a temporary file beside
// path that replaces path only when write succeeded: a failed run leaves
// no half-written file.
func streamOutput(s stdio, path string, write func(io.Writer) error) error {
	if toStdout(path) {
		bw := bufio.NewWriterSize(s.Out, 256<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	// A new file gets 0666 less the umask, as os.Create gives; a file
	// that is replaced keeps its mode.
	tmp := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.%d.tmp", filepath.Base(path), os.Getpid()))
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp)
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if fi, serr := os.Stat(path); err == nil && serr == nil && fi.Mode().IsRegular() {
		err = f.Chmod(fi.Mode().Perm())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// plural is "1 request" or "n requests".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
