package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/summarize"
)

// resultLine is one line of a batch output or error file, in the format
// of OpenAI's Batch API, which vLLM's run_batch writes too.
type resultLine struct {
	ID       string `json:"id"`
	CustomID string `json:"custom_id"`
	Response *struct {
		StatusCode int             `json:"status_code"`
		Body       json.RawMessage `json:"body"`
	} `json:"response"`
	Error *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// readResults reads a result file into a map by custom_id. A later line
// for the same custom_id replaces an earlier one.
func readResults(r io.Reader, name string, into map[string]*resultLine) error {
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var l resultLine
		err := dec.Decode(&l)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return usagef("pass the output file of a batch (OpenAI or vLLM run_batch format)", "%s: result %d: %v", name, n, err)
		}
		if l.CustomID == "" {
			return usagef("pass the output file of a batch (OpenAI or vLLM run_batch format)", "%s: result %d has no custom_id", name, n)
		}
		into[l.CustomID] = &l
	}
}

// replay is a Completer that answers an article's first request with its
// line of a batch result file. A repair request goes to next, the real
// endpoint, when there is one.
type replay struct {
	*llm.Client
	results map[string]*resultLine
	from    string
	next    summarize.Completer
}

func (r *replay) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	switch {
	case req.Tags["Part"] != "":
		return nil, errTooLong
	case req.Tags["Repair"] != "":
		if r.next == nil {
			return nil, errors.New("the reply needs a repair request and no endpoint is configured to send it; set OPENAI_API_KEY or OPENAI_BASE_URL and collect again")
		}
		return r.next.Complete(ctx, req)
	}
	body, err := r.Body(req)
	if err != nil {
		return nil, err
	}
	id := customID(req, body)
	l := r.results[id]
	switch {
	case l == nil:
		return nil, fmt.Errorf("no result for request %s in %s", id, r.from)
	case l.Error != nil:
		return nil, fmt.Errorf("the batch request %s failed: %s (%s)", id, oneLine(l.Error.Message), l.Error.Code)
	case l.Response == nil:
		return nil, fmt.Errorf("the batch result for %s has neither a response nor an error", id)
	case l.Response.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("the batch request %s failed with HTTP %d: %s", id, l.Response.StatusCode, errorMessage(l.Response.Body))
	}
	return r.Reply(l.Response.Body)
}

// errorMessage is the message of an OpenAI error body, or the body.
func errorMessage(body json.RawMessage) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return oneLine(e.Error.Message)
	}
	return oneLine(strings.TrimSpace(string(body)))
}

func runBatchCollect(ctx context.Context, opts *BatchOptions) error {
	if opts.From == "" {
		return runBatchJobCollect(ctx, opts)
	}
	if len(opts.Articles) == 0 {
		return usagef("newslens batch collect --from results.jsonl article.txt...", "no articles given: pass the articles the batch file was made from, in the same order")
	}
	if err := opts.Output.check(); err != nil {
		return err
	}
	results := make(map[string]*resultLine)
	if err := readResultFile(opts.From, results); err != nil {
		return err
	}
	return collect(ctx, opts, results, opts.From)
}

func readResultFile(path string, into map[string]*resultLine) error {
	f, err := os.Open(path)
	if err != nil {
		return usagef("pass the output file of a batch with --from", "cannot read batch results: %v", err)
	}
	defer f.Close()
	return readResults(f, path, into)
}

// collect summarises the articles from the batch results exactly as
// summarize would from the same replies: the same validation and repair,
// grounding checks and output; each reply used goes into the response
// cache, so a later summarize of the article is a hit, and a run that is
// repeated finds what it did before in the cache.
func collect(ctx context.Context, opts *BatchOptions, results map[string]*resultLine, from string) error {
	e, b, err := llmEngine(opts.Endpoint, opts.Prompt, opts.IO)
	if err != nil {
		return err
	}
	defer b.close()
	arts, err := loadArticles(ctx, opts.IO, opts.Input, opts.Articles, b.splits())
	if err != nil {
		return err
	}
	rp := &replay{Client: b.client, results: results, from: from}
	if opts.Endpoint.configured() {
		rp.next = b.client
	}
	var c summarize.Completer = rp
	if b.cache != nil {
		var log io.Writer
		if opts.Endpoint.Verbose {
			log = opts.IO.Err
		}
		c = b.cache.Wrap(rp, log)
	}
	e.Client = c
	sums, errs := summarizeAll(ctx, opts.IO, arts, e, opts.Endpoint.Concurrency)
	if err := firstCancel(errs); err != nil {
		return err
	}
	f, _ := pickFormat("jsonl", summaryFormats)
	so := &SummarizeOptions{IO: opts.IO, Output: opts.Output, Engine: opts.Engine}
	return reportSummaries(so, f, arts, sums, errs)
}
